"""The decision log: append-only entries, each linked to its predecessor by a hash chain.

An entry is never changed. Amending, revoking or completing a decision appends a new
entry that ``refers_to`` the entry it acts on; the status of a decision (valid, done,
revoked, superseded by #n) is derived from the entry that refers to it, if any. A
unique ``refers_to`` means a decision has at most one successor: its history never forks.
Chain mechanics (hashes, appending under a lock, verification) live in
:mod:`storage.decisions.chain`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Integer,
    Row,
    Select,
    String,
    Text,
    UniqueConstraint,
    bindparam,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, aliased, mapped_column

from storage.base import ROOM, Base, UTCDateTime
from storage.deliveries import Delivery
from storage.meetings import Meeting, MeetingException

CHAIN = "decisions"


class Kind(StrEnum):
    """What an entry does."""

    RECORDED = "recorded"  # a new decision
    AMENDED = "amended"  # a new wording that supersedes ``refers_to``
    REVOKED = "revoked"  # ``refers_to`` no longer applies
    DONE = "done"  # ``refers_to`` was carried out
    CONSENTED = "consented"  # ``author_partner`` consents to decision version ``concerns``
    OBJECTED = "objected"  # ``author_partner`` objects to ``concerns`` (reason in ``wording``)
    WITHDRAWN = "withdrawn"  # ``author_partner`` takes its consent to ``concerns`` back


DECISION_KINDS = (Kind.RECORDED.value, Kind.AMENDED.value)
#: Entries by which one partner takes a stand on one decision version (``concerns``).
CONSENT_KINDS = (Kind.CONSENTED.value, Kind.OBJECTED.value, Kind.WITHDRAWN.value)


class Status(StrEnum):
    """A decision's state, derived from the entry that refers to it (never stored)."""

    VALID = "valid"
    DONE = "done"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    NONE = "none"  # the entry is a revocation or completion, not a decision


class DecisionEntry(Base):
    """One entry of the log; ``id`` is the running number shown as ``#n`` and its chain position."""

    __tablename__ = "decision_entries"
    __table_args__ = (UniqueConstraint("refers_to"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    decision_no: Mapped[int] = mapped_column(Integer, index=True)  # first entry of the lineage
    refers_to: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    meeting_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    meeting_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    agenda_item: Mapped[str | None] = mapped_column(Text, nullable=True)
    subject: Mapped[str] = mapped_column(String(300))
    wording: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(32))
    agreed: Mapped[list[str]] = mapped_column(JSON)
    dissent: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date] = mapped_column(Date)
    # Indexed: the consent reminders read the versions of the last days (unclaimed_between).
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    responsible: Mapped[str | None] = mapped_column(String(255), nullable=True)
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    author: Mapped[str] = mapped_column(String(255))
    author_partner: Mapped[str | None] = mapped_column(String(32), nullable=True)
    source_event_id: Mapped[str] = mapped_column(String(255))
    # Consent entries only (CONSENT_KINDS): the decision version concerned, and whether by
    # "command" or "reaction". Hashed only when set, so older entries keep their hashes.
    concerns: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    via: Mapped[str | None] = mapped_column(String(16), nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class DecisionChain(Base):
    """The head of the chain: its length and last hash. Updated by every append, under lock."""

    __tablename__ = "decision_chain"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    length: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))


@dataclass(frozen=True)
class Listed:
    """An entry with what its status is derived from, and its meeting's title."""

    entry: DecisionEntry
    successor_id: int | None
    successor_kind: str | None
    meeting_title: str | None

    @property
    def status(self) -> Status:
        return derive_status(self.entry.kind, self.successor_kind)


_BY_SUCCESSOR = {
    Kind.AMENDED.value: Status.SUPERSEDED,
    Kind.REVOKED.value: Status.REVOKED,
    Kind.DONE.value: Status.DONE,
}


