"""Encrypted events the bot could not decrypt yet, kept until their room key arrives.

A sender's client may send the room key after the message. Keeping the raw event in
the database (not only in memory) means a restart in between does not lose the
command: the next start reloads it and decrypts it as soon as the key is there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import JSON, String, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class PendingEvent(Base):
    """One undecryptable event: its raw source is all that is needed to retry it."""

    __tablename__ = "pending_events"
    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(255))
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Encrypted(Protocol):
    """What is stored of an undecryptable event (``bot.events.Undecryptable`` is one)."""

    @property
    def room_id(self) -> str: ...

    @property
    def event_id(self) -> str: ...

    @property
    def source(self) -> dict[str, Any]: ...


async def keep(session: AsyncSession, events: Iterable[Encrypted], *, now: datetime) -> None:
    """Store ``events``; one already stored keeps its first ``first_seen_at``.

    A sync round that failed reports its events again, so storing is idempotent.
    """
    fresh = {event.event_id: event for event in events}
    if not fresh:
        return
    known = set(
        await session.scalars(select(PendingEvent.event_id).where(PendingEvent.event_id.in_(fresh)))
    )
    session.add_all(
        PendingEvent(
            event_id=event.event_id,
            room_id=event.room_id,
            source=event.source,
            first_seen_at=now,
        )
        for event_id, event in fresh.items()
        if event_id not in known
    )


async def forget(session: AsyncSession, event_ids: Sequence[str]) -> None:
    """Remove events that were decrypted (and handled) or given up."""
    if event_ids:
        await session.execute(delete(PendingEvent).where(PendingEvent.event_id.in_(event_ids)))


async def all_kept(session: AsyncSession) -> list[PendingEvent]:
    """Every stored event, oldest first (the order in which they arrived)."""
    rows = await session.scalars(
        select(PendingEvent).order_by(PendingEvent.first_seen_at, PendingEvent.event_id)
    )
    return list(rows)
