"""Two instances on one PostgreSQL: one is active, the standby takes over after kill -9."""

from __future__ import annotations

import asyncio
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.crashpoints import ENVIRONMENT
from bot.demo.people import body, in_reply_to
from tests.integration.conftest import World
from tests.integration.test_meetings_synapse import ahead, is_reminder, new_meeting
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


ACTIVE = "instance lock acquired: this instance is active"
WAITING = "standby: another instance holds the lock; waiting"


def tails(*paths: Path) -> str:
    return "".join(
        f"\n--- {path.name} ---\n{path.read_text(errors='replace')[-3000:] if path.exists() else ''}"
        for path in paths
    )


async def active_and_standby(first: Path, second: Path, timeout: float = 60) -> tuple[Path, Path]:
    """(active, standby): the log that took the lock and the one that waits for it."""
    try:
        async with asyncio.timeout(timeout):
            while True:
                texts = {
                    path: path.read_text() if path.exists() else "" for path in (first, second)
                }
                for active, standby in ((first, second), (second, first)):
                    if ACTIVE in texts[active] and WAITING in texts[standby]:
                        return active, standby
                await asyncio.sleep(0.1)  # other processes' log files cannot be awaited
    except TimeoutError:
        raise AssertionError(f"not one active and one standby{tails(first, second)}") from None


async def test_two_instances_started_at_once_on_a_fresh_database_one_active_one_standby(
    world: World, postgres: PostgresCluster, tmp_path: Path
) -> None:
    """Both processes reach the empty database at the same moment: the standby waits for
    the lock before it migrates, so neither trips over the other's half-made tables."""
    room = await world.new_room()
    url = postgres.create_database("koopbot_fresh_pair")
    config = write_config(world, room, tmp_path, device_id="KBFRESHPAIR", storage_url=url)
    logs = (tmp_path / "a.log", tmp_path / "b.log")
    stadt = world.people["stadt1"]

    async with bot_process(config, logs[0]) as a, bot_process(config, logs[1]) as b:
        active, standby = await active_and_standby(*logs)
        await world.invite_bot(room)
        await world.bot_joined(room, timeout=60)
        await log_says(active, f"joined room={room} ")  # its join time is taken (see sync.py)
        command = await stadt.say(room, "!status")
        answer = await stadt.reply_to(command, timeout=30)
        sentinel = await stadt.say(room, "!kontakte")
        await stadt.reply_to(sentinel, timeout=30)
        running = (a.returncode, b.returncode)

    assert running == (None, None), tails(*logs)  # the standby is up too, waiting
    assert body(answer).startswith("koopbot"), body(answer)
    assert len(stadt.replies_to(command)) == 1 and len(stadt.replies_to(sentinel)) == 1
    assert "Running upgrade" in active.read_text(), tails(*logs)  # it made the tables
    assert "Running upgrade" not in standby.read_text(), tails(*logs)  # waited, migrated nothing
    assert "running as" not in standby.read_text(), tails(*logs)
    for log in logs:
        assert "Traceback" not in log.read_text() and " ERROR " not in log.read_text(), tails(log)


async def test_a_standby_killed_at_takeover_leaves_the_work_to_the_next_one(
    world: World, postgres: PostgresCluster, tmp_path: Path
) -> None:
    """A is active, B (KOOPBOT_CRASH_AT=takeover) waits. A is killed just before a reminder
    falls due; B takes the lock, logs in and dies there (SIGKILL); C takes over. Every
    command sent meanwhile is answered once, and the reminder is posted once, on time."""
    room = await world.new_room()
    url = postgres.create_database("koopbot_takeover_crash")
    config = write_config(world, room, tmp_path, device_id="KBTAKEOVER", storage_url=url)
    config.write_text(config.read_text() + '\n[reminders]\noffsets = ["1m"]\ngrace = "10m"\n')
    a_log, b_log, c_log = (tmp_path / f"{name}.log" for name in "abc")
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    title = "Runde während der Übernahme"

    async with bot_process(config, a_log) as first:
        await world.invite_bot(room)
        await world.bot_joined(room, timeout=60)
        await log_says(a_log, f"joined room={room} ")
        async with bot_process(config, b_log, {ENVIRONMENT: "takeover"}) as second:
            await log_says(b_log, WAITING)
            start = ahead(75)
            due = start - timedelta(minutes=1)
            created = await coordinator.say(room, new_meeting(start, title))
            confirmed = await stadt.reply_to(created, timeout=30)
            assert body(confirmed).startswith("Termin #1 angelegt"), tails(a_log)
            before = [await stadt.say(room, "!kontakte") for _ in range(3)]
            for event_id in before:
                await stadt.reply_to(event_id, timeout=30)

            # The reminder is to fall due while nobody is active: kill A 1.5 s before (B
            # takes the lock within 1 s, dies, and C needs a second or two to start).
            await asyncio.sleep((due - datetime.now(UTC)).total_seconds() - 1.5)
            assert datetime.now(UTC) < due, "too late: A could have posted the reminder"
            first.send_signal(signal.SIGKILL)
            await first.wait()
            killed_at, killed_clock = time.monotonic(), datetime.now(UTC)
            meanwhile = [
                await stadt.say(room, "!kontakte"),
                await stadt.say(room, "!beschluss Übergabe geübt"),
                await stadt.say(room, "!status"),
            ]
            await log_says(b_log, ACTIVE, timeout=30)
            # C is started now: B, about to die at takeover, holds the lock, so C cannot
            # get it first (two standbys waiting at once would race for it).
            async with bot_process(config, c_log) as third:
                try:
                    await asyncio.wait_for(second.wait(), 30)
                except TimeoutError:
                    raise AssertionError(f"B did not die at takeover{tails(b_log)}") from None
                replies = [await stadt.reply_to(event_id, timeout=60) for event_id in meanwhile]
                takeover = time.monotonic() - killed_at
                reminder = await stadt.wait_for(is_reminder(room, title), timeout=60)
                sentinel = await stadt.say(room, "!status")
                await stadt.reply_to(sentinel, timeout=30)
                still_running = third.returncode

    assert second.returncode == -signal.SIGKILL, tails(b_log)
    assert "crash point takeover reached" in b_log.read_text(), tails(b_log)
    assert "running as" not in b_log.read_text(), tails(b_log)  # B never served
    assert still_running is None, tails(c_log)
    for event_id in [*before, *meanwhile, sentinel]:
        assert len(stadt.replies_to(event_id)) == 1, f"{event_id}{tails(a_log, b_log, c_log)}"
    assert body(replies[1]).startswith("Beschluss #1 erfasst"), body(replies[1])
    reminders = [e for e in stadt.events if is_reminder(room, title)(e)]
    assert len(reminders) == 1, tails(a_log, b_log, c_log)
    assert "(verspätet)" not in body(reminder), body(reminder)
    assert reminder["origin_server_ts"] >= killed_clock.timestamp() * 1000  # posted by C
    for log in (a_log, b_log, c_log):
        assert "Traceback" not in log.read_text(), tails(log)
    print(f"takeover after kill -9 with a standby dying at takeover: {takeover:.1f} s")