def derive_status(kind: str, successor_kind: str | None) -> Status:
    """valid / done / revoked / superseded — from the entry that refers to this one."""
    if kind not in DECISION_KINDS:
        return Status.NONE
    if successor_kind is None:
        return Status.VALID
    return _BY_SUCCESSOR.get(successor_kind, Status.VALID)


@cache
def _listed_query() -> Select[DecisionEntry, int, str, str]:
    """Built once: an alias of the entries table makes a proxy of every column, which costs
    more than running the query for one decision."""
    successor = aliased(DecisionEntry)
    return (
        select(DecisionEntry, successor.id, successor.kind, Meeting.title)
        .outerjoin(successor, successor.refers_to == DecisionEntry.id)
        .outerjoin(Meeting, Meeting.id == DecisionEntry.meeting_id)
    )


def _listed(row: Row[DecisionEntry, int, str, str]) -> Listed:
    return Listed(row[0], row[1], row[2], row[3])


async def get_entry(session: AsyncSession, room_id: str, entry_id: int) -> Listed | None:
    """Entry ``#entry_id`` of ``room_id`` with its status, or None."""
    row = (
        await session.execute(
            _listed_query().where(DecisionEntry.id == entry_id, DecisionEntry.room_id == room_id)
        )
    ).first()
    return _listed(row) if row is not None else None


@cache
def _with_lineage_query() -> Select[DecisionEntry, int, str, str]:
    """Every entry of the lineage that entry ``entry_id`` of ``room_id`` belongs to (both
    bound), oldest first: built once, like :func:`_listed_query`."""
    number = (
        select(DecisionEntry.decision_no)
        .where(
            DecisionEntry.id == bindparam("entry_id", type_=Integer),
            DecisionEntry.room_id == ROOM,
        )
        .scalar_subquery()
    )
    return _listed_query().where(DecisionEntry.decision_no == number).order_by(DecisionEntry.id)


async def with_lineage(
    session: AsyncSession, room_id: str, entry_id: int
) -> tuple[Listed, list[Listed]] | None:
    """Entry ``#entry_id`` of ``room_id`` with its status (as :func:`get_entry` gives it),
    and every entry of its decision's history, oldest first, in one statement; None if the
    room has no such entry."""
    params = {"entry_id": entry_id, "room_id": room_id}
    history = [_listed(row) for row in await session.execute(_with_lineage_query(), params)]
    found = next((listed for listed in history if listed.entry.id == entry_id), None)
    return (found, history) if found is not None else None


async def room_decisions(session: AsyncSession, room_id: str) -> list[Listed]:
    """Every decision version (not revocations or completions) of a room, newest first."""
    rows = await session.execute(
        _listed_query()
        .where(DecisionEntry.room_id == room_id, DecisionEntry.kind.in_(DECISION_KINDS))
        .order_by(DecisionEntry.id.desc())
    )
    return [_listed(row) for row in rows]


async def consents_of(
    session: AsyncSession, version_ids: Sequence[int], *, upto_id: int | None = None
) -> list[DecisionEntry]:
    """The consent entries concerning these decision versions, in chain order."""
    if not version_ids:
        return []
    query = select(DecisionEntry).where(
        DecisionEntry.concerns.in_(list(version_ids)), DecisionEntry.kind.in_(CONSENT_KINDS)
    )
    if upto_id is not None:
        query = query.where(DecisionEntry.id <= upto_id)
    return list(await session.scalars(query.order_by(DecisionEntry.id)))


async def consent_entry(session: AsyncSession, source_event_id: str) -> DecisionEntry | None:
    """The consent entry a Matrix event (a reaction) caused, if any."""
    rows = await session.scalars(
        select(DecisionEntry).where(
            DecisionEntry.source_event_id == source_event_id,
            DecisionEntry.kind.in_(CONSENT_KINDS),
        )
    )
    return rows.first()


