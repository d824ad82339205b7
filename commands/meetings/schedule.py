"""When a meeting takes place: its first date and series, minus cancelled or moved occurrences.

Pure: built from stored values, expanded on the local wall clock (see
:func:`commands.meetings.recurrence.expand`), handed out as aware UTC datetimes.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from commands.meetings.recurrence import expand

_LOOK_BACK = 400  # occurrences searched backwards for the previous one


@dataclass(frozen=True)
class Occurrence:
    """One meeting date. ``original`` is its place in the series (iCalendar RECURRENCE-ID)."""

    start: datetime
    original: datetime
    armed_at: datetime  # reminders due at or before this moment are not sent
    duration: timedelta

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    @property
    def moved(self) -> bool:
        return self.start != self.original


@dataclass(frozen=True)
class Change:
    """One occurrence of a series cancelled (``new_start`` None) or moved."""

    original: datetime
    new_start: datetime | None
    changed_at: datetime


@dataclass(frozen=True)
class Schedule:
    """A single meeting (``rule`` None) or a series, with its changed occurrences."""

    first: datetime
    rule: str | None
    zone_name: str
    duration: timedelta
    armed_at: datetime
    changes: tuple[Change, ...] = ()

    def occurrences(self, after: datetime) -> Iterator[Occurrence]:
        """Occurrences starting strictly after ``after``, in order; endless for most series."""
        changed = {change.original for change in self.changes}
        moved = sorted(
            (
                Occurrence(c.new_start, c.original, c.changed_at, self.duration)
                for c in self.changes
                if c.new_start is not None and c.new_start > after
            ),
            key=lambda o: o.start,
        )
        regular = (
            Occurrence(original, original, self.armed_at, self.duration)
            for original in self._series(after)
            if original not in changed
        )
        return heapq.merge(regular, moved, key=lambda o: o.start)

    def next(self, after: datetime) -> Occurrence | None:
        return next(self.occurrences(after), None)

    def upcoming(self, after: datetime, count: int) -> list[Occurrence]:
        return list(islice(self.occurrences(after), count))

    def running_or_next(self, now: datetime) -> Occurrence | None:
        """The occurrence going on at ``now``, else the next one."""
        return self.next(now - self.duration)

    def find(self, original: datetime) -> Occurrence | None:
        """The occurrence with this place in the series (None if cancelled or not in it)."""
        for occurrence in self._moved():
            if occurrence.original == original:
                return occurrence
        if original in {change.original for change in self.changes}:
            return None
        found = next(self._series(original - timedelta(seconds=1)), None)
        return (
            Occurrence(original, original, self.armed_at, self.duration)
            if found == original
            else None
        )

    def previous(self, before: datetime) -> Occurrence | None:
        """The latest occurrence that started before ``before``."""
        changed = {change.original for change in self.changes}
        candidates = [o for o in self._moved() if o.start < before]
        for original in self._series_before(before):
            if original not in changed:
                candidates.append(Occurrence(original, original, self.armed_at, self.duration))
                break
        return max(candidates, key=lambda o: o.start, default=None)

    def on_day(self, after: datetime, day: date) -> Occurrence | None:
        """The first occurrence after ``after`` on the local calendar ``day``."""
        zone = ZoneInfo(self.zone_name)
        for occurrence in self.occurrences(after):
            local = occurrence.start.astimezone(zone).date()
            if local >= day:
                return occurrence if local == day else None
        return None

    def _moved(self) -> list[Occurrence]:
        return [
            Occurrence(c.new_start, c.original, c.changed_at, self.duration)
            for c in self.changes
            if c.new_start is not None
        ]

    def _series(self, after: datetime) -> Iterator[datetime]:
        if self.rule is None:
            if self.first > after:
                yield self.first
            return
        zone = ZoneInfo(self.zone_name)
        for moment in expand(self.rule, self.first, self.zone_name).xafter(after.astimezone(zone)):
            yield moment.astimezone(UTC)

    def _series_before(self, before: datetime) -> Iterator[datetime]:
        if self.rule is None:
            if self.first < before:
                yield self.first
            return
        rule = expand(self.rule, self.first, self.zone_name)
        moment = before.astimezone(ZoneInfo(self.zone_name))
        for _ in range(_LOOK_BACK):
            found = rule.before(moment)
            if found is None:
                return
            yield found.astimezone(UTC)
            moment = found
