"""Press-release storage on SQLite and PostgreSQL: snapshots, derived state, once-only rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import core
from storage.core import purpose_of
from storage.engine import session_factory
from storage.pr import releases as store
from storage.pr.releases import APPROVED, CHANGES_REQUESTED, PUBLISHED, WITHDRAWN, PressRelease

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def new_release(engine: AsyncEngine, room: str = "!r") -> int:
    async with session_factory(engine)() as session, session.begin():
        release = await store.add_release(
            session,
            room_id=room,
            title="Titel",
            text="Text ä",
            author="@a:t",
            author_partner="stadt",
            deadline=date(2026, 12, 8),
            now=NOW,
            source_event_id="$cmd",
        )
        return release.id


async def decide(engine: AsyncEngine, release_id: int, kind: str, partner: str, n: int) -> None:
    async with session_factory(engine)() as session, session.begin():
        release = await store.get_release(session, "!r", release_id, lock=True)
        assert release is not None
        await store.add_event(
            session,
            release=release,
            kind=kind,
            user_id=f"@{partner}:t",
            partner_id=partner,
            now=NOW + timedelta(minutes=n),
            source_event_id=f"${kind}{n}",
        )


async def test_state_is_derived_from_the_latest_event_of_the_current_version(
    engine: AsyncEngine,
) -> None:
    release_id = await new_release(engine)
    await decide(engine, release_id, APPROVED, "stadt", 1)
    await decide(engine, release_id, APPROVED, "agentur", 2)
    await decide(engine, release_id, WITHDRAWN, "agentur", 3)
    await decide(engine, release_id, CHANGES_REQUESTED, "jobcenter", 4)
    sessions = session_factory(engine)
    async with sessions() as session:
        release = await store.get_release(session, "!r", release_id)
        assert release is not None and release.deadline == date(2026, 12, 8)
        latest = (await store.decisions(session, [release]))[release_id]
    assert {p: e.kind for p, e in latest.items()} == {
        "stadt": APPROVED,
        "agentur": WITHDRAWN,
        "jobcenter": CHANGES_REQUESTED,
    }
    assert latest["stadt"].at == NOW + timedelta(minutes=1)
    async with sessions() as session, session.begin():
        release = await store.get_release(session, "!r", release_id, lock=True)
        assert release is not None
        await store.add_version(
            session,
            release,
            title="Titel 2",
            text="Neu",
            author="@b:t",
            author_partner="agentur",
            now=NOW,
            source_event_id="$rev",
        )
    async with sessions() as session:
        release = await store.get_release(session, "!r", release_id)
        assert release is not None and release.current_version == 2
        assert (await store.decisions(session, [release]))[release_id] == {}
        first = await store.get_version(session, release_id, 1)
        assert first is not None and first.text == "Text ä" and first.title == "Titel"
        kinds = [e.kind for e in await store.history(session, release_id)]
    assert kinds == ["created", APPROVED, APPROVED, WITHDRAWN, CHANGES_REQUESTED, "revised"]


async def test_a_release_is_published_once(engine: AsyncEngine) -> None:
    release_id = await new_release(engine)
    await decide(engine, release_id, PUBLISHED, "stadt", 1)
    with pytest.raises(IntegrityError):
        await decide(engine, release_id, PUBLISHED, "agentur", 2)
    async with session_factory(engine)() as session:
        assert list(await store.publications(session, [release_id])) == [release_id]


async def test_releases_with_a_deadline_are_found_from_a_day_on(engine: AsyncEngine) -> None:
    release_id = await new_release(engine)
    async with session_factory(engine)() as session:
        due = await store.with_deadline_since(session, date(2026, 12, 8))
        assert [r.id for r in due] == [release_id]
        assert await store.with_deadline_since(session, date(2026, 12, 9)) == []


async def test_releases_belong_to_their_room_and_messages_to_their_purpose(
    engine: AsyncEngine,
) -> None:
    mine, other = await new_release(engine, "!r"), await new_release(engine, "!other")
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        row = core.new_outbox(room_id="!r", txn_id="t", content={}, now=NOW, purpose="pm:1:1")
        session.add(row)
        await session.flush()
        await core.mark_sent(session, row.id, event_id="$draft", now=NOW)
    async with sessions() as session:
        assert await store.get_release(session, "!r", other) is None
        assert [r.id for r in await store.list_releases(session, "!r", 10)] == [mine]
        assert await purpose_of(session, "!r", "$draft") == "pm:1:1"
        assert await purpose_of(session, "!other", "$draft") is None
        event = await store.event_from(session, "$cmd")
        assert event is not None and event.kind == "created"
        assert isinstance(await session.get(PressRelease, mine), PressRelease)
