"""An encrypted command whose room key comes late is stored with the sync position,
handled once when the key arrives, and still there after a restart."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from bot.events import Message, RoomBatch, SyncBatch, Undecryptable
from bot.sync import SyncLoop
from storage import core, pending
from tests.support.chat import ROOM, USERS, Chat

LATE = Undecryptable(ROOM, "$late", {"type": "m.room.encrypted", "event_id": "$late"})


class StepEdge:
    """A homeserver edge the test hands one batch at a time.

    Each ``sync`` call first reports its ``since``: the loop asks for the next batch only
    after the previous one was handled and its position saved.
    """

    def __init__(self) -> None:
        self.asked: asyncio.Queue[str | None] = asyncio.Queue()
        self.batches: asyncio.Queue[SyncBatch] = asyncio.Queue()
        self.reloaded: list[Undecryptable] = []
        self.confirmed: list[SyncBatch] = []

    async def sync(
        self, since: str | None, timeout_ms: int, *, full_state: bool = False
    ) -> SyncBatch:
        await self.asked.put(since)
        return await self.batches.get()

    async def step(self, batch: SyncBatch) -> None:
        """Hand out ``batch`` and wait until the loop saved it."""
        self.batches.put_nowait(batch)
        assert await asyncio.wait_for(self.asked.get(), 5) == batch.next_batch

    def keep_undecryptable(self, events: Any) -> None:
        self.reloaded.extend(events)

    def saved(self, batch: SyncBatch) -> None:
        self.confirmed.append(batch)


@asynccontextmanager
async def running(chat: Chat, edge: StepEdge) -> AsyncIterator[SyncLoop]:
    """A sync loop over ``chat``'s database, waiting for its first batch."""
    loop = SyncLoop(edge, chat.dispatcher, chat.sessions, chat.settings, chat.clock)  # type: ignore[arg-type]
    task = asyncio.get_running_loop().create_task(loop.run())
    await asyncio.wait_for(edge.asked.get(), 5)
    try:
        yield loop
    finally:
        await asyncio.wait_for(loop.finish(), 5)  # waiting for the homeserver: nothing in hand
        task.cancel()


async def stored(chat: Chat) -> tuple[str | None, list[str]]:
    async with chat.sessions() as session:
        position = await core.get_state(session, f"sync_token:{chat.settings.matrix.user_id}")
        return position, [row.event_id for row in await pending.all_kept(session)]


async def test_a_late_key_finds_its_command_also_after_a_restart(chat: Chat) -> None:
    handled: list[str] = []
    handle = chat.dispatcher.handle

    async def counting(event: Any) -> None:
        handled.append(event.event_id)
        await handle(event)

    chat.dispatcher.handle = counting  # type: ignore[method-assign]

    edge = StepEdge()
    async with running(chat, edge):
        await edge.step(SyncBatch("s1"))  # the first start
        await edge.step(SyncBatch("s2", undecryptable=[LATE]))
        assert await stored(chat) == ("s2", ["$late"])  # stored with the position
        assert edge.confirmed[-1].undecryptable == [LATE]
        await edge.step(SyncBatch("s3", undecryptable=[LATE]))  # reported again: stored once
        assert await stored(chat) == ("s3", ["$late"])

    restarted = StepEdge()
    async with running(chat, restarted):
        assert restarted.reloaded == [LATE]  # handed to the connection before the first sync
        command = Message(ROOM, "$late", USERS["stadt1"], "!status", chat.clock())
        decrypted = SyncBatch("s4", rooms=[RoomBatch(ROOM, events=[command])], settled=["$late"])
        await restarted.step(decrypted)
        await chat.outbox.drain()
        assert handled == ["$late"] and len(chat.replies_to("$late")) == 1
        assert await stored(chat) == ("s4", [])  # forgotten with the position
        assert restarted.confirmed[-1].settled == ["$late"]


async def test_only_what_the_bot_would_answer_is_kept(chat: Chat) -> None:
    edge = StepEdge()
    elsewhere = Undecryptable("!other:test", "$other", {"type": "m.room.encrypted"})
    history = Undecryptable(ROOM, "$history", {"type": "m.room.encrypted"})
    async with running(chat, edge):
        await edge.step(SyncBatch("s1", undecryptable=[history]))  # the very first start
        await edge.step(SyncBatch("s2", undecryptable=[elsewhere, LATE]))
        assert await stored(chat) == ("s2", ["$late"])
    # The connection is told to stop waiting for the others.
    assert edge.confirmed[0].settled == ["$history"]
    assert edge.confirmed[1].settled == ["$other"]
