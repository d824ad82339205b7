"""An anchor outside the database: ``koopbot verify-log --expect`` / ``--against``.

The database chain alone passes a full re-chain (an entry rewritten, then every hash after
it and the chain end); an export's final hash, kept elsewhere, does not.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli import VERIFY_ANCHOR, VERIFY_BROKEN, VERIFY_OK, VERIFY_USAGE, main
from bot.decision_log import describe_anchor
from commands.core.catalogue import Catalogue
from config import ConfigError, load_settings
from storage import migrate
from storage.decisions import anchor as anchors
from storage.decisions import chain
from storage.decisions.anchor import Anchor, AnchorError, Outcome
from storage.engine import create_engine, session_factory
from tests.support.anchor import rechain
from tests.support.anchor import stored_hashes as hashes
from tests.support.decisions import add_entries, drop_guards, run_sql

HASH = "ab" * 32


async def checked(engine: AsyncEngine, anchor: Anchor) -> anchors.AnchorVerdict:
    async with session_factory(engine)() as session:
        try:
            return await anchors.check(session, anchor)
        finally:
            await session.rollback()


def test_an_anchor_is_a_hash_with_an_optional_entry_number() -> None:
    assert Anchor.parse(HASH) == Anchor(HASH)
    assert Anchor.parse(f" {HASH.upper()}@12 ") == Anchor(HASH, 12)
    assert Anchor.parse(f"{HASH}@#3") == Anchor(HASH, 3)
    for bad in ("", "abc", HASH[:-1], HASH + "0", f"{HASH}@0", f"{HASH}@x", "zz" * 32):
        with pytest.raises(AnchorError) as caught:
            Anchor.parse(bad)
        assert caught.value.reason == "bad_hash"


async def test_a_rechained_log_passes_the_chain_but_not_an_earlier_anchor(
    sqlite_engine: AsyncEngine,
) -> None:
    await add_entries(sqlite_engine, 5)
    before = await hashes(sqlite_engine)
    assert (await checked(sqlite_engine, Anchor(before[3], 4))).matches
    found = await checked(sqlite_engine, Anchor(before[3]))  # found by its hash
    assert found.outcome is Outcome.MATCH and found.entry_id == 4

    await rechain(sqlite_engine, 2, "Nachträglich geändert")
    async with session_factory(sqlite_engine)() as session:
        assert (await chain.verify(session)).intact  # the chain alone is fooled
        await session.rollback()
    after = await hashes(sqlite_engine)
    assert after[0] == before[0] and after[1] != before[1]

    changed = await checked(sqlite_engine, Anchor(before[3], 4))
    assert changed.outcome is Outcome.CHANGED and changed.recomputed == after[3]
    assert (await checked(sqlite_engine, Anchor(before[3]))).outcome is Outcome.NOT_FOUND
    # an anchor before the change still holds: entry 1 is as it was
    assert (await checked(sqlite_engine, Anchor(before[0], 1))).matches
    assert (await checked(sqlite_engine, Anchor(before[0], 9))).outcome is Outcome.SHORTER


async def test_stored_hashes_are_not_trusted(sqlite_engine: AsyncEngine) -> None:
    """An anchor matched against a stored hash would pass a forged hash column."""
    await add_entries(sqlite_engine, 3)
    before = await hashes(sqlite_engine)
    await drop_guards(sqlite_engine)
    await run_sql(sqlite_engine, "UPDATE decision_entries SET subject = 'anders' WHERE id = 3")
    found = await checked(sqlite_engine, Anchor(before[2], 3))
    assert found.outcome is Outcome.CHANGED and found.recomputed != before[2]


def _config(tmp_path: Path, url: str) -> Path:
    """Only the storage settings: no [matrix] section, no password."""
    config = tmp_path / "offline.toml"
    config.write_text(f'[storage]\nurl = "{url}"\n')
    return config


def _database(tmp_path: Path, entries: int) -> tuple[str, AsyncEngine]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"

    async def fill() -> AsyncEngine:
        engine = create_engine(url)
        await migrate.upgrade(engine)
        await add_entries(engine, entries)
        return engine

    return url, asyncio.run(fill())


def test_offline_settings_need_no_matrix_section(tmp_path: Path) -> None:
    config = _config(tmp_path, "sqlite+aiosqlite:///x.db")
    assert load_settings(config, offline=True).storage.url == "sqlite+aiosqlite:///x.db"
    with pytest.raises(ConfigError) as caught:
        load_settings(config)  # the bot itself still needs its homeserver login
    assert caught.value.problems == ["matrix: required key is missing"]


def test_export_then_verify_log_offline_with_the_anchor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, engine = _database(tmp_path, 4)
    config = _config(tmp_path, url)
    out = tmp_path / "protokoll.json"
    code = main(
        ["export", "decisions", "--format", "json", "--out", str(out), "--config", str(config)]
    )
    assert code == 0
    manifest = json.loads(out.read_text())["manifest"]
    final, last = manifest["final_hash"], manifest["last_id"]
    printed = capsys.readouterr().out
    assert f"Anker zum Aufbewahren: {final}@{last}" in printed and last == 4

    assert main(["verify-log", "--expect", f"{final}@4", "--config", str(config)]) == VERIFY_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Kette intakt: 4 Einträge, letzter Hash {final}"
    assert lines[1] == (
        f"Anker bestätigt: Eintrag #4 ergibt, aus dem gespeicherten Inhalt neu berechnet, den "
        f"Hash {final} – die Kette bis #4 ist genau die exportierte."
    )
    assert main(["verify-log", "--against", str(out), "--config", str(config)]) == VERIFY_OK
    capsys.readouterr()

    asyncio.run(rechain(engine, 3, "Umgeschrieben"))
    assert main(["verify-log", "--config", str(config)]) == VERIFY_OK  # the chain is fooled
    capsys.readouterr()
    assert main(["verify-log", "--expect", f"{final}@4", "--config", str(config)]) == VERIFY_ANCHOR
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("Abweichung vom Anker: Eintrag #4 ergibt, aus dem gespeicherten")
    assert f"statt {final}. #4 oder ein Eintrag davor wurde nach dem Export verändert" in lines[1]
    assert main(["verify-log", "--expect", final, "--config", str(config)]) == VERIFY_ANCHOR
    assert "Kein Eintrag ergibt" in capsys.readouterr().out
    assert main(["verify-log", "--against", str(out), "--config", str(config)]) == VERIFY_ANCHOR
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Erster Eintrag, der von der Exportdatei abweicht: #3."
    asyncio.run(engine.dispose())


def test_unusable_anchors_get_a_clear_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, engine = _database(tmp_path, 1)
    asyncio.run(engine.dispose())
    config = _config(tmp_path, url)
    assert main(["verify-log", "--expect", "9c4f…", "--config", str(config)]) == VERIFY_USAGE
    err = capsys.readouterr().err
    assert err.startswith("„9c4f…“ ist kein Anker. Erwartet: der Hash aus der Antwort des Bots")
    missing = tmp_path / "fehlt.json"
    assert main(["verify-log", "--against", str(missing), "--config", str(config)]) == VERIFY_USAGE
    assert f"Die Datei {missing} gibt es nicht." in capsys.readouterr().err
    broken = tmp_path / "kaputt.json"
    broken.write_text('{"entries": [')
    assert main(["verify-log", "--against", str(broken), "--config", str(config)]) == VERIFY_USAGE
    assert "ist keine lesbare JSON-Exportdatei" in capsys.readouterr().err


def test_a_broken_chain_exits_1_and_says_what_the_stored_length_means(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, engine = _database(tmp_path, 3)
    asyncio.run(drop_guards(engine))
    asyncio.run(run_sql(engine, "DELETE FROM decision_entries WHERE id = 3"))
    asyncio.run(engine.dispose())
    config = _config(tmp_path, url)
    assert main(["verify-log", "--config", str(config)]) == VERIFY_BROKEN
    assert capsys.readouterr().out.splitlines()[0] == (
        "Kette gebrochen nach Eintrag #2: Laut der gespeicherten Kettenlänge müsste es 3 "
        "Einträge geben, in der Datenbank stehen 2 – die letzten Einträge fehlen oder die "
        "gespeicherte Länge wurde verändert."
    )


def test_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, engine = _database(tmp_path, 2)
    asyncio.run(engine.dispose())
    config = tmp_path / "en.toml"
    config.write_text(f'language = "en"\n[storage]\nurl = "{url}"\n')
    assert main(["verify-log", "--expect", HASH, "--config", str(config)]) == VERIFY_ANCHOR
    assert (
        capsys.readouterr()
        .out.splitlines()[1]
        .startswith(
            f"Differs from the anchor: no entry, recomputed from the stored content, gives the hash {HASH}"
        )
    )


async def test_a_deleted_anchored_entry_is_named(sqlite_engine: AsyncEngine) -> None:
    await add_entries(sqlite_engine, 5)
    before = await hashes(sqlite_engine)
    await drop_guards(sqlite_engine)
    await run_sql(sqlite_engine, "DELETE FROM decision_entries WHERE id = 4")
    found = await checked(sqlite_engine, Anchor(before[3], 4))
    assert found.outcome is Outcome.CHANGED and found.recomputed is None
    assert describe_anchor(Catalogue("de"), found) == [
        "Abweichung vom Anker: Eintrag #4 fehlt in der Datenbank. "
        "Bitte die Datenbank aus einer Sicherung prüfen."
    ]
    # an anchor after the gap no longer matches either: the chain after it is different
    assert (await checked(sqlite_engine, Anchor(before[4], 5))).outcome is Outcome.CHANGED
