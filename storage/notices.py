"""Notices (``!info``): developments worth knowing, attributed to a partner (append-only)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, String, Text, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage import search
from storage.base import Base, UTCDateTime
from storage.bulk import RawRow, chunks


class Notice(Base):
    """One notice: a settlement, a closure, a new programme …"""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(String(200), default="")  # thema=
    concerns: Mapped[str] = mapped_column(String(200), default="")  # betrifft= (text or letter)
    author: Mapped[str] = mapped_column(String(255))
    partner_id: Mapped[str] = mapped_column(String(32))
    # Indexed: the retention purge asks for the oldest after every write.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    source_event_id: Mapped[str] = mapped_column(String(255))
    #: text, topic and concerns as the search sees them (storage.search.normalised)
    search_text: Mapped[str] = mapped_column(Text, default="")


def searched_text(text: str, topic: str, concerns: str) -> str:
    """What ``!infos <suchbegriff>`` looks in."""
    return search.normalised(f"{text} {topic} {concerns}")


async def add_notice(
    session: AsyncSession,
    *,
    room_id: str,
    text: str,
    topic: str,
    concerns: str,
    author: str,
    partner_id: str,
    now: datetime,
    source_event_id: str,
) -> Notice:
    row = Notice(
        room_id=room_id,
        text=text,
        topic=topic,
        concerns=concerns,
        author=author,
        partner_id=partner_id,
        created_at=now,
        source_event_id=source_event_id,
        search_text=searched_text(text, topic, concerns),
    )
    session.add(row)
    await session.flush()
    return row


async def notice(session: AsyncSession, room_id: str, notice_id: int) -> Notice | None:
    return await session.scalar(
        select(Notice).where(Notice.room_id == room_id, Notice.id == notice_id)
    )


#: The notices' text search (text, topic and concerns).
SEARCHED = search.Searchable("notice_search", Notice.id, Notice.search_text)


async def recent_notices(
    session: AsyncSession, room_id: str, term: str | None, limit: int, offset: int = 0
) -> tuple[list[Notice], int]:
    """The newest ``limit`` notices after the first ``offset`` (matching ``term`` if given),
    and how many match in all – counted up to :func:`storage.search.bound` and one more: a
    count above that bound means "more than the bound".

    Every notice of the room is searched: each word of ``term`` must occur in its text,
    topic or concerns (:mod:`storage.search`: case, umlauts and ß folded, found inside
    compounds, through the database's index, newest first so a page stops early).
    """
    page = search.room_page(
        SEARCHED, Notice, await search.backend(session), tuple((term or "").split())
    )
    rows, total = await page.read(session, {"room_id": room_id}, offset=offset, limit=limit)
    return [row[0] for row in rows], total


async def notices_between(
    session: AsyncSession, room_id: str, start: datetime, end: datetime
) -> Sequence[int]:
    """Ids of the notices posted in ``room_id`` from ``start`` up to ``end``, oldest first."""
    rows = await session.scalars(
        select(Notice.id)
        .where(Notice.room_id == room_id, Notice.created_at >= start, Notice.created_at <= end)
        .order_by(Notice.id)
    )
    return list(rows)


#: The columns an export reads, in this order (``storage.bulk`` rows, no ORM objects).
EXPORTED = (
    Notice.id,
    Notice.created_at,
    Notice.partner_id,
    Notice.topic,
    Notice.concerns,
    Notice.text,
    Notice.source_event_id,
)


def _selected(
    room_id: str, start: datetime | None, end: datetime | None, columns: Sequence[Any]
) -> Select[Any]:
    query = select(*columns).where(Notice.room_id == room_id)
    if start is not None:
        query = query.where(Notice.created_at >= start)
    if end is not None:
        query = query.where(Notice.created_at < end)
    return query


async def export_bounds(
    session: AsyncSession, room_id: str, start: datetime | None, end: datetime | None
) -> tuple[int, int]:
    """How many notices of ``room_id`` were posted from ``start`` until before ``end``, and
    the highest id among them (0 if none): the export reads up to that id, so every pass
    over the rows sees the same notices."""
    count, last = (
        await session.execute(_selected(room_id, start, end, (func.count(), func.max(Notice.id))))
    ).one()
    return int(count or 0), int(last or 0)


async def stream_notices(
    session: AsyncSession,
    room_id: str,
    start: datetime | None,
    end: datetime | None,
    last_id: int,
    size: int = 1000,
) -> AsyncGenerator[Sequence[RawRow], None]:
    """The notices to export (:data:`EXPORTED` columns), oldest first, a chunk at a time."""
    query = _selected(room_id, start, end, EXPORTED).where(Notice.id <= last_id)
    async for part in chunks(session, query.order_by(Notice.id), size):
        yield part
