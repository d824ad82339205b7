"""Dates, times and durations the German way ("Di., 8. Dez. 2026, 10:00 Uhr") or the English way.

The names of weekdays, months and units and the plural forms come from Babel's CLDR data,
not from tables of our own; only the shape of a date is chosen here (the short weekday,
the day, the short month, the year), because the room reads better with one fixed shape
than with each locale's "medium" date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.units import format_unit

#: CLDR date patterns: ``Di., 8. Dez. 2026`` and ``Tue, 8 Dec 2026``.
_DAY_PATTERNS = {
    # (language, weekday, year) -> pattern
    ("de", True, True): "EEE, d. MMM y",
    ("de", True, False): "EEE, d. MMM",
    ("de", False, True): "d. MMM y",
    ("de", False, False): "d. MMM",
    ("en", True, True): "EEE, d MMM y",
    ("en", True, False): "EEE, d MMM",
    ("en", False, True): "d MMM y",
    ("en", False, False): "d MMM",
}


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """Local midnight at the start of ``day`` in ``zone``, in UTC (daylight saving time
    aware): where a local calendar day begins or ends for a stored UTC time."""
    return datetime.combine(day, time.min, zone).astimezone(UTC)


#: Whole units a duration is shown in, largest first (CLDR unit names).
_UNITS = ((86400, "duration-day"), (3600, "duration-hour"), (60, "duration-minute"))


def typed(day: date) -> str:
    """A date the way it is typed in a command (``08.12.2026``), in both languages: texts
    that show the user a command to copy use it, not the localized display."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


@lru_cache(maxsize=4096)
def _unit(language: str, count: int, unit: str, length: str) -> str:
    # Cached: Babel works out the plural form and the pattern anew on every call (about
    # 40 µs each, three of them in every !status uptime), and counts repeat.
    return format_unit(count, unit, length=length, locale=language)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def _day(language: str, day: date, weekday: bool, year: bool) -> str:
    # Cached: an export of a long log names the same days again and again.
    return format_date(day, _DAY_PATTERNS[(language, weekday, year)], locale=language)


class DateFormatter:
    """Formats aware datetimes in the configured zone for one language."""

    def __init__(self, language: str, zone: ZoneInfo) -> None:
        self.language = language
        self.zone = zone

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def day(self, value: date | datetime, *, weekday: bool = True, year: bool = True) -> str:
        """``Di., 8. Dez. 2026`` / ``Tue, 8 Dec 2026``."""
        day = self.local(value).date() if isinstance(value, datetime) else value
        return _day(self.language, day, weekday, year)

    def time(self, moment: datetime, *, suffix: bool = True) -> str:
        """``10:00 Uhr`` / ``10:00`` (24-hour clock in both languages)."""
        local = self.local(moment)
        text = f"{local.hour:02d}:{local.minute:02d}"
        return f"{text} Uhr" if suffix and self.language == "de" else text

    def moment(self, moment: datetime) -> str:
        """``Di., 8. Dez. 2026, 10:00 Uhr``."""
        return f"{self.day(moment)}, {self.time(moment)}"

    def filed(self, moment: datetime) -> str:
        """``1. Dezember 2026, 22:26 Uhr`` / ``1 December 2026, 22:26``: a filed document's
        time, the month written out."""
        pattern = "d. MMMM y" if self.language == "de" else "d MMMM y"
        day = format_date(self.local(moment).date(), pattern, locale=self.language)
        return f"{day}, {self.time(moment)}"

    def span(self, start: datetime, end: datetime) -> str:
        """``Di., 8. Dez. 2026, 10:00–11:30 Uhr`` (same day) or two full moments."""
        if self.local(start).date() == self.local(end).date():
            return f"{self.day(start)}, {self.time(start, suffix=False)}–{self.time(end)}"
        return f"{self.moment(start)} – {self.moment(end)}"

    def duration(self, delta: timedelta) -> str:
        """``7 Tage`` / ``1 Stunde`` / ``30 Minuten`` (and English): the largest whole unit."""
        seconds = int(delta.total_seconds())
        for size, unit in _UNITS:
            if seconds >= size and seconds % size == 0:
                return _unit(self.language, seconds // size, unit, "long")
        return _unit(self.language, seconds, "duration-second", "long")

    def short_uptime(self, delta: timedelta) -> str:
        """``2 Tg. 3 Std. 4 Min.`` / ``2 days 3 hr 4 min`` — for ``!status``."""
        total = int(delta.total_seconds())
        days, rest = divmod(total, 86400)
        hours, rest = divmod(rest, 3600)
        counts = ((days, "duration-day"), (hours, "duration-hour"), (rest // 60, "duration-minute"))
        parts = [_unit(self.language, count, unit, "short") for count, unit in counts]
        return " ".join(parts[0 if days else 1 if hours else 2 :])
