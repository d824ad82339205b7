"""The hash chain over the decision log: canonical content, appending under a lock, checking.

One chain per database, in ``id`` order (ids are chain positions 1, 2, 3 …, across rooms).
Each entry stores ``hash = SHA-256(canonical JSON of its content with prev_hash)``, where
``prev_hash`` is the hash of entry ``id - 1`` (64 zeros for the first). The canonical JSON
holds exactly :data:`HASHED_FIELDS`, those of :data:`OPTIONAL_FIELDS` that are set, and
``prev_hash``: ids as integers, dates as
``YYYY-MM-DD``, times in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``, missing values as
``null``; keys sorted, no whitespace, UTF-8 (``docs/export-schema.md`` shows how to
recompute it from an export).

Appending starts with ``UPDATE decision_chain … RETURNING``: on PostgreSQL that row lock
queues concurrent appends until the transaction ends, on SQLite it takes the write lock
before anything is read; either way the predecessor is read under the lock, so two
concurrent decisions can never fork the chain. The chain row's length and last hash also
reveal entries cut off at the end.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from contextlib import aclosing
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Integer, String, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.decisions import state
from storage.decisions.models import CHAIN, DecisionChain, DecisionEntry
from storage.decisions.stream import Converter, stream_chain
from storage.engine import run_core

GENESIS = "0" * 64
HASHED_FIELDS = (
    "id",
    "room_id",
    "decision_no",
    "refers_to",
    "kind",
    "meeting_id",
    "meeting_at",
    "agenda_item",
    "subject",
    "wording",
    "outcome",
    "agreed",
    "dissent",
    "decided_on",
    "recorded_at",
    "responsible",
    "deadline",
    "author",
    "author_partner",
    "source_event_id",
)
#: Fields of consent entries (consented, objected, withdrawn): hashed only when set, so
#: the entries written before they existed keep their hashes.
OPTIONAL_FIELDS = ("concerns", "via")


def utc_text(moment: datetime) -> str:
    """``2026-12-01T09:00:00.000000Z``: the canonical form of a time."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _time(value: datetime | None) -> str | None:
    return None if value is None else utc_text(value)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _names(value: Sequence[str]) -> list[str]:
    return [str(item) for item in value]


_CANONICAL: dict[str, Callable[[Any], Any]] = {
    "meeting_at": _time,
    "recorded_at": _time,
    "decided_on": _day,
    "deadline": _day,
    "agreed": _names,
}


def content_of(values: Mapping[Any, Any]) -> dict[str, Any]:
    """The hashed fields of an entry (a row mapping or a dict), in canonical JSON values."""
    content = {name: values[name] for name in HASHED_FIELDS}
    for name, convert in _CANONICAL.items():
        content[name] = convert(content[name])
    for name in OPTIONAL_FIELDS:
        if values.get(name) is not None:
            content[name] = values[name]
    return content


