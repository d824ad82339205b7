"""Members, coordinators and their audit on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import members
from storage.engine import session_factory

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_seed_add_remove_and_the_audit(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        assert not await members.seeded(session)
        await members.seed(
            session,
            members=[("@a:test", "stadt"), ("@b:test", "agentur")],
            coordinators=["@k:test"],
            now=NOW,
        )
    later = NOW + timedelta(hours=1)
    async with sessions.begin() as session:
        assert await members.seeded(session)
        await members.add(session, partner_id="stadt", user_id="@c:test", by="@k:test", now=later)
        await members.add(
            session, partner_id=members.COORDINATION, user_id="@a:test", by="@k:test", now=later
        )
        assert await members.remove(
            session, partner_id="agentur", user_id="@b:test", by="@k:test", now=later
        )
        assert not await members.remove(
            session, partner_id="stadt", user_id="@b:test", by="@k:test", now=later
        )
    async with sessions() as session:
        pairs, coordinators = await members.load(session)
        assert sorted(pairs) == [("@a:test", "stadt"), ("@c:test", "stadt")]
        assert sorted(coordinators) == ["@a:test", "@k:test"]
        assert await members.partner_of(session, "@c:test") == "stadt"
        assert await members.partner_of(session, "@b:test") is None
        assert await members.is_coordinator(session, "@a:test")
        assert await members.coordinator_count(session) == 2
        changes, total = await members.history(session, limit=2)
    assert total == 6
    assert [(c.action, c.partner_id, c.user_id, c.changed_by) for c in changes] == [
        (members.REMOVE, "agentur", "@b:test", "@k:test"),
        (members.ADD, members.COORDINATION, "@a:test", "@k:test"),
    ]
    assert changes[0].changed_at == later


async def test_a_person_belongs_to_one_partner_at_most(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        await members.add(session, partner_id="stadt", user_id="@a:test", by="@k:test", now=NOW)
    with pytest.raises(IntegrityError):
        async with sessions.begin() as session:
            await members.add(
                session, partner_id="agentur", user_id="@a:test", by="@k:test", now=NOW
            )
    async with sessions() as session:
        assert await members.partner_of(session, "@a:test") == "stadt"
        assert (await members.history(session, limit=10))[1] == 1
