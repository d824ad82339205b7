"""Which reminders are due, decided from stored facts and an injected ``now`` (pure).

A reminder belongs to one occurrence and one offset ("1d"). Whole days of an offset are
counted on the local wall clock, so "1d" before Monday 10:00 is Sunday 10:00 even when
the clocks change in between. What happens to a due reminder (on time, late, missed,
superseded) is the shared policy's decision (:func:`commands.core.delivery.decide`),
each occurrence being one subject whose reminders help only before it starts.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from commands.core.delivery import Decision, decide, is_due
from commands.meetings.schedule import Occurrence, Schedule

# Wall-clock days differ from 24-hour days by at most an hour; search windows allow for it.
_SLACK = timedelta(hours=2)

OccurrencesAfter = Callable[[datetime], Iterator[Occurrence]]
#: A reminder ahead: its occurrence, its offset and when it is due.
Upcoming = tuple[Occurrence, timedelta, datetime]


@dataclass(frozen=True)
class Due:
    """A reminder whose time has come, and what to do with it."""

    occurrence: Occurrence
    offset: timedelta
    at: datetime
    decision: Decision

    @property
    def posted(self) -> bool:
        return self.decision.posted


def reminder_time(start: datetime, offset: timedelta, zone: ZoneInfo) -> datetime:
    """When the reminder ``offset`` before ``start`` is due (aware UTC)."""
    days = timedelta(days=offset.days)
    wall = start.astimezone(zone).replace(tzinfo=None) - days
    return wall.replace(tzinfo=zone).astimezone(UTC) - (offset - days)


def due_reminders(
    occurrences: OccurrencesAfter,
    offsets: Sequence[timedelta],
    zone: ZoneInfo,
    *,
    after: datetime,
    now: datetime,
    grace: timedelta,
) -> list[Due]:
    """Reminders due in (``after``, ``now``], each with its decision, oldest first.

    ``after`` is the moment up to which everything was already settled; a reminder due
    at or before its occurrence was created or moved (``armed_at``) is not due at all.
    """
    if not offsets:
        return []
    groups: dict[datetime, list[tuple[Occurrence, timedelta, datetime]]] = {}
    for occurrence in occurrences(after + min(offsets) - _SLACK):
        if occurrence.start > now + max(offsets) + _SLACK:
            break
        for offset in offsets:
            at = reminder_time(occurrence.start, offset, zone)
            if after < at and is_due(at, now) and at > occurrence.armed_at:
                groups.setdefault(occurrence.start, []).append((occurrence, offset, at))
    result: list[Due] = []
    for group in groups.values():
        decisions = decide([(at, occurrence.start) for occurrence, _, at in group], now, grace)
        for (occurrence, offset, at), decision in zip(group, decisions, strict=True):
            result.append(Due(occurrence, offset, at, decision))
    return sorted(result, key=lambda due: (due.at, due.occurrence.start))


def next_reminder_time(
    occurrences: OccurrencesAfter,
    offsets: Sequence[timedelta],
    zone: ZoneInfo,
    *,
    after: datetime,
) -> datetime | None:
    """The earliest reminder due after ``after`` (None if the meeting has no more)."""
    best: datetime | None = None
    for offset in offsets:
        for occurrence in occurrences(after + offset - _SLACK):
            at = reminder_time(occurrence.start, offset, zone)
            if best is not None and at - _SLACK > best:
                break
            if at > after and at > occurrence.armed_at:
                best = at if best is None else min(best, at)
                break
    return best


def upcoming_reminders(
    occurrences: OccurrencesAfter,
    offsets: Sequence[timedelta],
    zone: ZoneInfo,
    *,
    after: datetime,
    count: int,
) -> list[Upcoming]:
    """The next ``count`` reminders after ``after``: (occurrence, offset, due), by due time."""
    found: list[Upcoming] = []
    for offset in offsets:
        taken = 0
        for occurrence in occurrences(after + offset - _SLACK):
            at = reminder_time(occurrence.start, offset, zone)
            if at > after and at > occurrence.armed_at:
                found.append((occurrence, offset, at))
                taken += 1
                if taken == count:
                    break
    return sorted(found, key=lambda item: item[2])[:count]


class UpcomingMemo:
    """:func:`upcoming_reminders` of a schedule, kept until its first reminder passes.

    ``!status`` asks for the same series' next reminders again and again; expanding the
    series costs more than the rest of the reply. A kept answer, computed after
    ``anchor``, is also the answer for any later ``after`` up to its first reminder: no
    reminder falls in between, so the same ones come next. The key holds everything the
    answer depends on (the schedule with its changes, the offsets, the count), so a
    changed meeting is simply a new key; the oldest keys are dropped beyond ``size``.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, tuple[datetime, list[Upcoming]]] = OrderedDict()

    def upcoming(
        self,
        schedule: Schedule,
        offsets: Sequence[timedelta],
        *,
        after: datetime,
        count: int,
    ) -> list[Upcoming]:
        key = (schedule, tuple(offsets), count)
        kept = self._kept.get(key)
        if kept is not None:
            anchor, found = kept
            if anchor <= after and (not found or found[0][2] > after):
                self._kept.move_to_end(key)
                return found
        zone = ZoneInfo(schedule.zone_name)
        found = upcoming_reminders(schedule.occurrences, offsets, zone, after=after, count=count)
        self._kept[key] = (after, found)
        self._kept.move_to_end(key)
        if len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return found
