"""Bookkeeping that makes the bot exactly-once: handled events, sync position, outbox."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Index,
    Integer,
    LargeBinary,
    String,
    Subquery,
    Text,
    bindparam,
    func,
    insert,
    literal,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.engine import run_core


class HandledEvent(Base):
    """A Matrix event the bot has acted on; its id is never acted on again."""

    __tablename__ = "handled_events"
    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(255))
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SyncState(Base):
    """Small key/value state, e.g. the sync token saved after a batch was handled."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxMessage(Base):
    """A message to send, written in the same transaction as what caused it.

    Its ``txn_id`` is derived from the cause, so a resend after a crash is
    deduplicated by the homeserver (same device, same transaction id).
    """

    __tablename__ = "outbox"
    __table_args__ = (
        # The table keeps every message for years; this holds only the few unsent ones. On
        # ``id``: start-up reads them in that order; ``!status`` counts a room's among them.
        Index(
            "ix_outbox_unsent",
            "id",
            sqlite_where=text("sent_at IS NULL"),
            postgresql_where=text("sent_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255))
    txn_id: Mapped[str] = mapped_column(String(255), unique=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    attachment: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    attachment_name: Mapped[str | None] = mapped_column(String(255), nullable=True)
    attachment_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    purpose: Mapped[str] = mapped_column(String(64), default="reply")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Indexed: reactions look up which bot message (purpose) they target by its event id.
    event_id: Mapped[str | None] = mapped_column(String(255), nullable=True, index=True)
    #: When a timed post (a reminder) was due; None for replies.
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


def txn_id(*cause: object) -> str:
    """A transaction id derived from what caused a message: the same cause, the same id.

    The homeserver returns the first event for a repeated transaction id from the same
    device, so a message resent after a crash is not posted twice; and whoever knows the
    cause (a command's event id, a reminder's meeting, occurrence and offset) finds its
    outbox row, and so whether it was delivered.
    """
    digest = hashlib.sha256("\x1f".join(str(part) for part in cause).encode()).hexdigest()
    return f"kb{digest[:40]}"


async def claim_event(session: AsyncSession, *, event_id: str, room_id: str, now: datetime) -> bool:
    """Record ``event_id`` as handled; False if it already was (then do nothing else)."""
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    factory = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        factory(HandledEvent)
        .values(event_id=event_id, room_id=room_id, handled_at=now)
        .on_conflict_do_nothing(index_elements=["event_id"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def handled_or_answered(session: AsyncSession, event_ids: Sequence[str]) -> set[str]:
    """The subset of ``event_ids`` acted on before: recorded as handled (``claim_event``),
    or answered (a command's first reply has the transaction id ``txn_id(event_id, 0)``).

    One statement, for a batch the sync loop may be replaying: the union of both lookups,
    each on a unique index, every row tagged with the table it came from.
    """
    if not event_ids:
        return set()
    replies = {txn_id(event_id, 0): event_id for event_id in event_ids}
    handled = select(literal("handled").label("kind"), HandledEvent.event_id.label("key")).where(
        HandledEvent.event_id.in_(event_ids)
    )
    answered = select(literal("answered").label("kind"), OutboxMessage.txn_id.label("key")).where(
        OutboxMessage.txn_id.in_(list(replies))
    )
    rows = await session.execute(union_all(handled, answered))
    return {key if kind == "handled" else replies[key] for kind, key in rows}


_STATE = SyncState.__table__.c
_GET_STATE = select(_STATE.value).where(_STATE.key == bindparam("k"))
_SET_STATE = (
    update(SyncState.__table__)  # type: ignore[arg-type]
    .where(_STATE.key == bindparam("k"))
    .values(value=bindparam("v"))
)
_ADD_STATE = insert(SyncState.__table__)  # type: ignore[arg-type]


async def get_state(session: AsyncSession, key: str) -> str | None:
    """The stored value (read from the database, never from the session's objects)."""
    return (await run_core(session, _GET_STATE, {"k": key})).scalar_one_or_none()


async def set_state(session: AsyncSession, key: str, value: str) -> None:
    """One update in the usual case (the sync position after every batch); an insert the
    first time. Before, the row was loaded and changed through the unit of work: a
    statement and a flush more after every batch."""
    if not (await run_core(session, _SET_STATE, {"k": key, "v": value})).rowcount:
        await run_core(session, _ADD_STATE, {"key": key, "value": value})


def new_outbox(
    *,
    room_id: str,
    txn_id: str,
    content: dict[str, Any],
    now: datetime,
    purpose: str = "reply",
    attachment: tuple[str, str, bytes] | None = None,
    due_at: datetime | None = None,
) -> OutboxMessage:
    """A message to send; the caller adds it to the transaction that caused it (the
    usual path) or stores it once it is sent (a reading command's reply, ``bot.dispatch``)."""
    message = OutboxMessage(
        room_id=room_id,
        txn_id=txn_id,
        content=content,
        created_at=now,
        purpose=purpose,
        due_at=due_at,
    )
    if attachment is not None:
        message.attachment_name, message.attachment_type, message.attachment = attachment
    return message


_STORE = insert(OutboxMessage.__table__).returning(OutboxMessage.__table__.c.id)  # type: ignore[arg-type]
_STORED = tuple(column.key for column in OutboxMessage.__table__.c if column.key != "id")


async def store_outbox(session: AsyncSession, messages: Sequence[OutboxMessage]) -> None:
    """Write ``messages`` (from :func:`new_outbox`) in the session's transaction, in order,
    and give each its id; a second row for the same ``txn_id`` fails here (IntegrityError).

    One prebuilt insert each, on the session's connection (``storage.engine.run_core``):
    a unit-of-work flush of the same row costs 0.13 ms more, and every command's reply is
    stored this way (a write's before its reply can go out). The objects stay outside the
    session; the outbox changes them by id.
    """
    for message in messages:
        values = {name: getattr(message, name) for name in _STORED}
        message.id = (await run_core(session, _STORE, values)).scalar_one()


async def purpose_of(session: AsyncSession, room_id: str, event_id: str) -> str | None:
    """What the bot's sent message ``event_id`` was for (e.g. "pm:3:2"), if it is the bot's:
    a reaction on it means something to the feature that sent it."""
    rows = await session.scalars(
        select(OutboxMessage.purpose).where(
            OutboxMessage.event_id == event_id, OutboxMessage.room_id == room_id
        )
    )
    return rows.first()


async def delivered_at(session: AsyncSession, txn: str) -> datetime | None:
    """When the homeserver accepted the message with this transaction id (None: not yet,
    or never queued). Delivered means sent, not queued: a crash between the two is real."""
    sent: datetime | None = await session.scalar(
        select(OutboxMessage.sent_at).where(OutboxMessage.txn_id == txn)
    )
    return sent


@dataclass(frozen=True)
class Backlog:
    """A room's messages still waiting to be sent: how many, and since when the oldest."""

    waiting: int
    oldest: datetime | None  # None when nothing waits


def unsent_in_room(room_id: ColumnElement[str]) -> Subquery:
    """One row: the number of ``room_id``'s unsent messages (``waiting``) and the creation
    time of the oldest (``oldest``). A subquery, so ``!status`` asks it within the one
    statement of its overview (``storage.overview``); only the unsent rows are read
    (``ix_outbox_unsent``)."""
    return (
        select(
            func.count().label("waiting"),
            func.min(OutboxMessage.created_at).label("oldest"),
        )
        .where(OutboxMessage.room_id == room_id, OutboxMessage.sent_at.is_(None))
        .subquery("backlog")
    )


async def unsent_outbox(session: AsyncSession, limit: int = 100) -> list[OutboxMessage]:
    """What was committed but not sent yet, in order (found through ``ix_outbox_unsent``)."""
    rows = await session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None))
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    return list(rows)


_OUTBOX = OutboxMessage.__table__.c
_MARK_SENT = (
    update(OutboxMessage.__table__)  # type: ignore[arg-type]
    .where(_OUTBOX.id == bindparam("outbox_id"))
    .values(
        sent_at=bindparam("now", type_=UTCDateTime()),
        event_id=bindparam("sent_as"),
        attachment=None,
    )
)


async def mark_sent(session: AsyncSession, outbox_id: int, *, event_id: str, now: datetime) -> None:
    """Record delivery; the attachment bytes are dropped, the event id kept. Built once
    and run on the session's connection: it follows every message sent."""
    await run_core(session, _MARK_SENT, {"outbox_id": outbox_id, "sent_as": event_id, "now": now})
