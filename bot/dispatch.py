"""From a room event to a stored outcome and a queued reply, exactly once per event.

Each command runs in its own session and transaction, which also records the event
as handled and writes the reply to the outbox. User mistakes become a friendly
reply; anything else becomes an apology in the room and a full traceback in the log.

A command that only reads (``Command.reads_only``) changes nothing that its reply could
announce too early, so once the bot is live its reply (or its answer to a user mistake) is
sent first and recorded after
(``Outbox.send_first``): a crash in between replays the event, and the homeserver keeps
the first reply to the repeated transaction id (Synapse remembers one for about a day;
see docs/architecture.md, "Exactly once"). Events of the first batch after
a start may be such replays of an earlier run; they take the recorded path, which sees
the earlier reply and sends nothing, however long ago it was.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.crashpoints import Crash, CrashPoint, no_crash
from bot.events import Message, Reaction, Redaction, RoomEvent
from bot.matrix import REDACTS
from bot.posting import Posting
from commands.core.args import clean_text
from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply, Runtime
from commands.core.dates import DateFormatter
from commands.core.errors import CommandError
from commands.core.markup import Code, Doc
from commands.core.privacy import client_data_reason
from commands.core.roles import Identity, Role, identify, refusal_text
from commands.core.router import Command, Invocation, Router, UsageError
from config import Settings
from storage import core
from storage.core import OutboxMessage
from storage.engine import SessionFactory

log = logging.getLogger("koopbot.dispatch")
RATE_WINDOW = timedelta(minutes=1)

Clock = Callable[[], datetime]
#: Handlers for reactions and redactions (e.g. PR approvals); return replies to post.
EventHook = Callable[[AsyncSession, RoomEvent, datetime], Awaitable[list[Reply]]]


@dataclass
class Dispatcher:
    """Turns room events into handled commands. Pure of nio: sending is the outbox's job."""

    settings: Settings
    router: Router
    sessions: SessionFactory
    clock: Clock
    runtime: Runtime
    rooms: set[str]
    push: Callable[[list[OutboxMessage]], None]
    #: Builds the outbox rows of replies and posts (``bot.posting``).
    posting: Posting
    #: Called after a command or event hook committed changes (``Waker.poke``: the
    #: scheduler re-plans).
    changed: Callable[[], None] = lambda: None
    hooks: Sequence[EventHook] = ()
    #: Sends replies before they are stored: returns those still to send, or None (nothing
    #: sent) while others are queued (``Outbox.send_first``).
    send_first: Callable[[list[OutboxMessage]], Awaitable[list[OutboxMessage] | None]] | None = None
    #: Set by the sync loop once the first batch after start is handled and saved.
    live: bool = False
    #: The named crash points (``bot.crashpoints``); nothing in production.
    crash: Crash = no_crash
    #: Whether the bot's power level lets it remove others' messages in a room
    #: (``MatrixConnection.can_redact``); without it the sender is asked to.
    can_redact: Callable[[str], bool] = lambda _room_id: False
    texts: Catalogue = field(init=False)
    dates: DateFormatter = field(init=False)
    _recent: dict[str, deque[datetime]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.texts = Catalogue(self.settings.language)
        self.dates = DateFormatter(self.settings.language, self.settings.zone)

    async def handle(self, event: RoomEvent) -> None:
        """Handle one event; nothing it does can stop the sync loop (one error boundary).

        A message whose handling fails outside the command's own boundary is answered with
        the apology and recorded, so a replay does not fail again; only when even that
        cannot be stored (the database is away) does the error reach the sync loop, which
        retries the batch.
        """
        if event.room_id not in self.rooms or event.sender == self.settings.matrix.user_id:
            return
        if isinstance(event, Message):
            try:
                await self.handle_message(event)
            except asyncio.CancelledError:
                raise
            except Exception:
                await self._apologise(event)
        elif isinstance(event, Reaction | Redaction) and self.hooks:
            await self._run_hooks(event)

    async def already_handled(self, events: Sequence[RoomEvent]) -> set[str]:
        """The ids of ``events`` an earlier run acted on: recorded as handled, or answered
        (a command's first reply carries a transaction id derived from its event id). The
        sync loop asks this for a batch that may replay events, before any handler runs."""
        ids = [e.event_id for e in events if e.room_id in self.rooms]
        if not ids:
            return set()
        async with self.sessions() as session:
            return await core.handled_or_answered(session, ids)

    async def handle_message(self, message: Message) -> None:
        if message.is_edit:
            return  # an edit never re-triggers a command: only the original message counts
        # Every command sees the text without control characters or right-to-left overrides.
        message = replace(message, body=clean_text(message.body))
        started = time.perf_counter()
        reason = client_data_reason(message.body, self.dates.local(self.clock()).date())
        if reason:
            await self._guard_client_data(message, reason)
            return
        if message.body.lstrip().startswith("!"):
            again = self._throttled_until(message)
            if again is not None:
                limit = self.settings.limits.commands_per_minute
                text = self.texts.t("error.throttled", limit=limit, again=self.dates.time(again))
                await self._answer(message, Doc().line(text))
                return
        limit = self.settings.limits.max_message_chars
        if len(message.body) > limit and message.body.lstrip().startswith("!"):
            await self._answer(
                message, Doc().line(self.texts.t("error.message_too_long", limit=limit))
            )
            return
        try:
            invocation = self.router.parse(message.body)
        except UsageError as problem:
            doc = self._error_doc(problem.error, problem.command)
            doc.items([(Code(self.texts.usage(choice)),) for choice in problem.choices])
            await self._answer(message, doc)
            return
        if invocation is None:
            return
        sender = identify(self.settings, message.sender)
        # The declared role, refined by the arguments (``Command.variants``): checked
        # here, before the handler runs, never inside it.
        role = invocation.command.role_for(invocation.args)
        if not sender.may(role):
            await self._answer(message, self._refusal(invocation.command, role, sender))
        else:
            await self._run(message, invocation, sender)
        log.info(
            "command room=%s sender=%s command=%s duration_ms=%.1f",
            message.room_id,
            message.sender,
            invocation.command.full_name,
            (time.perf_counter() - started) * 1000,
        )

    def _throttled_until(self, message: Message) -> datetime | None:
        """None while the sender is within ``limits.commands_per_minute``; else when the
        next command will be carried out again. Counted by the events' own times, so
        commands sent during an outage and handled at once are not throttled for that;
        replays never get here (the sync loop skips them)."""
        now = message.timestamp
        window = self._recent.setdefault(message.sender, deque())
        while window and now - window[0] >= RATE_WINDOW:
            window.popleft()
        if len(window) < self.settings.limits.commands_per_minute:
            window.append(now)
            return None
        return window[0] + RATE_WINDOW

    async def _run(self, message: Message, invocation: Invocation, sender: Identity) -> None:
        command = invocation.command
        try:
            if command.reads_only and self.live and self.send_first is not None:
                await self._run_reading(message, invocation, sender, self.send_first)
                return
            # No separate "handled" row on this path: the reply's outbox row has a unique
            # transaction id derived from the event id, so a replayed event fails at commit
            # and everything the handler did is rolled back (one statement fewer per command).
            async with self.sessions() as session:
                async with session.begin():
                    ctx = self._context(session, message, sender)
                    reply = await command.handler(ctx, invocation.args)
                    queued = self.posting.replies(message, [reply, *ctx.posts])
                    await core.store_outbox(session, queued)
                self.crash(CrashPoint.COMMITTED)
                self.push(queued)  # committed: the reply goes out while the session closes
            self.changed()
        except IntegrityError:
            if message.event_id in await self.already_handled([message]):
                return  # a replay: its first run committed, the reply is stored
            await self._apologise(message)
        except CommandError as error:
            await self._answer(message, self._error_doc(error, command))
        except asyncio.CancelledError:
            raise
        except Exception:
            await self._apologise(message)

    async def _run_reading(
        self,
        message: Message,
        invocation: Invocation,
        sender: Identity,
        send_first: Callable[[list[OutboxMessage]], Awaitable[list[OutboxMessage] | None]],
    ) -> None:
        """A reading command: reply first, store the reply after (see the module docstring).

        A replayed event fails to store its reply (IntegrityError, as on the usual path);
        the homeserver kept the first reply to the repeated transaction id.
        """
        async with self.sessions() as session:
            ctx = self._context(session, message, sender)
            try:
                replies = [await invocation.command.handler(ctx, invocation.args), *ctx.posts]
            except CommandError as error:
                # A user mistake ("no such meeting") changes nothing either: its answer goes
                # out first too, under the same transaction id a replay would use.
                replies = [Reply(self._error_doc(error, invocation.command))]
            queued = self.posting.replies(message, replies)
            unsent = await send_first(queued)
            try:
                await core.store_outbox(session, queued)
                await session.commit()
            except SQLAlchemyError as error:
                if unsent != [] or isinstance(error, IntegrityError):
                    raise  # nothing (or not all) went out: the usual error handling
                # The reply is out; an apology now would contradict it. A replay after a
                # crash is answered by the homeserver's copy (same transaction id).
                log.exception("reply to %s sent but not stored", message.event_id)
                return
            self.push(queued if unsent is None else unsent)

    async def _guard_client_data(self, message: Message, reason: str) -> None:
        """Warn, and run nothing: a command's text would otherwise be stored.

        The message stays in the room until someone removes it. With the power to, the bot
        redacts it itself: the redaction is an outbox row queued before the warning in the
        warning's transaction, its transaction id derived from the event, so a replay
        neither redacts twice nor warns twice. Without it, the warning asks the sender.
        """
        kind = self.texts.t(f"privacy.reason.{reason}")
        redact = self.can_redact(message.room_id)
        doc = Doc().line(
            self.texts.t("privacy.redacted" if redact else "privacy.warning", reason=kind)
        )
        if message.body.lstrip().startswith("!"):
            doc.line(self.texts.t("privacy.not_run"))
        first: list[OutboxMessage] = []
        if redact:
            first.append(
                core.new_outbox(
                    room_id=message.room_id,
                    txn_id=core.txn_id(message.event_id, "redact"),
                    content={
                        REDACTS: message.event_id,
                        "reason": self.texts.t("privacy.redaction_reason", reason=kind),
                    },
                    now=self.clock(),
                    purpose="privacy:redaction",
                )
            )
        await self._answer(message, doc, first=first)

    async def _apologise(self, message: Message) -> None:
        """Log the full traceback under a short reference; the room gets only the reference."""
        reference = uuid.uuid4().hex[:8]
        log.exception(
            "command failed ref=%s room=%s event=%s sender=%s",
            reference,
            message.room_id,
            message.event_id,
            message.sender,
        )
        await self._answer(message, Doc().line(self.texts.t("error.internal", ref=reference)))

    async def _answer(
        self, message: Message, doc: Doc, *, first: Sequence[OutboxMessage] = ()
    ) -> None:
        """Record the event as handled and queue a reply that changes nothing else (after
        ``first``, rows to send before it: a redaction).

        A reply already stored for this event (a replay the sync loop could not know of)
        wins: the event was answered, and this answer is dropped.
        """
        try:
            async with self.sessions() as session, session.begin():
                if not await core.claim_event(
                    session, event_id=message.event_id, room_id=message.room_id, now=self.clock()
                ):
                    return
                queued = [*first, *self.posting.replies(message, [Reply(doc)])]
                await core.store_outbox(session, queued)
        except IntegrityError:
            log.info("event %s was answered before; not answering again", message.event_id)
            return
        self.crash(CrashPoint.COMMITTED)
        self.push(queued)

    async def _run_hooks(self, event: Reaction | Redaction) -> None:
        try:
            async with self.sessions() as session, session.begin():
                if not await core.claim_event(
                    session, event_id=event.event_id, room_id=event.room_id, now=self.clock()
                ):
                    return
                replies: list[Reply] = []
                for hook in self.hooks:
                    replies.extend(await hook(session, event, self.clock()))
                queued = self.posting.posts(event, replies)
                await core.store_outbox(session, queued)
            self.crash(CrashPoint.COMMITTED)
            self.push(queued)
            self.changed()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("event hook failed room=%s event=%s", event.room_id, event.event_id)

    def _context(self, session: AsyncSession, message: Message, sender: Identity) -> Context:
        return Context(
            session=session,
            settings=self.settings,
            texts=self.texts,
            dates=self.dates,
            now=self.clock(),
            room_id=message.room_id,
            event_id=message.event_id,
            sender=sender,
            commands=self.router.commands,
            runtime=self.runtime,
        )

    def _error_doc(self, error: CommandError, command: Command | None) -> Doc:
        doc = Doc().line(self.texts.t(error.key, **error.params))
        if command is not None and error.show_usage:
            doc.para(self.texts.line("usage", usage=(Code(self.texts.usage(command)),)))
        return doc

    def _refusal(self, command: Command, role: Role, sender: Identity) -> Doc:
        return Doc().line(refusal_text(self.texts, sender, role, command.full_name))


__all__ = ["Dispatcher", "EventHook", "Role"]