def _valid_since(*columns: Any) -> Select[*tuple[Any, ...]]:
    """``columns`` of the valid versions recorded since the bound ``earliest``."""
    successor = aliased(DecisionEntry)
    return (
        select(*columns)
        .select_from(DecisionEntry)
        .outerjoin(successor, successor.refers_to == DecisionEntry.id)
        .where(
            DecisionEntry.kind.in_(DECISION_KINDS),
            DecisionEntry.recorded_at >= bindparam("earliest", type_=UTCDateTime()),
            successor.id.is_(None),
        )
    )


def _unclaimed(*columns: Any) -> Select[*tuple[Any, ...]]:
    """:func:`_valid_since` without the versions whose post of the bound ``source`` and
    ``key`` is settled (``storage.deliveries``, by its unique index)."""
    claimed = exists().where(
        Delivery.source == bindparam("source"),
        Delivery.subject_id == DecisionEntry.id,
        Delivery.key == bindparam("key"),
    )
    return _valid_since(*columns).where(~claimed)


@cache
def _first_unclaimed() -> Select[datetime]:
    return _unclaimed(func.min(DecisionEntry.recorded_at))


@cache
def _unclaimed_before() -> Select[DecisionEntry]:
    before = DecisionEntry.recorded_at < bindparam("before", type_=UTCDateTime())
    return _unclaimed(DecisionEntry).where(before).order_by(DecisionEntry.id)


async def first_unclaimed_since(
    session: AsyncSession, earliest: datetime, source: str, key: str
) -> datetime | None:
    """When the first valid version (no successor) recorded since ``earliest`` was
    recorded that has no post of ``source`` and ``key`` settled; None if none.

    One row, asked after every change (the consent reminders' next wake-up), found by
    ``ix_decision_entries_recorded_at``. Before that index this read every entry of the
    log (30 ms with 100,000), and loading the last days' versions as objects to take the
    earliest cost as much again."""
    params = {"earliest": earliest, "source": source, "key": key}
    found: datetime | None = await session.scalar(_first_unclaimed(), params)
    return found


async def unclaimed_between(
    session: AsyncSession, earliest: datetime, before: datetime, source: str, key: str
) -> list[DecisionEntry]:
    """The valid versions recorded from ``earliest`` until ``before`` that have no post of
    ``source`` and ``key`` settled, in log order: those whose nudge is due, not every
    version of the last days."""
    params = {"earliest": earliest, "before": before, "source": source, "key": key}
    return list(await session.scalars(_unclaimed_before(), params))


def _meetings_before() -> Select[Meeting, bool]:
    """The latest five singles (``ix_meetings_room_start``, newest first) and every series
    (``ix_meetings_series``) that began by ``now``: each found by its index, then read by
    id, so the room's other meetings are never visited."""
    begun = (
        Meeting.room_id == bindparam("room"),
        Meeting.cancelled.is_(False),
        Meeting.start <= bindparam("now", type_=UTCDateTime()),
    )
    latest_singles = (
        select(Meeting.id)
        .where(*begun, Meeting.rule.is_(None))
        .order_by(Meeting.start.desc())
        .limit(5)
    )
    series = select(Meeting.id).where(*begun, Meeting.rule.is_not(None))
    changed = exists().where(MeetingException.meeting_id == Meeting.id)
    return select(Meeting, changed).where(
        or_(Meeting.id.in_(latest_singles), Meeting.id.in_(series))
    )


#: Built once: recording a decision asks it before its reply can go out.
_MEETINGS_BEFORE = _meetings_before()


async def meetings_before(
    session: AsyncSession, room_id: str, now: datetime
) -> tuple[list[Meeting], frozenset[int]]:
    """Meetings of a room that may have had a date by ``now`` – the latest five singles and
    every series – and which of them have changed occurrences: one statement."""
    found = (await session.execute(_MEETINGS_BEFORE, {"room": room_id, "now": now})).all()
    return [row[0] for row in found], frozenset(row[0].id for row in found if row[1])
