"""People in the room, played by real matrix-nio clients (demo, integration tests, benchmarks)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nio


class PersonError(RuntimeError):
    """A request of a played person failed."""


class Person:
    """One human user: logs in, talks, reacts, and records what arrives in their rooms."""

    def __init__(
        self,
        homeserver: str,
        user_id: str,
        password: str,
        store: Path | None = None,
        *,
        hear_self: bool = True,
    ) -> None:
        self.user_id = user_id
        self.password = password
        # Without their own messages, a person's sync is not woken by what they send.
        self._filter = None if hear_self else {"room": {"timeline": {"not_senders": [user_id]}}}
        config = nio.AsyncClientConfig(
            store_sync_tokens=False, encryption_enabled=store is not None
        )
        if store is not None:
            store.mkdir(parents=True, exist_ok=True)
        self.client = nio.AsyncClient(
            homeserver, user_id, store_path=str(store) if store else "", config=config
        )
        self.events: list[dict[str, Any]] = []
        self._waiters: set[asyncio.Event] = set()
        self._task: asyncio.Task[None] | None = None

    @property
    def name(self) -> str:
        return self.user_id.split(":", 1)[0].lstrip("@")

    async def login(self) -> None:
        response = await self.client.login(self.password, device_name=self.name)
        if not isinstance(response, nio.LoginResponse):
            raise PersonError(f"{self.user_id} could not log in: {response}")
        if self.client.should_upload_keys:
            await self.client.keys_upload()

    async def create_room(self, name: str, invite: list[str], *, encrypted: bool = False) -> str:
        state = (
            [
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            ]
            if encrypted
            else []
        )
        response = await self.client.room_create(name=name, invite=invite, initial_state=state)
        if not isinstance(response, nio.RoomCreateResponse):
            raise PersonError(f"room could not be created: {response}")
        return str(response.room_id)

    async def invite(self, room_id: str, user_id: str) -> None:
        response = await self.client.room_invite(room_id, user_id)
        if not isinstance(response, nio.RoomInviteResponse):
            raise PersonError(f"invite failed: {response}")

    async def join(self, room_id: str) -> None:
        response = await self.client.join(room_id)
        if not isinstance(response, nio.JoinResponse):
            raise PersonError(f"{self.user_id} could not join {room_id}: {response}")

    async def say(
        self, room_id: str, text: str, *, thread_root: str | None = None, txn: str | None = None
    ) -> str:
        """Send a text message (in a thread if given); returns its event id."""
        content: dict[str, Any] = {"msgtype": "m.text", "body": text}
        if thread_root:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread_root}
        return await self._send(room_id, "m.room.message", content, txn)

    async def edit(self, room_id: str, event_id: str, text: str) -> str:
        content = {
            "msgtype": "m.text",
            "body": f"* {text}",
            "m.new_content": {"msgtype": "m.text", "body": text},
            "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
        }
        return await self._send(room_id, "m.room.message", content, None)

    async def react(self, room_id: str, event_id: str, key: str) -> str:
        content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        return await self._send(room_id, "m.reaction", content, None)

    async def redact(self, room_id: str, event_id: str) -> None:
        response = await self.client.room_redact(room_id, event_id)
        if not isinstance(response, nio.RoomRedactResponse):
            raise PersonError(f"redaction failed: {response}")

    async def _send(self, room_id: str, kind: str, content: dict[str, Any], txn: str | None) -> str:
        if self.client.should_query_keys:
            await self.client.keys_query()
        response = await self.client.room_send(
            room_id, kind, content, tx_id=txn, ignore_unverified_devices=True
        )
        if not isinstance(response, nio.RoomSendResponse):
            raise PersonError(f"{self.user_id} could not send: {response}")
        return str(response.event_id)

    # -- listening -------------------------------------------------------------------

    def listen(self) -> None:
        """Start syncing in the background and record every room event."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(
                self._sync_forever(), name=f"listen-{self.name}"
            )

    async def _sync_forever(self) -> None:
        since: str | None = None
        while True:
            try:
                response = await self.client.sync(
                    timeout=10_000 if since else 0, since=since, sync_filter=self._filter
                )
            except (OSError, TimeoutError, nio.exceptions.LocalProtocolError):
                await asyncio.sleep(0.5)  # homeserver briefly away (outage tests): keep listening
                continue
            if not isinstance(response, nio.SyncResponse):
                await asyncio.sleep(0.5)
                continue
            since = response.next_batch
            await self._after_sync()
            for room_id, info in response.rooms.join.items():
                for event in info.timeline.events:
                    source = dict(event.source)
                    source["room_id"] = room_id
                    if isinstance(event, nio.MegolmEvent):
                        source["undecryptable"] = True
                    self.events.append(source)
            for room_id in response.rooms.invite:
                self.events.append({"type": "invite", "room_id": room_id})
            for waiter in self._waiters:
                waiter.set()

    async def _after_sync(self) -> None:
        with contextlib.suppress(Exception):
            if self.client.outgoing_to_device_messages:
                await self.client.send_to_device_messages()
            if self.client.should_upload_keys:
                await self.client.keys_upload()
            if self.client.should_query_keys:
                await self.client.keys_query()
            if self.client.should_claim_keys:
                await self.client.keys_claim(self.client.get_users_for_key_claiming())

    async def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 30.0
    ) -> dict[str, Any]:
        """The first recorded event matching ``predicate``, waiting for it to arrive."""
        self.listen()

        # An event per waiter, no lock: a cancelled or timed-out wait can never block the listener.
        arrived = asyncio.Event()
        self._waiters.add(arrived)
        try:
            async with asyncio.timeout(timeout):
                seen = 0
                while True:
                    for event in self.events[seen:]:
                        if predicate(event):
                            return event
                    seen = len(self.events)
                    arrived.clear()
                    if len(self.events) == seen:
                        await arrived.wait()
        finally:
            self._waiters.discard(arrived)

    async def reply_to(self, event_id: str, timeout: float = 30.0) -> dict[str, Any]:
        """The bot's reply to the message ``event_id``."""
        return await self.wait_for(lambda e: in_reply_to(e) == event_id, timeout)

    def replies_to(self, event_id: str) -> list[dict[str, Any]]:
        return [e for e in self.events if in_reply_to(e) == event_id]

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        await self.client.close()


def in_reply_to(event: dict[str, Any]) -> str | None:
    relates = event.get("content", {}).get("m.relates_to") or {}
    target = (relates.get("m.in_reply_to") or {}).get("event_id")
    return str(target) if target else None


def body(event: dict[str, Any]) -> str:
    return str(event.get("content", {}).get("body", ""))
