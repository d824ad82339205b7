"""A homeserver that outlives the bot's processes, and the bot's connection to it.

The crash harness starts and abandons bot "processes" against one :class:`FakeServer`,
which keeps what a real homeserver keeps across a bot's crash: the room timelines, the
sync stream, and the transaction ids it has seen per device (a repeated transaction id
returns the first event, as Synapse does). :class:`FakeConnection` stands in for
``bot.matrix.MatrixConnection`` and reproduces the client-side trap that lost reminders
in quiet rooms: like nio with encryption enabled, it refuses to send to a room that no
sync of *this process* has named yet. A ``full_state`` sync names every joined room.
"""

from __future__ import annotations

import asyncio
import copy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.events import Message, Reaction, Redaction, RoomBatch, RoomEvent, SyncBatch
from bot.matrix import TransientError
from config import MatrixSettings


@dataclass
class Posted:
    """One event in a room's timeline at a stream position."""

    position: int
    room_id: str
    event_id: str
    sender: str
    event: RoomEvent | None = None  # what a person did (None for the bot's own messages)
    content: dict[str, Any] | None = None  # what the bot sent


@dataclass
class FakeServer:
    """Timelines, one sync stream, per-device transaction memory; survives bot crashes."""

    bot: str
    rooms: set[str]
    timeline: list[Posted] = field(default_factory=list)
    transactions: dict[tuple[str, str], str] = field(default_factory=dict)
    uploads: dict[str, bytes] = field(default_factory=dict)
    upload_limit: int | None = None  # m.upload.size of the media config (None: unknown)
    _next_id: int = 1
    _news: asyncio.Event | None = field(default=None, repr=False)

    def copy(self) -> FakeServer:
        """A snapshot for another run (a template's state, never shared between runs)."""
        twin = copy.copy(self)
        twin.timeline = list(self.timeline)
        twin.transactions = dict(self.transactions)
        twin.uploads = dict(self.uploads)
        twin._news = None
        return twin

    @property
    def head(self) -> int:
        return len(self.timeline)

    def news(self) -> asyncio.Event:
        if self._news is None:
            self._news = asyncio.Event()
        return self._news

    def _append(self, room_id: str, sender: str, make: Any) -> Posted:
        event_id, self._next_id = f"$srv{self._next_id}", self._next_id + 1
        posted = make(Posted(self.head + 1, room_id, event_id, sender))
        self.timeline.append(posted)
        if sender != self.bot:
            # The bot's own messages wake no long poll here: they would only give it empty
            # batches, as many as the timing of its sends makes, and a crash point counted
            # in batches must be passed as often in every run.
            news, self._news = self.news(), None
            news.set()
        return posted

    def people_after(self, position: int) -> bool:
        """Whether anyone but the bot posted after ``position``."""
        return any(p.event is not None for p in self.timeline[position:])

    # -- what people do ----------------------------------------------------------------

    def say(self, room_id: str, sender: str, body: str, at: datetime) -> str:
        def make(p: Posted) -> Posted:
            p.event = Message(room_id, p.event_id, sender, body, at)
            return p

        return self._append(room_id, sender, make).event_id

    def react(self, room_id: str, sender: str, target: str, key: str, at: datetime) -> str:
        def make(p: Posted) -> Posted:
            p.event = Reaction(room_id, p.event_id, sender, target, key, at)
            return p

        return self._append(room_id, sender, make).event_id

    def redact(self, room_id: str, sender: str, target: str, at: datetime) -> str:
        def make(p: Posted) -> Posted:
            p.event = Redaction(room_id, p.event_id, sender, target, at)
            return p

        return self._append(room_id, sender, make).event_id

    # -- what the bot does -----------------------------------------------------------------

    def send(self, device: str, room_id: str, content: dict[str, Any], txn: str) -> str:
        known = self.transactions.get((device, txn))
        if known is not None:
            return known

        def make(p: Posted) -> Posted:
            p.content = content
            return p

        event_id = self._append(room_id, self.bot, make).event_id
        self.transactions[(device, txn)] = event_id
        return event_id

    def bot_messages(self, since: int = 0) -> list[Posted]:
        return [p for p in self.timeline[since:] if p.content is not None]

    def replies_to(self, event_id: str) -> list[dict[str, Any]]:
        return [
            p.content
            for p in self.bot_messages()
            if p.content is not None
            and (p.content.get("m.relates_to") or {}).get("m.in_reply_to", {}).get("event_id")
            == event_id
        ]


