"""Commands that only read: their reply goes out first and is recorded after, exactly once.

``Command.reads_only`` lets the dispatcher skip writing the reply before sending it
(``Outbox.send_first``). That is safe only if the handler really writes nothing, so every
such command is run here against a room with something in every feature, and the
statements it makes are checked. Then the order of sending and recording, a failed send,
a replayed event, a busy outbox and the first batch after a start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.events import Message
from commands.core.errors import CommandError
from commands.core.roles import identify
from storage import core
from storage.core import OutboxMessage
from tests.support.chat import ROOM, Chat

#: Something in every feature, so the reading handlers take their longer paths.
BUSY_ROOM = (
    ("koordination", '!termin neu 08.12.2026 10:00 Koordinierungsrunde wiederholung="jeden '
     'zweiten Dienstag im Monat"'),
    ("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik"),
    ("koordination", "!runde start 07.12.2026"),
    ("stadt1", "!branche melden C wachsend Aufträge ziehen an"),
    ("stadt1", "!pm entwurf Gemeinsam für Fachkräfte frist=08.12.2026\nDie Partner starten."),
    ("stadt1", "!beschluss Qualifizierungsoffensive Logistik verantwortlich=@agentur1:test"),
    ("stadt1", "!info Neue Förderrichtlinie Weiterbildung"),
    ("koordination", "!kontakte setzen agentur @agentur1:test"),
)  # fmt: skip


async def busy(chat: Chat) -> None:
    for who, text in BUSY_ROOM:
        await chat.send(who, text)
        assert "Bitte" not in chat.last, (text, chat.last)


def reading_commands(chat: Chat) -> list[Any]:
    return [command for command in chat.dispatcher.router.commands if command.reads_only]


async def test_every_reading_command_only_reads(chat: Chat, sqlite_engine: AsyncEngine) -> None:
    await busy(chat)
    statements: list[str] = []

    def record(_conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    commands = reading_commands(chat)
    assert {c.full_name for c in commands} >= {"status", "hilfe", "termine", "beschlüsse"}
    event.listen(sqlite_engine.sync_engine, "before_cursor_execute", record)
    try:
        for command in commands:
            for who in ("koordination", "stadt1"):
                invocation = chat.dispatcher.router.parse(command.example)
                assert invocation is not None and invocation.command is command, command.example
                async with chat.sessions() as session:
                    message = Message(ROOM, "$lesen", chat.user(who), command.example, chat.clock())
                    ctx = chat.dispatcher._context(
                        session, message, identify(chat.settings, message.sender)
                    )
                    # A clear answer ("no such meeting") is a reading outcome too.
                    with contextlib.suppress(CommandError):
                        await command.handler(ctx, invocation.args)
                    assert not (session.new or session.dirty or session.deleted), command.example
    finally:
        event.remove(sqlite_engine.sync_engine, "before_cursor_execute", record)
    writes = [s for s in statements if not s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert statements and writes == []


async def outbox_row(chat: Chat, txn_id: str) -> OutboxMessage | None:
    async with chat.sessions() as session:
        return await session.scalar(select(OutboxMessage).where(OutboxMessage.txn_id == txn_id))


def watch_sends(chat: Chat) -> list[bool]:
    """For every send: was its outbox row already stored at that moment?"""
    stored: list[bool] = []
    send = chat.homeserver.send

    async def checking(room_id: str, content: dict[str, Any], txn: str) -> str:
        stored.append(await outbox_row(chat, txn) is not None)
        return await send(room_id, content, txn)

    chat.homeserver.send = checking  # type: ignore[method-assign]
    return stored


async def test_a_reading_reply_is_sent_first_and_recorded_as_sent(chat: Chat) -> None:
    stored = watch_sends(chat)
    event_id = await chat.send("stadt1", "!status")
    await chat.send("koordination", "!kontakte setzen agentur @agentur1:test")
    assert stored == [False, True]  # !status first sent; a writing command first recorded
    row = chat.sent[0]
    recorded = await outbox_row(chat, row["txn_id"])
    assert recorded is not None and recorded.sent_at is not None
    assert recorded.event_id == row["event_id"] and chat.replies_to(event_id)


async def test_before_the_first_batch_is_saved_replies_are_recorded_first(chat: Chat) -> None:
    chat.dispatcher.live = False  # events may be replays of an earlier run
    stored = watch_sends(chat)
    await chat.send("stadt1", "!status")
    assert stored == [True]


async def test_a_reading_reply_that_cannot_be_sent_yet_is_retried_once(chat: Chat) -> None:
    chat.homeserver.failures = 2
    event_id = await chat.send("stadt1", "!termine")
    assert len(chat.replies_to(event_id)) == 1
    recorded = await outbox_row(chat, chat.sent[0]["txn_id"])
    assert recorded is not None and recorded.sent_at is not None


async def test_a_replayed_reading_command_is_answered_once(chat: Chat) -> None:
    event_id = await chat.send("stadt1", "!status")
    await chat.replay(event_id, "stadt1", "!status")
    assert len(chat.replies_to(event_id)) == 1
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


async def test_a_reading_reply_waits_behind_what_is_queued(chat: Chat) -> None:
    stored = watch_sends(chat)
    text = "!kontakte setzen agentur @agentur1:test"
    await chat.dispatcher.handle(
        Message(ROOM, "$erst", chat.user("koordination"), text, chat.clock())
    )
    # The first reply is committed and queued, not sent yet (the outbox task has not run).
    await chat.dispatcher.handle(
        Message(ROOM, "$dann", chat.user("stadt1"), "!status", chat.clock())
    )
    await chat.outbox.drain()
    assert [in_reply_to(m) for m in chat.sent] == ["$erst", "$dann"]
    assert stored == [True, True]  # !status took the recorded path behind it


def in_reply_to(message: dict[str, Any]) -> str:
    return str(message["content"]["m.relates_to"]["m.in_reply_to"]["event_id"])


async def test_a_reply_that_went_out_is_not_followed_by_an_apology(
    chat: Chat, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Storing a sent reply fails (disk full, say): the room sees the answer, nothing else.

    (An apology would carry the reply's transaction id and be swallowed by the homeserver;
    the bot must not even try, and must log what happened.)
    """

    async def failing(session: AsyncSession, messages: Sequence[OutboxMessage]) -> None:
        raise OperationalError("INSERT INTO outbox", {}, Exception("disk I/O error"))

    monkeypatch.setattr(core, "store_outbox", failing)  # storing the reply fails
    event_id = await chat.send("stadt1", "!status")
    assert len(chat.sent) == 1 and chat.replies_to(event_id)
    assert chat.last.startswith("koopbot")
    logged = [record.getMessage() for record in caplog.records]
    assert f"reply to {event_id} sent but not stored" in logged
    assert not any(text.startswith("command failed") for text in logged)


async def test_a_user_mistake_on_a_reading_command_is_answered_first_and_once(
    chat: Chat,
) -> None:
    """``!termin 99`` (no such meeting) changes nothing, like the command's answers: the
    friendly error goes out before it is stored, and a replay gets no second answer."""
    stored = watch_sends(chat)
    event_id = await chat.send("stadt1", "!termin 99")
    assert stored == [False]  # sent first, stored after
    assert len(chat.replies_to(event_id)) == 1 and "99" in chat.last
    recorded = await outbox_row(chat, chat.sent[0]["txn_id"])
    assert recorded is not None and recorded.sent_at is not None
    await chat.replay(event_id, "stadt1", "!termin 99")
    assert len(chat.replies_to(event_id)) == 1
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