def entry_hash(content: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 over the canonical JSON of ``content`` together with ``prev_hash``."""
    document = {**content, "prev_hash": prev_hash}
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewEntry:
    """What a caller decides about an entry; id, lineage and hashes are the chain's business."""

    room_id: str
    kind: str
    subject: str
    wording: str
    outcome: str
    decided_on: date
    recorded_at: datetime
    author: str
    source_event_id: str
    refers_to: int | None = None
    decision_no: int | None = None  # None: a new decision, its own number
    meeting_id: int | None = None
    meeting_at: datetime | None = None
    agenda_item: str | None = None
    agreed: tuple[str, ...] = ()
    dissent: str = ""
    responsible: str | None = None
    deadline: date | None = None
    author_partner: str | None = None
    concerns: int | None = None  # consent entries: the decision version concerned
    via: str | None = None  # consent entries: "command" or "reaction"


_ENTRY_FIELDS = tuple(field.name for field in fields(NewEntry))

#: The statements of an append, built once: building and keying a statement cost more
#: than SQLite's work on it, and a recorded decision's reply waits for all of them.
_RESERVE = (
    update(DecisionChain)
    .where(DecisionChain.name == CHAIN)
    .values(length=DecisionChain.length + bindparam("count", type_=Integer))
    .returning(DecisionChain.length, DecisionChain.head_hash)
    .execution_options(synchronize_session=False)
)
_SET_HEAD = (
    update(DecisionChain)
    .where(DecisionChain.name == CHAIN)
    .values(head_hash=bindparam("head", type_=String))
    .execution_options(synchronize_session=False)
)
_INSERT = insert(DecisionEntry.__table__)  # type: ignore[arg-type]


async def _reserve(session: AsyncSession, count: int) -> tuple[int, str]:
    """Lock the chain head, claim ``count`` positions; (first new id, hash before it)."""
    row = (await run_core(session, _RESERVE, {"count": count})).one()
    return int(row[0]) - count + 1, str(row[1])


async def _set_head(session: AsyncSession, head_hash: str) -> None:
    await run_core(session, _SET_HEAD, {"head": head_hash})


def _chained(entries: Sequence[NewEntry], first_id: int, prev_hash: str) -> list[dict[str, Any]]:
    rows = []
    for offset, entry in enumerate(entries):
        # Field by field, not ``asdict``: its deep copies cost more than the hash, and
        # every field is an immutable value (``agreed``, a tuple, becomes a new list).
        values = {name: getattr(entry, name) for name in _ENTRY_FIELDS}
        values["id"] = first_id + offset
        values["agreed"] = list(entry.agreed)
        if values["decision_no"] is None:
            values["decision_no"] = values["id"]
        values["prev_hash"] = prev_hash
        values["hash"] = prev_hash = entry_hash(content_of(values), prev_hash)
        rows.append(values)
    return rows


async def append(session: AsyncSession, entry: NewEntry) -> DecisionEntry:
    """Append one entry at the end of the chain (in the caller's transaction); the entry
    returned is a plain copy of the row written, not one the session tracks."""
    first_id, prev_hash = await _reserve(session, 1)
    (values,) = _chained([entry], first_id, prev_hash)
    await run_core(session, _INSERT, values)
    await state.record(session, [values])
    await _set_head(session, values["hash"])
    return DecisionEntry(**values)


async def append_many(session: AsyncSession, entries: Sequence[NewEntry]) -> int:
    """Append many entries with one bulk insert (imports, benchmarks); returns the last id."""
    if not entries:
        return (await head(session))[0]
    first_id, prev_hash = await _reserve(session, len(entries))
    rows = _chained(entries, first_id, prev_hash)
    await run_core(session, _INSERT, rows)
    await state.record(session, rows)
    await _set_head(session, rows[-1]["hash"])
    return int(rows[-1]["id"])


class Problem(StrEnum):
    CONTENT = "content"  # the entry's content (or hash) was changed after it was written
    LINK = "link"  # prev_hash is not the predecessor's hash: predecessor changed or removed
    MISSING = "missing"  # an id is missing: the entry before this one was deleted
    HEAD = "head"  # the chain ends before the length its head records: entries cut off
    STATE = "state"  # the current-state record of a decision disagrees with the chain


@dataclass(frozen=True)
class Verdict:
    """The result of walking the chain."""

    entries: int
    last_hash: str
    problem: Problem | None = None
    entry_id: int | None = None  # first broken entry (HEAD: last one found; STATE: decision)
    expected: int | None = None  # MISSING: the id that is missing; HEAD: the recorded length

    @property
    def intact(self) -> bool:
        return self.problem is None


@dataclass
class _Walk:
    """Where a walk along the chain has got to."""

    expected_id: int = 1
    previous: str = GENESIS
    count: int = 0

    def check(self, values: Mapping[Any, Any]) -> Verdict | None:
        """The verdict on the first broken entry, or None if ``values`` continues the chain."""
        entry_id = values["id"]
        if entry_id != self.expected_id:
            return Verdict(self.count, self.previous, Problem.MISSING, entry_id, self.expected_id)
        if entry_hash(content_of(values), values["prev_hash"]) != values["hash"]:
            return Verdict(self.count, self.previous, Problem.CONTENT, entry_id)
        if values["prev_hash"] != self.previous:
            return Verdict(self.count, self.previous, Problem.LINK, entry_id)
        self.expected_id, self.previous, self.count = entry_id + 1, values["hash"], self.count + 1
        return None


async def verify(session: AsyncSession) -> Verdict:
    """Walk the whole chain and report the first entry whose content or link does not match.

    Locks the chain head for the walk (appends wait), so the entries and the head are
    read as one consistent state on both backends. An intact chain is then compared with
    the current-state records (``decision_state``) it implies. Changes nothing.
    """
    head = await lock(session)
    walk, convert, tracker = _Walk(), Converter(), state.Tracker()
    async with aclosing(stream_chain(session)) as chunks:
        async for chunk in chunks:
            for row in chunk:
                values = convert.values(row)
                if broken := walk.check(values):
                    return broken
                tracker.add(values)
    if head is not None and (head[0] != walk.count or head[1] != walk.previous):
        return Verdict(walk.count, walk.previous, Problem.HEAD, walk.count or None, head[0])
    if (differing := await state.first_difference(session, tracker)) is not None:
        return Verdict(walk.count, walk.previous, Problem.STATE, differing)
    return Verdict(walk.count, walk.previous)


async def lock(session: AsyncSession) -> tuple[int, str] | None:
    """Take the append lock until the transaction ends (a no-op update of the head row).

    Returns the chain's length and last hash as of now.
    """
    row = (
        await session.execute(
            update(DecisionChain)
            .where(DecisionChain.name == CHAIN)
            .values(length=DecisionChain.length)
            .returning(DecisionChain.length, DecisionChain.head_hash)
            .execution_options(synchronize_session=False)
        )
    ).first()
    return (int(row[0]), str(row[1])) if row is not None else None


async def head(session: AsyncSession) -> tuple[int, str]:
    """The chain's length and last hash (without locking)."""
    row = (
        await session.execute(
            select(DecisionChain.length, DecisionChain.head_hash).where(DecisionChain.name == CHAIN)
        )
    ).first()
    return (int(row[0]), str(row[1])) if row is not None else (0, GENESIS)
