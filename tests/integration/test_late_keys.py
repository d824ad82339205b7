"""A command whose room key arrives after the message is answered as soon as the key is
there: while the bot runs with nobody else writing, and after a stop or a kill -9."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import nio

from bot.app import running_bot
from bot.demo.people import Person, body
from storage import pending
from storage.engine import create_engine, session_factory
from tests.integration.conftest import PASSWORD, World
from tests.integration.test_restart import bot_process, write_config

Deliver = Callable[[], Awaitable[None]]


async def hold_back_room_key(person: Person, room_id: str) -> Deliver:
    """Start a new megolm session in ``room_id`` whose key is encrypted for every member's
    device but not sent yet: what ``person`` says next cannot be decrypted until the
    returned function delivers the key (as a client whose to-device message is late)."""
    client = person.client
    assert client.olm is not None
    room = client.rooms[room_id]
    if not room.members_synced:
        await client.joined_members(room_id)
    if client.should_query_keys:
        await client.keys_query()
    missing = client.get_missing_sessions(room_id)
    if missing:
        await client.keys_claim(missing)
    held = list(
        client.olm.share_group_session_parallel(
            room_id, list(room.users), ignore_unverified_devices=True
        )
    )
    assert any(recipients for recipients, _ in held), "nobody to share the key with"
    client.olm.outbound_group_sessions[room_id].shared = True  # send with it, unshared

    async def deliver() -> None:
        for _, to_device in held:
            for user_id, devices in to_device["messages"].items():
                for device_id, content in devices.items():
                    message = nio.ToDeviceMessage("m.room.encrypted", user_id, device_id, content)
                    response = await client.to_device(message)
                    assert isinstance(response, nio.ToDeviceResponse), response

    return deliver


async def encrypted_room(world: World, folder: Path) -> tuple[Person, str]:
    """The coordinator on an encrypting device, alone in a new encrypted room."""
    coordinator = Person(
        world.homeserver.url, world.ids["koordination"], PASSWORD, store=folder / "coord"
    )
    await coordinator.login()
    coordinator.listen()
    room = await coordinator.create_room("Späte Schlüssel", invite=[], encrypted=True)
    return coordinator, room


async def invite_and_talk(world: World, coordinator: Person, room: str) -> None:
    """Invite the bot and exchange one command: keys and sessions are set up both ways."""
    bot = world.ids["koopbot"]
    await coordinator.invite(room, bot)
    await coordinator.wait_for(
        lambda e: e.get("room_id") == room and e.get("state_key") == bot
        and e.get("content", {}).get("membership") == "join",
        timeout=60,
    )  # fmt: skip
    first = await coordinator.say(room, "!kontakte")
    assert not (await coordinator.reply_to(first, timeout=60)).get("undecryptable")


class KeptLog(logging.Handler):
    """Records the events the bot logs as kept for a retry, from the moment it is added
    (the bot may log before the sender's request has returned)."""

    def __init__(self) -> None:
        super().__init__()
        self.kept: set[str] = set()
        self.changed = asyncio.Event()
        self.loop = asyncio.get_running_loop()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("could not decrypt"):
            self.kept.add(record.getMessage().split()[3])
            self.loop.call_soon_threadsafe(self.changed.set)

    async def wait_for(self, event_id: str, timeout: float = 30) -> None:
        async with asyncio.timeout(timeout):
            while event_id not in self.kept:
                self.changed.clear()
                await self.changed.wait()


@asynccontextmanager
async def watching(logger: str) -> AsyncIterator[KeptLog]:
    handler = KeptLog()
    logging.getLogger(logger).addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger(logger).removeHandler(handler)


async def test_a_late_key_is_used_at_once_while_nobody_writes(world: World, tmp_path: Path) -> None:
    coordinator, room = await encrypted_room(world, tmp_path)
    try:
        async with (
            running_bot(world.settings(room, tmp_path / "bot")),
            watching("bot.matrix") as kept,
        ):
            await invite_and_talk(world, coordinator, room)
            deliver = await hold_back_room_key(coordinator, room)
            command = await coordinator.say(room, "!status")
            await kept.wait_for(command)  # the message reached the bot before its key
            await deliver()
            reply = await coordinator.reply_to(command, timeout=10)
        assert body(reply).startswith("koopbot") and len(coordinator.replies_to(command)) == 1
    finally:
        await coordinator.close()


async def stored(url: str, event_id: str, timeout: float = 30) -> None:
    """Wait until the bot process stored ``event_id`` as undecryptable (with its position)."""
    engine = create_engine(url)
    sessions = session_factory(engine)
    try:
        async with asyncio.timeout(timeout):
            while True:
                async with sessions() as session:
                    if event_id in {row.event_id for row in await pending.all_kept(session)}:
                        return
                await asyncio.sleep(0.1)  # another process: no event to wait on
    finally:
        await engine.dispose()


async def waiting(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            return [row.event_id for row in await pending.all_kept(session)]
    finally:
        await engine.dispose()


async def stop_with_a_command_waiting(
    process: asyncio.subprocess.Process,
    coordinator: Person,
    room: str,
    url: str,
    text: str,
    stop: signal.Signals,
) -> tuple[str, Deliver]:
    """Send ``text`` without its key, wait until the bot stored it, then stop the bot."""
    deliver = await hold_back_room_key(coordinator, room)
    command = await coordinator.say(room, text)
    await stored(url, command)
    process.send_signal(stop)
    await asyncio.wait_for(process.wait(), 30)
    return command, deliver


async def test_a_key_that_arrives_while_the_bot_is_down_is_used_after_the_restart(
    world: World, tmp_path: Path
) -> None:
    coordinator, room = await encrypted_room(world, tmp_path)
    config = write_config(world, room, tmp_path, device_id="KBLATEKEYS")
    url = f"sqlite+aiosqlite:///{tmp_path / 'koopbot.db'}"
    log = tmp_path / "bot.log"
    try:
        async with bot_process(config, log) as process:
            await invite_and_talk(world, coordinator, room)
            stopped, deliver = await stop_with_a_command_waiting(
                process, coordinator, room, url, "!status", signal.SIGTERM
            )
        await deliver()
        async with bot_process(config, log) as process:
            # Nobody writes: the key that came while the bot was down is all it gets.
            await coordinator.reply_to(stopped, timeout=30)
            killed, deliver = await stop_with_a_command_waiting(
                process, coordinator, room, url, "!kontakte", signal.SIGKILL
            )
        await deliver()
        async with bot_process(config, log):
            await coordinator.reply_to(killed, timeout=30)
            sentinel = await coordinator.say(room, "!status")  # handled after every late one
            await coordinator.reply_to(sentinel, timeout=30)
        counts = [len(coordinator.replies_to(command)) for command in (stopped, killed)]
        assert counts == [1, 1], (counts, log.read_text()[-3000:])
        assert await waiting(url) == []  # forgotten once handled
    finally:
        await coordinator.close()
