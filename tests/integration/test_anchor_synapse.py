"""Through a real Synapse: the export's reply is the anchor that catches a re-chained log,
and a file over the homeserver's upload limit is refused with the size and the limit."""

from __future__ import annotations

import asyncio
import itertools
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.demo.homeserver import run_homeserver
from bot.demo.people import Person, body
from storage.engine import create_engine
from tests.integration.conftest import PASSWORD, PEOPLE, World
from tests.integration.test_decisions_synapse import is_file_from_bot
from tests.support.anchor import rechain

ANCHOR = re.compile(r"koopbot verify-log --expect ([0-9a-f]{64})@(\d+)$")


def verify_log(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``koopbot verify-log`` as an operator runs it: only the storage settings, offline."""
    config = folder / "offline.toml"
    config.write_text(f'[storage]\nurl = "sqlite+aiosqlite:///{folder / "koopbot.db"}"\n')
    return subprocess.run(
        [sys.executable, "-m", "bot", "verify-log", *args, "--config", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )


async def test_the_hash_in_the_room_catches_a_rechained_log(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    stadt, coordinator = world.people["stadt1"], world.people["koordination"]
    async with world.bot(room, tmp_path):
        for subject in ("Berufsorientierung an Schulen", "Qualifizierung Logistik", "Jobmesse"):
            await stadt.reply_to(await stadt.say(room, f"!beschluss {subject}"))
        answer = await coordinator.reply_to(await coordinator.say(room, "!export beschlüsse csv"))
        await coordinator.wait_for(is_file_from_bot(world, room))
    found = ANCHOR.search(body(answer).splitlines()[-1])
    assert found is not None, body(answer)
    anchor, entry = found.group(1), found.group(2)
    assert entry == "3"
    assert f"Hash des letzten Eintrags (#3): {anchor}" in body(answer)

    untouched = await asyncio.to_thread(verify_log, tmp_path, "--expect", f"{anchor}@{entry}")
    assert untouched.returncode == 0, untouched.stdout + untouched.stderr
    assert untouched.stdout.splitlines()[1].startswith("Anker bestätigt: Eintrag #3 ergibt")

    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'koopbot.db'}")
    try:
        await rechain(engine, 2, "Nachträglich umgeschrieben")
    finally:
        await engine.dispose()
    fooled = await asyncio.to_thread(verify_log, tmp_path)
    assert fooled.returncode == 0  # the chain alone is consistent again
    caught = await asyncio.to_thread(verify_log, tmp_path, "--expect", f"{anchor}@{entry}")
    assert caught.returncode == 3, caught.stdout + caught.stderr
    assert caught.stdout.splitlines()[1].startswith(
        "Abweichung vom Anker: Eintrag #3 ergibt, aus dem gespeicherten Inhalt neu berechnet, "
    )
    searched = await asyncio.to_thread(verify_log, tmp_path, "--expect", anchor)
    assert searched.returncode == 3 and "Kein Eintrag ergibt" in searched.stdout


@asynccontextmanager
async def small_uploads_world(base: Path) -> AsyncIterator[World]:
    """A second Synapse whose media config says ``m.upload.size`` 2 KiB."""
    overrides = {"max_upload_size": "2K"}
    async with run_homeserver(base / "synapse", overrides=overrides) as homeserver:
        ids = await homeserver.register_many({name: PASSWORD for name in ("koopbot", *PEOPLE)})
        people = {name: Person(homeserver.url, ids[name], PASSWORD) for name in PEOPLE}
        for person in people.values():
            await person.login()
            person.listen()
        try:
            yield World(homeserver, ids, people, base, itertools.count(1))
        finally:
            for person in people.values():
                await person.close()


async def test_a_file_over_the_upload_limit_is_refused_with_size_and_limit(
    tmp_path: Path,
) -> None:
    async with small_uploads_world(tmp_path) as world:
        room = await world.new_room()
        stadt, coordinator = world.people["stadt1"], world.people["koordination"]
        async with world.bot(room, tmp_path / "bot"):
            for n in range(1, 4):
                await stadt.reply_to(await stadt.say(room, f"!beschluss Maßnahme {n} Logistik"))
            answer = await coordinator.reply_to(
                await coordinator.say(room, "!export beschlüsse json")
            )
            listed = await coordinator.reply_to(await coordinator.say(room, "!export"))
        text = body(answer)
        assert text.startswith("Die Datei beschlussprotokoll-"), text
        assert "kB groß; der Homeserver nimmt höchstens 2,0 kB an. Es wurde keine Datei " in text
        assert "Bitte den Export für einen kürzeren Zeitraum wiederholen (von=… bis=…)" in text
        assert body(listed).startswith("Exporte")  # the bot answers on
        assert not any(is_file_from_bot(world, room)(e) for e in coordinator.events)
        assert not any((tmp_path / "bot" / "store" / "outgoing").iterdir())
