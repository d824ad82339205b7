"""The events the bot acts on, free of nio types (nio stays inside bot/matrix.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Message:
    room_id: str
    event_id: str
    sender: str
    body: str
    timestamp: datetime
    thread_root: str | None = None
    is_edit: bool = False


@dataclass(frozen=True)
class Reaction:
    room_id: str
    event_id: str
    sender: str
    target: str
    key: str
    timestamp: datetime


@dataclass(frozen=True)
class Redaction:
    room_id: str
    event_id: str
    sender: str
    redacts: str
    timestamp: datetime


RoomEvent = Message | Reaction | Redaction


@dataclass(frozen=True)
class Invite:
    room_id: str
    inviter: str | None


@dataclass(frozen=True)
class Undecryptable:
    """An encrypted event whose room key has not arrived yet: its raw source, for a retry."""

    room_id: str
    event_id: str
    source: dict[str, Any]


@dataclass
class RoomBatch:
    room_id: str
    events: list[RoomEvent] = field(default_factory=list)
    limited: bool = False
    prev_batch: str | None = None


@dataclass
class SyncBatch:
    next_batch: str
    rooms: list[RoomBatch] = field(default_factory=list)
    invites: list[Invite] = field(default_factory=list)
    #: Events kept for a retry and not yet confirmed stored (``MatrixConnection.saved``).
    undecryptable: list[Undecryptable] = field(default_factory=list)
    #: Kept events no longer waiting: decrypted (and in ``rooms``) or given up.
    settled: list[str] = field(default_factory=list)
