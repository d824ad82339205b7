"""Delivers queued messages in order, retrying with capped backoff until each is sent.

A message is written to the outbox in the transaction that caused it and marked sent
only after the homeserver accepted it; its transaction id makes a resend harmless.
Replies to commands that only read are sent first and written after (:meth:`send_first`).

A message that waits longer than ``stuck_after`` is logged once at ERROR with its room,
purpose and the last error, and once more when it finally goes out: a warning on every
retry alone is easy to miss in a long outage. This is bookkeeping in memory only, so
the usual send costs no extra statement.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.content import notice, with_note
from bot.crashpoints import Crash, CrashPoint, no_crash
from bot.matrix import PermanentError, Sender, TransientError
from commands.core.delivery import LATE_AFTER
from commands.core.markup import Doc
from commands.export.spool import SPOOL_KEY, sweep
from storage import core
from storage.core import OutboxMessage
from storage.engine import SessionFactory

log = logging.getLogger(__name__)

#: How long a message may wait before it is logged as stuck (``limits.outbox_alert``).
STUCK_AFTER = timedelta(minutes=10)
#: What the room is told in place of a file that did not arrive: (file name, its size, or
#: None when the spooled file was lost) → the notice.
FileNote = Callable[[str, int | None], Doc]


class Outbox:
    """The sending side of the bot: one task, one queue, strict order."""

    def __init__(
        self,
        sender: Sender,
        sessions: SessionFactory,
        clock: Callable[[], datetime],
        *,
        first_backoff: float = 0.5,
        max_backoff: float = 30.0,
        stuck_after: timedelta = STUCK_AFTER,
        late_note: Callable[[datetime], Doc] | None = None,
        file_note: FileNote | None = None,
        spool: Path | None = None,
        crash: Crash = no_crash,
    ) -> None:
        self.sender = sender
        self.crash = crash
        self.sessions = sessions
        self.clock = clock
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.stuck_after = stuck_after
        self.late_note = late_note
        self.file_note = file_note
        self.spool = spool  # the folder of spooled files (``commands.export.spool``)
        self._queue: deque[OutboxMessage] = deque()
        self._queued: set[int] = set()
        self._stuck: set[int] = set()  # ids of queued messages already logged as stuck
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()

    def push(self, messages: list[OutboxMessage]) -> None:
        """Queue messages that were just committed."""
        for message in messages:
            if message.id not in self._queued:
                self._queued.add(message.id)
                self._queue.append(message)
        if messages:
            self._idle.clear()
            self._wake.set()

    async def send_first(self, messages: list[OutboxMessage]) -> list[OutboxMessage] | None:
        """Send ``messages`` before they are stored; the caller stores them next, with
        ``sent_at`` set on those that went out, and queues the rest (returned) for the usual
        retries. None (nothing sent) while others are queued: they must go out first.
        """
        if self._queue:
            return None
        self._idle.clear()
        try:
            for number, message in enumerate(messages):
                try:
                    event_id = await self._deliver(message)
                except TransientError as exc:
                    log.warning("send of a reply delayed (%s); queued for a retry", exc)
                    return messages[number:]
                except PermanentError as exc:
                    log.error("a reply cannot be sent: %s", exc)
                    event_id = ""
                self.crash(CrashPoint.SENT)
                message.sent_at, message.event_id = self.clock(), event_id
                message.attachment = None
                _drop_spooled(message)
            return []
        finally:
            if not self._queue:
                self._idle.set()

    async def load_unsent(self) -> None:
        """Queue what an earlier run committed but did not get sent (crash, outage, failover)."""
        async with self.sessions() as session:
            unsent = await core.unsent_outbox(session, limit=10_000)
        self.push(unsent)
        if self.spool is not None:
            names = (m.content.get(SPOOL_KEY) for m in unsent)
            removed = sweep(self.spool, [name for name in names if isinstance(name, str)])
            if removed:
                log.info("deleted %s spooled file(s) no message names", removed)

    async def wait_idle(self) -> None:
        """Until everything queued so far was delivered (tests, shutdown)."""
        await self._idle.wait()

    async def run(self, ready: asyncio.Event | None = None) -> None:
        if ready is not None:
            await ready.wait()  # encrypted sends need the room from a first sync
        while True:
            await self._wake.wait()
            self._wake.clear()
            await self.drain()

    async def drain(self) -> None:
        """Send everything queued, in order; transient errors back off and retry."""
        backoff = self.first_backoff
        while self._queue:
            message = self._queue[0]
            try:
                event_id = await self._deliver(message)
            except TransientError as exc:
                log.warning(
                    "send of outbox #%s delayed (%s); retry in %.1f s", message.id, exc, backoff
                )
                self._report_stuck(exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            except PermanentError as exc:
                log.error("outbox #%s cannot be sent: %s", message.id, exc)
                event_id = ""
            self.crash(CrashPoint.SENT)
            backoff = self.first_backoff
            self._queue.popleft()
            self._queued.discard(message.id)
            if message.id in self._stuck:
                self._report_done(message, sent=bool(event_id))
            async with self.sessions() as session, session.begin():
                await core.mark_sent(session, message.id, event_id=event_id, now=self.clock())
            _drop_spooled(message)
        self._idle.set()

    def _report_stuck(self, error: TransientError) -> None:
        """Log each queued message that has now waited ``stuck_after``, once: the first
        with ``error`` of its last attempt, those behind it as waiting for it.

        The queue is in the order the messages were created, so the walk ends at the
        first one that has not waited that long.
        """
        now = self.clock()
        head = self._queue[0]
        for message in self._queue:
            waited = now - message.created_at
            if waited < self.stuck_after:
                break
            if message.id in self._stuck:
                continue
            self._stuck.add(message.id)
            reason = str(error) if message is head else f"waiting behind outbox #{head.id}: {error}"
            log.error(
                "outbox #%s stuck for %s in %s (%s): %s",
                message.id,
                _minutes(waited),
                message.room_id,
                message.purpose,
                reason,
            )

    def _report_done(self, message: OutboxMessage, *, sent: bool) -> None:
        """Close the stuck report of ``message``: how long it took (a permanent error
        was logged as such already)."""
        self._stuck.discard(message.id)
        if sent:
            waited = _minutes(self.clock() - message.created_at)
            log.warning("outbox #%s sent after %s", message.id, waited)

    async def _deliver(self, message: OutboxMessage) -> str:
        content = dict(message.content)
        spooled = content.pop(SPOOL_KEY, None)
        source: bytes | Path | None = Path(spooled) if spooled else message.attachment
        if source is not None and "url" not in content and "file" not in content:
            try:
                uploaded = await self._upload(message, source)
            except PermanentError as exc:
                if self.file_note is None:
                    raise
                log.error("outbox #%s: file not uploaded, the room is told: %s", message.id, exc)
                content = self._in_place_of_file(message, content, source)
            else:
                content.update(uploaded)
                # In memory only: a retry need not upload again (the spooled file is kept
                # until the message is sent).
                message.content = {**content, SPOOL_KEY: spooled} if spooled else content
                self.crash(CrashPoint.UPLOADED)
        return await self.sender.send(
            message.room_id, self._marked(message, content), message.txn_id
        )

    async def _upload(self, message: OutboxMessage, source: bytes | Path) -> dict[str, Any]:
        if isinstance(source, Path) and _size(source) is None:
            raise PermanentError(f"the spooled file {source.name} is missing")
        return await self.sender.upload(
            message.room_id,
            message.attachment_name or "datei",
            message.attachment_type or "application/octet-stream",
            source,
        )

    def _in_place_of_file(
        self, message: OutboxMessage, content: dict[str, Any], source: bytes | Path
    ) -> dict[str, Any]:
        """A notice, under the file's transaction id, saying why the file did not arrive."""
        assert self.file_note is not None
        size = _size(source) if isinstance(source, Path) else len(source)
        said = notice(self.file_note(message.attachment_name or "datei", size))
        if "m.relates_to" in content:
            said["m.relates_to"] = content["m.relates_to"]
        _drop_spooled(message)
        message.content, message.attachment = said, None  # a retry sends the same notice
        return said

    def _marked(self, message: OutboxMessage, content: dict[str, Any]) -> dict[str, Any]:
        """A timed post that was queued on time but reaches the room later than
        ``LATE_AFTER`` (the homeserver was away) says when it was due. One queued late
        already says so in its own words (a reminder after a restart)."""
        due = message.due_at
        if due is None or self.late_note is None or message.created_at - due > LATE_AFTER:
            return content
        if self.clock() - due <= LATE_AFTER:
            return content
        return with_note(content, self.late_note(due))


def _size(path: Path) -> int | None:
    """The size of a spooled file; None if it is gone."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return None


def _drop_spooled(message: OutboxMessage) -> None:
    """Delete the spooled file of a message that was sent (or will not carry its file)."""
    spooled = message.content.get(SPOOL_KEY)
    if isinstance(spooled, str):
        Path(spooled).unlink(missing_ok=True)


def _minutes(waited: timedelta) -> str:
    """``14 min``: whole minutes are precise enough for a message that is late by many."""
    return f"{int(waited.total_seconds() // 60)} min"
