"""What a command handler gets (Context) and returns (Reply)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.core.markup import Doc, Mention
from commands.core.roles import Identity
from commands.core.router import Command
from config import Settings

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Attachment:
    """A file uploaded to the room with the reply (exports, .ics): its bytes, or – for a
    file of any length (exports) – a file on disk that is uploaded from there
    (``commands.export.spool``)."""

    filename: str
    mimetype: str
    data: bytes = b""
    path: Path | None = None
    #: A picture's (width, height) in pixels: it is sent as ``m.image``, ``alt`` its body
    #: (the picture said in words, for screen readers and text-only clients).
    image: tuple[int, int] | None = None
    alt: str = ""

    @property
    def size(self) -> int:
        return self.path.stat().st_size if self.path is not None else len(self.data)


@dataclass
class Reply:
    """A handler's answer: the reply document, an optional file, extra room posts."""

    doc: Doc
    attachment: Attachment | None = None
    purpose: str = "reply"  # lets a feature find the sent event later (e.g. "pm:3:2")


@dataclass(frozen=True)
class ScheduledPost:
    """A message a timed job wants in a room; ``cause`` makes its transaction id stable."""

    room_id: str
    reply: Reply
    cause: tuple[object, ...]
    #: When it was due: a post that leaves on time but reaches the room later than
    #: ``LATE_AFTER`` (the homeserver was away) says so (``bot.outbox``).
    due_at: datetime | None = None


class DueSource(Protocol):
    """Something with due times (reminders, deadlines). The database decides what is due."""

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None: ...

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]: ...


@dataclass(frozen=True)
class Runtime:
    """Facts about the running service, for ``!status``; ``room_name``: a room's name as
    the homeserver last told it (None if it has none or is not known)."""

    version: str
    started_at: datetime
    backend: str
    room_name: Callable[[str], str | None] = field(default=lambda _room_id: None)


@dataclass
class Context:
    """One command invocation: its storage session, who sent it, where, and when."""

    session: AsyncSession
    settings: Settings
    texts: Catalogue
    dates: DateFormatter
    now: datetime
    room_id: str
    event_id: str
    sender: Identity
    commands: Sequence[Command]
    runtime: Runtime
    posts: list[Reply] = field(default_factory=list)

    def t(self, key: str, **params: object) -> str:
        return self.texts.t(key, **params)

    def post(self, reply: Reply) -> None:
        """Post a further top-level message after the reply (an announcement)."""
        self.posts.append(reply)

    def mention(self, user_id: str) -> Mention:
        """A pill for ``user_id`` named by the configured display name or its localpart."""
        return mention_for(self.settings, user_id)


def mention_for(settings: Settings, user_id: str) -> Mention:
    name = settings.display_names.get(user_id) or user_id.split(":", 1)[0].lstrip("@")
    return Mention(user_id, name)
