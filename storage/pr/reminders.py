"""Deadline reminders of press releases that were posted (or given up): never a second time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class PressReminder(Base):
    """A deadline reminder that was posted (or found too late): never a second time."""

    __tablename__ = "press_reminders"
    __table_args__ = (UniqueConstraint("release_id", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("press_releases.id"))
    kind: Mapped[str] = mapped_column(String(8))  # "1d" (day before) | "due" (on the day)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    posted: Mapped[bool] = mapped_column(Boolean)


async def reminders_recorded(
    session: AsyncSession, release_ids: Sequence[int]
) -> set[tuple[int, str]]:
    """(release id, kind) of every reminder already posted or given up."""
    if not release_ids:
        return set()
    rows = await session.execute(
        select(PressReminder.release_id, PressReminder.kind).where(
            PressReminder.release_id.in_(release_ids)
        )
    )
    return {(release_id, kind) for release_id, kind in rows}


async def record_reminder(
    session: AsyncSession,
    *,
    release_id: int,
    kind: str,
    due_at: datetime,
    now: datetime,
    posted: bool,
) -> None:
    """Written in the transaction that queues the post; the unique key forbids a second."""
    session.add(
        PressReminder(
            release_id=release_id, kind=kind, due_at=due_at, recorded_at=now, posted=posted
        )
    )
    await session.flush()
