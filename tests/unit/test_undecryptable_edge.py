"""The Matrix edge's bookkeeping of undecryptable events, without a homeserver: every
kept event is retried after each sync, handed out until the sync loop confirms it, and
the oldest are given up beyond the cap."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import nio
import pytest

from bot import matrix
from bot.events import Message, Undecryptable
from bot.matrix import MatrixConnection
from config import MatrixSettings

ROOM = "!kooperation:test"
EMPTY_SYNC = {
    "next_batch": "s",
    "rooms": {"join": {}, "invite": {}, "leave": {}},
    "to_device": {"events": []},
    "device_lists": {"changed": [], "left": []},
    "device_one_time_keys_count": {},
}


def encrypted(event_id: str) -> Undecryptable:
    source = {
        "type": "m.room.encrypted",
        "event_id": event_id,
        "sender": "@stadt1:test",
        "origin_server_ts": 1_764_579_600_000,
        "content": {
            "algorithm": "m.megolm.v1.aes-sha2",
            "ciphertext": "…",
            "sender_key": "curve",
            "session_id": "late-session",
            "device_id": "PHONE",
        },
    }
    return Undecryptable(ROOM, event_id, source)


@pytest.fixture
async def edge(tmp_path: Path) -> AsyncIterator[MatrixConnection]:
    """A connection whose homeserver answers every sync with nothing new."""
    settings = MatrixSettings(
        homeserver="http://127.0.0.1:1",
        user_id="@koopbot:test",
        password="x",
        rooms=[ROOM],
        store_path=str(tmp_path / "store"),
    )
    connection = MatrixConnection(settings)

    async def quiet(**_: Any) -> nio.SyncResponse:
        return nio.SyncResponse.from_dict(EMPTY_SYNC)

    connection.client.sync = quiet  # type: ignore[method-assign]
    yield connection
    await connection.close()


def key_arrives(edge: MatrixConnection, monkeypatch: pytest.MonkeyPatch, event_id: str) -> None:
    """From now on ``event_id`` decrypts to ``!status``; the others still lack their key."""
    has_key, decrypt_as_before = edge._has_key, edge._decrypt

    def key(event: nio.MegolmEvent, room_id: str) -> bool:
        return event.event_id == event_id or has_key(event, room_id)

    def decrypt(event: nio.MegolmEvent, room_id: str) -> Any:
        if event.event_id != event_id:
            return decrypt_as_before(event, room_id)
        source = {**event.source, "type": "m.room.message"}
        source["content"] = {"msgtype": "m.text", "body": "!status"}
        return nio.RoomMessageText.from_dict(source)

    monkeypatch.setattr(edge, "_has_key", key)
    monkeypatch.setattr(edge, "_decrypt", decrypt)


async def test_a_key_without_news_in_the_room_hands_the_event_out_until_confirmed(
    edge: MatrixConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    edge.keep_undecryptable([encrypted("$a"), encrypted("$b")])
    assert (await edge.sync("s", 0)).rooms == []  # no key yet: nothing to hand out
    key_arrives(edge, monkeypatch, "$b")

    batch = await edge.sync("s", 0)  # the room itself has no news
    assert [e.event_id for room in batch.rooms for e in room.events] == ["$b"]
    assert isinstance(batch.rooms[0].events[0], Message) and batch.settled == ["$b"]
    again = await edge.sync("s", 0)  # the round failed: the event comes again
    assert again.settled == ["$b"] and again.rooms[0].events == batch.rooms[0].events
    edge.saved(again)
    assert (await edge.sync("s", 0)).settled == []


async def test_beyond_the_cap_the_oldest_are_given_up_once(
    edge: MatrixConnection, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(matrix, "MAX_WAITING_PER_ROOM", 2)
    edge.keep_undecryptable([encrypted("$1"), encrypted("$2"), encrypted("$3")])
    batch = await edge.sync("s", 0)
    assert batch.settled == ["$1"] and batch.rooms == []
    edge.saved(batch)
    key_arrives(edge, monkeypatch, "$1")  # too late: it was given up
    assert (await edge.sync("s", 0)).settled == []
    assert [r.getMessage() for r in caplog.records if "gave up" in r.getMessage()] == [
        "gave up on $1 in !kooperation:test: more than 2 events wait for their keys"
    ]


async def test_a_key_that_does_not_fit_gives_the_event_up_once(
    edge: MatrixConnection, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    edge.keep_undecryptable([encrypted("$a")])
    monkeypatch.setattr(edge, "_has_key", lambda event, room_id: True)  # decrypting still fails
    batch = await edge.sync("s", 0)
    assert batch.settled == ["$a"] and batch.rooms == []
    edge.saved(batch)
    assert (await edge.sync("s", 0)).settled == []
    assert sum("given up" in r.getMessage() for r in caplog.records) == 1
