"""How often a meeting repeats: German (or English) phrases and RFC 5545 RRULEs → one RRULE.

``jeden zweiten Dienstag im Monat`` becomes ``FREQ=MONTHLY;BYDAY=2TU``. Only rules that
repeat at most weekly are accepted, from a small set of RRULE parts, so a rule can neither
flood the room with reminders nor keep the expansion busy for long.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from commands.core.errors import ArgError

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = {
    "MO": ("montag", "monday", "mon"),
    "TU": ("dienstag", "tuesday", "tue"),
    "WE": ("mittwoch", "wednesday", "wed"),
    "TH": ("donnerstag", "thursday", "thu"),
    "FR": ("freitag", "friday", "fri"),
    "SA": ("samstag", "sonnabend", "saturday", "sat"),
    "SU": ("sonntag", "sunday", "sun"),
}
_ORDINALS = {
    "ersten": 1, "erste": 1, "1.": 1, "first": 1, "1st": 1,
    "zweiten": 2, "zweite": 2, "2.": 2, "second": 2, "2nd": 2,
    "dritten": 3, "dritte": 3, "3.": 3, "third": 3, "3rd": 3,
    "vierten": 4, "vierte": 4, "4.": 4, "fourth": 4, "4th": 4,
    "fünften": 5, "fünfte": 5, "5.": 5, "fifth": 5, "5th": 5,
    "letzten": -1, "letzte": -1, "last": -1,
    "vorletzten": -2, "vorletzte": -2,
}  # fmt: skip
_NUMBERS = {
    "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4, "fünf": 5, "five": 5,
    "sechs": 6, "six": 6,
}  # fmt: skip
_NONE = {"keine", "einmalig", "nein", "none", "once", "no"}

# Which RRULE parts each frequency may use (anything else is refused, see module doc).
_ALLOWED = {
    "WEEKLY": {"INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"},
    "MONTHLY": {"INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "COUNT", "UNTIL", "WKST"},
    "YEARLY": {"INTERVAL", "BYMONTH", "BYMONTHDAY", "BYDAY", "BYSETPOS", "COUNT", "UNTIL", "WKST"},
}
_MAX_INTERVAL = {"WEEKLY": 8, "MONTHLY": 12, "YEARLY": 2}
_PROBE_YEAR = 9599  # see first_occurrence: leaves 400–800 years to search
_SECOND = timedelta(seconds=1)
_UNTIL = re.compile(r"(\d{8})(T\d{6})?(Z)?", re.ASCII)
_BYDAY_ITEM = re.compile(r"([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)", re.ASCII)


def _numbers(value: str, low: int, high: int) -> bool:
    items = value.split(",")
    return all(re.fullmatch(r"[+-]?\d{1,3}", i, re.ASCII) for i in items) and all(
        low <= abs(int(i)) <= high for i in items
    )


def _byday(value: str, freq: str) -> bool:
    items = [_BYDAY_ITEM.fullmatch(i) for i in value.split(",")]
    # An ordinal ("2TU") only makes sense within a month or year.
    return all(m is not None and (freq != "WEEKLY" or not m.group(1)) for m in items)


_VALUES: dict[str, Callable[[str, str], bool]] = {
    "INTERVAL": lambda v, f: v.isascii() and v.isdigit() and 1 <= int(v) <= _MAX_INTERVAL[f],
    "COUNT": lambda v, f: v.isascii() and v.isdigit() and 1 <= int(v) <= 1000,
    "BYDAY": _byday,
    "BYMONTHDAY": lambda v, f: _numbers(v, 1, 31),
    "BYMONTH": lambda v, f: _numbers(v, 1, 12) and "-" not in v,
    "BYSETPOS": lambda v, f: _numbers(v, 1, 366),
    "WKST": lambda v, f: v in WEEKDAYS,
}


def _weekday(word: str) -> str | None:
    word = word.strip().rstrip(".").casefold()
    for code, names in _DAY_NAMES.items():
        if word in names or (word.endswith("s") and word[:-1] in names[:2]):
            return code
    return None


def _number(word: str) -> int | None:
    word = word.casefold()
    if word.isascii() and word.isdigit() and len(word) <= 2:
        return int(word)
    return _NUMBERS.get(word)


_MONTH = r"(?:im|des|jeden|eines|pro) monats?|(?:of|in|each) (?:the |every )?month"
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"(?:wöchentlich|jede woche|weekly|every week)(?: (?:am|on) (?P<wd>\w+))?", "weekly"),
        (r"(?:jeden|jede|immer|every|each) (?P<wd>\w+)", "weekly"),
        (r"(?P<wd>\w+s)", "weekly"),  # dienstags
        (r"(?:alle|every) (?P<n>\w+) (?:wochen?|weeks?)(?: (?:am |on )?(?P<wd>\w+))?", "weeks"),
        (r"(?:14-tägig|14-täglich|vierzehntägig|zweiwöchentlich|biweekly|fortnightly)"
         r"(?: (?:am |on )?(?P<wd>\w+))?", "biweekly"),
        (rf"(?:jeden |am |every |the |on the )?(?P<ord>\S+) (?P<wd>\w+)(?: (?:{_MONTH}))", "nth"),
        (r"(?:monatlich|jeden monat|monthly|every month)"
         r"(?: (?:am|on the|on day) (?P<day>\d{1,2})(?:\.|st|nd|rd|th)?)?", "monthly"),
        (rf"(?:jeden|am|on the|every) (?P<day>\d{{1,2}})(?:\.|st|nd|rd|th)?(?: (?:{_MONTH}))?",
         "monthly"),
        (r"(?:alle|every) (?P<n>\w+) (?:monate?n?|months?)", "months"),
        (r"(?:vierteljährlich|quartalsweise|quarterly)", "quarterly"),
        (r"(?:jährlich|jedes jahr|yearly|annually|every year)", "yearly"),
    )
)  # fmt: skip


def parse_recurrence(text: str, first: datetime, zone_name: str) -> str | None:
    """The RRULE for ``text`` (None for "keine"); raises :class:`ArgError` if it makes no sense.

    ``first`` (aware) is the first meeting; the weekday or day of the month of a rule
    that names none (``wöchentlich``, ``monatlich``) comes from it.
    """
    value = " ".join(text.replace("\u00a0", " ").split()).casefold().rstrip(".")
    if value in _NONE:
        return None
    if "freq=" in value:
        return check_rrule(text, first, zone_name)
    for pattern, kind in _PATTERNS:
        match = pattern.fullmatch(value)
        if match is not None:
            rule = _from_phrase(kind, match.groupdict())
            if rule is not None:
                return check_rrule(rule, first, zone_name)
    raise ArgError("recur.unknown", value=text.strip()[:60])


def _from_phrase(kind: str, groups: dict[str, str | None]) -> str | None:
    word = groups.get("wd")
    weekday = _weekday(word) if word else None
    if word and weekday is None:
        return None
    byday = f";BYDAY={weekday}" if weekday else ""
    if kind == "weekly":
        return f"FREQ=WEEKLY{byday}"
    if kind == "biweekly":
        return f"FREQ=WEEKLY;INTERVAL=2{byday}"
    if kind == "weeks":
        n = _number(groups["n"] or "")
        return f"FREQ=WEEKLY;INTERVAL={n}{byday}" if n else None
    if kind == "nth":
        ordinal = _ORDINALS.get((groups["ord"] or "").casefold())
        return f"FREQ=MONTHLY;BYDAY={ordinal}{weekday}" if ordinal and weekday else None
    if kind == "monthly":
        return f"FREQ=MONTHLY;BYMONTHDAY={groups['day']}" if groups.get("day") else "FREQ=MONTHLY"
    if kind == "months":
        n = _number(groups["n"] or "")
        return f"FREQ=MONTHLY;INTERVAL={n}" if n else None
    if kind == "quarterly":
        return "FREQ=MONTHLY;INTERVAL=3"
    return "FREQ=YEARLY"


def rule_parts(rule: str) -> dict[str, str]:
    """``FREQ=MONTHLY;BYDAY=2TU`` → ``{"FREQ": "MONTHLY", "BYDAY": "2TU"}``."""
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        key, _, value = item.partition("=")
        parts[key.strip().upper()] = value.strip().upper()
    return parts


def check_rrule(text: str, first: datetime, zone_name: str) -> str:
    """Validate an RRULE written by hand and return it in canonical form."""
    raw = text.strip().removeprefix("RRULE:").removeprefix("rrule:").strip()
    shown = raw[:60]
    if not raw or "\n" in raw or any(not item.count("=") == 1 for item in raw.split(";")):
        raise ArgError("recur.bad_rrule", value=shown)
    parts = rule_parts(raw)
    freq = parts.get("FREQ", "")
    if freq in ("DAILY", "HOURLY", "MINUTELY", "SECONDLY"):
        raise ArgError("recur.too_often", value=shown)
    if freq not in _ALLOWED:
        raise ArgError("recur.bad_rrule", value=shown)
    unknown = sorted(set(parts) - _ALLOWED[freq] - {"FREQ"})
    if unknown:
        raise ArgError("recur.unsupported_part", part=unknown[0][:20], value=shown)
    if not all(_VALUES[key](value, freq) for key, value in parts.items() if key in _VALUES):
        raise ArgError("recur.bad_rrule", value=shown)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until_utc(parts["UNTIL"], first, zone_name, shown)
    canonical = ";".join(f"{key}={value}" for key, value in parts.items())
    try:
        expand(canonical, first, zone_name)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise ArgError("recur.bad_rrule", value=shown) from None
    return canonical


def _until_utc(value: str, first: datetime, zone_name: str, shown: str) -> str:
    """RFC 5545 wants UNTIL in UTC when DTSTART has a zone; a local UNTIL is converted."""
    match = _UNTIL.fullmatch(value)
    if match is None:
        raise ArgError("recur.bad_rrule", value=shown)
    try:
        moment = datetime.strptime(match.group(1) + (match.group(2) or "T235959"), "%Y%m%dT%H%M%S")
    except ValueError:
        raise ArgError("recur.bad_rrule", value=shown) from None
    aware = moment.replace(tzinfo=UTC if match.group(3) else ZoneInfo(zone_name))
    return aware.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@lru_cache(maxsize=256)
def expand(rule: str, first: datetime, zone_name: str) -> rrule:
    """The dateutil rule, anchored at ``first`` on the local wall clock of ``zone_name``.

    Occurrences come out as aware local times with the same wall-clock time, so a series
    at 10:00 stays at 10:00 across daylight-saving changes.

    Kept for the next call: parsing the rule costs more than asking it for the next few
    occurrences, and ``!status`` asks once per reminder offset. A parsed rule is not
    changed by iterating it (dateutil's own result cache is off), so sharing it is safe.
    """
    start = first.astimezone(ZoneInfo(zone_name))
    result = rrulestr(rule, dtstart=start)
    assert isinstance(result, rrule)
    return result


def first_occurrence(rule: str, first: datetime, zone_name: str) -> datetime | None:
    """The first occurrence at or after ``first`` (aware UTC), or None if there is none.

    dateutil searches a rule that never matches up to the year 9999, which takes seconds.
    The Gregorian calendar repeats every 400 years (weekdays included), so the same rule
    is asked about a date 400·k years later, leaving at most 400–800 years to search.
    """
    zone = ZoneInfo(zone_name)
    local = first.astimezone(zone).replace(tzinfo=None)
    shift = 400 * ((_PROBE_YEAR - local.year) // 400)
    parts = rule_parts(rule)
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ")
        parts["UNTIL"] = until.replace(year=until.year + shift).strftime("%Y%m%dT%H%M%SZ")
    shifted = ";".join(f"{key}={value}" for key, value in parts.items())
    start = local.replace(year=local.year + shift, tzinfo=zone)
    found: datetime | None = expand(shifted, start.astimezone(UTC), zone_name).after(
        start - _SECOND, inc=True
    )
    if found is None:
        return None
    return found.replace(year=found.year - shift).astimezone(UTC)
