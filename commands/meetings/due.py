"""Which reminders are due, decided from stored facts and an injected ``now`` (pure).

A reminder belongs to one occurrence and one offset ("1d"). Whole days of an offset are
counted on the local wall clock, so "1d" before Monday 10:00 is Sunday 10:00 even when
the clocks change in between. Due reminders are posted on time, posted late (within
``grace`` and before the meeting starts) or recorded as missed; when several of one
occurrence are due at once only the latest is posted, the older ones are superseded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from commands.meetings.schedule import Occurrence

#: A reminder posted later than this after its due time is marked as late.
LATE_AFTER = timedelta(seconds=60)
# Wall-clock days differ from 24-hour days by at most an hour; search windows allow for it.
_SLACK = timedelta(hours=2)

OccurrencesAfter = Callable[[datetime], Iterator[Occurrence]]


class Status(StrEnum):
    """What was decided for a due reminder when it was claimed. Whether a posted one was
    delivered is the outbox's fact (its ``sent_at``), never this status."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"
    SUPERSEDED = "superseded"


@dataclass(frozen=True)
class Due:
    """A reminder whose time has come, and what to do with it."""

    occurrence: Occurrence
    offset: timedelta
    at: datetime
    status: Status

    @property
    def posted(self) -> bool:
        return self.status in (Status.ON_TIME, Status.LATE)


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
    """Reminders due in (``after``, ``now``], each with its status, oldest first.

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
            if after < at <= now and at > occurrence.armed_at:
                groups.setdefault(occurrence.start, []).append((occurrence, offset, at))
    result: list[Due] = []
    for group in groups.values():
        postable = [item for item in group if now < item[0].start and now - item[2] <= grace]
        latest = max(postable, key=lambda item: item[2], default=None)
        for item in group:
            if item is latest:
                status = Status.LATE if now - item[2] > LATE_AFTER else Status.ON_TIME
            else:
                status = Status.SUPERSEDED if latest is not None else Status.MISSED
            result.append(Due(item[0], item[1], item[2], status))
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
) -> list[tuple[Occurrence, timedelta, datetime]]:
    """The next ``count`` reminders after ``after``: (occurrence, offset, due), by due time."""
    found: list[tuple[Occurrence, timedelta, datetime]] = []
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
