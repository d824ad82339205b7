"""A message stuck in the outbox is never silent.

The homeserver refuses sends for a while; each refused attempt moves the injected clock on,
as a real outage would. After ``limits.outbox_alert`` the log gets one ERROR per stuck
message (room, purpose, the last error) and, when it finally goes out, one line saying so.
Coordinators see in ``!status`` how many of the room's messages wait, and since when.
"""

from __future__ import annotations

import itertools
import logging
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.events import Message
from bot.matrix import PermanentError
from bot.outbox import STUCK_AFTER, Outbox
from config.settings import LimitSettings
from storage.engine import session_factory
from tests.support.chat import ROOM, Chat, make_settings

REFUSED = "homeserver unreachable (fake)"
_WAITING = itertools.count()


def outage(chat: Chat, attempts: int, *, then_permanent: bool = False) -> None:
    """The next ``attempts`` sends fail, each taking a minute of the clock; with
    ``then_permanent`` the send after them fails for good."""
    chat.homeserver.failures = attempts
    chat.outbox.max_backoff = chat.outbox.first_backoff  # retries at once: the clock is fake
    send = chat.homeserver.send

    async def slow(room_id: str, content: dict[str, Any], txn: str) -> str:
        failing = chat.homeserver.failures > 0
        if failing:
            chat.clock.advance(minutes=1)
        elif then_permanent:
            raise PermanentError("M_FORBIDDEN (fake)")
        return await send(room_id, content, txn)

    chat.homeserver.send = slow  # type: ignore[method-assign]


def outbox_lines(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "bot.outbox" and record.levelno == level
    ]


async def test_a_stuck_message_is_logged_once_with_room_purpose_and_reason(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    outage(chat, 15)
    event_id = await chat.send("stadt1", "!kontakte")
    assert len(chat.replies_to(event_id)) == 1
    assert outbox_lines(caplog, logging.ERROR) == [
        f"outbox #1 stuck for 10 min in {ROOM} (reply): {REFUSED}"
    ]
    assert outbox_lines(caplog, logging.WARNING)[-1] == "outbox #1 sent after 15 min"


async def test_nothing_is_logged_as_stuck_before_the_threshold(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    outage(chat, 9)
    await chat.send("stadt1", "!kontakte")
    assert outbox_lines(caplog, logging.ERROR) == []
    assert not any("sent after" in line for line in outbox_lines(caplog, logging.WARNING))


async def test_messages_behind_a_stuck_one_name_it(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    for event_id, who, text in (
        ("$erst", "koordination", "!kontakte setzen agentur @agentur1:test"),
        ("$dann", "stadt1", "!kontakte"),
    ):
        await chat.dispatcher.handle(Message(ROOM, event_id, chat.user(who), text, chat.clock()))
    outage(chat, 12)
    await chat.outbox.drain()
    assert outbox_lines(caplog, logging.ERROR) == [
        f"outbox #1 stuck for 10 min in {ROOM} (reply): {REFUSED}",
        f"outbox #2 stuck for 10 min in {ROOM} (reply): waiting behind outbox #1: {REFUSED}",
    ]
    sent = [line for line in outbox_lines(caplog, logging.WARNING) if "sent after" in line]
    assert sent == ["outbox #1 sent after 12 min", "outbox #2 sent after 12 min"]


async def test_a_stuck_message_that_fails_for_good_is_not_reported_as_sent(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    outage(chat, 11, then_permanent=True)
    await chat.send("stadt1", "!kontakte")
    errors = outbox_lines(caplog, logging.ERROR)
    assert errors == [
        f"outbox #1 stuck for 10 min in {ROOM} (reply): {REFUSED}",
        "outbox #1 cannot be sent: M_FORBIDDEN (fake)",
    ]
    assert not any("sent after" in line for line in outbox_lines(caplog, logging.WARNING))


async def test_the_threshold_comes_from_the_configuration(
    chat: Chat, caplog: pytest.LogCaptureFixture
) -> None:
    limits = make_settings(limits=LimitSettings(outbox_alert="3m")).limits
    assert limits.outbox_alert_delta == timedelta(minutes=3)
    assert make_settings().limits.outbox_alert_delta == STUCK_AFTER == timedelta(minutes=10)
    chat.outbox = Outbox(
        chat.homeserver, chat.sessions, chat.clock, first_backoff=0.001,
        stuck_after=limits.outbox_alert_delta,
    )  # fmt: skip
    chat.dispatcher.push = chat.outbox.push
    chat.dispatcher.send_first = chat.outbox.send_first
    outage(chat, 4)
    await chat.send("stadt1", "!kontakte")
    assert outbox_lines(caplog, logging.ERROR) == [
        f"outbox #1 stuck for 3 min in {ROOM} (reply): {REFUSED}"
    ]


async def queue_unsent(chat: Chat, *texts: str) -> None:
    """Commands handled and their replies committed, but not sent yet (no drain). The
    first must change something: a reading command's reply goes out at once while
    nothing is queued."""
    for text in texts:
        event_id = f"$wartet{next(_WAITING)}"
        message = Message(ROOM, event_id, chat.user("koordination"), text, chat.clock())
        await chat.dispatcher.handle(message)


async def test_a_coordinator_sees_what_waits_in_the_outbox(chat: Chat) -> None:
    await chat.send("koordination", "!status")
    assert "Ausgang: leer" in chat.last.splitlines()

    await queue_unsent(chat, "!kontakte setzen agentur @agentur1:test")
    chat.clock.advance(minutes=12, seconds=30)
    await queue_unsent(chat, "!kontakte setzen stadt @stadt1:test", "!kontakte")
    status = await chat.send("koordination", "!status")  # waits behind them
    reply = chat.replies_to(status)[0]["body"].splitlines()
    assert reply[1:3] == [
        "Speicher: SQLite",
        "Ausgang: 3 Nachrichten warten, die älteste seit 12 Min.",
    ]


async def test_one_waiting_message_and_english(sqlite_engine: AsyncEngine, clock: Any) -> None:
    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    await queue_unsent(chat, "!contacts set agentur @agentur1:test")
    clock.advance(hours=1, minutes=4)
    status = await chat.send("koordination", "!status")
    assert "Outbox: 1 message waiting for 1 hr 4 min" in chat.replies_to(status)[0]["body"]


async def test_partners_and_guests_do_not_see_the_outbox(chat: Chat) -> None:
    await queue_unsent(chat, "!kontakte setzen agentur @agentur1:test")
    for who in ("stadt1", "gast"):
        status = await chat.send(who, "!status")
        assert "Ausgang" not in chat.replies_to(status)[0]["body"]
    status = await chat.send("koordination", "!status")
    assert "Ausgang: leer" in chat.replies_to(status)[0]["body"]  # all went out by now
