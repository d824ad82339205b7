"""What the report of a period holds, gathered from what the features stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import islice

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.dates import day_start
from commands.meetings.schedule import Occurrence
from commands.meetings.views import schedule_of
from commands.sectors.input import Trend
from config import Settings
from storage import attendance
from storage import meetings as meeting_store
from storage import minutes as store
from storage.decisions.models import Listed, Status
from storage.meetings import Meeting
from storage.notices import Notice
from storage.pr.releases import PressRelease
from storage.sectors import Round, SectorInput, newest

#: At most this many dates of one series are looked at in a period (a weekly series
#: has 52 a year).
DATES_PER_MEETING = 400


@dataclass(frozen=True)
class Sitting:
    meeting: Meeting
    occurrence: Occurrence
    present: frozenset[str] | None  # partner ids; None: attendance not recorded


@dataclass(frozen=True)
class RoundReport:
    round: Round
    current: dict[tuple[str, str], SectorInput]  # (partner, section) → the input that counts


@dataclass(frozen=True)
class Report:
    room_id: str | None
    start: date
    end: date
    now: datetime
    today: date
    sittings: list[Sitting]
    decisions: list[Listed]
    rounds: list[RoundReport]
    inputs: list[SectorInput]  # every input of the period's rounds (for the pictures)
    notices: list[Notice]
    press: list[tuple[PressRelease, datetime]]

    def state(self, decision: Listed) -> str:
        """valid, done, overdue, revoked or superseded: the state a reader asks for."""
        status = decision.status
        deadline = decision.entry.deadline
        if status is Status.VALID and deadline is not None and deadline < self.today:
            return "overdue"
        return status.value


def default_period(today: date) -> tuple[date, date]:
    """The last 12 months up to today."""
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28)
    return start + timedelta(days=1), today


async def gather(
    session: AsyncSession,
    settings: Settings,
    *,
    room_id: str | None,
    start: date,
    end: date,
    now: datetime,
) -> Report:
    zone = settings.zone
    first = day_start(start, zone)
    after = min(day_start(end + timedelta(days=1), zone), now)
    sittings: list[Sitting] = []
    meetings = await store.meetings_of(session, room_id, after)
    changes = await meeting_store.changes_of(session, [m.id for m in meetings])
    present = await attendance.between(session, room_id, first - timedelta(days=1), after)
    by_date: dict[tuple[int, datetime], set[str]] = {}
    for mark in present:
        by_date.setdefault((mark.meeting_id, mark.occurrence), set()).add(mark.partner_id)
    for meeting in meetings:
        schedule = schedule_of(meeting, changes[meeting.id])
        for occurrence in islice(
            schedule.occurrences(first - timedelta(microseconds=1)), DATES_PER_MEETING
        ):
            if occurrence.start >= after:
                break
            seen = by_date.get((meeting.id, occurrence.original))
            if meeting.cancelled and seen is None:
                continue  # a cancelled meeting's date counts only where attendance says so
            sittings.append(
                Sitting(meeting, occurrence, frozenset(seen) if seen is not None else None)
            )
    sittings.sort(key=lambda s: (s.occurrence.start, s.meeting.id))
    rounds = await store.rounds_in(session, room_id, first, after)
    inputs = await store.round_inputs(session, [r.id for r in rounds])
    by_round: dict[int, list[SectorInput]] = {}
    for row in inputs:
        if row.round_id is not None:
            by_round.setdefault(row.round_id, []).append(row)
    return Report(
        room_id=room_id,
        start=start,
        end=end,
        now=now,
        today=now.astimezone(zone).date(),
        sittings=sittings,
        decisions=await store.decisions_dated(session, room_id, start, end),
        rounds=[RoundReport(r, newest(by_round.get(r.id, []))) for r in rounds],
        inputs=inputs,
        notices=await store.notices_in(session, room_id, first, after),
        press=await store.published_in(session, room_id, first, after),
    )


def divergent_sections(settings: Settings, report: RoundReport) -> list[str]:
    """The sections of a round where one partner sees growth and another decline."""
    found = []
    for letter in sorted({section for _, section in report.current}):
        trends = {
            Trend(report.current[(p.id, letter)].trend)
            for p in settings.partners
            if (p.id, letter) in report.current
        }
        if {Trend.GROWING, Trend.DECLINING} <= trends:
            found.append(letter)
    return found
