"""Shutting down lets the work under way finish (a batch, a wake-up), so no transaction
is cut off and no connection is left to the garbage collector."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.events import Message, RoomBatch, SyncBatch
from bot.scheduler import Waker
from bot.sync import SyncLoop
from commands.core.context import ScheduledPost
from storage import core
from tests.support.chat import ROOM, USERS, Chat


class OneBatch:
    """A homeserver edge with one batch holding one command, then nothing but long polls."""

    def __init__(self, chat: Chat) -> None:
        self.calls = 0
        self.chat = chat
        self.polling = asyncio.Event()

    async def sync(
        self, since: str | None, timeout_ms: int, *, full_state: bool = False
    ) -> SyncBatch:
        self.calls += 1
        if self.calls == 1:
            return SyncBatch(next_batch="s1")  # the first start: history is not answered
        if self.calls == 2:
            command = Message(ROOM, "$cmd", USERS["stadt1"], "!status", self.chat.clock())
            return SyncBatch(next_batch="s2", rooms=[RoomBatch(ROOM, events=[command])])
        self.polling.set()
        await asyncio.Event().wait()  # a long poll that never returns
        raise AssertionError("unreachable")


async def test_finish_waits_for_the_batch_then_the_loop_ends(chat: Chat) -> None:
    edge = OneBatch(chat)
    loop = SyncLoop(edge, chat.dispatcher, chat.sessions, chat.settings, chat.clock)  # type: ignore[arg-type]
    handling, release = asyncio.Event(), asyncio.Event()
    handle = chat.dispatcher.handle

    async def slow_handle(event: Any) -> None:
        handling.set()
        await release.wait()  # the command is in the middle of its work
        await handle(event)

    chat.dispatcher.handle = slow_handle  # type: ignore[method-assign]
    task = asyncio.get_running_loop().create_task(loop.run())
    await handling.wait()
    finishing = asyncio.get_running_loop().create_task(loop.finish())
    await asyncio.sleep(0)  # one turn of the loop: let it start, not a timed wait
    assert not finishing.done()  # still handling: shutdown waits
    release.set()
    await asyncio.wait_for(finishing, 5)
    await asyncio.wait_for(task, 5)  # the loop ended by itself, no third sync
    assert edge.calls == 2 and chat.replies_to("$cmd")
    async with chat.sessions() as session:
        assert await core.get_state(session, loop.state_key) == "s2"


async def test_finish_while_waiting_for_the_homeserver_returns_at_once(chat: Chat) -> None:
    edge = OneBatch(chat)
    loop = SyncLoop(edge, chat.dispatcher, chat.sessions, chat.settings, chat.clock)  # type: ignore[arg-type]
    task = asyncio.get_running_loop().create_task(loop.run())
    await asyncio.wait_for(edge.polling.wait(), 5)
    await asyncio.wait_for(loop.finish(), 1)  # nothing in hand: cancelling is safe now
    task.cancel()


class SlowSource:
    """A due source whose run is under way until ``release`` is set."""

    def __init__(self) -> None:
        self.started, self.release = asyncio.Event(), asyncio.Event()

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        self.started.set()
        await self.release.wait()
        return []

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        return None


async def test_stopping_the_waker_lets_a_wake_up_under_way_finish(chat: Chat) -> None:
    source = SlowSource()
    waker = Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    waking = asyncio.get_running_loop().create_task(waker.wake())
    await source.started.wait()
    stopping = asyncio.get_running_loop().create_task(waker.stop())
    await asyncio.sleep(0)  # one turn of the loop: let it start, not a timed wait
    assert not stopping.done()  # the wake-up holds its transaction: stop waits
    source.release.set()
    await asyncio.wait_for(stopping, 5)
    await waking
    waker.poke()  # after stop: nothing is started any more
    await asyncio.wait_for(waker.stop(), 1)


async def test_stopping_the_waker_cancels_a_poke_still_in_its_delay(chat: Chat) -> None:
    source = SlowSource()
    waker = Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    waker.poke()
    await asyncio.wait_for(waker.stop(), 1)  # well before POKE_DELAY has passed
    assert not source.started.is_set()
