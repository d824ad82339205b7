"""The Matrix edge: the only module that touches ``nio.AsyncClient``.

nio returns errors as values; here they become exceptions. Events become the plain
types of :mod:`bot.events`. Ready for encrypted rooms: a fixed device id and a
persistent store, keys uploaded before any join, and undecryptable events kept for a
retry when their room key arrives (the sync loop stores them, so a restart keeps them).
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import nio

from bot.events import (
    Invite,
    Message,
    Reaction,
    Redaction,
    RoomBatch,
    RoomEvent,
    SyncBatch,
    Undecryptable,
)
from config import MatrixSettings

log = logging.getLogger(__name__)
#: How long a known upload limit is trusted, and how soon an unanswered question is repeated.
MEDIA_CONFIG_FRESH = 3600.0
MEDIA_CONFIG_RETRY = 300.0
#: Undecryptable events kept per room; a sender whose keys never come cannot fill memory
#: and database, the oldest are given up first.
MAX_WAITING_PER_ROOM = 500


class MatrixError(Exception):
    """A Matrix request failed."""


class TransientError(MatrixError):
    """Worth retrying later: network trouble, a server error, a room not yet synced."""


class PermanentError(MatrixError):
    """Retrying will not help (forbidden, too large, bad login)."""


#: An outbox row whose content holds this key asks for a redaction, not a message:
#: ``{REDACTS: event_id, "reason": …}``. It goes through the outbox like every message, with
#: a transaction id derived from its cause, so a resend after a crash is deduplicated by the
#: homeserver (and redacting an event twice is harmless anyway).
REDACTS = "koopbot.redacts"


class Sender(Protocol):
    """What the outbox needs from Matrix; tests put a fake here."""

    async def send(self, room_id: str, content: dict[str, Any], txn_id: str) -> str: ...

    async def upload(
        self, room_id: str, name: str, mimetype: str, data: bytes | Path
    ) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Credentials:
    user_id: str
    device_id: str
    access_token: str


def _stamp(event: nio.Event) -> datetime:
    return datetime.fromtimestamp(event.server_timestamp / 1000, tz=UTC)


def _error(response: Any, what: str) -> MatrixError:
    status = str(getattr(response, "status_code", "") or "")
    message = f"{what} failed: {status} {getattr(response, 'message', response)}"
    permanent = status in {
        "M_FORBIDDEN",
        "M_TOO_LARGE",
        "M_NOT_FOUND",
        "M_UNKNOWN_TOKEN",
        "M_BAD_JSON",
        "413",
    }
    return PermanentError(message) if permanent else TransientError(message)


class MatrixConnection:
    """One logged-in device of the bot user."""

    def __init__(self, settings: MatrixSettings) -> None:
        self.settings = settings
        self.store = Path(settings.store_path)
        self.store.mkdir(parents=True, exist_ok=True)
        config = nio.AsyncClientConfig(
            store_sync_tokens=False,  # we persist the position ourselves, after handling
            encryption_enabled=True,
            max_limit_exceeded=None,  # honour every 429's retry_after_ms
            max_timeouts=2,  # our own loops own the longer backoff
            request_timeout=30,
        )
        self.client = nio.AsyncClient(
            settings.homeserver,
            settings.user_id,
            device_id=settings.device_id or None,
            store_path=str(self.store),
            config=config,
        )
        # Undecryptable events, oldest first, waiting for their room key.
        self._waiting: dict[str, nio.MegolmEvent] = {}
        # Newly waiting events the sync loop has not yet confirmed stored.
        self._unsaved: dict[str, Undecryptable] = {}
        # No longer waiting (decrypted, or given up: None) until the sync loop confirms
        # it handled them; a failed round hands the decrypted ones out again.
        self._settled: dict[str, RoomEvent | None] = {}
        self.synced = asyncio.Event()
        # The homeserver's upload limit (``m.upload.size``): None while unknown.
        self._upload_limit: int | None = None
        self._media_asked_at: float | None = None
        self._media_fresh_until = 0.0

    @property
    def user_id(self) -> str:
        return self.settings.user_id

    @property
    def device_id(self) -> str:
        return str(self.client.device_id or "")

    # -- session ------------------------------------------------------------------

    async def login(self) -> None:
        """Restore the saved device or log in once; then upload keys (before any join)."""
        saved = self._load_credentials()
        if saved is None and self.settings.access_token:
            saved = Credentials(
                self.settings.user_id, self.settings.device_id, self.settings.access_token
            )
        if saved is not None:
            self.client.restore_login(saved.user_id, saved.device_id, saved.access_token)
        else:
            try:
                response = await self.client.login(self.settings.password, device_name="koopbot")
            except (nio.exceptions.LocalProtocolError, OSError, TimeoutError) as exc:
                raise TransientError(
                    f"login failed: cannot reach {self.settings.homeserver} ({type(exc).__name__})"
                ) from None
            if not isinstance(response, nio.LoginResponse):
                raise _error(response, "login")
            self._save_credentials(
                Credentials(response.user_id, response.device_id, response.access_token)
            )
        await self.refresh_media_config()
        if self.client.should_upload_keys:
            response = await self.client.keys_upload()
            if not isinstance(response, nio.KeysUploadResponse):
                raise PermanentError(
                    f"uploading device keys failed ({getattr(response, 'message', response)}); "
                    "if the store at matrix.store_path was lost, configure a new matrix.device_id"
                )

    def _credentials_file(self) -> Path:
        return self.store / "credentials.json"

    def _load_credentials(self) -> Credentials | None:
        try:
            data = json.loads(self._credentials_file().read_text())
        except (FileNotFoundError, ValueError):
            return None
        if data.get("user_id") != self.settings.user_id:
            return None
        return Credentials(data["user_id"], data["device_id"], data["access_token"])

    def _save_credentials(self, credentials: Credentials) -> None:
        path = self._credentials_file()
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(credentials.__dict__))
        os.chmod(temporary, 0o600)
        temporary.replace(path)

    async def close(self) -> None:
        await self.client.close()

    # -- rooms --------------------------------------------------------------------

    async def resolve(self, reference: str) -> str:
        """A room id for a room id or alias."""
        if reference.startswith("!"):
            return reference
        response = await self.client.room_resolve_alias(reference)
        if not isinstance(response, nio.RoomResolveAliasResponse):
            raise _error(response, f"resolving {reference}")
        return str(response.room_id)

    async def join(self, room_id: str) -> None:
        response = await self.client.join(room_id)
        if not isinstance(response, nio.JoinResponse):
            raise _error(response, f"joining {room_id}")

    def is_encrypted(self, room_id: str) -> bool:
        room = self.client.rooms.get(room_id)
        return bool(room and room.encrypted)

    # -- sync -----------------------------------------------------------------------

    def sync_filter(self) -> dict[str, Any]:
        return {
            "presence": {"not_types": ["*"]},
            "account_data": {"not_types": ["*"]},
            "room": {
                "timeline": {"limit": self.settings.timeline_limit},
                "state": {"lazy_load_members": False},
                "ephemeral": {"not_types": ["*"]},
            },
        }

    async def sync(
        self, since: str | None, timeout_ms: int, *, full_state: bool = False
    ) -> SyncBatch:
        """One sync request; nio applies it (decryption, device lists) before we read it.

        Every kept undecryptable event is retried after each sync, not only those of rooms
        with news: a room key comes as a to-device message, usually in a sync in which its
        room is quiet. The decrypted ones are returned in their room's batch.

        ``full_state`` (the first sync after a start) names every joined room, not only
        those with news: nio refuses to send to a room it has not seen in a sync, so a
        quiet room would otherwise get no reminder until someone writes there. The
        homeserver answers such a request at once, without waiting for news.
        """
        try:
            response = await self.client.sync(
                timeout=timeout_ms,
                sync_filter=self.sync_filter(),
                since=since,
                full_state=full_state or None,
            )
        except (OSError, TimeoutError, nio.exceptions.LocalProtocolError) as exc:
            raise TransientError(
                f"sync failed: {self.settings.homeserver}: {type(exc).__name__}: {exc}"
            ) from None
        if not isinstance(response, nio.SyncResponse):
            raise _error(response, "sync")
        await self._after_sync()
        self._retry_waiting()  # before the new timelines: their keys cannot be here yet
        batch = SyncBatch(next_batch=response.next_batch)
        for room_id, info in response.rooms.join.items():
            room = RoomBatch(
                room_id, limited=bool(info.timeline.limited), prev_batch=info.timeline.prev_batch
            )
            room.events = [
                e for e in (self._convert(room_id, ev) for ev in info.timeline.events) if e
            ]
            batch.rooms.append(room)
        self._hand_out_settled(batch)
        for room_id, info in response.rooms.invite.items():
            inviter = next(
                (
                    ev.sender
                    for ev in info.invite_state
                    if isinstance(ev, nio.InviteMemberEvent) and ev.state_key == self.user_id
                ),
                None,
            )
            batch.invites.append(Invite(room_id, inviter))
        self.synced.set()
        return batch

    def keep_undecryptable(self, events: Iterable[Undecryptable]) -> None:
        """Wait again for the keys of events stored before a restart (already stored)."""
        for kept in events:
            event = nio.MegolmEvent.from_dict(kept.source)
            if not isinstance(event, nio.MegolmEvent):
                log.warning("stored event %s is no encrypted event; dropped", kept.event_id)
                self._settled[kept.event_id] = None
                continue
            event.room_id = kept.room_id
            self._waiting[kept.event_id] = event
            self._cap(kept.room_id)

    def saved(self, batch: SyncBatch) -> None:
        """The sync loop stored ``batch``'s undecryptable events and handled its settled
        ones: stop reporting them. It may settle waiting events it does not want kept."""
        for undecryptable in batch.undecryptable:
            self._unsaved.pop(undecryptable.event_id, None)
        for event_id in batch.settled:
            self._settled.pop(event_id, None)
            self._waiting.pop(event_id, None)
            self._unsaved.pop(event_id, None)

    async def _after_sync(self) -> None:
        """What sync_forever would do between syncs: to-device messages, key uploads, key queries."""
        if time.monotonic() >= self._media_fresh_until:
            await self.refresh_media_config()
        try:
            if self.client.outgoing_to_device_messages:
                await self.client.send_to_device_messages()
            if self.client.should_upload_keys:
                await self.client.keys_upload()
            if self.client.should_query_keys:
                await self.client.keys_query()
            if self.client.should_claim_keys:
                await self.client.keys_claim(self.client.get_users_for_key_claiming())
        except (OSError, TimeoutError, nio.exceptions.LocalProtocolError) as exc:
            log.warning("key maintenance failed: %s", type(exc).__name__)

    async def history(self, room_id: str, start: str, end: str | None) -> list[RoomEvent]:
        """Events between ``end`` (older) and ``start`` (newer), oldest first: fills a limited timeline."""
        collected: list[RoomEvent] = []
        token: str | None = start
        for _page in range(50):
            response = await self.client.room_messages(room_id, start=token, end=end, limit=100)
            if not isinstance(response, nio.RoomMessagesResponse):
                raise _error(response, "fetching history")
            for event in response.chunk:
                if isinstance(event, nio.MegolmEvent):
                    event = self._decrypt(event, room_id)
                converted = self._convert(room_id, event)
                if converted:
                    collected.append(converted)
            if not response.chunk or not response.end or response.end == token:
                break
            token = response.end
        collected.reverse()
        return collected

    def _decrypt(self, event: nio.MegolmEvent, room_id: str) -> Any:
        """The decrypted event, or ``event`` itself while its room key is missing.

        Without the key nothing is attempted: nio would log a warning on every retry.
        """
        if not self._has_key(event, room_id):
            return event
        event.room_id = room_id
        try:
            return self.client.decrypt_event(event)
        except Exception:  # nio raises EncryptionError and friends
            return event

    def _has_key(self, event: nio.MegolmEvent, room_id: str) -> bool:
        olm = self.client.olm
        return olm is not None and bool(
            olm.inbound_group_store.get(room_id, event.sender_key, event.session_id)
        )

    def _keep(self, room_id: str, event: nio.MegolmEvent) -> None:
        """Wait for the room key of ``event``; the sync loop stores it with the batch."""
        if event.event_id in self._waiting:
            return  # seen again (a repeated round, history): already kept and logged
        event.room_id = room_id
        self._waiting[event.event_id] = event
        self._unsaved[event.event_id] = Undecryptable(room_id, event.event_id, event.source)
        log.warning("could not decrypt %s yet; kept for a retry", event.event_id)
        self._cap(room_id)

    def _cap(self, room_id: str) -> None:
        """Give up the oldest waiting events of ``room_id`` beyond the cap."""
        in_room = [key for key, event in self._waiting.items() if event.room_id == room_id]
        for event_id in in_room[: max(0, len(in_room) - MAX_WAITING_PER_ROOM)]:
            del self._waiting[event_id]
            self._unsaved.pop(event_id, None)
            self._settled[event_id] = None
            log.warning(
                "gave up on %s in %s: more than %d events wait for their keys",
                event_id,
                room_id,
                MAX_WAITING_PER_ROOM,
            )

    def _retry_waiting(self) -> None:
        """Decrypt every waiting event whose room key has arrived since."""
        for event_id, event in list(self._waiting.items()):
            if not self._has_key(event, event.room_id):
                continue
            decrypted = self._decrypt(event, event.room_id)
            del self._waiting[event_id]
            self._unsaved.pop(event_id, None)
            if isinstance(decrypted, nio.MegolmEvent):
                # The key is here and still does not fit (a later index, a replay): final.
                log.warning("could not decrypt %s with its room key; given up", event_id)
                self._settled[event_id] = None
                continue
            log.info("decrypted %s after its room key arrived", event_id)
            self._settled[event_id] = self._convert(event.room_id, decrypted)

    def _hand_out_settled(self, batch: SyncBatch) -> None:
        """Report what waits to be stored or forgotten, and hand out the decrypted events:
        in front of their room's news, which is newer (a quiet room gets a batch of its own)."""
        batch.undecryptable = list(self._unsaved.values())
        batch.settled = list(self._settled)
        late: dict[str, list[RoomEvent]] = {}
        for event in self._settled.values():
            if event is not None:
                late.setdefault(event.room_id, []).append(event)
        rooms = {room.room_id: room for room in batch.rooms}
        for room_id, events in late.items():
            room = rooms.get(room_id)
            if room is None:
                batch.rooms.append(RoomBatch(room_id, events=events))
                continue
            ids = {e.event_id for e in events}
            room.events = events + [e for e in room.events if e.event_id not in ids]

    def _convert(self, room_id: str, event: Any) -> RoomEvent | None:
        if event.sender == self.user_id:
            return None  # also not kept when undecryptable: the bot never acts on its own
        if isinstance(event, nio.MegolmEvent):
            self._keep(room_id, event)
            return None
        if isinstance(event, nio.RoomMessageText):
            relates = event.source.get("content", {}).get("m.relates_to") or {}
            return Message(
                room_id=room_id,
                event_id=event.event_id,
                sender=event.sender,
                body=event.body,
                timestamp=_stamp(event),
                thread_root=relates.get("event_id")
                if relates.get("rel_type") == "m.thread"
                else None,
                is_edit=relates.get("rel_type") == "m.replace",
            )
        if isinstance(event, nio.ReactionEvent):
            return Reaction(
                room_id, event.event_id, event.sender, event.reacts_to, event.key, _stamp(event)
            )
        if isinstance(event, nio.RedactionEvent):
            return Redaction(room_id, event.event_id, event.sender, event.redacts, _stamp(event))
        return None

    # -- sending ----------------------------------------------------------------------

    async def send(self, room_id: str, content: dict[str, Any], txn_id: str) -> str:
        """Send ``content`` with a transaction id; a repeat returns the first event's id.
        Content with :data:`REDACTS` redacts that event instead."""
        if REDACTS in content:
            return await self._redact(room_id, content, txn_id)
        try:
            if self.client.should_query_keys:
                await self.client.keys_query()
            response = await self.client.room_send(
                room_id, "m.room.message", content, tx_id=txn_id, ignore_unverified_devices=True
            )
        except (OSError, TimeoutError) as exc:
            raise TransientError(f"send failed: {type(exc).__name__}") from None
        except (nio.exceptions.LocalProtocolError, nio.SendRetryError) as exc:
            raise TransientError(f"send not possible yet: {exc}") from None
        if not isinstance(response, nio.RoomSendResponse):
            raise _error(response, "send")
        return str(response.event_id)

    def room_name(self, room_id: str) -> str | None:
        """The room's name (``m.room.name``, else its canonical alias) as last synced."""
        room = self.client.rooms.get(room_id)
        if room is None:
            return None
        return room.name or room.canonical_alias or None

    def upload_limit(self) -> int | None:
        """The largest upload the homeserver accepts, in bytes, as last asked (None: unknown)."""
        return self._upload_limit

    async def refresh_media_config(self) -> None:
        """Ask the homeserver for its upload limit (``GET /_matrix/client/v1/media/config``,
        else the older ``/_matrix/media/v3/config``). An unanswered question keeps the last
        known limit and is asked again after a few minutes: until a limit is known, files
        are uploaded unchecked and a refusal is answered in the room (``bot.outbox``)."""
        self._media_fresh_until = time.monotonic() + MEDIA_CONFIG_RETRY
        try:
            response = await self.client.send(
                "GET",
                "/_matrix/client/v1/media/config",
                headers={"Authorization": f"Bearer {self.client.access_token}"},
                timeout=10,
            )
            async with response:
                found: Any = json.loads(await response.text()) if response.status == 200 else None
            if found is None:  # an older homeserver: the unauthenticated media API
                legacy = await self.client.content_repository_config()
                if isinstance(legacy, nio.ContentRepositoryConfigResponse):
                    found = {"m.upload.size": legacy.upload_size}
        except (OSError, TimeoutError, ValueError, nio.exceptions.LocalProtocolError) as exc:
            log.warning("upload limit unknown (%s); asking again later", type(exc).__name__)
            return
        if not isinstance(found, dict):
            log.warning("upload limit unknown (no media config); asking again later")
            return
        size = found.get("m.upload.size")
        self._upload_limit = size if isinstance(size, int) and size > 0 else None
        self._media_fresh_until = time.monotonic() + MEDIA_CONFIG_FRESH

    async def _redact(self, room_id: str, content: dict[str, Any], txn_id: str) -> str:
        """Redact the event named under :data:`REDACTS`, with the reason given."""
        try:
            response = await self.client.room_redact(
                room_id,
                str(content[REDACTS]),
                reason=str(content.get("reason") or "") or None,
                tx_id=txn_id,
            )
        except (OSError, TimeoutError) as exc:
            raise TransientError(f"redaction failed: {type(exc).__name__}") from None
        if not isinstance(response, nio.RoomRedactResponse):
            raise _error(response, "redact")
        return str(response.event_id)

    def can_redact(self, room_id: str) -> bool:
        """Whether the bot's power level in ``room_id`` lets it remove others' messages."""
        room = self.client.rooms.get(room_id)
        if room is None:
            return False
        levels = room.power_levels
        me = self.user_id
        return bool(
            levels.can_user_redact(me) and levels.can_user_send_message(me, "m.room.redaction")
        )

    async def upload(
        self, room_id: str, name: str, mimetype: str, data: bytes | Path
    ) -> dict[str, Any]:
        """Upload a file (encrypted in encrypted rooms); returns the ``url``/``file`` part of m.file.

        ``data`` is the content or a file on disk, which is read a chunk at a time (an
        export of any length uploads with flat memory).
        """
        encrypt = self.is_encrypted(room_id)
        try:
            if isinstance(data, Path):
                with data.open("rb") as source:
                    response, keys = await self.client.upload(
                        source,
                        content_type=mimetype,
                        filename=name,
                        encrypt=encrypt,
                        filesize=os.fstat(source.fileno()).st_size,
                    )
            else:
                response, keys = await self.client.upload(
                    io.BytesIO(data),
                    content_type=mimetype,
                    filename=name,
                    encrypt=encrypt,
                    filesize=len(data),
                )
        except (OSError, TimeoutError) as exc:
            raise TransientError(f"upload failed: {type(exc).__name__}") from None
        if not isinstance(response, nio.UploadResponse):
            raise _error(response, "upload")
        if encrypt and keys:
            return {"file": {**keys, "url": response.content_uri, "mimetype": mimetype}}
        return {"url": response.content_uri}
