"""A press release's deadline: a calendar day as people write it, not in the past.

The day itself is parsed by the shared :func:`commands.core.dates_input.parse_date`
(``2026-12-08``, ``8.12.2026``, ``08.12.``, ``morgen``).
"""

from __future__ import annotations

from datetime import date

from commands.core.dates_input import parse_date
from commands.core.errors import ArgError, CommandError


def parse_deadline(text: str, today: date) -> date:
    """The deadline day ``text`` names; a user error if it is not a day or already past."""
    try:
        day = parse_date(text, today)
    except ArgError as error:
        raise CommandError(error.key, **error.params) from None
    if day < today:
        raise CommandError("pm.error.past_date", value=text.strip()[:40])
    return day
