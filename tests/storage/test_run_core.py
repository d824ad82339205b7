"""``storage.engine.run_core``: a Core statement on the session's connection sees what the
session holds unflushed (as ``session.execute`` would, by its autoflush) and stays in the
session's transaction, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import core
from storage.core import OutboxMessage
from storage.engine import run_core, session_factory

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _message(txn_id: str) -> OutboxMessage:
    return core.new_outbox(room_id="!r:test", txn_id=txn_id, content={"body": "x"}, now=NOW)


async def test_pending_objects_are_flushed_first(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        session.add(_message("t1"))  # pending, not yet in the database
        result = await run_core(session, update(OutboxMessage).values(purpose="gesehen"), None)
        assert result.rowcount == 1
    async with session_factory(engine)() as session:
        purposes = (await session.scalars(select(OutboxMessage.purpose))).all()
    assert purposes == ["gesehen"]


async def test_a_rollback_takes_the_core_statement_with_it(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        async with session.begin():
            session.add(_message("t2"))
        transaction = await session.begin()
        await run_core(session, update(OutboxMessage).values(purpose="verworfen"))
        await transaction.rollback()
    async with session_factory(engine)() as session:
        changed = await session.scalar(
            select(func.count()).where(OutboxMessage.purpose == "verworfen")
        )
    assert changed == 0
