"""The current state of every decision version, kept beside the chain for reading.

The chain (:mod:`storage.decisions.chain`) is the source of truth; ``decision_state`` holds
one row per decision version (a ``recorded`` or ``amended`` entry) with what the listing
filters on: its status (valid, done, revoked, superseded) and the entry that gave it, the
room, subject, responsible person, deadline, and the casefolded text the search looks in.
Every append writes it in the same transaction (:func:`record`), so lists, filters and
searches read an indexed table instead of deriving every status from the whole log.
``koopbot verify-log`` recomputes it from the chain (:class:`Tracker`) and compares
(:func:`first_difference`). Overdue is not stored: it depends on today, so it is a filter
on ``status`` and ``deadline``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Date,
    Index,
    Integer,
    Select,
    String,
    Text,
    bindparam,
    insert,
    null,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage import search
from storage.base import ROOM, Base
from storage.decisions.models import CONSENT_KINDS, DECISION_KINDS, DecisionEntry, Kind, Status
from storage.engine import run_core


class DecisionState(Base):
    """The current state of one decision version (``id`` is its entry's id)."""

    __tablename__ = "decision_state"
    __table_args__ = (
        # Status filters read a room's versions of one status newest first, deadline beside.
        Index("ix_decision_state_room_status", "room_id", "status", "id", "deadline"),
        # A person's versions newest first (``!beschlüsse <Name>``: :func:`narrowed`).
        Index("ix_decision_state_room_person", "room_id", "responsible", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    decision_no: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    successor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    subject: Mapped[str] = mapped_column(String(300))
    responsible: Mapped[str | None] = mapped_column(String(255), nullable=True)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    search_text: Mapped[str] = mapped_column(Text)


OVERDUE = "overdue"  # a filter, not a stored status: valid with a deadline before today
#: The status an entry gives the version it refers to.
SUCCESSOR_STATUS = {
    Kind.AMENDED.value: Status.SUPERSEDED.value,
    Kind.REVOKED.value: Status.REVOKED.value,
    Kind.DONE.value: Status.DONE.value,
}
COLUMNS = (
    "id",
    "room_id",
    "decision_no",
    "status",
    "successor_id",
    "subject",
    "responsible",
    "deadline",
    "search_text",
)


def search_text(values: Mapping[str, Any]) -> str:
    """What a text search looks in (:func:`storage.search.normalised`): number, subject,
    wording, agenda item, dissent, responsible (display names are configuration: matched
    by :class:`Filter` ``people``)."""
    parts = (
        f"#{values['id']}",
        values["subject"],
        values["wording"],
        values.get("agenda_item") or "",
        values.get("dissent") or "",
        values.get("responsible") or "",
    )
    return search.normalised(" ".join(parts))


def fresh(values: Mapping[str, Any]) -> dict[str, Any]:
    """The state row of a new decision version."""
    return {
        "id": values["id"],
        "room_id": values["room_id"],
        "decision_no": values["decision_no"],
        "status": Status.VALID.value,
        "successor_id": None,
        "subject": values["subject"],
        "responsible": values.get("responsible"),
        "deadline": values.get("deadline"),
        "search_text": search_text(values),
    }


@dataclass
class Tracker:
    """Follows entries in chain order: new state rows, and changes to earlier ones."""

    rows: dict[int, dict[str, Any]] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)

    def add(self, values: Mapping[str, Any]) -> None:
        if values["kind"] in DECISION_KINDS:
            self.rows[values["id"]] = fresh(values)
        status = SUCCESSOR_STATUS.get(values["kind"])
        target = values.get("refers_to")
        if status is None or target is None:
            return
        change = {"id": target, "status": status, "successor_id": values["id"]}
        if target in self.rows:
            self.rows[target].update(change)
        else:
            self.changes.append(change)


_INSERT = insert(DecisionState.__table__)  # type: ignore[arg-type]
_CHANGE = (
    update(DecisionState.__table__)  # type: ignore[arg-type]
    .where(DecisionState.__table__.c.id == bindparam("key"))
    .values(status=bindparam("status"), successor_id=bindparam("successor_id"))
)


async def record(session: AsyncSession, entries: Sequence[Mapping[str, Any]]) -> None:
    """Write the state the appended ``entries`` (chain order) give, in the caller's transaction."""
    tracker = Tracker()
    for values in entries:
        tracker.add(values)
    rows = list(tracker.rows.values())
    if rows:
        await run_core(session, _INSERT, rows[0] if len(rows) == 1 else rows)
    for change in tracker.changes:
        await run_core(session, _CHANGE, {**change, "key": change["id"]})


async def first_difference(session: AsyncSession, expected: Tracker) -> int | None:
    """The lowest decision id whose stored state differs from ``expected`` (or is missing
    or extra), or None when they agree."""
    table = DecisionState.__table__
    stored = await session.execute(select(*(table.c[name] for name in COLUMNS)))
    differing: list[int] = []
    seen: set[int] = set()
    for row in stored:
        values = dict(zip(COLUMNS, row, strict=True))
        seen.add(values["id"])
        if expected.rows.get(values["id"]) != values:
            differing.append(values["id"])
    differing.extend(key for key in expected.rows if key not in seen)
    return min(differing) if differing else None


@dataclass(frozen=True)
class Filter:
    """Which decision versions of a room a list shows.

    ``statuses``: each must hold (``overdue``: valid with a deadline before ``today``); none
    given: every status but superseded (older versions live in their successor's history).
    ``words``: each must occur in the search text (:meth:`storage.search.Searchable.narrow`)
    or in the responsible person's display name (``people``: word → those user ids).
    """

    room_id: str
    statuses: frozenset[str] = frozenset()
    today: date | None = None
    words: tuple[str, ...] = ()
    people: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def shape(self) -> Shape:
        """What the statement depends on beyond the room and today, which it binds."""
        people = tuple((word, tuple(sorted(named))) for word, named in self.people.items())
        return Shape(self.statuses, self.words, people)

    @property
    def params(self) -> dict[str, Any]:
        """The values the statement binds: the room and today."""
        return {"room_id": self.room_id, "today": self.today}


class Shape(NamedTuple):
    """What a :class:`Filter`'s statement is built from (the key it is kept under)."""

    statuses: frozenset[str]
    words: tuple[str, ...]
    people: tuple[tuple[str, tuple[str, ...]], ...]  # word → the user ids it names


def narrowed(
    query: search.Query, engine: str, shape: Shape
) -> tuple[search.Query | Select[Any], ColumnElement[int]]:
    """``query`` narrowed to the versions a :class:`Filter` of that ``shape`` chooses, and
    the column ordering them newest first, for a search ``engine``
    (:func:`storage.search.backend`). The room and today are bound (:attr:`Filter.params`).

    A word that names people (``shape.people``) finds the versions that hold it as text or
    that one of those people is responsible for. The first such word is split in two: the
    text from the search index, each person from ``ix_decision_state_room_person`` (room,
    responsible, id), every other word and filter applied in each part; the parts' newest
    matches are joined (:func:`storage.search.newest_of`). Asking the search index for a
    user id instead walks a long list: its trigrams are in every person's id."""
    chosen = query.where(*_conditions(shape))
    people = {word: named for word, named in shape.people if named}
    if not people:
        return SEARCHED.narrow(chosen, engine, shape.words)
    word, named = next(iter(people.items()))
    others = {w: (DecisionState.responsible, n) for w, n in people.items() if w != word}
    rest = [w for w in shape.words if w != word]
    parts = [SEARCHED.narrow(chosen, engine, shape.words, others)]
    for user in named:
        by_person = chosen.where(DecisionState.responsible == user)
        parts.append(SEARCHED.narrow(by_person, engine, rest, others))
    return search.newest_of(parts)


def _conditions(shape: Shape) -> list[ColumnElement[bool]]:
    """The bound room, and the statuses a :class:`Filter` of that ``shape`` selects."""
    found: list[ColumnElement[bool]] = [DecisionState.room_id == ROOM]
    if not shape.statuses:
        found.append(DecisionState.status != Status.SUPERSEDED.value)
    for wanted in shape.statuses:
        if wanted == OVERDUE:
            found.append(DecisionState.status == Status.VALID.value)
            found.append(DecisionState.deadline < bindparam("today", type_=Date))
        else:
            found.append(DecisionState.status == wanted)
    return found


#: The decision versions' text search. The responsible person's user id is part of the
#: search text (a search for the id finds it); a display-name word's people come from
#: the person index (:func:`narrowed`).
SEARCHED = search.Searchable("decision_search", DecisionState.id, DecisionState.search_text)


@dataclass(frozen=True, slots=True)
class PageEntry:
    """What a list line and the consent fold read of one log entry (a version on the page,
    or a consent entry concerning one): plain values, no ORM object."""

    id: int
    kind: str
    concerns: int | None
    subject: str
    responsible: str | None
    deadline: date | None
    agreed: list[str]
    author: str
    author_partner: str | None
    recorded_at: datetime
    wording: str
    via: str | None


_PAGE_COLUMNS = tuple(f.name for f in fields(PageEntry))


@dataclass(frozen=True)
class Shown:
    """One version on a page of a list: its current state, its entry and the consent
    entries concerning it (chain order)."""

    id: int
    status: Status
    successor_id: int | None
    entry: PageEntry
    consents: tuple[PageEntry, ...]


async def listed_page(
    session: AsyncSession, chosen: Filter, *, offset: int, limit: int
) -> tuple[list[Shown], int]:
    """One page of matching versions, newest first, with their entries and consents, and
    how many match in all – counted up to :func:`storage.search.bound` and one more: a
    count above it means "more than".

    One statement, built once per shape (:class:`storage.search.PageQuery`): the page
    (:func:`storage.search.paged`, one pass with the count) as a common table expression,
    joined to the log twice – the versions themselves and the consent entries concerning
    them (``UNION ALL``). Each statement costs as much again in SQLAlchemy as in SQLite,
    so a page is one, not two."""
    page = _page(await search.backend(session), chosen.shape)
    rows, total = await page.read(session, chosen.params, offset=offset, limit=limit)
    found: list[tuple[PageEntry, Any]] = []
    concerning: dict[int | None, list[PageEntry]] = {}
    for row in sorted(rows, key=lambda each: each.id):  # chain order: the fold's order
        entry = PageEntry(*row[: len(_PAGE_COLUMNS)])
        if row.status is None:
            concerning.setdefault(entry.concerns, []).append(entry)
        else:
            found.append((entry, row))
    shown = [
        Shown(
            entry.id,
            Status(row.status),
            row.successor_id,
            entry,
            tuple(concerning.get(entry.id, ())),
        )
        for entry, row in reversed(found)  # newest first
    ]
    return shown, total


@lru_cache(maxsize=search.KEPT)
def _page(engine: str, shape: Shape) -> search.PageQuery:
    """:func:`listed_page`'s statement for a filter's shape (:attr:`Filter.shape`)."""
    columns = select(DecisionState.id, DecisionState.status, DecisionState.successor_id)
    chosen, newest = narrowed(columns, engine, shape)
    matches = search.paged(chosen, newest)
    page = matches.statement.cte("page")
    log = DecisionEntry.__table__
    read = [log.c[name] for name in _PAGE_COLUMNS]
    versions = select(*read, page.c.status, page.c.successor_id, page.c.total).join_from(
        page, log, log.c.id == page.c.id
    )
    consents = (
        select(*read, null(), null(), page.c.total)
        .join_from(page, log, log.c.concerns == page.c.id)
        .where(log.c.kind.in_(CONSENT_KINDS))
    )
    return search.PageQuery(union_all(versions, consents), matches.capped, mapped=False)


async def overdue(session: AsyncSession, room_id: str, today: date) -> list[DecisionEntry]:
    """Valid decisions of a room whose deadline lies before ``today``, oldest deadline first."""
    rows = await session.scalars(
        select(DecisionEntry)
        .join(DecisionState, DecisionState.id == DecisionEntry.id)
        .where(
            DecisionState.room_id == room_id,
            DecisionState.status == Status.VALID.value,
            DecisionState.deadline < today,
        )
        .order_by(DecisionEntry.deadline, DecisionEntry.id)
    )
    return list(rows)
