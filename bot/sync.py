"""The sync loop: fetch a batch, handle every event in order, then save the position.

The position is saved only after the batch was handled (at-least-once); handled event
ids in the database make it exactly-once. A limited timeline is filled from history
back to the previous position, so no command sent during an outage is skipped.

Encrypted events whose room key has not arrived yet are stored in the transaction that
saves the position, and reloaded at start: a key that arrives after a restart still
finds its command, which is then handled like any other event of the batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.crashpoints import Crash, CrashPoint, no_crash
from bot.dispatch import Dispatcher
from bot.events import Invite, RoomEvent, SyncBatch, Undecryptable
from bot.matrix import MatrixConnection, MatrixError
from config import Settings
from storage import core, pending
from storage.engine import SessionFactory

log = logging.getLogger("koopbot.sync")
SETTLE_TIMEOUT = 2.0


class SyncLoop:
    """Owns the sync position; never gives up on the homeserver (capped backoff)."""

    def __init__(
        self,
        matrix: MatrixConnection,
        dispatcher: Dispatcher,
        sessions: SessionFactory,
        settings: Settings,
        clock: Callable[[], datetime],
        *,
        settle: Callable[[], Awaitable[None]] | None = None,
        max_backoff: float = 30.0,
        crash: Crash = no_crash,
    ) -> None:
        self.matrix = matrix
        self.crash = crash
        self.dispatcher = dispatcher
        self.sessions = sessions
        self.settings = settings
        self.clock = clock
        self.settle = settle
        self.max_backoff = max_backoff
        self.state_key = f"sync_token:{settings.matrix.user_id}"
        self.joined_at: dict[str, datetime] = {}
        self.batches = 0
        self._stopping = False
        #: The next batch may hold events an earlier run (or a failed round) already acted
        #: on: true at start and after a failed round, false once a position was saved.
        self._may_replay = True
        self._between_batches = asyncio.Event()
        self._between_batches.set()

    async def finish(self) -> None:
        """Stop once the batch being handled is done: its commands answered (or queued)
        and the position saved. A shutdown that cancelled mid-batch would cut a
        transaction off and leave its connection to the garbage collector."""
        self._stopping = True
        await self._between_batches.wait()

    async def run(self) -> None:
        async with self.sessions() as session:
            token = await core.get_state(session, self.state_key)
            kept = await pending.all_kept(session)
        if kept:
            self.matrix.keep_undecryptable(
                Undecryptable(row.room_id, row.event_id, row.source) for row in kept
            )
            log.info("%d undecryptable events from before the start wait for their keys", len(kept))
        fresh = token is None  # the very first start: do not answer old history
        full_state = True  # once per start: the client learns every joined room, quiet ones too
        backoff = 0.5
        while not self._stopping:
            try:
                batch = await self.matrix.sync(
                    token, 0 if fresh else self.settings.matrix.sync_timeout, full_state=full_state
                )
                if self._stopping:
                    return  # not handled, not saved: the next start gets it again
                await self._handle(batch, token, fresh=fresh)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                self._may_replay = True
                level = logging.WARNING if isinstance(exc, MatrixError) else logging.ERROR
                log.log(
                    level,
                    "sync round failed (%s); retry in %.1f s",
                    exc,
                    backoff,
                    exc_info=level == logging.ERROR,
                )
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)
                continue
            backoff = 0.5
            token, fresh, full_state = batch.next_batch, False, False
            self.batches += 1
            if self.settle is not None and any(room.events for room in batch.rooms):
                # Let the replies go out before the next sync request competes with them
                # at the homeserver (measured: part of the latency gap to a bare echo bot).
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.settle(), SETTLE_TIMEOUT)

    async def _handle(self, batch: SyncBatch, since: str | None, *, fresh: bool) -> None:
        """Invites, then (after the first start) the events; then save the position."""
        self._between_batches.clear()
        try:
            await self._handle_invites(batch.invites)
            if not fresh:
                await self._handle_batch(batch, since)
            self._keep_only_answerable(batch, fresh=fresh)
            self.crash(CrashPoint.POSITION)
            async with self.sessions() as session, session.begin():
                # With the position: once it is past an undecryptable event, the homeserver
                # will not send that event again, so from then on only the database has it.
                await pending.keep(session, batch.undecryptable, now=self.clock())
                await pending.forget(session, batch.settled)
                await core.set_state(session, self.state_key, batch.next_batch)
            if batch.undecryptable or batch.settled:
                self.matrix.saved(batch)
            self._may_replay = False
            self.dispatcher.live = True  # later events are new, not replays of a past run
        finally:
            self._between_batches.set()

    def _keep_only_answerable(self, batch: SyncBatch, *, fresh: bool) -> None:
        """Of the undecryptable events, wait only for those the bot would answer: not the
        history of a very first start, not rooms it does not serve (it may still be a
        member of old ones). The others are settled, so the connection forgets them."""
        if not batch.undecryptable:
            return
        wanted = [
            u for u in batch.undecryptable if not fresh and u.room_id in self.dispatcher.rooms
        ]
        batch.settled.extend(u.event_id for u in batch.undecryptable if u not in wanted)
        batch.undecryptable = wanted

    async def _handle_batch(self, batch: SyncBatch, since: str | None) -> None:
        for room in batch.rooms:
            if room.room_id not in self.dispatcher.rooms:
                continue
            events: list[RoomEvent] = list(room.events)
            if room.limited and room.prev_batch and since:
                older = await self.matrix.history(room.room_id, room.prev_batch, since)
                known = {e.event_id for e in events}
                events = [e for e in older if e.event_id not in known] + events
                log.info(
                    "filled a limited timeline in %s with %d older events", room.room_id, len(older)
                )
            joined = self.joined_at.get(room.room_id)
            # A replay is recognised before any handler runs, whatever the command would do.
            done = await self.dispatcher.already_handled(events) if self._may_replay else set()
            for event in events:
                if joined is not None and event.timestamp < joined:
                    continue  # history from before the bot joined is not ours to answer
                if event.event_id in done:
                    log.info("skipped %s: handled before the restart", event.event_id)
                    continue
                await self.dispatcher.handle(event)

    async def _handle_invites(self, invites: list[Invite]) -> None:
        for invite in invites:
            wanted = invite.room_id in self.dispatcher.rooms
            trusted = invite.inviter is not None and self.settings.is_coordinator(invite.inviter)
            if not (wanted and trusted):
                log.info(
                    "ignored invite room=%s inviter=%s configured=%s",
                    invite.room_id,
                    invite.inviter,
                    wanted,
                )
                continue
            # The time before the request: a member who saw the bot join and wrote at once
            # can carry an earlier server timestamp than a reading taken after the answer.
            requested = self.clock()
            await self.matrix.join(invite.room_id)
            self.joined_at[invite.room_id] = requested
            log.info("joined room=%s on invite from %s", invite.room_id, invite.inviter)
