"""The decision log's hash chain on SQLite and PostgreSQL: append-only, verifiable, unforked."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.decisions import chain
from storage.decisions.chain import GENESIS, Problem, content_of, entry_hash
from storage.decisions.models import DecisionEntry
from storage.engine import session_factory
from tests.support.decisions import add_entries, drop_guards, new_entry, run_sql

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "example.toml"


async def verdict(engine: AsyncEngine) -> chain.Verdict:
    async with session_factory(engine)() as session:
        try:
            return await chain.verify(session)
        finally:
            await session.rollback()


async def entries(engine: AsyncEngine) -> list[DecisionEntry]:
    async with session_factory(engine)() as session:
        return list(await session.scalars(select(DecisionEntry).order_by(DecisionEntry.id)))


async def test_entries_form_a_chain_that_verifies(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        first = await chain.append(session, new_entry(1))
        second = await chain.append(session, new_entry(2, wording="Zweiter – ÄÖÜß ✓"))
    assert (first.id, second.id) == (1, 2)
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash
    assert first.decision_no == 1 and second.decision_no == 2
    await add_entries(engine, 3)  # a bulk append continues the same chain
    stored = await entries(engine)
    assert [e.id for e in stored] == [1, 2, 3, 4, 5]
    for before, after in itertools.pairwise(stored):
        assert after.prev_hash == before.hash
    for entry in stored:  # the hash is recomputable from what the database returns
        values = {name: getattr(entry, name) for name in chain.HASHED_FIELDS}
        assert entry_hash(content_of(values), entry.prev_hash) == entry.hash
    result = await verdict(engine)
    assert result.intact and result.entries == 5 and result.last_hash == stored[-1].hash
    async with session_factory(engine)() as session:
        assert await chain.head(session) == (5, stored[-1].hash)


async def test_canonical_content_is_stable_json(engine: AsyncEngine) -> None:
    await add_entries(engine, 1)
    (entry,) = await entries(engine)
    content = content_of({name: getattr(entry, name) for name in chain.HASHED_FIELDS})
    assert content["recorded_at"] == "2026-12-01T09:00:01.123456Z"
    assert content["decided_on"] == "2026-12-01" and content["deadline"] == "2027-03-31"
    assert content["agreed"] == ["stadt", "agentur", "jobcenter"]
    assert content["refers_to"] is None and content["meeting_id"] is None
    document = json.dumps(
        {**content, "prev_hash": GENESIS}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert hashlib.sha256(document.encode()).hexdigest() == entry.hash


async def test_the_database_refuses_updates_and_deletes(engine: AsyncEngine) -> None:
    await add_entries(engine, 2)
    for statement in (
        "UPDATE decision_entries SET wording = 'anders' WHERE id = 1",
        "DELETE FROM decision_entries WHERE id = 2",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            await run_sql(engine, statement)
    assert (await verdict(engine)).intact


async def test_a_changed_wording_is_reported_as_changed_content(engine: AsyncEngine) -> None:
    await add_entries(engine, 4)
    await drop_guards(engine)
    await run_sql(
        engine, "UPDATE decision_entries SET wording = 'Nachträglich geändert' WHERE id = 3"
    )
    result = await verdict(engine)
    assert (result.problem, result.entry_id, result.entries) == (Problem.CONTENT, 3, 2)


async def test_a_forger_who_recomputes_the_hash_breaks_the_next_link(engine: AsyncEngine) -> None:
    await add_entries(engine, 4)
    await drop_guards(engine)
    (_, second, *_) = await entries(engine)
    values = {name: getattr(second, name) for name in chain.HASHED_FIELDS}
    values["wording"] = "Geschönter Wortlaut"
    forged = entry_hash(content_of(values), second.prev_hash)
    await run_sql(
        engine,
        "UPDATE decision_entries SET wording = :wording, hash = :hash WHERE id = 2",
        wording="Geschönter Wortlaut",
        hash=forged,
    )
    result = await verdict(engine)
    assert (result.problem, result.entry_id) == (Problem.LINK, 3)


async def test_deleted_entries_are_missing_in_the_middle_and_at_the_end(
    engine: AsyncEngine,
) -> None:
    await add_entries(engine, 5)
    await drop_guards(engine)
    await run_sql(engine, "DELETE FROM decision_entries WHERE id = 5")
    result = await verdict(engine)
    assert (result.problem, result.entry_id, result.expected) == (Problem.HEAD, 4, 5)
    await run_sql(engine, "DELETE FROM decision_entries WHERE id = 2")
    result = await verdict(engine)
    assert (result.problem, result.entry_id, result.expected) == (Problem.MISSING, 3, 2)


async def test_concurrent_appends_never_fork_the_chain(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    async def record(number: int) -> int:
        async with sessions() as session, session.begin():
            entry = await chain.append(session, new_entry(number))
            await asyncio.sleep(0)  # let the others run while this transaction holds the lock
            return entry.id

    ids = await asyncio.gather(*(record(n) for n in range(1, 13)))
    assert sorted(ids) == list(range(1, 13))
    result = await verdict(engine)
    assert result.intact and result.entries == 12


async def test_a_decision_has_at_most_one_successor(engine: AsyncEngine) -> None:
    await add_entries(engine, 1)
    async with session_factory(engine)() as session, session.begin():
        await chain.append(session, new_entry(2, kind="amended", refers_to=1, decision_no=1))
    with pytest.raises(DBAPIError):
        async with session_factory(engine)() as session, session.begin():
            await chain.append(session, new_entry(3, kind="revoked", refers_to=1, decision_no=1))
    assert (await verdict(engine)).intact  # the refused entry left no trace, not even in the head


def _cli(engine: AsyncEngine, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "koopbot.toml"
    url = engine.url.render_as_string(hide_password=False)
    config.write_text(EXAMPLE.read_text().replace("sqlite+aiosqlite:///koopbot.db", url))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args, "--config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )


async def test_verify_log_from_the_shell(engine: AsyncEngine, tmp_path: Path) -> None:
    await add_entries(engine, 3)
    stored = await entries(engine)
    result = await asyncio.to_thread(_cli, engine, tmp_path, "verify-log")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Kette intakt: 3 Einträge, letzter Hash {stored[-1].hash}"

    await drop_guards(engine)
    await run_sql(engine, "UPDATE decision_entries SET responsible = '@jemand:test' WHERE id = 2")
    result = await asyncio.to_thread(_cli, engine, tmp_path, "verify-log")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "Kette gebrochen bei Eintrag #2: Der Inhalt passt nicht zu seinem Hash – "
        "der Eintrag wurde nach dem Erfassen verändert."
    )
    assert result.stdout.splitlines()[1] == (
        f"Einträge vor der Bruchstelle: 1, intakt bis Hash {stored[0].hash}."
    )


async def test_an_empty_log_verifies(engine: AsyncEngine) -> None:
    result = await verdict(engine)
    assert result.intact and result.entries == 0 and result.last_hash == GENESIS
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT length FROM decision_chain"))).scalar() == 0
