"""The period of an export (``von=`` / ``bis=``) and other days that lie in the past."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

from commands.core.dates import typed
from commands.core.dates_input import parse_date
from commands.core.errors import ArgError, CommandError

_NO_YEAR = re.compile(r"\s*\d{1,2}\.\d{1,2}\.?\s*")


def _parse(text: str, today: date) -> date:
    try:
        return parse_date(text, today)
    except ArgError as error:
        raise CommandError(error.key, **error.params) from None


def past_day(text: str, today: date) -> date:
    """A day as people write it; ``08.12.`` without a year is the most recent such day."""
    day = _parse(text, today)
    if day <= today or not _NO_YEAR.fullmatch(text):
        return day
    for year in range(today.year, today.year - 9, -1):  # 29.02. waits for a leap year
        with suppress(ValueError):
            if (candidate := day.replace(year=year)) <= today:
                return candidate
    return day


def period(start: str | None, end: str | None, today: date) -> tuple[date | None, date | None]:
    """``von=`` and ``bis=`` as days (either may be missing); the start must not follow the end.

    Without a year, ``von=`` is the most recent such day and ``bis=`` the first such day
    from the start on (or in the current year): ``von=01.12. bis=31.01.`` spans the turn
    of the year.
    """
    first = past_day(start, today) if start else None
    last = None
    if end:
        anchor = first or date(today.year, 1, 1)
        last = _parse(end, anchor) if _NO_YEAR.fullmatch(end) else _parse(end, today)
    if first is not None and last is not None and first > last:
        raise CommandError("export.bad_period", start=typed(first), end=typed(last))
    return first, last
