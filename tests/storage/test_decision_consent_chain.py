"""Consent entries in the decision log's hash chain, on SQLite and PostgreSQL: they verify,
older entries keep their hashes, and a change to a consent is caught like any other."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.protocol import decision_protocol
from commands.decisions.standing import Mark, consent_of
from commands.export.formats import FORMATS, render
from storage.decisions import chain
from storage.decisions import models as store
from storage.decisions.chain import Problem, content_of, entry_hash
from storage.decisions.models import DecisionEntry, Status
from storage.engine import session_factory
from tests.support.chat import ROOM, make_settings
from tests.support.decisions import (
    NOW,
    add_consent,
    add_entries,
    drop_guards,
    new_entry,
    run_sql,
)

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


async def a_log_with_consents(engine: AsyncEngine) -> None:
    """#1 recorded by Stadt; #2 Agentur consents by reaction, #3 Jobcenter objects, #4 Agentur
    withdraws; #5 another decision."""
    async with session_factory(engine)() as session, session.begin():
        await chain.append(session, new_entry(1, agreed=("stadt",)))
        await add_consent(session, 1, "consented", "agentur", via="reaction")
        await add_consent(session, 1, "objected", "jobcenter", reason="Haushalt offen")
        await add_consent(session, 1, "withdrawn", "agentur", via="reaction")
        await chain.append(session, new_entry(5))


async def test_consent_entries_chain_and_older_entries_keep_their_hashes(
    engine: AsyncEngine,
) -> None:
    await a_log_with_consents(engine)
    stored = await entries(engine)
    assert [(e.kind, e.concerns, e.via) for e in stored] == [
        ("recorded", None, None),
        ("consented", 1, "reaction"),
        ("objected", 1, "command"),
        ("withdrawn", 1, "reaction"),
        ("recorded", None, None),
    ]
    for entry in stored:
        values = {name: getattr(entry, name) for name in (*chain.HASHED_FIELDS, "concerns", "via")}
        content = content_of(values)
        assert entry_hash(content, entry.prev_hash) == entry.hash
        # a decision's hash is made of the original fields alone, as before consents existed
        assert ("concerns" in content) is (entry.concerns is not None)
    result = await verdict(engine)
    assert result.intact and result.entries == 5 and result.last_hash == stored[-1].hash
    async with session_factory(engine)() as session:
        given = await store.consents_of(session, [1])
        assert [e.id for e in given] == [2, 3, 4]
        assert (await store.consent_entry(session, stored[1].source_event_id)) is not None
        state = consent_of(stored[0], given)
    assert {p: s.mark for p, s in state.stands.items()} == {
        "stadt": Mark.CONSENTED,
        "jobcenter": Mark.OBJECTED,
    }  # Agentur withdrew: pending again


@pytest.mark.parametrize(
    ("change", "entry_id"),
    [
        ("UPDATE decision_entries SET via = 'command' WHERE id = 2", 2),
        ("UPDATE decision_entries SET kind = 'consented' WHERE id = 3", 3),
        ("UPDATE decision_entries SET author_partner = 'stadt' WHERE id = 4", 4),
        ("UPDATE decision_entries SET concerns = 5 WHERE id = 2", 2),
        ("UPDATE decision_entries SET concerns = NULL, via = NULL WHERE id = 4", 4),
        ("UPDATE decision_entries SET concerns = 1 WHERE id = 5", 5),  # an old entry made one
    ],
)
async def test_a_changed_consent_is_reported_as_changed_content(
    engine: AsyncEngine, change: str, entry_id: int
) -> None:
    await a_log_with_consents(engine)
    await drop_guards(engine)
    await run_sql(engine, change)
    result = await verdict(engine)
    assert (result.problem, result.entry_id, result.entries) == (
        Problem.CONTENT,
        entry_id,
        entry_id - 1,
    )


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


async def test_verify_log_checks_consents_from_the_shell(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await a_log_with_consents(engine)
    stored = await entries(engine)
    result = await asyncio.to_thread(_cli, engine, tmp_path, "verify-log")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Kette intakt: 5 Einträge, letzter Hash {stored[-1].hash}"
    )
    await drop_guards(engine)
    await run_sql(engine, "UPDATE decision_entries SET wording = 'ok' WHERE id = 3")
    result = await asyncio.to_thread(_cli, engine, tmp_path, "verify-log")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "Kette gebrochen bei Eintrag #3: Der Inhalt passt nicht zu seinem Hash – "
        "der Eintrag wurde nach dem Erfassen verändert."
    )


async def test_the_export_reads_each_partners_stand_on_both_backends(engine: AsyncEngine) -> None:
    await a_log_with_consents(engine)
    settings = make_settings()
    async with session_factory(engine)() as session:
        protocol = await decision_protocol(
            session,
            settings,
            Catalogue("de"),
            DateFormatter("de", settings.zone),
            room_id=ROOM,
            start=None,
            end=None,
            now=NOW,
            exported_by=None,
        )
        document = json.loads(await render(protocol.sheet, FORMATS["json"]))
    decision = document["entries"][0]
    assert [(c["partner"], c["state"], c["entry_id"]) for c in decision["consents"]] == [
        ("stadt", "consented", None),
        ("agentur", "pending", None),
        ("jobcenter", "objected", 3),
    ]
    assert decision["carried"] is False
    older = document["entries"][4]  # recorded with all three named, as before consent entries
    assert [c["given"] for c in older["consents"]] == ["own", "recorded", "recorded"]
    assert older["carried"] is True
    assert [e.get("concerns") for e in document["entries"]] == [None, 1, 1, 1, None]


async def test_one_entry_is_read_with_its_whole_history_in_one_statement(
    engine: AsyncEngine,
) -> None:
    """``!beschluss <nr>``: any entry of a decision's history (a version, a consent, the
    revocation) comes with that whole history, oldest first, and its own status; another
    room's entry, or none, is not found."""
    await add_entries(engine, 3)
    async with session_factory(engine)() as session, session.begin():
        await add_consent(session, 2, "consented", "stadt")  # 4
        await chain.append(session, new_entry(5, kind="amended", refers_to=2, decision_no=2))
        await chain.append(session, new_entry(6, kind="revoked", refers_to=5, decision_no=2))
        await chain.append(session, new_entry(7, room_id="!andere:test"))
    async with session_factory(engine)() as session:
        for entry_id in (2, 4, 5, 6):
            shown = await store.with_lineage(session, "!kooperation:test", entry_id)
            assert shown is not None
            found, history = shown
            single = await store.get_entry(session, "!kooperation:test", entry_id)
            assert single is not None and found.entry.id == entry_id
            assert (found.status, found.successor_id) == (single.status, single.successor_id)
            assert [listed.entry.id for listed in history] == [2, 4, 5, 6]
        assert [h.status for h in history] == [Status.SUPERSEDED, Status.NONE, Status.REVOKED,
                                               Status.NONE]  # fmt: skip
        first = await store.with_lineage(session, "!kooperation:test", 1)
        assert first is not None and [listed.entry.id for listed in first[1]] == [1]
        assert await store.with_lineage(session, "!kooperation:test", 7) is None
        assert await store.with_lineage(session, "!andere:test", 7) is not None
        assert await store.with_lineage(session, "!kooperation:test", 99) is None
        await session.rollback()