class FakeConnection:
    """One process's client: what ``bot.matrix.MatrixConnection`` offers the bot."""

    def __init__(self, server: FakeServer, settings: MatrixSettings) -> None:
        self.server = server
        self.settings = settings
        self.synced = asyncio.Event()
        self.known_rooms: set[str] = set()  # as nio's client.rooms: only what a sync named
        self.dead = False
        #: Where a long poll waits for news (None while the bot works on a batch), and an
        #: event set while it waits: a fresh one after every wake-up.
        self.parked_at: int | None = None
        self.parked = asyncio.Event()

    @property
    def user_id(self) -> str:
        return self.settings.user_id

    @property
    def device_id(self) -> str:
        return self.settings.device_id or "FAKEDEVICE"

    async def _alive(self) -> None:
        if self.dead:  # the process is gone: nothing of it reaches the server any more
            await asyncio.Event().wait()

    async def login(self) -> None:
        await self._alive()

    async def close(self) -> None:
        self.dead = True

    async def resolve(self, reference: str) -> str:
        return reference

    async def join(self, room_id: str) -> None:
        await self._alive()
        self.server.rooms.add(room_id)

    def is_encrypted(self, room_id: str) -> bool:
        return False

    def can_redact(self, room_id: str) -> bool:
        return False  # the bot of the crash runs is an ordinary member

    def room_name(self, room_id: str) -> str | None:
        return None  # the rooms of the crash runs have no name: shown by their id

    def keep_undecryptable(self, events: Any) -> None:
        """Nothing is encrypted here: no event waits for a key."""

    def saved(self, batch: SyncBatch) -> None:
        """Nothing kept, nothing to confirm."""

    async def sync(
        self, since: str | None, timeout_ms: int, *, full_state: bool = False
    ) -> SyncBatch:
        await self._alive()
        start = int(since) if since is not None else None
        if start is not None and not full_state and not self.server.people_after(start):
            news = self.server.news()
            self.parked_at = start
            self.parked.set()
            try:
                async with asyncio.timeout(timeout_ms / 1000):
                    await news.wait()
            except TimeoutError:
                pass
            finally:
                self.parked_at, self.parked = None, asyncio.Event()
            await self._alive()
        return self._batch(start, full_state)

    def _batch(self, start: int | None, full_state: bool) -> SyncBatch:
        limit = self.settings.timeline_limit
        head = self.server.head
        batch = SyncBatch(next_batch=str(head))
        for room_id in sorted(self.server.rooms):
            posted = [
                p
                for p in self.server.timeline[start or 0 :]
                if p.room_id == room_id and p.event is not None
            ]
            if start is None and posted:
                posted = posted[-limit:]  # an initial sync shows only the latest events
            named = bool(posted) or full_state or start is None
            if not named:
                continue
            self.known_rooms.add(room_id)
            limited = len(posted) > limit
            shown = posted[-limit:]
            before = shown[0].position - 1 if shown else head
            batch.rooms.append(
                RoomBatch(
                    room_id,
                    events=[p.event for p in shown if p.event is not None],
                    limited=limited,
                    prev_batch=str(before) if limited else None,
                )
            )
        self.synced.set()
        return batch

    async def history(self, room_id: str, start: str, end: str | None) -> list[RoomEvent]:
        await self._alive()
        low = int(end) if end is not None else 0
        return [
            p.event
            for p in self.server.timeline[low : int(start)]
            if p.room_id == room_id and p.event is not None
        ]

    async def send(self, room_id: str, content: dict[str, Any], txn_id: str) -> str:
        await self._alive()
        if room_id not in self.known_rooms:
            raise TransientError(f"send not possible yet: No such room with id {room_id} found.")
        return self.server.send(self.device_id, room_id, content, txn_id)

    def upload_limit(self) -> int | None:
        return self.server.upload_limit

    async def upload(
        self, room_id: str, name: str, mimetype: str, data: bytes | Path
    ) -> dict[str, Any]:
        await self._alive()
        url = f"mxc://fake/{len(self.server.uploads) + 1}"
        self.server.uploads[url] = _read(data)
        return {"url": url}


def _read(data: bytes | Path) -> bytes:
    """What an upload carries: the bytes, or the spooled file's content."""
    return data.read_bytes() if isinstance(data, Path) else data
