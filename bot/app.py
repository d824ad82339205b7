"""The lifespan: one place that opens every resource and closes it in reverse order."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import __version__
from bot.crashpoints import Crash, CrashPoint, crash_from_environment
from bot.dispatch import Dispatcher, EventHook
from bot.matrix import MatrixConnection, PermanentError, TransientError
from bot.outbox import Outbox
from bot.posting import Posting
from bot.reactions import decisions_hook, press_hook
from bot.scheduler import Waker
from bot.sync import SyncLoop
from commands.contacts import commands as contacts
from commands.core.catalogue import Catalogue
from commands.core.context import DueSource, Runtime
from commands.core.dates import DateFormatter
from commands.core.markup import Doc
from commands.core.router import Command, Router
from commands.decisions import commands as decisions
from commands.decisions.consent_reminders import ConsentReminders
from commands.decisions.reminder import overdue_part
from commands.export import commands as export
from commands.export.spool import not_uploaded, spool_dir
from commands.help import commands as help
from commands.meetings import commands as meetings
from commands.meetings.reminders import MeetingReminders, ReminderPart, agenda_part
from commands.members import commands as members
from commands.members import roster
from commands.minutes import commands as minutes
from commands.notices import commands as notices
from commands.notices.handlers import notices_part
from commands.pr import commands as pr
from commands.pr.reminders import PressReminders
from commands.report import commands as report
from commands.retention.purge import RetentionPurge
from commands.sectors import commands as sectors
from commands.sectors.reminders import RoundReminders
from commands.sectors.rounds import round_part
from commands.status import commands as status
from config import MatrixSettings, Settings
from storage import migrate
from storage.engine import SessionFactory, create_engine, session_factory
from storage.lock import instance_lock

log = logging.getLogger("koopbot")


def utc_now() -> datetime:
    """The real clock; everything else receives a clock as an argument."""
    return datetime.now(UTC)


def all_commands() -> list[Command]:
    """Every feature's commands, listed explicitly (no import-time registry)."""
    return [
        *help.commands(),
        *status.commands(),
        *contacts.commands(),
        *members.commands(),
        *pr.commands(),
        *meetings.commands(),
        *decisions.commands(),
        *export.commands(),
        *notices.commands(),
        *sectors.commands(),
        *minutes.commands(),
        *report.commands(),
    ]


def due_sources(settings: Settings) -> list[DueSource]:
    """Every feature's timed work (reminders, deadlines)."""
    return [
        PressReminders(settings),
        MeetingReminders(settings, reminder_parts()),
        RoundReminders(settings),
        ConsentReminders(settings),
        RetentionPurge(settings),
    ]


def reminder_parts() -> list[ReminderPart]:
    """What a meeting reminder shows besides date, place and contacts (features add theirs)."""
    return [agenda_part, round_part, notices_part, overdue_part]


def event_hooks(settings: Settings) -> list[EventHook]:
    """Every feature's handling of reactions and redactions (PR approvals, consents)."""
    return [press_hook(settings), decisions_hook(settings)]


def late_note(settings: Settings) -> Callable[[datetime], Doc]:
    """The line a timed post gets when it reaches the room late: when it was due."""
    texts, dates = Catalogue(settings.language), DateFormatter(settings.language, settings.zone)
    return lambda due: Doc().line(texts.t("delivery.late", due=dates.moment(due)))


def file_note(settings: Settings, matrix: MatrixConnection) -> Callable[[str, int | None], Doc]:
    """What the room is told in place of a file the homeserver refused (or that was lost)."""
    texts = Catalogue(settings.language)
    return lambda name, size: not_uploaded(texts, name, size, matrix.upload_limit())


