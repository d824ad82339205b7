"""Read queries of the minutes of a Sitzung and of the report to the city council.

Nothing here writes: the minutes and the report are views of what the other features
stored (decisions, notices, sector rounds, press releases, attendance).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeAlias

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.decisions.models import DECISION_KINDS, DecisionEntry, Listed
from storage.meetings import Meeting
from storage.notices import Notice
from storage.pr.releases import PUBLISHED, PressEvent, PressRelease
from storage.sectors import Round, SectorInput

#: Decision versions with their successor's id and kind and their meeting's title.
Versions: TypeAlias = "Select[DecisionEntry, int, str, str]"


def _versions() -> Versions:
    """Decision versions with what their status is derived from, and their meeting's title."""
    successor = aliased(DecisionEntry)
    return (
        select(DecisionEntry, successor.id, successor.kind, Meeting.title)
        .outerjoin(successor, successor.refers_to == DecisionEntry.id)
        .outerjoin(Meeting, Meeting.id == DecisionEntry.meeting_id)
        .where(DecisionEntry.kind.in_(DECISION_KINDS))
    )


async def _listed(session: AsyncSession, query: Versions) -> list[Listed]:
    rows = await session.execute(query.order_by(DecisionEntry.id))
    return [Listed(row[0], row[1], row[2], row[3]) for row in rows]


async def sitting_decisions(
    session: AsyncSession, room_id: str, meeting_id: int, meeting_at: datetime, day: date
) -> list[Listed]:
    """Decision versions of one sitting: recorded at that meeting date, or dated that day."""
    linked = (DecisionEntry.meeting_id == meeting_id) & (DecisionEntry.meeting_at == meeting_at)
    return await _listed(
        session,
        _versions().where(
            DecisionEntry.room_id == room_id, linked | (DecisionEntry.decided_on == day)
        ),
    )


async def open_actions(session: AsyncSession, room_id: str, upto_id: int | None) -> list[Listed]:
    """Valid decisions of a room with a responsible person or a deadline (entries up to
    ``upto_id``), in log order."""
    successor = aliased(DecisionEntry)
    query: Versions = (
        select(DecisionEntry, successor.id, successor.kind, Meeting.title)
        .outerjoin(successor, successor.refers_to == DecisionEntry.id)
        .outerjoin(Meeting, Meeting.id == DecisionEntry.meeting_id)
        .where(
            DecisionEntry.room_id == room_id,
            DecisionEntry.kind.in_(DECISION_KINDS),
            successor.id.is_(None),
            DecisionEntry.responsible.is_not(None) | DecisionEntry.deadline.is_not(None),
        )
    )
    if upto_id is not None:
        query = query.where(DecisionEntry.id <= upto_id)
    return await _listed(session, query)


async def decisions_dated(
    session: AsyncSession, room_id: str | None, start: date, end: date
) -> list[Listed]:
    """Decision versions dated ``start``–``end`` (None: every room), with their status now."""
    query = _versions().where(DecisionEntry.decided_on >= start, DecisionEntry.decided_on <= end)
    if room_id is not None:
        query = query.where(DecisionEntry.room_id == room_id)
    return await _listed(session, query)


async def last_entry(session: AsyncSession, upto: datetime) -> DecisionEntry | None:
    """The last entry of the log recorded at or before ``upto`` (any room, any kind)."""
    return await session.scalar(
        select(DecisionEntry)
        .where(DecisionEntry.recorded_at <= upto)
        .order_by(DecisionEntry.id.desc())
        .limit(1)
    )


async def notices_in(
    session: AsyncSession, room_id: str | None, start: datetime, end: datetime
) -> list[Notice]:
    """Notices posted from ``start`` up to ``end`` (None: every room), oldest first."""
    query = select(Notice).where(Notice.created_at >= start, Notice.created_at <= end)
    if room_id is not None:
        query = query.where(Notice.room_id == room_id)
    return list(await session.scalars(query.order_by(Notice.id)))


async def rounds_in(
    session: AsyncSession, room_id: str | None, start: datetime, end: datetime
) -> list[Round]:
    """Sector rounds opened from ``start`` until before ``end``, oldest first."""
    query = select(Round).where(Round.opened_at >= start, Round.opened_at < end)
    if room_id is not None:
        query = query.where(Round.room_id == room_id)
    return list(await session.scalars(query.order_by(Round.id)))


async def round_inputs(session: AsyncSession, round_ids: list[int]) -> list[SectorInput]:
    """Every input of these rounds, oldest first (corrections included)."""
    if not round_ids:
        return []
    rows = await session.scalars(
        select(SectorInput).where(SectorInput.round_id.in_(round_ids)).order_by(SectorInput.id)
    )
    return list(rows)


async def published_in(
    session: AsyncSession, room_id: str | None, start: datetime, end: datetime
) -> list[tuple[PressRelease, datetime]]:
    """Press releases published from ``start`` until before ``end``, with the moment."""
    query = (
        select(PressRelease, PressEvent.at)
        .join(PressEvent, PressEvent.release_id == PressRelease.id)
        .where(PressEvent.kind == PUBLISHED, PressEvent.at >= start, PressEvent.at < end)
    )
    if room_id is not None:
        query = query.where(PressRelease.room_id == room_id)
    rows = await session.execute(query.order_by(PressEvent.at, PressRelease.id))
    return [(row[0], row[1]) for row in rows]


async def meetings_of(
    session: AsyncSession, room_id: str | None, before: datetime
) -> list[Meeting]:
    """Meetings (singles and series, cancelled ones too: their past dates took place)
    whose first date lies before ``before``."""
    query = select(Meeting).where(Meeting.start < before)
    if room_id is not None:
        query = query.where(Meeting.room_id == room_id)
    return list(await session.scalars(query.order_by(Meeting.id)))
