"""Which partner organisations attended a meeting date (organisations, never persons).

One row per (meeting, occurrence, partner); the occurrence is the date's place in the
series (``AgendaItem.occurrence`` alike), so a moved date keeps its attendance.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class Attendance(Base):
    """One partner organisation present at one meeting date."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "occurrence", "partner_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    occurrence: Mapped[datetime] = mapped_column(UTCDateTime())
    partner_id: Mapped[str] = mapped_column(String(32))
    recorded_by: Mapped[str] = mapped_column(String(255))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


async def present(session: AsyncSession, meeting_id: int, occurrence: datetime) -> list[str]:
    """The partner ids recorded as present at one date."""
    rows = await session.scalars(
        select(Attendance.partner_id)
        .where(Attendance.meeting_id == meeting_id, Attendance.occurrence == occurrence)
        .order_by(Attendance.id)
    )
    return list(rows)


async def mark(
    session: AsyncSession,
    *,
    room_id: str,
    meeting_id: int,
    occurrence: datetime,
    partner_ids: Sequence[str],
    by: str,
    now: datetime,
    replace: bool,
) -> list[str]:
    """Record ``partner_ids`` as present; ``replace`` makes them the whole list (a
    coordinator's record). Returns the ids newly added."""
    before = set(await present(session, meeting_id, occurrence))
    if replace:
        await session.execute(
            delete(Attendance).where(
                Attendance.meeting_id == meeting_id,
                Attendance.occurrence == occurrence,
                Attendance.partner_id.not_in(list(partner_ids)),
            )
        )
    added = [p for p in dict.fromkeys(partner_ids) if p not in before]
    session.add_all(
        Attendance(
            room_id=room_id,
            meeting_id=meeting_id,
            occurrence=occurrence,
            partner_id=partner_id,
            recorded_by=by,
            recorded_at=now,
        )
        for partner_id in added
    )
    await session.flush()
    return added


async def between(
    session: AsyncSession, room_id: str | None, start: datetime, end: datetime
) -> list[Attendance]:
    """Attendance of dates from ``start`` until before ``end`` (None: every room)."""
    query = select(Attendance).where(Attendance.occurrence >= start, Attendance.occurrence < end)
    if room_id is not None:
        query = query.where(Attendance.room_id == room_id)
    return list(await session.scalars(query.order_by(Attendance.occurrence, Attendance.id)))