@dataclass
class Tasks:
    """Background tasks kept in one set, cancelled together at shutdown."""

    running: set[asyncio.Task[None]] = field(default_factory=set)

    def start(self, coroutine: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(coroutine, name=name)
        self.running.add(task)
        return task

    async def first_failure(self) -> None:
        """Wait until a task ends; a task ending at all is a failure for a service."""
        done, _ = await asyncio.wait(self.running, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.result()
        raise RuntimeError(f"task {next(iter(done)).get_name()} stopped")

    async def cancel_all(self, grace: float = 10.0) -> None:
        for task in self.running:
            task.cancel()
        if self.running:
            _, stuck = await asyncio.wait(self.running, timeout=grace)
            for task in stuck:
                log.error(
                    "task %s did not stop within %.0f s: %s",
                    task.get_name(),
                    grace,
                    task.get_stack(),
                )
        self.running.clear()


@dataclass
class Bot:
    """The running service's parts, for the CLI, the demo and the tests."""

    settings: Settings
    sessions: SessionFactory
    matrix: MatrixConnection
    dispatcher: Dispatcher
    outbox: Outbox
    waker: Waker
    sync: SyncLoop
    tasks: Tasks

    async def serve(self) -> None:
        await self.tasks.first_failure()


async def _finish_work(sync: SyncLoop, outbox: Outbox, waker: Waker, grace: float) -> None:
    """At shutdown: let the batch being handled finish, queued replies go out and a
    wake-up under way end (bounded: an unreachable homeserver must not hold the shutdown
    up); then the tasks are cancelled and no transaction is cut off halfway."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(sync.finish(), grace)
        await asyncio.wait_for(waker.stop(), grace)
        await asyncio.wait_for(outbox.wait_idle(), grace)


async def _retry(action: Callable[[], Coroutine[Any, Any, Any]], what: str) -> Any:
    delay = 0.5
    while True:
        try:
            return await action()
        except TransientError as exc:
            log.warning("%s failed (%s); retry in %.1f s", what, exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)


@dataclass(frozen=True)
class Edges:
    """What lies outside the process: the Matrix connection, the wake-up timer, crashes.

    Production takes the defaults; the in-process crash harness puts a fake homeserver,
    no timer (it wakes the bot itself, by its injected clock) and its crash hook here.
    """

    connect: Callable[[MatrixSettings], MatrixConnection] = MatrixConnection
    timer: bool = True
    crash: Crash | None = None  # None: from KOOPBOT_CRASH_AT (usually nothing)
    #: At a clean shutdown: how long queued replies and a batch under way may take.
    shutdown_grace: float = 5.0


@asynccontextmanager
async def running_bot(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    commands: Sequence[Command] | None = None,
    edges: Edges | None = None,
) -> AsyncIterator[Bot]:
    """Open storage, Matrix, scheduler; start sync and outbox; close all in reverse order."""
    edges = edges or Edges()
    crash = edges.crash if edges.crash is not None else crash_from_environment()
    async with AsyncExitStack() as stack:
        engine = create_engine(settings.storage.url)
        stack.push_async_callback(engine.dispose)
        # A standby waits here, before it migrates, logs in or opens the E2EE store: two
        # instances started at once on a fresh database must not both run the migrations.
        lock = await stack.enter_async_context(instance_lock(engine))
        await migrate.upgrade(engine)
        sessions = session_factory(engine)
        # Roles come from the database (seeded from the configuration at the first start).
        async with sessions() as session, session.begin():
            await roster.start(session, settings, clock())

        matrix = edges.connect(settings.matrix)
        stack.push_async_callback(matrix.close)
        await _retry(matrix.login, "login")
        crash(CrashPoint.TAKEOVER)
        rooms: set[str] = set()
        for reference in settings.matrix.rooms:
            rooms.add(await _retry(partial(matrix.resolve, reference), f"resolving {reference}"))

        scheduler: AsyncIOScheduler | None = None
        if edges.timer:
            scheduler = AsyncIOScheduler(timezone=UTC)
            scheduler.start()
            stack.callback(scheduler.shutdown, wait=False)

        outbox = Outbox(
            matrix,
            sessions,
            clock,
            stuck_after=settings.limits.outbox_alert_delta,
            late_note=late_note(settings),
            file_note=file_note(settings, matrix),
            spool=spool_dir(settings),
            crash=crash,
        )
        runtime = Runtime(
            version=__version__,
            started_at=clock(),
            backend=settings.storage.backend,
            room_name=matrix.room_name,
        )
        # One builder of outbox rows for replies and timed posts; the waker comes first, so
        # the dispatcher gets its poke (re-plan after a change) at construction.
        posting = Posting(Catalogue(settings.language), clock, upload_limit=matrix.upload_limit)
        waker = Waker(
            scheduler, due_sources(settings), sessions, clock, posting, outbox.push, crash=crash
        )
        dispatcher = Dispatcher(
            settings=settings,
            router=Router(commands if commands is not None else all_commands()),
            sessions=sessions,
            clock=clock,
            runtime=runtime,
            rooms=rooms,
            push=outbox.push,
            posting=posting,
            changed=waker.poke,
            hooks=event_hooks(settings),
            send_first=outbox.send_first,
            crash=crash,
            can_redact=matrix.can_redact,
        )
        sync = SyncLoop(
            matrix, dispatcher, sessions, settings, clock, settle=outbox.wait_idle, crash=crash
        )

        tasks = Tasks()
        stack.push_async_callback(tasks.cancel_all)
        # Runs before cancel_all:
        stack.push_async_callback(_finish_work, sync, outbox, waker, edges.shutdown_grace)
        await outbox.load_unsent()
        tasks.start(outbox.run(matrix.synced), name="outbox")
        tasks.start(sync.run(), name="sync")
        tasks.start(lock.watch(), name="instance-lock")
        await waker.wake()
        # Start-up objects (imports, models) never die: keep them out of full collections,
        # which otherwise take ~100 ms here and would block the event loop.
        gc.collect()
        gc.freeze()
        log.info(
            "koopbot %s running as %s (device %s), rooms=%s, storage=%s",
            __version__,
            settings.matrix.user_id,
            matrix.device_id,
            sorted(rooms),
            settings.storage.backend,
        )
        yield Bot(settings, sessions, matrix, dispatcher, outbox, waker, sync, tasks)


__all__ = ["Bot", "Edges", "PermanentError", "all_commands", "running_bot", "utc_now"]
