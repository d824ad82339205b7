"""Joint press releases: the draft, its versions (stored snapshots) and an append-only audit.

What a partner approves is a :class:`PressVersion` snapshot, never the chat message it came
from. Approval state is not stored as a flag: it is derived from the audit events of the
current version (:func:`decisions`), and audit rows are never updated or deleted.

``!pm suche`` searches the title and the current version's text (:func:`search_releases`),
normalised (:mod:`storage.search`) into ``PressRelease.search_text`` whenever a version is
made; the index is ``press_search`` (SQLite FTS5) or ``ix_press_releases_search``
(PostgreSQL ``pg_trgm``), made by migration 0016.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    exists,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.selectable import Exists

from storage import search
from storage.base import Base, UTCDateTime

#: Audit kinds. The ones in DECIDING say where a partner stands on a version.
CREATED = "created"
REVISED = "revised"
APPROVED = "approved"
WITHDRAWN = "withdrawn"
CHANGES_REQUESTED = "changes_requested"
PUBLISHED = "published"
DECIDING = (APPROVED, WITHDRAWN, CHANGES_REQUESTED)


class PressRelease(Base):
    """A joint press release in a room; ``current_version`` is the one partners approve."""

    __tablename__ = "press_releases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)
    title: Mapped[str] = mapped_column(String(255))  # of the current version
    author: Mapped[str] = mapped_column(String(255))
    author_partner: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)  # a local calendar day
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    #: title and current version's text as the search sees them (storage.search.normalised)
    search_text: Mapped[str] = mapped_column(Text, default="")


def searched_text(title: str, text: str) -> str:
    """What ``!pm suche <suchbegriff>`` looks in: the title and text of the current version."""
    return search.normalised(f"{title} {text}")


class PressVersion(Base):
    """The stored text of one version: this snapshot, and nothing else, is approved."""

    __tablename__ = "press_versions"
    __table_args__ = (UniqueConstraint("release_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("press_releases.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(255))
    author_partner: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    source_event_id: Mapped[str] = mapped_column(String(255))


class PressEvent(Base):
    """One line of the audit: who did what to which version, when, and how (append-only)."""

    __tablename__ = "press_events"
    __table_args__ = (
        # A release is published once: a second "published" row cannot be written.
        Index(
            "uq_press_events_published",
            "release_id",
            unique=True,
            sqlite_where=text("kind = 'published'"),
            postgresql_where=text("kind = 'published'"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("press_releases.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    user_id: Mapped[str] = mapped_column(String(255))
    partner_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    via: Mapped[str] = mapped_column(String(16), default="command")  # "command" | "reaction"
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    source_event_id: Mapped[str | None] = mapped_column(String(255), nullable=True, index=True)


async def add_release(
    session: AsyncSession,
    *,
    room_id: str,
    title: str,
    text: str,
    author: str,
    author_partner: str | None,
    deadline: date | None,
    now: datetime,
    source_event_id: str,
) -> PressRelease:
    """A new draft with its version 1 and the "created" audit line."""
    release = PressRelease(
        room_id=room_id,
        title=title,
        author=author,
        author_partner=author_partner,
        created_at=now,
        deadline=deadline,
        current_version=1,
        search_text=searched_text(title, text),
    )
    session.add(release)
    await session.flush()
    session.add(
        PressVersion(
            release_id=release.id,
            number=1,
            title=title,
            text=text,
            author=author,
            author_partner=author_partner,
            created_at=now,
            source_event_id=source_event_id,
        )
    )
    await add_event(
        session,
        release=release,
        kind=CREATED,
        user_id=author,
        partner_id=author_partner,
        now=now,
        source_event_id=source_event_id,
    )
    return release


async def add_version(
    session: AsyncSession,
    release: PressRelease,
    *,
    title: str,
    text: str,
    author: str,
    author_partner: str | None,
    now: datetime,
    source_event_id: str,
) -> PressVersion:
    """Version n+1 becomes current; earlier approvals belong to earlier versions."""
    release.current_version += 1
    release.title = title
    release.search_text = searched_text(title, text)  # flushed with the audit line below
    version = PressVersion(
        release_id=release.id,
        number=release.current_version,
        title=title,
        text=text,
        author=author,
        author_partner=author_partner,
        created_at=now,
        source_event_id=source_event_id,
    )
    session.add(version)
    await add_event(
        session,
        release=release,
        kind=REVISED,
        user_id=author,
        partner_id=author_partner,
        now=now,
        source_event_id=source_event_id,
    )
    return version


async def add_event(
    session: AsyncSession,
    *,
    release: PressRelease,
    kind: str,
    user_id: str,
    partner_id: str | None,
    now: datetime,
    source_event_id: str | None,
    reason: str = "",
    via: str = "command",
) -> PressEvent:
    """Append one audit line for the release's current version."""
    event = PressEvent(
        release_id=release.id,
        version=release.current_version,
        kind=kind,
        user_id=user_id,
        partner_id=partner_id,
        reason=reason,
        via=via,
        at=now,
        source_event_id=source_event_id,
    )
    session.add(event)
    await session.flush()
    return event


