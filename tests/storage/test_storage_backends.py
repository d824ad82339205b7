"""The same storage tests on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import contacts, core, deliveries, migrate, notices, retention, sectors
from storage.decisions import chain, models
from storage.deliveries import Source
from storage.engine import session_factory
from tests.support.decisions import new_entry

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def test_migrations_reach_head_and_are_idempotent(engine: AsyncEngine) -> None:
    assert await migrate.current_revision(engine) == migrate.head_revision()
    await migrate.upgrade(engine)
    assert await migrate.current_revision(engine) == migrate.head_revision()


async def test_an_event_is_claimed_once(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        assert await core.claim_event(session, event_id="$a", room_id="!r", now=NOW)
    async with sessions() as session, session.begin():
        assert not await core.claim_event(session, event_id="$a", room_id="!r", now=NOW)
        assert await core.handled_or_answered(session, ["$a", "$b"]) == {"$a"}


async def test_a_rolled_back_claim_leaves_no_trace(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    try:
        async with sessions() as session, session.begin():
            await core.claim_event(session, event_id="$x", room_id="!r", now=NOW)
            raise RuntimeError("crash before commit")
    except RuntimeError:
        pass
    async with sessions() as session:
        assert await core.handled_or_answered(session, ["$x"]) == set()


async def test_handled_or_answered_in_one_statement(engine: AsyncEngine) -> None:
    """A replayed batch's events that an earlier run acted on: claimed (answers, hooks) or
    answered by a command (its first reply's transaction id), one statement for both."""
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        await core.claim_event(session, event_id="$claimed", room_id="!r", now=NOW)
        for cause in (("$answered", 0), ("$later", 1), ("$both", 0)):
            session.add(
                core.new_outbox(room_id="!r", txn_id=core.txn_id(*cause), content={}, now=NOW)
            )
        await core.claim_event(session, event_id="$both", room_id="!r", now=NOW)
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    ids = ["$claimed", "$answered", "$later", "$both", "$new"]
    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        async with sessions() as session:
            found = await core.handled_or_answered(session, ids)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    # "$later" has only a second message (n=1): not a command's reply to it.
    assert found == {"$claimed", "$answered", "$both"}
    assert len(statements) == 1 and "UNION" in statements[0].upper()
    async with sessions() as session:
        assert await core.handled_or_answered(session, []) == set()


async def test_outbox_keeps_order_and_marks_delivery(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        session.add(core.new_outbox(room_id="!r", txn_id="t1", content={"body": "ä"}, now=NOW))
        session.add(
            core.new_outbox(
                room_id="!r",
                txn_id="t2",
                content={"body": "b"},
                now=NOW,
                attachment=("a.csv", "text/csv", b"x;y"),
            )
        )
    async with sessions() as session:
        pending = await core.unsent_outbox(session)
    assert [m.txn_id for m in pending] == ["t1", "t2"]
    assert pending[0].content == {"body": "ä"} and pending[1].attachment == b"x;y"
    async with sessions() as session, session.begin():
        await core.mark_sent(session, pending[1].id, event_id="$e", now=NOW)
    async with sessions() as session:
        assert [m.txn_id for m in await core.unsent_outbox(session)] == ["t1"]


async def test_times_come_back_as_aware_utc(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    berlin = NOW.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Berlin"))
    async with sessions() as session, session.begin():
        await contacts.set_contact(
            session,
            room_id="!r",
            partner_id="stadt",
            contact="@a:t",
            deputy="",
            set_by="@k:t",
            now=berlin,
        )
    async with sessions() as session:
        row = (await contacts.current_contacts(session, "!r"))["stadt"]
    assert row.set_at == NOW and row.set_at.utcoffset() == timedelta(0)


async def test_latest_contact_counts_per_room(engine: AsyncEngine) -> None:
    """The latest assignment of each partner in the room counts, however many came before
    (read by index: one row per partner, migration 0020)."""
    sessions = session_factory(engine)
    changes = [("@a:t", "!r", "stadt"), ("@j:t", "!r", "jobcenter"), ("@b:t", "!r", "stadt")]
    changes += [(f"@x{n}:t", "!r", "agentur") for n in range(50)]
    changes += [("@c:t", "!other", "stadt"), ("@z:t", "!r", "jobcenter")]
    async with sessions() as session, session.begin():
        for contact, room, partner in changes:
            await contacts.set_contact(
                session,
                room_id=room,
                partner_id=partner,
                contact=contact,
                deputy="",
                set_by="@k:t",
                now=NOW,
            )
    async with sessions() as session:
        current = await contacts.current_contacts(session, "!r")
        assert {partner: row.contact for partner, row in current.items()} == {
            "stadt": "@b:t",
            "agentur": "@x49:t",
            "jobcenter": "@z:t",
        }
        other = await contacts.current_contacts(session, "!other")
        assert {partner: row.contact for partner, row in other.items()} == {"stadt": "@c:t"}
        assert await contacts.current_contacts(session, "!none") == {}


async def test_sync_state_roundtrip(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        assert await core.get_state(session, "k") is None
        await core.set_state(session, "k", "s1")
    async with sessions() as session, session.begin():
        assert await core.get_state(session, "k") == "s1"
        await core.set_state(session, "k", "s2")
        assert await core.get_state(session, "k") == "s2"  # the same session sees it at once
    async with sessions() as session:
        assert await core.get_state(session, "k") == "s2"


async def test_the_last_days_valid_versions_and_the_first_unclaimed(engine: AsyncEngine) -> None:
    """What the consent reminders ask: after every change, in one row, when the first valid
    version of the last days without a settled nudge was recorded
    (``first_unclaimed_since``); at a wake-up, those recorded up to a time
    (``unclaimed_between``). Read by the index on ``recorded_at`` (migration 0022), not
    by walking the whole log."""
    days = [10, 4, 3, 2, 1, 1]  # days before NOW each entry is recorded
    entries = [
        new_entry(1),  # old: before the window
        new_entry(2),  # valid, its nudge settled
        new_entry(3),  # amended by 4: superseded
        new_entry(4, kind="amended", refers_to=3, decision_no=3),
        new_entry(5),  # revoked by 6
        new_entry(6, kind="revoked", refers_to=5, decision_no=5),
    ]
    entries = [
        replace(entry, recorded_at=NOW - timedelta(days=ago))
        for entry, ago in zip(entries, days, strict=True)
    ]
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        await chain.append_many(session, entries)
        await deliveries.claim(
            session,
            room_id="!kooperation:test",
            source=Source.DECISION,
            subject_id=2,
            key="consent",
            due_at=NOW,
            decision="posted",
            now=NOW,
        )
    earliest = NOW - timedelta(days=5)
    async with sessions() as session:
        between = models.unclaimed_between
        found = await between(session, earliest, NOW, "decision", "consent")
        assert [entry.id for entry in found] == [4]  # 2 settled, 3 superseded, 5 revoked
        found = await between(session, earliest, NOW, "decision", "other key")
        assert [entry.id for entry in found] == [2, 4]
        found = await between(session, earliest, NOW - timedelta(days=2), "decision", "x")
        assert [entry.id for entry in found] == [2]  # 4 was recorded at the bound itself
        first = await models.first_unclaimed_since(session, earliest, "decision", "consent")
        assert first == NOW - timedelta(days=2)  # #4's; #2 is settled
        assert await models.first_unclaimed_since(session, NOW, "decision", "consent") is None
        if engine.dialect.name == "sqlite":
            bound = models._first_unclaimed().params(earliest=earliest, source="d", key="k")
            compiled = bound.compile(engine, compile_kwargs={"literal_binds": True})
            plan = await session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
            assert any("ix_decision_entries_recorded_at" in row[-1] for row in plan), compiled


async def test_the_oldest_kept_notice_or_input_is_read_by_index(engine: AsyncEngine) -> None:
    """The retention purge's next wake-up (asked after every write): the creation time of
    the oldest notice or sector input kept, from ``ix_notices_created_at`` and
    ``ix_sector_inputs_created_at`` (migration 0023) instead of a scan of both tables."""
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        for days in (3, 40, 7):
            await notices.add_notice(
                session,
                room_id="!r",
                text=f"Meldung {days}",
                topic="",
                concerns="",
                author="@a:t",
                partner_id="agentur",
                now=NOW - timedelta(days=days),
                source_event_id=f"$n{days}",
            )
        await sectors.add_input(
            session,
            room_id="!r",
            round_id=None,
            partner_id="stadt",
            author="@s:t",
            section="H",
            trend="stable",
            text="Lager",
            demand="",
            horizon="",
            now=NOW - timedelta(days=90),
            source_event_id="$i",
        )
    async with sessions() as session:
        assert await retention.oldest_kept(session) == NOW - timedelta(days=90)
        if engine.dialect.name == "sqlite":
            for table in ("notices", "sector_inputs"):
                plan = await session.execute(
                    text(f"EXPLAIN QUERY PLAN SELECT min(created_at) FROM {table}")
                )
                assert any(f"ix_{table}_created_at" in row[-1] for row in plan), table
