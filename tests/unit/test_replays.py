"""Replays and poison events: recognised before any handler runs, never a wedge, never silent.

A replay is an event the bot already acted on, delivered again because the sync position
was not saved (a crash, a failed round). A poison event fails every time it is handled.
"""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.events import Message, RoomBatch, SyncBatch
from bot.sync import SyncLoop
from commands.core.context import Context, Reply
from commands.core.roles import Role
from commands.core.router import Command, NoArgs, Router
from tests.support.chat import ROOM, USERS, Chat


class Batches:
    """A homeserver edge that serves the given batches, then long-polls forever."""

    def __init__(self, *batches: SyncBatch) -> None:
        self.batches = list(batches)
        self.drained = asyncio.Event()

    async def sync(
        self, since: str | None, timeout_ms: int, *, full_state: bool = False
    ) -> SyncBatch:
        if self.batches:
            return self.batches.pop(0)
        self.drained.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


def message(chat: Chat, event_id: str, text: str, who: str = "stadt1") -> Message:
    return Message(ROOM, event_id, USERS[who], text, chat.clock())


def batch(token: str, *events: Message) -> SyncBatch:
    return SyncBatch(next_batch=token, rooms=[RoomBatch(ROOM, events=list(events))])


async def serve(chat: Chat, *batches: SyncBatch) -> SyncLoop:
    """A new sync loop (a new process) over the chat's database, until the batches are done."""
    edge = Batches(*batches)
    loop = SyncLoop(edge, chat.dispatcher, chat.sessions, chat.settings, chat.clock)  # type: ignore[arg-type]
    task = asyncio.get_running_loop().create_task(loop.run())
    await asyncio.wait_for(edge.drained.wait(), 10)
    await chat.outbox.drain()
    await loop.finish()
    task.cancel()
    return loop


async def test_a_replayed_command_that_fails_the_second_time_is_not_run_again(chat: Chat) -> None:
    start = message(chat, "$start", "!runde start 20.12.", "koordination")
    status = message(chat, "$status", "!status")
    await serve(chat, SyncBatch(next_batch="s1"), batch("s2", start))
    assert chat.replies_to("$start")[0]["body"].startswith("Branchenrunde #1 gestartet")
    # The position "s2" was lost (a crash before it was saved): the batch comes again.
    chat.dispatcher.live = False
    await serve(chat, batch("s2", start, status))
    assert len(chat.replies_to("$start")) == 1  # not "Branchenrunde #1 ist noch offen"
    assert len(chat.replies_to("$status")) == 1  # and the batch moved on


async def test_a_replay_that_reaches_the_dispatcher_is_still_answered_once(chat: Chat) -> None:
    """Defence in depth: without the sync loop's check the error reply would collide with
    the first reply's transaction id; the first answer wins and nothing escapes."""
    event_id = await chat.send("koordination", "!runde start 20.12.")
    await chat.replay(event_id, "koordination", "!runde start 20.12.")
    assert [r["body"].splitlines()[0] for r in chat.replies_to(event_id)] == [
        "Branchenrunde #1 gestartet, Frist So., 20. Dez. 2026."
    ]


def poison_router(chat: Chat) -> Router:
    async def explode(ctx: Context, args: NoArgs) -> Reply:
        raise RuntimeError("fails every time")

    poison = Command(
        names=("gift",),
        handler=explode,
        args=NoArgs,
        role=Role.EVERYONE,
        help="status.help",
        example="!gift",
    )
    return Router([*chat.dispatcher.router.commands, poison])


async def test_a_poison_event_is_apologised_for_once_and_the_batch_moves_on(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    chat.dispatcher.router = poison_router(chat)
    poison, after = message(chat, "$gift", "!gift"), message(chat, "$after", "!status")
    with caplog.at_level(logging.ERROR, logger="koopbot.dispatch"):
        await serve(chat, SyncBatch(next_batch="s1"), batch("s2", poison, after))
        chat.dispatcher.live = False
        await serve(chat, batch("s2", poison, after))  # replayed: not run, not answered again
    (apology,) = chat.replies_to("$gift")
    assert apology["body"].startswith("Das hat leider nicht geklappt – ein interner Fehler.")
    reference = apology["body"].split("Vorgang ")[1].rstrip(").")
    failures = [r for r in caplog.records if "command failed" in r.getMessage()]
    assert len(failures) == 1 and reference in failures[0].getMessage()
    assert len(chat.replies_to("$after")) == 1


async def test_a_failure_outside_the_command_boundary_is_apologised_for_too(chat: Chat) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("the router itself fails")

    chat.dispatcher.router.parse = broken  # type: ignore[method-assign, assignment]
    await serve(chat, SyncBatch(next_batch="s1"), batch("s2", message(chat, "$x", "!status")))
    (apology,) = chat.replies_to("$x")
    assert "interner Fehler" in apology["body"]


async def test_replays_do_not_count_towards_the_rate_limit(chat: Chat) -> None:
    limit = chat.settings.limits.commands_per_minute
    earlier = [message(chat, f"$c{n}", "!kontakte") for n in range(limit)]
    await serve(chat, SyncBatch(next_batch="s1"), batch("s2", *earlier))
    new = message(chat, "$new", "!kontakte")
    chat.dispatcher._recent.clear()  # a new process: the window starts empty
    chat.dispatcher.live = False
    await serve(chat, batch("s2", *earlier, new))
    assert chat.replies_to("$new")[0]["body"].startswith("Ansprechpersonen")
    assert all(len(chat.replies_to(e.event_id)) == 1 for e in earlier)
