"""Dates and times the German way ("Di., 8. Dez. 2026, 10:00 Uhr") or the English way."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

_DE_WEEKDAYS = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")
_DE_MONTHS = (
    "Jan.",
    "Feb.",
    "März",
    "Apr.",
    "Mai",
    "Juni",
    "Juli",
    "Aug.",
    "Sept.",
    "Okt.",
    "Nov.",
    "Dez.",
)
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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
        if self.language == "de":
            text = f"{day.day}. {_DE_MONTHS[day.month - 1]}"
            text += f" {day.year}" if year else ""
            return f"{_DE_WEEKDAYS[day.weekday()]}, {text}" if weekday else text
        text = f"{day.day} {_EN_MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")
        return f"{_EN_WEEKDAYS[day.weekday()]}, {text}" if weekday else text

    def time(self, moment: datetime, *, suffix: bool = True) -> str:
        """``10:00 Uhr`` / ``10:00``."""
        text = self.local(moment).strftime("%H:%M")
        return f"{text} Uhr" if suffix and self.language == "de" else text

    def moment(self, moment: datetime) -> str:
        """``Di., 8. Dez. 2026, 10:00 Uhr``."""
        return f"{self.day(moment)}, {self.time(moment)}"

    def span(self, start: datetime, end: datetime) -> str:
        """``Di., 8. Dez. 2026, 10:00–11:30 Uhr`` (same day) or two full moments."""
        if self.local(start).date() == self.local(end).date():
            return f"{self.day(start)}, {self.time(start, suffix=False)}–{self.time(end)}"
        return f"{self.moment(start)} – {self.moment(end)}"

    def duration(self, delta: timedelta) -> str:
        """``7 Tage`` / ``1 Stunde`` / ``30 Minuten`` (and English)."""
        seconds = int(delta.total_seconds())
        units = (
            (86400, ("Tag", "Tage"), ("day", "days")),
            (3600, ("Stunde", "Stunden"), ("hour", "hours")),
            (60, ("Minute", "Minuten"), ("minute", "minutes")),
        )
        for size, de, en in units:
            if seconds >= size and seconds % size == 0:
                count = seconds // size
                names = de if self.language == "de" else en
                return f"{count} {names[0] if count == 1 else names[1]}"
        return f"{seconds} s"

    def short_uptime(self, delta: timedelta) -> str:
        """``2 Tage 3 Std. 4 Min.`` — for ``!status``."""
        total = int(delta.total_seconds())
        days, rest = divmod(total, 86400)
        hours, rest = divmod(rest, 3600)
        minutes = rest // 60
        if self.language == "de":
            parts = [f"{days} Tg.", f"{hours} Std.", f"{minutes} Min."]
        else:
            parts = [f"{days} d", f"{hours} h", f"{minutes} min"]
        return " ".join(parts[0 if days else 1 if hours else 2 :])