async def get_release(
    session: AsyncSession, room_id: str, release_id: int, *, lock: bool = False
) -> PressRelease | None:
    """The release ``#release_id`` of this room; ``lock`` serialises changes on PostgreSQL."""
    query = select(PressRelease).where(
        PressRelease.id == release_id, PressRelease.room_id == room_id
    )
    if lock:
        query = query.with_for_update()
    return (await session.scalars(query)).first()


async def list_releases(session: AsyncSession, room_id: str, limit: int) -> list[PressRelease]:
    """The newest releases of a room first."""
    rows = await session.scalars(
        select(PressRelease)
        .where(PressRelease.room_id == room_id)
        .order_by(PressRelease.id.desc())
        .limit(limit)
    )
    return list(rows)


#: The releases' text search (title and current text).
SEARCHED = search.Searchable("press_search", PressRelease.id, PressRelease.search_text)


async def search_releases(
    session: AsyncSession, room_id: str, term: str, limit: int, offset: int = 0
) -> tuple[list[PressRelease], int]:
    """The newest ``limit`` releases after the first ``offset`` whose title or current text
    holds every word of ``term`` (:mod:`storage.search`), and how many match in all –
    counted up to :func:`storage.search.bound` and one more: a count above that bound
    means "more than the bound". Earlier versions' texts are not searched."""
    page = search.room_page(
        SEARCHED, PressRelease, await search.backend(session), tuple(term.split())
    )
    rows, total = await page.read(session, {"room_id": room_id}, offset=offset, limit=limit)
    return [row[0] for row in rows], total


def is_published() -> Exists:
    """Whether the release of the surrounding query has its "published" event."""
    return exists().where(PressEvent.release_id == PressRelease.id, PressEvent.kind == PUBLISHED)


async def get_version(session: AsyncSession, release_id: int, number: int) -> PressVersion | None:
    rows = await session.scalars(
        select(PressVersion).where(
            PressVersion.release_id == release_id, PressVersion.number == number
        )
    )
    return rows.first()


async def decisions(
    session: AsyncSession, releases: Sequence[PressRelease]
) -> dict[int, dict[str, PressEvent]]:
    """Per release, per partner: the latest approve/withdraw/request-changes event of the
    release's current version. Where a partner stands is exactly this event."""
    if not releases:
        return {}
    current = {release.id: release.current_version for release in releases}
    rows = await session.scalars(
        select(PressEvent)
        .where(PressEvent.release_id.in_(current), PressEvent.kind.in_(DECIDING))
        .order_by(PressEvent.id)
    )
    latest: dict[int, dict[str, PressEvent]] = {release_id: {} for release_id in current}
    for row in rows:
        if row.version == current[row.release_id] and row.partner_id is not None:
            latest[row.release_id][row.partner_id] = row
    return latest


async def publications(session: AsyncSession, release_ids: Sequence[int]) -> dict[int, PressEvent]:
    """The "published" event of each release that has one."""
    if not release_ids:
        return {}
    rows = await session.scalars(
        select(PressEvent).where(
            PressEvent.release_id.in_(release_ids), PressEvent.kind == PUBLISHED
        )
    )
    return {row.release_id: row for row in rows}


async def history(session: AsyncSession, release_id: int) -> list[PressEvent]:
    """Every audit line of a release, oldest first."""
    rows = await session.scalars(
        select(PressEvent).where(PressEvent.release_id == release_id).order_by(PressEvent.id)
    )
    return list(rows)


async def event_from(session: AsyncSession, source_event_id: str) -> PressEvent | None:
    """The audit line a Matrix event caused (e.g. the approval a reaction made)."""
    rows = await session.scalars(
        select(PressEvent).where(PressEvent.source_event_id == source_event_id)
    )
    return rows.first()


async def with_deadline_since(session: AsyncSession, earliest: date) -> list[PressRelease]:
    """Releases whose deadline is on or after ``earliest`` (candidates for reminders)."""
    rows = await session.scalars(
        select(PressRelease)
        .where(PressRelease.deadline.is_not(None), PressRelease.deadline >= earliest)
        .order_by(PressRelease.id)
    )
    return list(rows)
