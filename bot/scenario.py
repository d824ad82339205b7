"""The scripted demo session (``koopbot demo --scenario``): who says what, in order.

Each feature adds its lines here, so a newcomer sees every command once.
"""

from __future__ import annotations

#: (demo user, message). "{agentur1}" etc. are replaced by full user ids.
SCENARIO: list[tuple[str, str]] = [
    ("stadt1", "!hilfe"),
    ("agentur1", "!kontakte"),
    ("stadt1", "!kontakte setzen agentur {agentur1}"),
    ("koordination", "!kontakte setzen jobcenter {jobcenter1} vertretung={koordination}"),
    ("jobcenter1", "!hilfe kontakte"),
    ("agentur1", "!terminn"),
    ("koordination", "!status"),
]
