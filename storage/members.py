"""Partner members and coordinators, and the audit of every change to them.

Unlike most tables these are not per room: a role holds in every room the bot serves.
The configuration's members are copied in once (:func:`seed`); afterwards only the
coordinators' commands change them, each change with an audit row in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Integer, String, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime

#: The ``partner_id`` of the coordination in the audit (it is no partner).
COORDINATION = ""
#: The ``changed_by`` of rows copied from the configuration at the first start.
CONFIGURATION = ""
ADD = "add"
REMOVE = "remove"


class PartnerMember(Base):
    """A person's partner; the primary key makes it at most one partner per person."""

    __tablename__ = "partner_members"
    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(32))
    added_by: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Coordinator(Base):
    """A member of the coordination (a person may also be a partner member)."""

    __tablename__ = "coordinators"
    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    added_by: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MemberChange(Base):
    """One addition or removal: who changed whom in which group, and when (append-only)."""

    __tablename__ = "member_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(String(8))  # ADD or REMOVE
    partner_id: Mapped[str] = mapped_column(String(32))  # COORDINATION for the coordination
    user_id: Mapped[str] = mapped_column(String(255))
    changed_by: Mapped[str] = mapped_column(String(255))  # CONFIGURATION when seeded
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())


async def seeded(session: AsyncSession) -> bool:
    """Whether the database has ever held a member (the audit is never emptied)."""
    return await session.scalar(select(MemberChange.id).limit(1)) is not None


async def seed(
    session: AsyncSession,
    *,
    members: Iterable[tuple[str, str]],
    coordinators: Iterable[str],
    now: datetime,
) -> None:
    """Copy the configured ``(user id, partner id)`` pairs and coordinators in, audited."""
    for user_id, partner_id in members:
        await add(session, partner_id=partner_id, user_id=user_id, by=CONFIGURATION, now=now)
    for user_id in coordinators:
        await add(session, partner_id=COORDINATION, user_id=user_id, by=CONFIGURATION, now=now)


async def load(session: AsyncSession) -> tuple[list[tuple[str, str]], list[str]]:
    """Every ``(user id, partner id)`` pair and every coordinator."""
    members = await session.execute(select(PartnerMember.user_id, PartnerMember.partner_id))
    coordinators = await session.scalars(select(Coordinator.user_id))
    return [(user, partner) for user, partner in members], list(coordinators)


async def partner_of(session: AsyncSession, user_id: str) -> str | None:
    return await session.scalar(
        select(PartnerMember.partner_id).where(PartnerMember.user_id == user_id)
    )


async def is_coordinator(session: AsyncSession, user_id: str) -> bool:
    found = await session.scalar(select(Coordinator.user_id).where(Coordinator.user_id == user_id))
    return found is not None


async def coordinator_count(session: AsyncSession) -> int:
    return await session.scalar(select(func.count()).select_from(Coordinator)) or 0


async def add(
    session: AsyncSession, *, partner_id: str, user_id: str, by: str, now: datetime
) -> None:
    """Add ``user_id`` to a partner (or, with :data:`COORDINATION`, the coordination).

    The caller has checked that the person is not there yet (and in no other partner).
    """
    if partner_id == COORDINATION:
        session.add(Coordinator(user_id=user_id, added_by=by, added_at=now))
    else:
        session.add(
            PartnerMember(user_id=user_id, partner_id=partner_id, added_by=by, added_at=now)
        )
    session.add(_change(ADD, partner_id, user_id, by, now))
    await session.flush()


async def remove(
    session: AsyncSession, *, partner_id: str, user_id: str, by: str, now: datetime
) -> bool:
    """Remove ``user_id`` from a partner or the coordination; False if not there."""
    if partner_id == COORDINATION:
        statement = delete(Coordinator).where(Coordinator.user_id == user_id)
    else:
        statement = delete(PartnerMember).where(
            PartnerMember.user_id == user_id, PartnerMember.partner_id == partner_id
        )
    result = await session.execute(statement)
    if not result.rowcount:  # type: ignore[attr-defined]
        return False
    session.add(_change(REMOVE, partner_id, user_id, by, now))
    await session.flush()
    return True


async def history(session: AsyncSession, *, limit: int) -> tuple[list[MemberChange], int]:
    """The latest ``limit`` changes, newest first, and how many there are in all."""
    rows = await session.scalars(select(MemberChange).order_by(MemberChange.id.desc()).limit(limit))
    total = await session.scalar(select(func.count()).select_from(MemberChange)) or 0
    return list(rows), total


def _change(action: str, partner_id: str, user_id: str, by: str, now: datetime) -> MemberChange:
    return MemberChange(
        action=action, partner_id=partner_id, user_id=user_id, changed_by=by, changed_at=now
    )
