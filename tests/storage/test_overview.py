"""``storage.overview``: what ``!status`` learns of a room in one statement, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from storage import press, sectors
from storage.engine import session_factory
from storage.meetings import add_meeting
from storage.overview import room_overview

ROOM, OTHER = "!kooperation:test", "!andere:test"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_an_empty_room_has_nothing_open(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        overview = await room_overview(session, ROOM, limit=3)
    assert overview.meetings == []
    assert overview.open_round is None and overview.unpublished_release is False


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
        overview = await room_overview(session, ROOM, limit=3)
    assert [m.title for m in overview.meetings] == ["bald", "mittel", "später"]
    assert overview.open_round is not None and overview.open_round.id == running.id
    assert overview.unpublished_release is True

    async with session_factory(engine)() as session, session.begin():
        await press.add_event(
            session, release=release, kind=press.PUBLISHED, user_id="@bot:test",
            partner_id=None, now=NOW, source_event_id=None,
        )  # fmt: skip
    async with session_factory(engine)() as session:
        overview = await room_overview(session, ROOM, limit=1)
        other = await room_overview(session, OTHER, limit=3)
    assert [m.title for m in overview.meetings] == ["bald"]
    assert overview.unpublished_release is False  # published: nothing waits for approval
    assert [m.id for m in other.meetings] == [ids["anderer Raum"]]
    assert other.open_round is not None and other.open_round.id != running.id
    assert other.unpublished_release is False
