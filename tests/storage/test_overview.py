"""``storage.overview``: what ``!status`` learns of a room in one statement, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import literal, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import core, sectors
from storage.core import Backlog
from storage.engine import session_factory
from storage.meetings import add_meeting
from storage.overview import status_overview
from storage.pr import releases as press

ROOM, OTHER = "!kooperation:test", "!andere:test"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_an_empty_room_has_nothing_open(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        overview = await status_overview(session, ROOM, 3, ())
    assert overview.meetings == []
    assert overview.open_round is None and overview.releases == ()


async def test_the_next_meetings_the_open_round_and_an_unpublished_release(
    engine: AsyncEngine,
) -> None:
    async with session_factory(engine)() as session, session.begin():
        ids = {}
        for room, title, hours in (
            (ROOM, "später", 50), (ROOM, "bald", 5), (ROOM, "ohne Erinnerung", None),
            (ROOM, "mittel", 20), (ROOM, "am spätesten", 90), (OTHER, "anderer Raum", 1),
        ):  # fmt: skip
            meeting = await add_meeting(
                session, room_id=room, title=title, place="", duration_minutes=60,
                start=NOW + timedelta(days=7), rule=None, tz="Europe/Berlin",
                created_by="@koordination:test", now=NOW,
            )  # fmt: skip
            meeting.next_reminder_at = None if hours is None else NOW + timedelta(hours=hours)
            ids[title] = meeting.id
        closed = await sectors.open_round(
            session, room_id=ROOM, opened_by="@k:test", now=NOW, deadline=date(2026, 12, 10)
        )
        closed.closed_at = NOW
        running = await sectors.open_round(
            session, room_id=ROOM, opened_by="@k:test", now=NOW, deadline=date(2026, 12, 20)
        )
        await sectors.open_round(
            session, room_id=OTHER, opened_by="@k:test", now=NOW, deadline=date(2026, 12, 20)
        )
        release = await press.add_release(
            session, room_id=ROOM, title="PM", text="Text", author="@stadt1:test",
            author_partner="stadt", deadline=None, now=NOW, source_event_id="$pm1",
        )  # fmt: skip
    async with session_factory(engine)() as session:
        overview = await status_overview(session, ROOM, 3, ())
    assert [m.title for m in overview.meetings] == ["bald", "mittel", "später"]
    assert overview.open_round is not None and overview.open_round.id == running.id
    assert [r.id for r in overview.releases] == [release.id]

    async with session_factory(engine)() as session, session.begin():
        await press.add_event(
            session, release=release, kind=press.PUBLISHED, user_id="@bot:test",
            partner_id=None, now=NOW, source_event_id=None,
        )  # fmt: skip
    async with session_factory(engine)() as session:
        overview = await status_overview(session, ROOM, 1, ())
        other = await status_overview(session, OTHER, 3, ())
    assert [m.title for m in overview.meetings] == ["bald"]
    assert overview.releases == ()  # published: nothing waits for approval
    assert [m.id for m in other.meetings] == [ids["anderer Raum"]]
    assert other.open_round is not None and other.open_round.id != running.id
    assert other.releases == ()


async def test_the_backlog_counts_a_rooms_unsent_messages_for_coordinators(
    engine: AsyncEngine,
) -> None:
    async with session_factory(engine)() as session:
        empty = await status_overview(session, ROOM, 3, (), backlog=True)
    assert empty.backlog == Backlog(waiting=0, oldest=None) and empty.open_round is None
    async with session_factory(engine)() as session, session.begin():
        for number, (room, minutes, sent) in enumerate(
            ((ROOM, 30, True), (ROOM, 12, False), (ROOM, 5, False), (OTHER, 40, False))
        ):
            row = core.new_outbox(
                room_id=room, txn_id=f"t{number}", content={"body": "x"},
                now=NOW - timedelta(minutes=minutes),
            )  # fmt: skip
            row.sent_at = NOW if sent else None
            session.add(row)
        await add_meeting(
            session, room_id=ROOM, title="bald", place="", duration_minutes=60,
            start=NOW + timedelta(days=7), rule=None, tz="Europe/Berlin",
            created_by="@koordination:test", now=NOW,
        )  # fmt: skip
    async with session_factory(engine)() as session:
        overview = await status_overview(session, ROOM, 3, (), backlog=True)
        plain = await status_overview(session, ROOM, 3, ())
    assert overview.backlog == Backlog(waiting=2, oldest=NOW - timedelta(minutes=12))
    assert overview.backlog.oldest is not None and overview.backlog.oldest.tzinfo is not None
    assert plain.backlog is None
    assert [m.title for m in overview.meetings] == [m.title for m in plain.meetings]


async def test_unsent_messages_are_found_through_the_partial_index(engine: AsyncEngine) -> None:
    """Start-up and ``!status`` read only the unsent rows, however long the table is."""
    statements = [
        select(core.OutboxMessage).where(core.OutboxMessage.sent_at.is_(None))
        .order_by(core.OutboxMessage.id).limit(100),
        select(core.unsent_in_room(literal(ROOM))),
    ]  # fmt: skip
    async with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            # A fresh table is tiny, so ask whether the index *can* serve the statement.
            await connection.execute(text("SET enable_seqscan = off"))
        for statement in statements:
            compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
            explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
            plan = " ".join(
                str(row) for row in await connection.execute(text(explain + str(compiled)))
            )
            assert "ix_outbox_unsent" in plan, plan
