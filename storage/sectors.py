"""Sector assessments and the rounds they are collected in (append-only).

A correction is a newer :class:`SectorInput`; the newest per (round, partner, section)
counts, the older rows stay as history. A :class:`Round` runs until the end of its
``deadline`` day in the configured zone and stays open (late reports still count) until
a coordinator closes it. Each reminder of a round is claimed once as a
:class:`storage.deliveries.Delivery` (source "round").

``!branche suche`` searches every input of a room (:func:`search_inputs`): the text, the
demand and the section letter, normalised (:mod:`storage.search`) into ``search_text``
when the row is written; the index is ``input_search`` (SQLite FTS5) or
``ix_sector_inputs_search`` (PostgreSQL ``pg_trgm``), made by migration 0016.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    Select,
    String,
    Text,
    bindparam,
    exists,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, aliased, mapped_column
from sqlalchemy.sql.expression import Exists, ScalarSelect

from storage import search
from storage.base import ROOM, Base, UTCDateTime


class Round(Base):
    """An input round: partners report their sector assessments until ``deadline``."""

    __tablename__ = "sector_rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    opened_by: Mapped[str] = mapped_column(String(255))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deadline: Mapped[date] = mapped_column(Date)  # the last day, local to settings.zone
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(255), nullable=True)


class SectorInput(Base):
    """One partner's assessment of one WZ section, inside a round or outside (round None)."""

    __tablename__ = "sector_inputs"
    # A round's inputs, by partner: ``!status`` asks who reported in the open round.
    __table_args__ = (Index("ix_sector_inputs_round_partner", "round_id", "partner_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("sector_rounds.id"), nullable=True)
    partner_id: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(255))
    section: Mapped[str] = mapped_column(String(1))  # WZ 2008 letter A–U
    trend: Mapped[str] = mapped_column(String(16))  # growing | stable | declining
    text: Mapped[str] = mapped_column(Text)
    demand: Mapped[str] = mapped_column(String(300), default="")  # bedarf=
    horizon: Mapped[str] = mapped_column(String(16), default="")  # horizont= ("12m")
    # Indexed: the retention purge asks for the oldest after every write.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    source_event_id: Mapped[str] = mapped_column(String(255))
    #: text, demand and section letter as the search sees them (storage.search.normalised)
    search_text: Mapped[str] = mapped_column(Text, default="")


def searched_text(text: str, demand: str, section: str) -> str:
    """What ``!branche suche <suchbegriff>`` looks in."""
    return search.normalised(f"{text} {demand} {section}")


async def open_round(
    session: AsyncSession, *, room_id: str, opened_by: str, now: datetime, deadline: date
) -> Round:
    row = Round(room_id=room_id, opened_by=opened_by, opened_at=now, deadline=deadline)
    session.add(row)
    await session.flush()
    return row


async def current_round(session: AsyncSession, room_id: str) -> Round | None:
    """The open round of ``room_id`` (there is at most one)."""
    return await session.scalar(
        select(Round)
        .where(Round.room_id == room_id, Round.closed_at.is_(None))
        .order_by(Round.id.desc())
        .limit(1)
    )


def _latest_round_id() -> ScalarSelect[int]:
    """The open round of the bound room, else its most recently opened one."""
    return (
        select(Round.id)
        .where(Round.room_id == ROOM)
        .order_by(Round.closed_at.is_(None).desc(), Round.id.desc())
        .limit(1)
        .scalar_subquery()
    )


_LATEST_ROUND = select(Round).where(Round.id == _latest_round_id())
_LATEST_ROUND_INPUTS = (
    select(Round, SectorInput)
    .outerjoin(SectorInput, SectorInput.round_id == Round.id)
    .where(Round.id == _latest_round_id())
    .order_by(SectorInput.id)
)


async def latest_round(session: AsyncSession, room_id: str) -> Round | None:
    """The open round, else the most recently opened one."""
    return await session.scalar(_LATEST_ROUND, {"room_id": room_id})


async def latest_round_inputs(
    session: AsyncSession, room_id: str
) -> tuple[Round | None, list[SectorInput]]:
    """:func:`latest_round` with every input of it, oldest first (corrections included),
    in one statement; (None, []) without any round."""
    rows = (await session.execute(_LATEST_ROUND_INPUTS, {"room_id": room_id})).all()
    if not rows:
        return None, []
    return rows[0][0], [row for _, row in rows if row is not None]


async def open_rounds(session: AsyncSession) -> Sequence[Round]:
    """Every open round in every room (for the reminders)."""
    rows = await session.scalars(select(Round).where(Round.closed_at.is_(None)).order_by(Round.id))
    return list(rows)


def close_round(round_: Round, *, closed_by: str, now: datetime) -> None:
    round_.closed_at = now
    round_.closed_by = closed_by


async def add_input(
    session: AsyncSession,
    *,
    room_id: str,
    round_id: int | None,
    partner_id: str,
    author: str,
    section: str,
    trend: str,
    text: str,
    demand: str,
    horizon: str,
    now: datetime,
    source_event_id: str,
) -> SectorInput:
    row = SectorInput(
        room_id=room_id,
        round_id=round_id,
        partner_id=partner_id,
        author=author,
        section=section,
        trend=trend,
        text=text,
        demand=demand,
        horizon=horizon,
        created_at=now,
        source_event_id=source_event_id,
        search_text=searched_text(text, demand, section),
    )
    session.add(row)
    await session.flush()
    return row


async def inputs_of_round(session: AsyncSession, round_id: int) -> list[SectorInput]:
    """Every input of a round, oldest first (corrections included)."""
    rows = await session.scalars(
        select(SectorInput).where(SectorInput.round_id == round_id).order_by(SectorInput.id)
    )
    return list(rows)


async def inputs_outside_rounds(session: AsyncSession, room_id: str) -> list[SectorInput]:
    rows = await session.scalars(
        select(SectorInput)
        .where(SectorInput.room_id == room_id, SectorInput.round_id.is_(None))
        .order_by(SectorInput.id)
    )
    return list(rows)


@dataclass(frozen=True)
class SectionView:
    """What ``!branche C`` shows of one section: its newest inputs (the list), the inputs
    of the newest rounds that have one for it (the picture; they may overlap), and the
    rounds of both."""

    history: list[SectorInput]
    inputs: list[SectorInput]
    rounds: dict[int, Round]


def _section_inputs() -> Select[SectorInput, Round]:
    """A section's newest ``shown`` inputs and every input of its newest ``rounds`` rounds
    that have one, each with its round (or None), in one statement (room, section and the
    two counts bound)."""
    mine = (
        SectorInput.room_id == ROOM,
        SectorInput.section == bindparam("section", type_=String),
    )
    shown = select(SectorInput.id).where(*mine).order_by(SectorInput.id.desc())
    newest_rounds = (
        select(SectorInput.round_id)
        .where(*mine, SectorInput.round_id.is_not(None))
        .group_by(SectorInput.round_id)
        .order_by(SectorInput.round_id.desc())
        .limit(bindparam("rounds", type_=Integer))
    )
    return (
        select(SectorInput, Round)
        .outerjoin(Round, Round.id == SectorInput.round_id)
        .where(
            *mine,
            or_(
                SectorInput.id.in_(shown.limit(bindparam("shown", type_=Integer))),
                SectorInput.round_id.in_(newest_rounds),
            ),
        )
    )


_SECTION_INPUTS = _section_inputs()


async def section_view(
    session: AsyncSession, room_id: str, section: str, *, shown: int, rounds: int
) -> SectionView:
    """One section's newest ``shown`` inputs (newest first) and the inputs of its newest
    ``rounds`` rounds that have one, with their rounds: one statement, whatever the length
    of the room's history."""
    params = {"room_id": room_id, "section": section, "shown": shown, "rounds": rounds}
    rows = (await session.execute(_SECTION_INPUTS, params)).all()
    found = sorted((row for row, _ in rows), key=lambda row: -row.id)
    newest = sorted({row.round_id for row in found if row.round_id is not None})[-rounds:]
    picture = [row for row in found if row.round_id in newest]
    return SectionView(found[:shown], picture, {r.id: r for _, r in rows if r is not None})


async def all_inputs(session: AsyncSession, room_id: str) -> list[SectorInput]:
    """Every input of a room in order (for the export)."""
    rows = await session.scalars(
        select(SectorInput).where(SectorInput.room_id == room_id).order_by(SectorInput.id)
    )
    return list(rows)


async def rounds_of(session: AsyncSession, ids: Sequence[int]) -> dict[int, Round]:
    if not ids:
        return {}
    rows = await session.scalars(select(Round).where(Round.id.in_(ids)))
    return {row.id: row for row in rows}


def newest(inputs: Sequence[SectorInput]) -> dict[tuple[str, str], SectorInput]:
    """(partner, section) → the input that counts: the newest (corrections win)."""
    found: dict[tuple[str, str], SectorInput] = {}
    for row in sorted(inputs, key=lambda r: r.id):
        found[(row.partner_id, row.section)] = row
    return found


#: The inputs' text search (text, demand, section letter).
SEARCHED = search.Searchable("input_search", SectorInput.id, SectorInput.search_text)


@dataclass(frozen=True)
class FoundInput:
    """An input a search found, with what its line says about it."""

    input: SectorInput
    in_round: bool  # it belongs to a round that exists
    replaced: bool  # a correction replaced it (:func:`corrected`)


async def search_inputs(
    session: AsyncSession,
    room_id: str,
    term: str,
    limit: int,
    offset: int = 0,
    sections: Mapping[str, str] | None = None,
) -> tuple[list[FoundInput], int]:
    """The newest ``limit`` inputs after the first ``offset`` matching ``term``, and how many
    match in all – counted up to :func:`storage.search.bound` and one more: a count above
    that bound means "more than the bound". One statement, which also says of each whether
    its round exists and whether a correction replaced it.

    Every input of the room is searched: each word of ``term`` must occur in its text,
    demand or section letter (:mod:`storage.search`: case, umlauts and ß folded, found
    inside compounds, through the database's index, newest first so a page stops early).
    ``sections`` (word → section letter): a word naming a section (``Logistik`` → H) also
    matches every input of that section; such a word is tested row by row (``LIKE``).
    """
    words = term.split()
    named = tuple((word, letter) for word, letter in (sections or {}).items() if word in words)
    page = _page(await search.backend(session), tuple(words), named)
    rows, total = await page.read(session, {"room_id": room_id}, offset=offset, limit=limit)
    return [FoundInput(row[0], bool(row[1]), bool(row[2])) for row in rows], total


@lru_cache(maxsize=search.KEPT)
def _page(
    engine: str,
    words: tuple[str, ...],
    named: tuple[tuple[str, str], ...],
) -> search.PageQuery:
    query = select(SectorInput.id).where(SectorInput.room_id == ROOM)
    for word, letter in named:
        query, _ = SEARCHED.narrow(query, "like", [word], {word: (SectorInput.section, [letter])})
    rest = [word for word in words if word not in dict(named)]
    narrowed, newest = SEARCHED.narrow(query, engine, rest)
    in_round = exists().where(Round.id == SectorInput.round_id)
    columns = [SectorInput, in_round, _replaced()]
    return SEARCHED.newest_rows(columns, narrowed, newest)


def _replaced() -> Exists:
    """Whether the input of the surrounding query has a newer one of the same partner and
    section in its round (a correction)."""
    newer = aliased(SectorInput)
    return exists().where(
        SectorInput.round_id.is_not(None),
        newer.round_id == SectorInput.round_id,
        newer.partner_id == SectorInput.partner_id,
        newer.section == SectorInput.section,
        newer.id > SectorInput.id,
    )


async def corrected(session: AsyncSession, ids: Sequence[int]) -> set[int]:
    """Those of ``ids`` whose round holds a newer input of the same partner and section:
    a correction replaced them."""
    if not ids:
        return set()
    rows = await session.scalars(select(SectorInput.id).where(SectorInput.id.in_(ids), _replaced()))
    return set(rows)
