"""The crash check's own check: it notices a search index or a decision state that no
longer agrees with its rows (what a crash between two writes of one change would leave)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import notices
from storage.engine import session_factory
from tests.crash.harness import disagreeing
from tests.support.decisions import add_entries

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def _notice(engine: AsyncEngine, number: int) -> None:
    async with session_factory(engine)() as session, session.begin():
        await notices.add_notice(
            session, room_id="!r:test", text=f"Logistik {number}", topic="", concerns="",
            author="@a:test", partner_id="stadt", now=NOW, source_event_id=f"$n{number}",
        )  # fmt: skip


async def test_an_index_or_state_out_of_step_is_named(sqlite_engine: AsyncEngine) -> None:
    await _notice(sqlite_engine, 1)
    await add_entries(sqlite_engine, 2)
    sessions = session_factory(sqlite_engine)
    async with sessions() as session:
        assert await disagreeing(session) == []
    async with sessions() as session, session.begin():  # a notice the index never saw
        await session.execute(text("DROP TRIGGER notices_search_insert"))
    await _notice(sqlite_engine, 2)
    async with sessions() as session, session.begin():  # a state the chain does not give
        await session.execute(text("UPDATE decision_state SET status = 'done' WHERE id = 2"))
    async with sessions() as session:
        found = await disagreeing(session)
    assert [problem.split(":")[0] for problem in found] == ["decision log", "notice_search"]
    assert "state at #2" in found[0]
