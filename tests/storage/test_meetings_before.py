"""``storage.decisions.models.meetings_before``: where a new decision looks for its meeting,
the room's latest five singles and every series that began, on both backends – however
many singles came before (each part found by its own index, see migration 0018)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from storage.decisions.models import meetings_before
from storage.engine import session_factory
from storage.meetings import Meeting, add_meeting, change_occurrence

ROOM, OTHER = "!kooperation:test", "!andere:test"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_the_latest_singles_and_every_begun_series(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():

        async def meeting(room: str, days: int, rule: str | None = None) -> int:
            made = await add_meeting(
                session, room_id=room, title=f"{days}", place="", duration_minutes=60,
                start=NOW + timedelta(days=days), rule=rule, tz="Europe/Berlin",
                created_by="@koordination:test", now=NOW - timedelta(days=900),
            )  # fmt: skip
            return made.id

        old_series = await meeting(ROOM, -800, "FREQ=WEEKLY")
        singles = [await meeting(ROOM, -700 + 14 * n) for n in range(40)]
        cancelled = await meeting(ROOM, -2)
        changed_series = await meeting(ROOM, -300, "FREQ=MONTHLY;BYDAY=2TU")
        future_series = await meeting(ROOM, 30, "FREQ=WEEKLY")
        future_single = await meeting(ROOM, 3)
        elsewhere = [await meeting(OTHER, -1), await meeting(OTHER, -500, "FREQ=DAILY")]
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
