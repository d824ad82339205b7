"""The claim-once record of every timed post (meeting, press-release and round reminders).

A :class:`Delivery` is unique per (source, subject, key) and written in the transaction that
queues its message: that is what makes a timed post exactly-once. It says what was decided
when the post fell due (on time, late, missed, superseded, skipped); whether the message
reached the room is the outbox's fact (its ``sent_at``), found through the transaction id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Integer, String, UniqueConstraint, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class Source(StrEnum):
    """Which feature a timed post belongs to; ``subject_id`` is that feature's row id."""

    MEETING = "meeting"  # subject: meetings.id, key: "<occurrence, ISO UTC>/<offset seconds>"
    PRESS = "press"  # subject: press_releases.id, key: "1d" | "due"
    ROUND = "round"  # subject: sector_rounds.id, key: "half" | "1d"
    DECISION = "decision"  # subject: decision_entries.id (a version), key: "consent"


class Delivery(Base):
    """What was decided for one due timed post, written once with its queued message."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("source", "subject_id", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255))
    source: Mapped[str] = mapped_column(String(16))  # a Source
    subject_id: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decision: Mapped[str] = mapped_column(String(16))  # commands.core.delivery.Decision
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    extra: Mapped[str] = mapped_column(String(300), default="")  # e.g. the partners reminded


async def claim(
    session: AsyncSession,
    *,
    room_id: str,
    source: Source,
    subject_id: int,
    key: str,
    due_at: datetime,
    decision: str,
    now: datetime,
    extra: str = "",
) -> bool:
    """Record a timed post's fate; False if it was already recorded (then do nothing).

    ``INSERT … ON CONFLICT DO NOTHING``: a second run, a restart or a second instance
    finds the row and posts nothing, without failing its transaction.
    """
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    factory = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        factory(Delivery)
        .values(
            room_id=room_id,
            source=source.value,
            subject_id=subject_id,
            key=key,
            due_at=due_at,
            decision=decision,
            recorded_at=now,
            extra=extra[:300],
        )
        .on_conflict_do_nothing(index_elements=["source", "subject_id", "key"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def claimed_keys(
    session: AsyncSession, source: Source, subject_ids: Sequence[int]
) -> set[tuple[int, str]]:
    """(subject id, key) of every post of ``source`` already settled for these subjects."""
    if not subject_ids:
        return set()
    rows = await session.execute(
        select(Delivery.subject_id, Delivery.key).where(
            Delivery.source == source.value, Delivery.subject_id.in_(subject_ids)
        )
    )
    return {(subject_id, key) for subject_id, key in rows}
