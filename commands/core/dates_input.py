"""Dates, times and durations as people type them.

``2026-12-08``, ``8.12.2026``, ``08.12.`` (the next such day), ``heute``/``morgen``;
``10:00``, ``10.30``, ``10 Uhr``; durations as minutes (``90``) or ``1h30m``. Every
function returns a value or raises :class:`ArgError` with a catalogue text.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from commands.core.dates import typed
from commands.core.errors import ArgError
from config.durations import parse_duration

MAX_YEARS_AHEAD = 5
MIN_MINUTES, MAX_MINUTES = 5, 24 * 60

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_GERMAN = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", re.ASCII)
_NO_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.?", re.ASCII)
_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:uhr|h)?", re.ASCII | re.I)
_RELATIVE = {"heute": 0, "today": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2}
#: Days before today by name: understood, and refused as past (dates here lie ahead).
_PAST = ("gestern", "vorgestern", "yesterday")


def _shown(text: str) -> str:
    return text.strip()[:40]


def parse_date(text: str, today: date) -> date:
    """A calendar day; a day without a year is the next such day from ``today`` on."""
    value = text.strip().casefold()
    if value in _RELATIVE:
        return today + timedelta(days=_RELATIVE[value])
    if value in _PAST:
        raise ArgError("dates.past", value=_shown(text))
    day = _explicit(value, today) if not _NO_YEAR.fullmatch(value) else _next(value, today)
    if day is None:
        raise ArgError("dates.bad_date", value=_shown(text))
    if day.year > today.year + MAX_YEARS_AHEAD or day.year < today.year - 1:
        raise ArgError("dates.too_far", value=_shown(text), years=MAX_YEARS_AHEAD)
    return day


def _explicit(value: str, today: date) -> date | None:
    iso, german = _ISO.fullmatch(value), _GERMAN.fullmatch(value)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif german:
        day, month, year = (int(g) for g in german.groups())
        if len(german.group(3)) == 2:
            year += today.year // 100 * 100
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next(value: str, today: date) -> date | None:
    match = _NO_YEAR.fullmatch(value)
    assert match is not None
    day, month = int(match.group(1)), int(match.group(2))
    for year in range(today.year, today.year + 9):  # 29.02. waits for a leap year
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def parse_time(text: str) -> time:
    """A time of day: ``10:00``, ``10.30``, ``10``, ``10 Uhr`` (seconds allowed: ``10:00:30``)."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise ArgError("dates.bad_time", value=_shown(text))
    hour, minute, second = (int(g) if g else 0 for g in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise ArgError("dates.bad_time", value=_shown(text))
    return time(hour, minute, second)


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """``day`` at ``at`` on the wall clock of ``zone``, as aware UTC.

    A time skipped by the spring clock change does not exist and is refused; in the
    repeated autumn hour the first (summer-time) instance is meant.
    """
    local = datetime.combine(day, at, tzinfo=zone)
    moment = local.astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ArgError("dates.no_such_time", day=typed(day), time=f"{at.hour:02d}:{at.minute:02d}")
    return moment


def parse_minutes(text: str) -> int:
    """A meeting's length: ``90`` (minutes), ``1h30m``, ``2h``; between 5 minutes and a day."""
    value = text.strip().casefold().replace(",", ".")
    try:
        minutes = int(value) if value.isascii() and value.isdigit() else None
        if minutes is None:
            minutes = int(parse_duration(value).total_seconds() // 60)
    except (ValueError, OverflowError):
        raise ArgError("dates.bad_duration", value=_shown(text)) from None
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ArgError("dates.bad_duration", value=_shown(text))
    return minutes
