"""What ``!status`` shows of a room, asked in one statement.

Each statement costs a hop to the SQLite thread and back (about 0.2 ms here, see
``storage/sqlite_link.py``), more than SQLite's work for it. ``!status`` asks three features what is scheduled, and most
rooms have nothing open in at least two of them. So one statement returns the meetings
whose reminders come next together with the open input round (if any) and whether a press
release is still unpublished; ``!status`` reads further only for what is there. For a
coordinator the same statement also counts the room's messages still waiting in the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, String, and_, bindparam, exists, literal, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from storage.core import Backlog, unsent_in_room
from storage.meetings import Meeting, MeetingException
from storage.pr.releases import PressRelease, is_published
from storage.sectors import Round, SectorInput


@dataclass(frozen=True)
class Overview:
    meetings: list[Meeting]  # the next ``limit`` by their next reminder
    open_round: Round | None
    unpublished_release: bool  # one may still wait for approvals
    backlog: Backlog | None = None  # only when asked for (coordinators)
    changed: frozenset[int] = frozenset()  # meetings with moved or cancelled occurrences
    reported: frozenset[str] = frozenset()  # partners with an input in the open round


async def room_overview(
    session: AsyncSession, room_id: str, limit: int, *, backlog: bool = False
) -> Overview:
    """One row per meeting with a reminder ahead (or one row without a meeting), each
    carrying the open round and whether an unpublished release exists; with ``backlog``
    also the room's unsent messages (their count and the oldest's creation time)."""
    if not backlog:
        rows = (await session.execute(_query(limit), {"room_id": room_id})).all()
        return _overview([(r, u, m) for r, u, m in rows], None)
    full = (await session.execute(_query_with_backlog(limit), {"room_id": room_id})).all()
    waiting, oldest = full[0][3], full[0][4]
    return _overview([(r, u, m) for r, u, m, _, _ in full], Backlog(waiting, oldest))


async def status_overview(
    session: AsyncSession,
    room_id: str,
    limit: int,
    partners: tuple[str, ...],
    *,
    backlog: bool = False,
) -> Overview:
    """:func:`room_overview` that also says which meetings have changed occurrences and
    which of ``partners`` reported in the open round, so ``!status`` need not ask."""
    query = _status_query(limit, partners, backlog)
    rows = (await session.execute(query, {"room_id": room_id})).all()
    extra = 5 if backlog else 3  # round, unpublished, meeting[, waiting, oldest]
    first = rows[0]
    changed = frozenset(row[2].id for row in rows if row[2] is not None and row[extra])
    flags = first[extra + 1 : extra + 1 + len(partners)]
    reported = frozenset(p for p, flag in zip(partners, flags, strict=True) if flag)
    found = Backlog(first[3], first[4]) if backlog else None
    overview = _overview([(row[0], row[1], row[2]) for row in rows], found)
    return Overview(
        overview.meetings,
        overview.open_round,
        overview.unpublished_release,
        found,
        changed,
        reported,
    )


def _overview(
    rows: list[tuple[Round | None, bool, Meeting | None]], backlog: Backlog | None
) -> Overview:
    return Overview(
        meetings=[meeting for _, _, meeting in rows if meeting is not None],
        open_round=rows[0][0],
        unpublished_release=bool(rows[0][1]),
        backlog=backlog,
    )


def _open_round() -> Any:
    return (
        select(Round.id)
        .where(Round.room_id == bindparam("room_id", type_=String), Round.closed_at.is_(None))
        .order_by(Round.id.desc())
        .limit(1)
        .scalar_subquery()
    )


@cache
def _status_query(limit: int, partners: tuple[str, ...], backlog: bool) -> Select[Any]:
    """:func:`_query` (with the backlog if asked) and, per row, whether the meeting has
    changed occurrences, then one flag per partner: an input in the open round."""
    changed = exists().where(MeetingException.meeting_id == Meeting.id)
    flags = [
        exists().where(SectorInput.round_id == Round.id, SectorInput.partner_id == partner)
        for partner in partners
    ]
    if backlog:
        return _query_with_backlog(limit).add_columns(changed, *flags)
    return _query(limit).add_columns(changed, *flags)


@cache
def _query(limit: int) -> Select[Round | None, bool, Meeting | None]:
    """Built once: the statement is as costly to build as to run."""
    room_id = bindparam("room_id", type_=String)
    open_round = _open_round()
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


@cache
def _query_with_backlog(
    limit: int,
) -> Select[Round | None, bool, Meeting | None, int, datetime | None]:
    """:func:`_query` joined with the room's outbox backlog, which is always one row (an
    aggregate), so every row carries it and the row count stays the same."""
    backlog = unsent_in_room(bindparam("room_id", type_=String))
    return _query(limit).add_columns(backlog.c.waiting, backlog.c.oldest).join(backlog, true())
