"""What ``!status`` shows of a room, asked in one statement.

Each statement through aiosqlite costs about 0.8 ms here (several hops to its thread), far
more than SQLite's work for it (FIELD-NOTES: storage cost). ``!status`` asks three
features what is scheduled, and most rooms have nothing open in at least two of them. So
one statement returns the meetings whose reminders come next together with the open input
round (if any) and whether a press release is still unpublished; ``!status`` reads further
only for what is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, String, and_, bindparam, exists, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.meetings import Meeting
from storage.press import PressRelease, is_published
from storage.sectors import Round


@dataclass(frozen=True)
class Overview:
    meetings: list[Meeting]  # the next ``limit`` by their next reminder
    open_round: Round | None
    unpublished_release: bool  # one may still wait for approvals


async def room_overview(session: AsyncSession, room_id: str, limit: int) -> Overview:
    """One row per meeting with a reminder ahead (or one row without a meeting), each
    carrying the open round and whether an unpublished release exists."""
    rows = (await session.execute(_query(limit), {"room_id": room_id})).all()
    return Overview(
        meetings=[meeting for _, _, meeting in rows if meeting is not None],
        open_round=rows[0][0],
        unpublished_release=bool(rows[0][1]),
    )


@cache
def _query(limit: int) -> Select[Round | None, bool, Meeting | None]:
    """Built once: the statement is as costly to build as to run."""
    room_id = bindparam("room_id", type_=String)
    open_round = (
        select(Round.id)
        .where(Round.room_id == room_id, Round.closed_at.is_(None))
        .order_by(Round.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    unpublished = exists().where(PressRelease.room_id == room_id, ~is_published())
    always_one_row = select(literal(1).label("one")).subquery()
    return (
        select(Round, unpublished, Meeting)
        .select_from(always_one_row)
        .outerjoin(Round, Round.id == open_round)
        .outerjoin(Meeting, and_(Meeting.room_id == room_id, Meeting.next_reminder_at.is_not(None)))
        .order_by(Meeting.next_reminder_at)
        .limit(limit)
    )
