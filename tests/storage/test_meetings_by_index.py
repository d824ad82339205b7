"""Where the meetings of a room are read by index, on both backends – however many came
before (migrations 0018 and 0019):

- ``storage.decisions.models.meetings_before``: where a new decision looks for its
  meeting, the room's latest five singles and every series that began;
- ``storage.meetings.active_meetings``: what ``!termine`` lists from, the singles still
  ahead and every series, for one room or all, never a cancelled one;
- ``storage.meetings.meeting_with_changes``: one meeting with its changed dates.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.decisions.models import meetings_before
from storage.engine import session_factory
from storage.meetings import (
    Meeting,
    active_meetings,
    add_meeting,
    change_occurrence,
    changes_of,
    meeting_with_changes,
)

ROOM, OTHER = "!kooperation:test", "!andere:test"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def _meeting(session: AsyncSession, room: str, days: int, rule: str | None = None) -> int:
    """A meeting ``days`` from now (a series if ``rule``), created long before; its id."""
    made = await add_meeting(
        session, room_id=room, title=f"{days}", place="", duration_minutes=60,
        start=NOW + timedelta(days=days), rule=rule, tz="Europe/Berlin",
        created_by="@koordination:test", now=NOW - timedelta(days=900),
    )  # fmt: skip
    return made.id


async def test_the_latest_singles_and_every_begun_series(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        old_series = await _meeting(session, ROOM, -800, "FREQ=WEEKLY")
        singles = [await _meeting(session, ROOM, -700 + 14 * n) for n in range(40)]
        cancelled = await _meeting(session, ROOM, -2)
        changed_series = await _meeting(session, ROOM, -300, "FREQ=MONTHLY;BYDAY=2TU")
        future_series = await _meeting(session, ROOM, 30, "FREQ=WEEKLY")
        future_single = await _meeting(session, ROOM, 3)
        elsewhere = [
            await _meeting(session, OTHER, -1),
            await _meeting(session, OTHER, -500, "FREQ=DAILY"),
        ]
        (await session.get_one(Meeting, cancelled)).cancelled = True
        series = await session.get_one(Meeting, changed_series)
        await change_occurrence(
            session, series, original=NOW - timedelta(days=300), new_start=None,
            by="@koordination:test", now=NOW,
        )  # fmt: skip
    async with session_factory(engine)() as session:
        found, changed = await meetings_before(session, ROOM, NOW)
    assert {m.id for m in found} == {old_series, changed_series, *singles[-5:]}
    assert changed == {changed_series}
    assert not {m.id for m in found} & {future_series, future_single, *elsewhere}


async def test_singles_ahead_and_every_series(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        past = [await _meeting(session, ROOM, -700 + 7 * n) for n in range(30)]
        yesterday = await _meeting(session, ROOM, -1)
        ahead = [await _meeting(session, ROOM, days) for days in (3, 40)]
        old_series = await _meeting(session, ROOM, -600, "FREQ=WEEKLY")
        new_series = await _meeting(session, ROOM, 10, "FREQ=MONTHLY;BYDAY=2TU")
        cancelled = await _meeting(session, ROOM, 5)
        (await session.get_one(Meeting, cancelled)).cancelled = True
        elsewhere = await _meeting(session, OTHER, 2)
    ends_after = NOW - timedelta(days=1, hours=1)
    async with session_factory(engine)() as session:
        found = await active_meetings(session, ROOM, ends_after=ends_after)
        everywhere = await active_meetings(session, None, ends_after=ends_after)
    expected = {yesterday, *ahead, old_series, new_series}
    assert {m.id for m in found} == expected
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert not {m.id for m in found} & {*past, cancelled, elsewhere}
    assert {m.id for m in everywhere} == expected | {elsewhere}


async def test_one_meeting_comes_with_its_changes(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        made = []
        for rule in ("FREQ=WEEKLY", None):
            meeting = await add_meeting(
                session, room_id=ROOM, title="Runde", place="", duration_minutes=60,
                start=NOW + timedelta(days=7), rule=rule, tz="Europe/Berlin",
                created_by="@koordination:test", now=NOW,
            )  # fmt: skip
            made.append(meeting)
        series, single = made
        for weeks, moved in ((2, None), (1, NOW + timedelta(days=15))):
            await change_occurrence(
                session, series, original=NOW + timedelta(days=7 * (1 + weeks)),
                new_start=moved, by="@koordination:test", now=NOW,
            )  # fmt: skip
    async with session_factory(engine)() as session:
        found = await meeting_with_changes(session, ROOM, series.id)
        assert found is not None and found[0].id == series.id
        assert [c.original for c in found[1]] == [
            NOW + timedelta(days=21),
            NOW + timedelta(days=14),
        ]
        assert found[1] == (await changes_of(session, [series.id]))[series.id]
        plain = await meeting_with_changes(session, ROOM, single.id)
        assert plain is not None and plain[0].id == single.id and plain[1] == []
        assert await meeting_with_changes(session, OTHER, series.id) is None
        assert await meeting_with_changes(session, ROOM, 999_999) is None
