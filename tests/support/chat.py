"""Drive the bot like a chat transcript, with a fake only at the network edge.

Real router, dispatcher, outbox and a real SQLite file; the fake stands in for the
homeserver and behaves like Synapse where it matters (a repeated transaction id
returns the first event instead of a second one).
"""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import all_commands, event_hooks
from bot.content import txn_id
from bot.dispatch import Dispatcher
from bot.events import Message, Reaction, Redaction
from bot.outbox import Outbox
from bot.posting import Posting
from commands.core.catalogue import Catalogue
from commands.core.context import Runtime
from commands.core.router import Router
from config import MatrixSettings, Partner, Settings
from storage.engine import SessionFactory

ROOM = "!kooperation:test"
#: The bot's store folder in tests (spooled exports go to its ``outgoing``), never the cwd.
STORE = tempfile.mkdtemp(prefix="koopbot-test-store-")
BOT = "@koopbot:test"
USERS = {
    "stadt1": "@stadt1:test",
    "stadt2": "@stadt2:test",
    "agentur1": "@agentur1:test",
    "jobcenter1": "@jobcenter1:test",
    "koordination": "@koordination:test",
    "gast": "@gast:test",
}


def make_settings(**overrides: Any) -> Settings:
    """The three partners of the declaration, one coordinator, and a guest who is neither."""
    values: dict[str, Any] = {
        "language": "de",
        "coordinators": [USERS["koordination"]],
        "matrix": MatrixSettings(homeserver="http://127.0.0.1:1", user_id=BOT, password="x",
                                 rooms=[ROOM], store_path=STORE),
        "partners": [
            Partner(id="stadt", name="Landeshauptstadt Magdeburg", short_name="Stadt",
                    members=[USERS["stadt1"], USERS["stadt2"]], contact=USERS["stadt1"]),
            Partner(id="agentur", name="Agentur für Arbeit Magdeburg", short_name="Agentur",
                    members=[USERS["agentur1"]], contact=USERS["agentur1"]),
            Partner(id="jobcenter", name="Jobcenter Magdeburg", short_name="Jobcenter",
                    members=[USERS["jobcenter1"]], contact=USERS["jobcenter1"]),
        ],
        "display_names": {USERS["stadt1"]: "Anna Schulz", USERS["agentur1"]: "Bernd Krüger",
                          USERS["jobcenter1"]: "Carla Vogt"},
    }  # fmt: skip
    values.update(overrides)
    return Settings(**values)


class FakeClock:
    """An injected clock that moves only when a test says so."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class FakeHomeserver:
    """Records sends; a repeated transaction id returns the first event (as Synapse does)."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    uploads: dict[str, bytes] = field(default_factory=dict)
    upload_limit: int | None = None  # m.upload.size of the media config (None: unknown)
    failures: int = 0  # the next N sends fail transiently
    _by_txn: dict[str, str] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    async def send(self, room_id: str, content: dict[str, Any], txn: str) -> str:
        from bot.matrix import TransientError

        if self.failures:
            self.failures -= 1
            raise TransientError("homeserver unreachable (fake)")
        if txn in self._by_txn:
            return self._by_txn[txn]
        event_id = f"$bot{next(self._ids)}"
        self._by_txn[txn] = event_id
        self.sent.append(
            {"room_id": room_id, "event_id": event_id, "txn_id": txn, "content": content}
        )
        return event_id

    async def upload(
        self, room_id: str, name: str, mimetype: str, data: bytes | Path
    ) -> dict[str, Any]:
        from bot.matrix import PermanentError

        content = _read(data)
        if self.upload_limit is not None and len(content) > self.upload_limit:
            raise PermanentError("upload failed: M_TOO_LARGE (fake)")
        url = f"mxc://test/{len(self.uploads)}"
        self.uploads[url] = content
        return {"url": url}


class Chat:
    """``await chat.send("stadt1", "!hilfe")`` then look at ``chat.last``."""

    def __init__(self, settings: Settings, sessions: SessionFactory, clock: FakeClock) -> None:
        self.settings = settings
        self.sessions = sessions
        self.clock = clock
        self.homeserver = FakeHomeserver()
        self.outbox = Outbox(self.homeserver, sessions, clock, first_backoff=0.001)
        #: Builds the outbox rows; a test's ``Waker`` takes it for timed posts.
        self.posting = Posting(
            Catalogue(settings.language), clock, upload_limit=lambda: self.homeserver.upload_limit
        )
        self.dispatcher = Dispatcher(
            settings=settings,
            router=Router(all_commands()),
            sessions=sessions,
            clock=clock,
            runtime=Runtime(version="test", started_at=clock(), backend=settings.storage.backend),
            rooms={ROOM},
            push=self.outbox.push,
            posting=self.posting,
            hooks=event_hooks(settings),
            send_first=self.outbox.send_first,
            live=True,  # a bot that is running, past its first batch
        )
        self._ids = itertools.count()

    def user(self, name: str) -> str:
        return USERS.get(name, name)

    async def send(
        self, who: str, text: str, *, thread: str | None = None, edit: bool = False
    ) -> str:
        """Post ``text`` as ``who`` and let the bot handle it and send its replies."""
        event_id = f"$cmd{next(self._ids)}"
        message = Message(
            ROOM, event_id, self.user(who), text, self.clock(), thread_root=thread, is_edit=edit
        )
        await self.dispatcher.handle(message)
        await self.outbox.drain()
        return event_id

    async def replay(self, event_id: str, who: str, text: str) -> None:
        """Deliver the same event again (as after a restart without a saved position)."""
        await self.dispatcher.handle(Message(ROOM, event_id, self.user(who), text, self.clock()))
        await self.outbox.drain()

    async def react(self, who: str, target: str, key: str) -> str:
        event_id = f"$react{next(self._ids)}"
        await self.dispatcher.handle(
            Reaction(ROOM, event_id, self.user(who), target, key, self.clock())
        )
        await self.outbox.drain()
        return event_id

    async def redact(self, who: str, target: str) -> None:
        event_id = f"$redact{next(self._ids)}"
        await self.dispatcher.handle(
            Redaction(ROOM, event_id, self.user(who), target, self.clock())
        )
        await self.outbox.drain()

    @property
    def sent(self) -> list[dict[str, Any]]:
        return self.homeserver.sent

    @property
    def last(self) -> str:
        """The plain body of the bot's last message."""
        return str(self.sent[-1]["content"]["body"])

    @property
    def last_html(self) -> str:
        return str(self.sent[-1]["content"]["formatted_body"])

    def replies_to(self, event_id: str) -> list[dict[str, Any]]:
        return [
            m["content"]
            for m in self.sent
            if (m["content"].get("m.relates_to") or {}).get("m.in_reply_to", {}).get("event_id")
            == event_id
        ]


__all__ = ["BOT", "ROOM", "USERS", "Chat", "FakeClock", "FakeHomeserver", "make_settings", "txn_id"]


def _read(data: bytes | Path) -> bytes:
    """What an upload carries: the bytes, or the spooled file's content."""
    return data.read_bytes() if isinstance(data, Path) else data
