"""kill -9 in the middle of a burst: after a restart every command has exactly one reply."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from bot.demo.people import in_reply_to
from tests.integration.conftest import PASSWORD, World

REPO = Path(__file__).resolve().parents[2]


def write_config(
    world: World, room_id: str, folder: Path, device_id: str, *, storage_url: str | None = None
) -> Path:
    """A TOML file as an operator would write it, for a bot running as its own process."""
    settings = world.settings(room_id, folder, timeline_limit=10)
    url = storage_url or f"sqlite+aiosqlite:///{folder / 'koopbot.db'}"
    partners = "\n".join(
        f'[[partners]]\nid = "{p.id}"\nname = "{p.name}"\nmembers = ["{p.members[0]}"]\ncontact = "{p.contact}"\n'
        for p in settings.partners
    )
    text = f"""
coordinators = ["{world.ids["koordination"]}"]
[matrix]
homeserver = "{world.homeserver.url}"
user_id = "{world.ids["koopbot"]}"
password = "{PASSWORD}"
device_id = "{device_id}"
store_path = "{folder / "store"}"
rooms = ["{room_id}"]
sync_timeout = 5000
timeline_limit = 10
[storage]
url = "{url}"
{partners}
"""
    path = folder / "koopbot.toml"
    path.write_text(text)
    return path


@asynccontextmanager
async def bot_process(
    config: Path, log: Path, env: Mapping[str, str] | None = None
) -> AsyncIterator[asyncio.subprocess.Process]:
    """The bot as its own process (``env`` adds variables, e.g. ``KOOPBOT_CRASH_AT``)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    with log.open("ab") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", "--config", str(config),
            cwd=REPO, stdout=sink, stderr=sink, env=environment,
        )  # fmt: skip
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_kill_during_burst_then_restart_answers_each_command_once(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    config = write_config(world, room, tmp_path, device_id="KBRESTART")
    log = tmp_path / "bot.log"
    stadt = world.people["stadt1"]
    sent: list[str] = []

    async with bot_process(config, log) as process:
        await world.invite_bot(room)
        await world.bot_joined(room, timeout=60)
        for _ in range(20):
            sent.append(await stadt.say(room, "!kontakte"))
        # Kill as soon as the bot is in the middle of the burst.
        await stadt.wait_for(lambda e: in_reply_to(e) in sent[3:], timeout=60)
        process.send_signal(signal.SIGKILL)
        await process.wait()

    answered_before = sum(1 for event_id in sent if stadt.replies_to(event_id))
    assert answered_before < len(sent), "the kill came too late to interrupt the burst"
    for _ in range(15):  # more than the timeline limit of 10: the bot must page back
        sent.append(await stadt.say(room, "!status"))

    async with bot_process(config, log):
        sentinel = await stadt.say(room, "!status")
        await stadt.reply_to(sentinel, timeout=90)
        counts = {event_id: len(stadt.replies_to(event_id)) for event_id in sent}

    missing = [e for e, n in counts.items() if n == 0]
    doubled = [e for e, n in counts.items() if n > 1]
    assert not missing and not doubled, (missing, doubled, log.read_text()[-3000:])
