"""Reading the decision log in bulk (exports, verification): plain rows, a chunk at a time.

A long export must be fast and flat in memory. So rows are fetched in chunks as plain Core
rows (no ORM objects, no dicts), and the columns whose SQLAlchemy types would convert every
value in Python – dates, times, JSON – come as the driver returns them (SQLite: text,
PostgreSQL: native values). :class:`Converter` turns such a row into the Python values the
ORM would give (aware UTC datetimes, dates, lists); readers that only print a value can use
the raw one and skip that work. Field positions are in :data:`AT`.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import NullType

from storage import bulk
from storage.bulk import RawRow
from storage.decisions.models import CONSENT_KINDS, DecisionEntry
from storage.meetings import Meeting

CHUNK = 1000  # rows per fetch: a few milliseconds of work each (storage.bulk)
_DAYS = ("decided_on", "deadline")
_TIMES = ("meeting_at", "recorded_at")
_LISTS = ("agreed",)
_ENTRY = DecisionEntry.__table__
#: The fields of a streamed row, in order: the entry's columns, then what is joined to it.
FIELDS: tuple[str, ...] = (
    *(column.name for column in _ENTRY.c),
    "successor_id",
    "successor_kind",
    "meeting_title",
)
AT: dict[str, int] = {name: index for index, name in enumerate(FIELDS)}


@dataclass(frozen=True)
class Selection:
    """Which entries an export holds: a room (or all), a period of decision dates, a snapshot."""

    room_id: str | None
    start: date | None
    end: date | None
    upto_id: int  # the chain length when the export began: later entries are not in it

    def where(self, table: Any) -> list[Any]:
        """Filters on ``table`` (the mapped class or a table's columns)."""
        clauses: list[Any] = [table.id <= self.upto_id]
        if self.room_id is not None:
            clauses.append(table.room_id == self.room_id)
        if self.start is not None:
            clauses.append(table.decided_on >= self.start)
        if self.end is not None:
            clauses.append(table.decided_on <= self.end)
        return clauses


class Converter:
    """Driver values to Python values; repeating ones (days, partner lists) converted once."""

    def __init__(self) -> None:
        self._days: dict[Any, date] = {}
        self._lists: dict[Any, list[str]] = {}

    def day(self, value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        found = self._days.get(value)
        if found is None:
            found = self._days[value] = date.fromisoformat(str(value)[:10])
        return found

    @staticmethod
    def time(value: Any) -> datetime | None:
        if value is None:
            return None
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

    def names(self, value: Any) -> list[str]:
        if isinstance(value, list):
            return value
        found = self._lists.get(value)
        if found is None:
            found = self._lists[value] = [str(name) for name in json.loads(value)]
        return found

    def values(self, row: Sequence[Any]) -> dict[str, Any]:
        """The row as ``{field: Python value}``."""
        values = dict(zip(FIELDS, row, strict=False))
        for name in _DAYS:
            values[name] = self.day(values[name])
        for name in _TIMES:
            values[name] = self.time(values[name])
        for name in _LISTS:
            values[name] = self.names(values[name])
        return values


def _entry_columns() -> list[Any]:
    """Every column of an entry; dates, times and JSON without Python-side conversion."""
    raw = {*_DAYS, *_TIMES, *_LISTS}
    return [
        type_coerce(column, NullType()).label(column.name) if column.name in raw else column
        for column in _ENTRY.c
    ]


async def count_selected(session: AsyncSession, selection: Selection) -> int:
    total = await session.scalar(
        select(func.count()).select_from(_ENTRY).where(*selection.where(_ENTRY.c))
    )
    return int(total or 0)


def stream_selected(
    session: AsyncSession, selection: Selection, *, chunk: int = CHUNK
) -> AsyncGenerator[Sequence[RawRow], None]:
    """The selected entries in chain order, in chunks of up to ``chunk`` rows (see :data:`FIELDS`).

    ``successor_id`` and ``successor_kind`` describe the entry that refers to this one, if
    it is inside the snapshot; ``meeting_title`` is the title of the linked meeting.
    """
    successor = _ENTRY.alias("successor")
    meetings = Meeting.__table__
    query = (
        select(
            *_entry_columns(),
            successor.c.id.label("successor_id"),
            successor.c.kind.label("successor_kind"),
            meetings.c.title.label("meeting_title"),
        )
        .outerjoin(
            successor,
            (successor.c.refers_to == _ENTRY.c.id) & (successor.c.id <= selection.upto_id),
        )
        .outerjoin(meetings, meetings.c.id == _ENTRY.c.meeting_id)
        .where(*selection.where(_ENTRY.c))
        .order_by(_ENTRY.c.id)
    )
    return bulk.chunks(session, query, chunk)


def stream_chain(
    session: AsyncSession, *, chunk: int = CHUNK
) -> AsyncGenerator[Sequence[RawRow], None]:
    """Every entry in chain order (for verification), in chunks; the fields of :data:`FIELDS`
    up to ``hash`` (nothing joined)."""
    query = select(*_entry_columns()).order_by(_ENTRY.c.id)
    return bulk.chunks(session, query, chunk)


async def consents_selected(session: AsyncSession, selection: Selection) -> list[DecisionEntry]:
    """The consent entries (inside the snapshot) concerning the selected decision versions,
    in chain order: a few per decision, read at once before the rows stream."""
    versions = select(_ENTRY.c.id).where(*selection.where(_ENTRY.c))
    rows = await session.scalars(
        select(DecisionEntry)
        .where(
            DecisionEntry.kind.in_(CONSENT_KINDS),
            DecisionEntry.concerns.in_(versions),
            DecisionEntry.id <= selection.upto_id,
        )
        .order_by(DecisionEntry.id)
    )
    return list(rows)
