"""A meeting as an iCalendar file (RFC 5545) that Outlook and Thunderbird import.

The series is one VEVENT with RRULE and EXDATE; a moved occurrence is a second VEVENT
with the same UID and a RECURRENCE-ID. Times carry TZID with a VTIMEZONE written as
yearly rules (what Outlook expects) when the zone has regular rules, as icalendar's
transition list otherwise.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import YEARLY, rrule, weekday
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from commands.meetings.schedule import Schedule
from storage.meetings import Meeting

PRODID = "-//koopbot//Kooperation Aus- und Weiterbildung//DE"


def meeting_ics(
    meeting: Meeting,
    schedule: Schedule,
    *,
    description: str,
    now: datetime,
) -> bytes:
    """The whole meeting (series, cancelled and moved dates) as one calendar file."""
    zone = ZoneInfo(meeting.tz)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add_component(vtimezone(meeting.tz, meeting.start.astimezone(zone).year))
    uid = f"termin-{meeting.id}-{hashlib.sha256(meeting.room_id.encode()).hexdigest()[:12]}@koopbot"
    master = _event(meeting, uid, meeting.start, schedule.duration, description, now)
    if meeting.rule:
        master.add("rrule", vRecur.from_ical(meeting.rule))
        cancelled = [c.original for c in schedule.changes if c.new_start is None]
        if cancelled:
            master.add("exdate", [moment.astimezone(zone) for moment in sorted(cancelled)])
    if meeting.cancelled:
        master.add("status", "CANCELLED")
    cal.add_component(master)
    if meeting.rule:
        for change in sorted(schedule.changes, key=lambda c: c.original):
            if change.new_start is not None:
                moved = _event(meeting, uid, change.new_start, schedule.duration, description, now)
                moved.add("recurrence-id", change.original.astimezone(zone))
                cal.add_component(moved)
    return bytes(cal.to_ical())


def _event(
    meeting: Meeting,
    uid: str,
    start: datetime,
    duration: timedelta,
    description: str,
    now: datetime,
) -> Event:
    zone = ZoneInfo(meeting.tz)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", start.astimezone(zone))
    event.add("dtend", (start + duration).astimezone(zone))
    event.add("summary", meeting.title)
    if meeting.place:
        event.add("location", meeting.place)
    if description:
        event.add("description", description)
    return event


def vtimezone(zone_name: str, year: int) -> Timezone:
    """A VTIMEZONE for ``zone_name`` that holds for ``year`` and the years after it."""
    zone = ZoneInfo(zone_name)
    this, following = _transitions(zone, year), _transitions(zone, year + 1)
    rules = [_yearly_rule(t) for t in this]
    if len(this) == 2 and rules == [_yearly_rule(t) for t in following]:
        component = Timezone()
        component.add("tzid", zone_name)
        for (_moment, before, after, name), rule in zip(this, rules, strict=True):
            part = TimezoneDaylight() if after > before else TimezoneStandard()
            month, ordinal, day, wall = rule
            first = rrule(YEARLY, bymonth=month, byweekday=weekday(day, ordinal),
                          dtstart=datetime(1970, 1, 1, wall.seconds // 3600,
                                           wall.seconds % 3600 // 60))[0]  # fmt: skip
            part.add("dtstart", first)
            part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": _byday(ordinal, day)})
            part.add("tzoffsetfrom", before)
            part.add("tzoffsetto", after)
            part.add("tzname", name)
            component.add_component(part)
        return component
    if not this:
        component = Timezone()
        component.add("tzid", zone_name)
        part = TimezoneStandard()
        offset = zone.utcoffset(datetime(year, 1, 1)) or timedelta()
        part.add("dtstart", datetime(1970, 1, 1))
        part.add("tzoffsetfrom", offset)
        part.add("tzoffsetto", offset)
        part.add("tzname", zone.tzname(datetime(year, 1, 1)) or zone_name)
        component.add_component(part)
        return component
    return Timezone.from_tzid(
        zone_name, first_date=date(year - 1, 1, 1), last_date=date(year + 20, 1, 1)
    )


_Transition = tuple[datetime, timedelta, timedelta, str]


def _transitions(zone: ZoneInfo, year: int) -> list[_Transition]:
    """The offset changes of ``zone`` in ``year``: (UTC moment, offset before, after, name)."""
    found: list[_Transition] = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        following = moment + timedelta(days=1)
        if following.astimezone(zone).utcoffset() != offset:
            low, high = moment, following  # bisect to the minute
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            local = high.astimezone(zone)
            after = local.utcoffset() or timedelta()
            found.append((high, offset or timedelta(), after, local.tzname() or ""))
            offset = after
        moment = following
    return found


def _yearly_rule(transition: _Transition) -> tuple[int, int, int, timedelta]:
    """(month, week ordinal (-1 = last), weekday, wall time before) of a transition."""
    moment, before, _after, _name = transition
    wall = (moment + before).replace(tzinfo=None)
    last_day = calendar.monthrange(wall.year, wall.month)[1]
    ordinal = -1 if wall.day + 7 > last_day else (wall.day - 1) // 7 + 1
    return wall.month, ordinal, wall.weekday(), timedelta(hours=wall.hour, minutes=wall.minute)


def _byday(ordinal: int, day: int) -> str:
    return f"{ordinal}{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[day]}"


def agenda_description(title: str, items: Sequence[str]) -> str:
    """The DESCRIPTION text: the agenda as numbered lines."""
    if not items:
        return ""
    return "\n".join([title, *(f"{n}. {text}" for n, text in enumerate(items, start=1))])
