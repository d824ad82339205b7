"""Two instances on one PostgreSQL: one is active, the standby takes over after kill -9."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from bot.people import in_reply_to
from tests.integration.conftest import World
from tests.integration.test_restart import bot_process, write_config
from tests.support.postgres import PostgresCluster


async def log_says(path: Path, words: str, timeout: float = 60) -> None:
    """Wait until another process has written ``words`` to its log file."""
    async with asyncio.timeout(timeout):
        while not (path.exists() and words in path.read_text()):  # noqa: ASYNC110, ASYNC240
            await asyncio.sleep(0.1)  # a file written by another process cannot be awaited


async def test_standby_takes_over_without_doubling(
    world: World, postgres: PostgresCluster, tmp_path: Path
) -> None:
    room = await world.new_room()
    url = postgres.create_database("koopbot_standby")
    config = write_config(world, room, tmp_path, device_id="KBSTANDBY", storage_url=url)
    stadt = world.people["stadt1"]
    sent: list[str] = []

    async with bot_process(config, tmp_path / "a.log") as first:
        await world.invite_bot(room)
        await world.bot_joined(room, timeout=60)
        async with bot_process(config, tmp_path / "b.log") as second:
            await log_says(tmp_path / "b.log", "standby")  # B is up and waiting for the lock
            warmup = await stadt.say(room, "!status")
            await stadt.reply_to(warmup)
            for _ in range(12):
                sent.append(await stadt.say(room, "!kontakte"))
            await stadt.wait_for(lambda e: in_reply_to(e) in sent[2:], timeout=60)
            first.send_signal(signal.SIGKILL)
            await first.wait()
            killed_at = time.monotonic()
            for _ in range(5):
                sent.append(await stadt.say(room, "!status"))
            sentinel = await stadt.say(room, "!status")
            await stadt.reply_to(sentinel, timeout=30)
            takeover = time.monotonic() - killed_at
            assert second.returncode is None  # the standby is now the active instance
            counts = {event_id: len(stadt.replies_to(event_id)) for event_id in sent}

    assert all(n == 1 for n in counts.values()), (counts, (tmp_path / "b.log").read_text()[-3000:])
    print(f"takeover after kill -9: {takeover:.1f} s")
