"""Meetings, their changed occurrences and agenda items.

A meeting is stored once (a series as its first date plus an RRULE); which dates it has
is computed in ``commands``. ``next_reminder_at`` is that computation's result kept in
the row, so the scheduler finds the next due reminder with one indexed query. Each
reminder's claim is a :class:`storage.deliveries.Delivery` (source "meeting").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class Meeting(Base):
    """A single meeting or a series (``rule`` is an RFC 5545 RRULE, expanded in ``tz``)."""

    __tablename__ = "meetings"
    # A new decision links to the room's latest meeting: its singles by start, newest first,
    # and its series (few, however many singles the room had).
    __table_args__ = (
        Index("ix_meetings_room_start", "room_id", "start"),
        Index(
            "ix_meetings_series",
            "room_id",
            "start",
            sqlite_where=text("rule IS NOT NULL"),
            postgresql_where=text("rule IS NOT NULL"),
        ),
        # ``!status``: the room's meetings with a reminder ahead, the next first.
        Index(
            "ix_meetings_reminders",
            "room_id",
            "next_reminder_at",
            sqlite_where=text("next_reminder_at IS NOT NULL"),
            postgresql_where=text("next_reminder_at IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    title: Mapped[str] = mapped_column(String(300))
    place: Mapped[str] = mapped_column(String(300), default="")
    duration_minutes: Mapped[int] = mapped_column(Integer)
    start: Mapped[datetime] = mapped_column(UTCDateTime())  # the first occurrence
    rule: Mapped[str | None] = mapped_column(String(300), nullable=True)
    tz: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    armed_at: Mapped[datetime] = mapped_column(UTCDateTime())  # created or last re-planned
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # iCalendar SEQUENCE
    settled_until: Mapped[datetime] = mapped_column(UTCDateTime())  # reminders up to here done
    next_reminder_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), nullable=True, index=True
    )


class MeetingException(Base):
    """One occurrence of a series cancelled (``new_start`` null) or moved."""

    __tablename__ = "meeting_exceptions"
    __table_args__ = (UniqueConstraint("meeting_id", "original"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    original: Mapped[datetime] = mapped_column(UTCDateTime())
    new_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    changed_by: Mapped[str] = mapped_column(String(255))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AgendaItem(Base):
    """A point on the agenda of one occurrence (by its place in the series)."""

    __tablename__ = "agenda_items"
    __table_args__ = (Index("ix_agenda_items_meeting_occurrence", "meeting_id", "occurrence"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    occurrence: Mapped[datetime] = mapped_column(UTCDateTime())
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(255))
    partner_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


async def add_meeting(
    session: AsyncSession,
    *,
    room_id: str,
    title: str,
    place: str,
    duration_minutes: int,
    start: datetime,
    rule: str | None,
    tz: str,
    created_by: str,
    now: datetime,
) -> Meeting:
    """Store a meeting; the caller sets ``next_reminder_at`` from its schedule."""
    meeting = Meeting(
        room_id=room_id,
        title=title,
        place=place,
        duration_minutes=duration_minutes,
        start=start,
        rule=rule,
        tz=tz,
        created_by=created_by,
        created_at=now,
        armed_at=now,
        cancelled=False,
        sequence=0,
        settled_until=now,
    )
    session.add(meeting)
    await session.flush()
    return meeting


async def meeting_with_changes(
    session: AsyncSession, room_id: str, meeting_id: int
) -> tuple[Meeting, list[MeetingException]] | None:
    """Meeting ``meeting_id`` of ``room_id`` with its changed occurrences, in one statement
    (every command about one meeting needs both; a second statement is a thread hop more)."""
    rows = await session.execute(
        select(Meeting, MeetingException)
        .outerjoin(MeetingException, MeetingException.meeting_id == Meeting.id)
        .where(Meeting.id == meeting_id, Meeting.room_id == room_id)
        .order_by(MeetingException.id)
    )
    found = rows.all()
    if not found:
        return None
    return found[0][0], [change for _, change in found if change is not None]


async def active_meetings(
    session: AsyncSession, room_id: str | None, *, ends_after: datetime, limit: int = 1000
) -> list[Meeting]:
    """Meetings not cancelled that may still have dates after ``ends_after`` (series: all).

    For one room (``!termine``) the singles ahead (``ix_meetings_room_start``) and the series
    (``ix_meetings_series``) are each found by their index and read by id: the room's past
    meetings, a thousand after some years, are not read at all.
    """
    if room_id is None:  # every room, once at start-up
        query = select(Meeting).where(
            Meeting.cancelled.is_(False),
            (Meeting.rule.is_not(None)) | (Meeting.start >= ends_after),
        )
    else:
        room = (Meeting.room_id == room_id, Meeting.cancelled.is_(False))
        ahead = select(Meeting.id).where(*room, Meeting.start >= ends_after)
        series = select(Meeting.id).where(*room, Meeting.rule.is_not(None))
        query = select(Meeting).where(or_(Meeting.id.in_(ahead), Meeting.id.in_(series)))
    return list(await session.scalars(query.order_by(Meeting.start).limit(limit)))


async def room_meetings_before(
    session: AsyncSession, room_id: str, before: datetime, limit: int = 1000
) -> list[Meeting]:
    """The room's meetings not cancelled whose first date lies before ``before`` (series
    and one-off meetings alike)."""
    query = select(Meeting).where(
        Meeting.room_id == room_id, Meeting.cancelled.is_(False), Meeting.start < before
    )
    return list(await session.scalars(query.order_by(Meeting.start.desc()).limit(limit)))


async def changes_of(
    session: AsyncSession, meeting_ids: Sequence[int]
) -> dict[int, list[MeetingException]]:
    """The changed occurrences of each meeting (every id is a key)."""
    found: dict[int, list[MeetingException]] = {meeting_id: [] for meeting_id in meeting_ids}
    if meeting_ids:
        rows = await session.scalars(
            select(MeetingException).where(MeetingException.meeting_id.in_(meeting_ids))
        )
        for row in rows:
            found[row.meeting_id].append(row)
    return found


async def change_occurrence(
    session: AsyncSession,
    meeting: Meeting,
    *,
    original: datetime,
    new_start: datetime | None,
    by: str,
    now: datetime,
) -> None:
    """Cancel (``new_start`` None) or move one occurrence; a second change replaces the first."""
    row = await session.scalar(
        select(MeetingException).where(
            MeetingException.meeting_id == meeting.id, MeetingException.original == original
        )
    )
    if row is None:
        session.add(
            MeetingException(
                room_id=meeting.room_id,
                meeting_id=meeting.id,
                original=original,
                new_start=new_start,
                changed_by=by,
                changed_at=now,
            )
        )
    else:
        row.new_start, row.changed_by, row.changed_at = new_start, by, now
    await session.flush()


async def drop_changes_from(session: AsyncSession, meeting_id: int, since: datetime) -> None:
    """Forget changes of occurrences from ``since`` on (the series was re-planned)."""
    await session.execute(
        delete(MeetingException).where(
            MeetingException.meeting_id == meeting_id, MeetingException.original >= since
        )
    )


async def due_meetings(session: AsyncSession, now: datetime, limit: int) -> list[Meeting]:
    """Meetings with a reminder due by ``now``; rows another instance holds are skipped."""
    query = (
        select(Meeting)
        .where(Meeting.next_reminder_at <= now)
        .order_by(Meeting.next_reminder_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(await session.scalars(query))


async def earliest_reminder(session: AsyncSession) -> datetime | None:
    result: datetime | None = await session.scalar(select(func.min(Meeting.next_reminder_at)))
    return result


async def add_agenda_item(
    session: AsyncSession,
    *,
    meeting: Meeting,
    occurrence: datetime,
    text: str,
    author: str,
    partner_id: str | None,
    now: datetime,
) -> AgendaItem:
    item = AgendaItem(
        room_id=meeting.room_id,
        meeting_id=meeting.id,
        occurrence=occurrence,
        text=text,
        author=author,
        partner_id=partner_id,
        created_at=now,
    )
    session.add(item)
    await session.flush()
    return item


async def agenda_of(
    session: AsyncSession, meeting_id: int, occurrence: datetime
) -> list[AgendaItem]:
    """The agenda of one occurrence, in the order the points were added."""
    rows = await session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.occurrence == occurrence)
        .order_by(AgendaItem.id)
    )
    return list(rows)


async def agenda_count(session: AsyncSession, meeting_id: int, occurrence: datetime) -> int:
    """How many points the agenda of one occurrence has (counted by its index)."""
    counted = await session.scalar(
        select(func.count()).where(
            AgendaItem.meeting_id == meeting_id, AgendaItem.occurrence == occurrence
        )
    )
    return int(counted or 0)


async def agenda_occurrences(
    session: AsyncSession, meeting_id: int, since: datetime
) -> list[datetime]:
    """The occurrences (from ``since`` on) that have agenda items."""
    rows = await session.scalars(
        select(AgendaItem.occurrence)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.occurrence >= since)
        .distinct()
    )
    return sorted(rows)


async def remap_agenda(
    session: AsyncSession, meeting_id: int, places: dict[datetime, datetime]
) -> None:
    """Attach the agendas of occurrences to their new places, all at once (places may swap)."""
    if not places:
        return
    items = await session.scalars(
        select(AgendaItem).where(
            AgendaItem.meeting_id == meeting_id, AgendaItem.occurrence.in_(list(places))
        )
    )
    for item in items:
        item.occurrence = places[item.occurrence]
    await session.flush()
