"""Named crash points: the moments where a crash changes what a restart sees.

Each point is a call ``crash(CrashPoint.X)`` at the exact place in the code. In
production the hook does nothing unless ``KOOPBOT_CRASH_AT`` names a point (a fail
point for the real-homeserver tests: the process kills itself with SIGKILL there, as
``kill -9`` would). The in-process harness (``tests/crash``) injects a hook that stops
the process state at the point instead. A new point is one more member here and one
more call in the code; the harness iterates over this enum and covers it.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from enum import StrEnum

log = logging.getLogger("koopbot.crash")

ENVIRONMENT = "KOOPBOT_CRASH_AT"


class CrashPoint(StrEnum):
    """Where a crash leaves work half done; the restart must finish it exactly once."""

    #: A command's (or reaction's) transaction committed; its reply is not yet queued.
    COMMITTED = "committed"
    #: The homeserver accepted a message; the outbox does not yet know it was sent.
    SENT = "sent"
    #: A batch was handled; the sync position after it is not yet saved.
    POSITION = "position"
    #: Due reminders were claimed and their messages committed; nothing sent yet.
    CLAIMED = "claimed"
    #: A file was uploaded; the message that shows it is not yet sent.
    UPLOADED = "uploaded"
    #: A standby took the instance lock and logged in; it has not caught up yet.
    TAKEOVER = "takeover"


Crash = Callable[[CrashPoint], None]


def no_crash(point: CrashPoint) -> None:
    """Production: the points cost one call each and do nothing."""


def crash_from_environment(environ: dict[str, str] | None = None) -> Crash:
    """``KOOPBOT_CRASH_AT=point[:n]``: SIGKILL this process at the n-th pass (default 1).

    Only for tests against a real homeserver, which need a crash at an exact moment; an
    unknown point name stops start-up rather than silently testing nothing.
    """
    value = (environ if environ is not None else dict(os.environ)).get(ENVIRONMENT, "")
    if not value:
        return no_crash
    name, _, count = value.partition(":")
    target = CrashPoint(name)
    remaining = int(count or "1")

    def crash(point: CrashPoint) -> None:
        nonlocal remaining
        if point is not target:
            return
        remaining -= 1
        if remaining == 0:
            log.warning("crash point %s reached: killing this process (%s)", point, ENVIRONMENT)
            logging.shutdown()
            os.kill(os.getpid(), signal.SIGKILL)

    log.warning(
        "%s=%s: this process will kill itself there (a test fail point)", ENVIRONMENT, value
    )
    return crash
