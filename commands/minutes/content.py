"""What the minutes of one Sitzung hold, gathered from what the other features stored:
the attendance, the agenda of that date and the decisions recorded for each item, the
other decisions of the day, the notices since the previous Sitzung and the open actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.dates import day_start
from commands.meetings.reminders import previous_sitting
from commands.meetings.schedule import Occurrence, Schedule
from config import Partner, Settings
from storage import attendance
from storage import meetings as meeting_store
from storage import minutes as store
from storage.decisions.models import Listed, Status
from storage.meetings import AgendaItem, Meeting
from storage.notices import Notice


@dataclass(frozen=True)
class Point:
    """One agenda item (numbered from 1) and the decisions recorded for it."""

    number: int
    item: AgendaItem
    decisions: list[Listed]


@dataclass(frozen=True)
class Action:
    decision: Listed
    overdue: bool


@dataclass(frozen=True)
class Minutes:
    meeting: Meeting
    occurrence: Occurrence
    now: datetime
    draft: bool  # the meeting has not ended yet
    present: list[Partner]
    absent: list[Partner]
    recorded: bool  # whether any attendance was recorded
    points: list[Point]
    other: list[Listed]
    notices: list[Notice]
    since: datetime
    first: bool  # no previous Sitzung: the notices since the meeting was created
    actions: list[Action]
    anchor: str | None  # HASH@N of the last log entry the minutes include

    @property
    def decisions(self) -> list[Listed]:
        return [d for point in self.points for d in point.decisions] + self.other


def _item_number(decision: Listed, items: list[AgendaItem]) -> int | None:
    """The agenda item a decision names (``top=2`` is stored as ``2. <text>``)."""
    text = decision.entry.agenda_item or ""
    number, dot, rest = text.partition(". ")
    if not (dot and number.isdigit()):
        return None
    index = int(number)
    return index if 1 <= index <= len(items) and items[index - 1].text == rest else None


async def gather(
    session: AsyncSession,
    settings: Settings,
    meeting: Meeting,
    schedule: Schedule,
    occurrence: Occurrence,
    now: datetime,
) -> Minutes:
    zone = settings.zone
    day: date = occurrence.start.astimezone(zone).date()
    cutoff = min(now, day_start(day + timedelta(days=1), zone))
    present_ids = await attendance.present(session, meeting.id, occurrence.original)
    items = await meeting_store.agenda_of(session, meeting.id, occurrence.original)
    decided = await store.sitting_decisions(
        session, meeting.room_id, meeting.id, occurrence.start, day
    )
    by_item: dict[int, list[Listed]] = {n: [] for n in range(1, len(items) + 1)}
    other: list[Listed] = []
    for decision in decided:
        linked = decision.entry.meeting_id == meeting.id
        number = _item_number(decision, items) if linked else None
        (by_item[number] if number is not None else other).append(decision)
    previous = await previous_sitting(session, meeting, schedule, occurrence.start)
    since = previous or meeting.created_at
    notices = await store.notices_in(session, meeting.room_id, since, cutoff)
    last = await store.last_entry(session, cutoff)
    open_ = await store.open_actions(session, meeting.room_id, last.id if last else 0)
    today = now.astimezone(zone).date()
    actions = [
        Action(d, d.entry.deadline is not None and d.entry.deadline < today)
        for d in open_
        if d.status is Status.VALID
    ]
    included = [d.entry for d in decided] + [a.decision.entry for a in actions]
    newest = max(included, key=lambda e: e.id, default=None) or last
    return Minutes(
        meeting=meeting,
        occurrence=occurrence,
        now=now,
        draft=now < occurrence.end,
        present=[p for p in settings.partners if p.id in present_ids],
        absent=[p for p in settings.partners if p.id not in present_ids],
        recorded=bool(present_ids),
        points=[Point(n, items[n - 1], by_item[n]) for n in range(1, len(items) + 1)],
        other=other,
        notices=notices,
        since=since,
        first=previous is None,
        actions=actions,
        anchor=f"{newest.hash}@{newest.id}" if newest is not None else None,
    )
