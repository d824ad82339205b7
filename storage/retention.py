"""Deleting notices and sector inputs after ``retention.notices_and_inputs`` (default 730 days).

Decisions and approved press texts are kept: they are the cooperation's record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.notices import Notice
from storage.sectors import SectorInput


async def oldest_kept(session: AsyncSession) -> datetime | None:
    """The creation time of the oldest notice or sector input still stored."""
    notices = await session.scalar(select(func.min(Notice.created_at)))
    inputs = await session.scalar(select(func.min(SectorInput.created_at)))
    present = [moment for moment in (notices, inputs) if moment is not None]
    return min(present) if present else None


async def delete_before(session: AsyncSession, cutoff: datetime) -> tuple[int, int]:
    """Delete notices and sector inputs created before ``cutoff``; returns both counts."""
    notices = await session.execute(delete(Notice).where(Notice.created_at < cutoff))
    inputs = await session.execute(delete(SectorInput).where(SectorInput.created_at < cutoff))
    return int(notices.rowcount), int(inputs.rowcount)  # type: ignore[attr-defined]
