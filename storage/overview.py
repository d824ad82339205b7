"""What ``!status`` shows of a room, asked in one statement.

Each statement costs a hop to the SQLite thread and back (about 0.2 ms here, see
``storage/sqlite_link.py``), more than SQLite's work for it. ``!status`` asks three
features what is open, and most rooms have nothing open in at least two of them. So one
statement returns the meetings whose reminders come next, together with the open input
round (if any), which partners reported in it, and the press releases still unpublished
with who approved their current version. For a coordinator the same statement also counts
the room's messages still waiting in the outbox.

The releases come as one text column, an aggregate over at most ``RELEASES`` rows
(``"7:stadt jobcenter,5:"``: release 7 approved by two partners, release 5 by none), so
that they ride along the meeting rows without multiplying them. The audit stays the source
of truth: an approval stands while its partner decided nothing later on the same version,
which is how ``storage.pr.releases.decisions`` reads it. Each part is found by an index
that holds only what ``!status`` shows (docs/architecture.md, "``!status`` in one
statement"), so the statement costs the same in a room with years of history.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    String,
    cast,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.base import ROOM
from storage.core import Backlog, unsent_in_room
from storage.meetings import Meeting, MeetingException
from storage.pr.releases import APPROVED, DECIDING, PressEvent, PressRelease, is_published
from storage.sectors import Round, SectorInput

#: How many unpublished releases the overview names at most (the newest).
RELEASES = 20


@dataclass(frozen=True)
class OpenRelease:
    """An unpublished press release and the partners whose approval of its current
    version stands."""

    id: int
    approved: frozenset[str]


@dataclass(frozen=True)
class Overview:
    meetings: list[Meeting]  # the next ``limit`` by their next reminder
    open_round: Round | None
    releases: tuple[OpenRelease, ...]  # unpublished, newest first
    backlog: Backlog | None = None  # only when asked for (coordinators)
    changed: frozenset[int] = frozenset()  # meetings with moved or cancelled occurrences
    reported: frozenset[str] = frozenset()  # partners with an input in the open round


async def status_overview(
    session: AsyncSession,
    room_id: str,
    limit: int,
    partners: tuple[str, ...],
    *,
    backlog: bool = False,
) -> Overview:
    """One row per meeting with a reminder ahead (or one row without a meeting), each
    carrying the open round, the unpublished releases with their approvals by
    ``partners``, whether the meeting has changed occurrences and which of ``partners``
    reported in the open round; with ``backlog`` also the room's unsent messages (their
    count and the oldest's creation time)."""
    rows = (await session.execute(_query(limit, partners, backlog), {"room_id": room_id})).all()
    first = rows[0]
    flags = 5 if backlog else 3  # round, releases, meeting[, waiting, oldest]; then changed
    reported = first[flags + 1 : flags + 1 + len(partners)]
    return Overview(
        meetings=[row[2] for row in rows if row[2] is not None],
        open_round=first[0],
        releases=_releases(first[1], partners),
        backlog=Backlog(first[3], first[4]) if backlog else None,
        changed=frozenset(row[2].id for row in rows if row[2] is not None and row[flags]),
        reported=frozenset(p for p, flag in zip(partners, reported, strict=True) if flag),
    )


def _releases(column: str | None, partners: tuple[str, ...]) -> tuple[OpenRelease, ...]:
    """``"7:stadt jobcenter,5:"`` → release 7 approved by two partners, release 5 by
    none; newest first (the aggregate's order is not defined)."""
    found = []
    for entry in column.split(",") if column else ():
        number, approved = entry.split(":")
        found.append(OpenRelease(int(number), frozenset(approved.split()) & frozenset(partners)))
    return tuple(sorted(found, key=lambda release: release.id, reverse=True))


@cache
def _query(limit: int, partners: tuple[str, ...], backlog: bool) -> Select[Any]:
    """Built once per shape: the statement is as costly to build as to run."""
    room_id = ROOM
    open_round = (
        select(Round.id)
        .where(Round.room_id == room_id, Round.closed_at.is_(None))
        .order_by(Round.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    always_one_row = select(literal(1).label("one")).subquery()
    # The next meetings by their next reminder, asked on their own so that only the few
    # with a reminder ahead are read, in order (``ix_meetings_reminders``).
    upcoming = aliased(
        Meeting,
        select(Meeting)
        .where(Meeting.room_id == room_id, Meeting.next_reminder_at.is_not(None))
        .order_by(Meeting.next_reminder_at)
        .limit(limit)
        .subquery("upcoming"),
    )
    changed = exists().where(MeetingException.meeting_id == upcoming.id)
    reported = [
        exists().where(SectorInput.round_id == Round.id, SectorInput.partner_id == partner)
        for partner in partners
    ]
    query = (
        select(Round, _open_releases(room_id), upcoming)
        .select_from(always_one_row)
        .outerjoin(Round, Round.id == open_round)
        .outerjoin(upcoming, true())
        .order_by(upcoming.next_reminder_at)
    )
    if backlog:
        # An aggregate, always one row: every row carries it and the row count stays.
        waiting = unsent_in_room(room_id)
        query = query.add_columns(waiting.c.waiting, waiting.c.oldest).join(waiting, true())
    return query.add_columns(changed, *reported)


def _open_releases(room_id: Any) -> Any:
    """The room's newest unpublished releases as ``id:partner partner`` (the partners
    whose approval stands) joined by commas, or NULL.

    Constants are written into the statement (``_text``): bound, each would cost a
    parameter to process on every run."""
    newest = (
        select(PressRelease.id, PressRelease.current_version)
        .where(PressRelease.room_id == room_id, ~is_published())
        .order_by(PressRelease.id.desc())
        .limit(literal_column(str(RELEASES)))
        .subquery()
    )
    approval, later = aliased(PressEvent), aliased(PressEvent)
    # An approval stands while the partner decided nothing later on the same version.
    overruled = exists().where(
        later.release_id == approval.release_id,
        later.version == approval.version,
        later.partner_id == approval.partner_id,
        or_(*(later.kind == _text(kind) for kind in DECIDING)),
        later.id > approval.id,
    )
    standing = (
        select(_joined(approval.partner_id, " "))
        .where(
            approval.release_id == newest.c.id,
            approval.version == newest.c.current_version,
            approval.kind == _text(APPROVED),
            ~overruled,
        )
        .scalar_subquery()
    )
    entry = cast(newest.c.id, String) + _text(":") + func.coalesce(standing, _text(""))
    return select(_joined(entry, ",")).scalar_subquery()


def _joined(values: SQLColumnExpression[Any], separator: str) -> ColumnElement[str]:
    """``group_concat`` (SQLite) or ``string_agg`` (PostgreSQL) of ``values``.

    The separator goes in as a constant of the statement; given as a ``str`` it would be
    rendered anew on every run (a "post-compile" parameter), which the signature expects.
    """
    return func.aggregate_strings(values, _text(separator))  # type: ignore[arg-type]


def _text(value: str) -> ColumnElement[str]:
    """A constant of the statement, as an SQL string literal."""
    return literal_column("'" + value.replace("'", "''") + "'", String)
