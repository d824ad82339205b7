"""Contact persons per partner, set by coordinators (the configuration is the default)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, Select, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import ROOM, Base, UTCDateTime


class ContactAssignment(Base):
    """Who is a partner's contact and deputy in a room from ``set_at`` on (append-only)."""

    __tablename__ = "contact_assignments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255))
    partner_id: Mapped[str] = mapped_column(String(32))
    contact: Mapped[str] = mapped_column(String(255))
    deputy: Mapped[str] = mapped_column(String(255), default="")
    set_by: Mapped[str] = mapped_column(String(255))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_contact_assignments_room_partner", "room_id", "partner_id", "id"),)


async def set_contact(
    session: AsyncSession,
    *,
    room_id: str,
    partner_id: str,
    contact: str,
    deputy: str,
    set_by: str,
    now: datetime,
) -> ContactAssignment:
    """Record a new contact (and deputy) for a partner; the latest assignment counts."""
    row = ContactAssignment(
        room_id=room_id,
        partner_id=partner_id,
        contact=contact,
        deputy=deputy,
        set_by=set_by,
        set_at=now,
    )
    session.add(row)
    await session.flush()
    return row


def _current() -> Select[ContactAssignment]:
    """The latest assignment per partner in the bound room: one row per partner, found by
    ``ix_contact_assignments_room_partner``, however often contacts changed."""
    room = ContactAssignment.room_id == ROOM
    latest = (
        select(func.max(ContactAssignment.id)).where(room).group_by(ContactAssignment.partner_id)
    )
    return select(ContactAssignment).where(ContactAssignment.id.in_(latest))


_CURRENT = _current()


async def current_contacts(session: AsyncSession, room_id: str) -> dict[str, ContactAssignment]:
    """The latest assignment per partner in ``room_id`` (partners never set are absent)."""
    rows = await session.scalars(_CURRENT, {"room_id": room_id})
    return {row.partner_id: row for row in rows}
