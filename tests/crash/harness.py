"""Crash the bot at a named point, start it again, and check what the room and the database say.

A *world* is a database file and a :class:`FakeServer` that outlive the bot's processes.
A *process* is the production wiring (``bot.app.running_bot``) with a fake connection, the
injected clock, no timer (the harness wakes the bot itself) and the harness's crash hook.
A crash at a point raises :class:`SimulatedCrash` there, cuts the process off the server
at once and cancels its other tasks: nothing it would have done next happens, as after
``kill -9``. Then a new process opens the same database and store.

Every run starts from one *template*: a room with realistic state (meetings with a series
and agenda, an open round with inputs, notices, decisions, press drafts with approvals),
built once through the bot itself, so every command's documented example can run in it.
"""

from __future__ import annotations

import asyncio
import shutil
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.app import Bot, Edges, running_bot
from bot.crashpoints import CrashPoint
from config import MatrixSettings, Settings, StorageSettings
from storage import search
from storage.base import Base
from storage.core import OutboxMessage
from storage.decisions import chain
from tests.support.chat import ROOM, USERS, FakeClock, make_settings
from tests.support.fake_matrix import FakeConnection, FakeServer

SETTLE_TIMEOUT = 10.0  # seconds of real time; a healthy run settles in milliseconds


class SimulatedCrash(BaseException):
    """Raised at a crash point; a BaseException, so no ``except Exception`` swallows it."""


class NotSettled(AssertionError):
    """The bot did not finish its work (a message stuck, a batch not handled)."""


@dataclass
class Switch:
    """The crash hook: armed at the n-th pass of one point; records every pass."""

    armed: tuple[CrashPoint, int] | None = None
    passed: list[CrashPoint] = field(default_factory=list)
    fired: asyncio.Event = field(default_factory=asyncio.Event)
    process: Process | None = None

    def __call__(self, point: CrashPoint) -> None:
        self.passed.append(point)
        if self.armed != (point, self.passed.count(point)) or self.fired.is_set():
            return
        self.fired.set()
        if self.process is not None:
            self.process.cut_off()
        raise SimulatedCrash(point)


@dataclass
class Process:
    """One run of the bot until it is stopped or crashes."""

    bot: Bot
    connection: FakeConnection
    switch: Switch

    def cut_off(self) -> None:
        """The instant of the crash: no more I/O to the server, every other task stops."""
        self.connection.dead = True
        current = asyncio.current_task()
        for task in self.bot.tasks.running:
            if task is not current:
                task.cancel()

    async def settle(self) -> None:
        """Until the bot has handled everything on the server and sent everything queued."""
        connection = self.connection
        try:
            async with asyncio.timeout(SETTLE_TIMEOUT):
                while not self.switch.fired.is_set():
                    await self.bot.outbox.wait_idle()
                    await connection.parked.wait()
                    idle = self.bot.outbox._idle.is_set()
                    parked = connection.parked_at
                    if idle and parked is not None and not connection.server.people_after(parked):
                        return
                    await asyncio.sleep(0)  # news arrived: one turn for the sync task to wake
        except TimeoutError:
            raise NotSettled(
                f"the bot did not settle: polling at {connection.parked_at}, "
                f"server at {connection.server.head}, outbox idle {self.bot.outbox._idle.is_set()}"
            ) from None


class World:
    """A database file and a homeserver that survive the bot's crashes."""

    def __init__(self, folder: Path, server: FakeServer, clock: FakeClock) -> None:
        self.folder = folder
        self.server = server
        self.clock = clock
        self.settings = crash_settings(folder)

    def copy(self, folder: Path) -> World:
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("koopbot.db", "koopbot.db-wal"):  # what a WAL database consists of
            if (self.folder / name).exists():
                shutil.copy(self.folder / name, folder / name)
        return World(folder, self.server.copy(), FakeClock(self.clock.now))

    def _edges(self, switch: Switch, connections: list[FakeConnection]) -> Edges:
        def connect(settings: MatrixSettings) -> FakeConnection:
            connection = FakeConnection(self.server, settings)
            connections.append(connection)
            return connection

        # A short grace: after a crash nothing may be finished anyway; a clean stop of a
        # settled bot has nothing left to finish.
        return Edges(connect=connect, timer=False, crash=switch, shutdown_grace=0.2)  # type: ignore[arg-type]

    @asynccontextmanager
    async def process(self, switch: Switch | None = None) -> AsyncIterator[Process]:
        """Start the bot; on leaving, stop it cleanly unless it crashed (then abandon it)."""
        switch = switch or Switch()
        connections: list[FakeConnection] = []
        edges = self._edges(switch, connections)
        async with running_bot(self.settings, clock=self.clock, edges=edges) as bot:
            process = Process(bot, connections[0], switch)
            switch.process = process
            try:
                yield process
            finally:
                if switch.fired.is_set():
                    process.cut_off()
                    await _reap(bot)

    async def start_and_crash(self, point: CrashPoint) -> bool:
        """Start a process that crashes at ``point`` during start-up; True if it did."""
        switch = Switch(armed=(point, 1))
        try:
            async with running_bot(self.settings, clock=self.clock, edges=self._edges(switch, [])):
                return False
        except SimulatedCrash:
            return True

    async def say(self, who: str, text: str) -> str:
        return self.server.say(ROOM, USERS.get(who, who), text, self.clock())

    def bot_event(self, purpose: str) -> str:
        """The event id of the bot's message with this outbox purpose (e.g. ``pm:2:1``)."""
        import sqlite3

        with sqlite3.connect(self.folder / "koopbot.db") as db:
            row = db.execute(
                "SELECT event_id FROM outbox WHERE purpose = ? AND event_id IS NOT NULL", (purpose,)
            ).fetchone()
        assert row, f"no sent message with purpose {purpose}"
        return str(row[0])


async def _reap(bot: Bot) -> None:
    """Collect the crashed tasks' outcomes so nothing is left for the garbage collector."""
    tasks = list(bot.tasks.running)
    await asyncio.wait(tasks, timeout=5)
    for task in tasks:
        if task.done() and not task.cancelled():
            task.exception()


def crash_settings(folder: Path) -> Settings:
    settings = make_settings()
    return settings.model_copy(
        update={
            "matrix": MatrixSettings(
                homeserver="http://127.0.0.1:1",
                user_id=settings.matrix.user_id,
                password="x",
                device_id="KBCRASH",
                store_path=str(folder / "store"),
                rooms=[ROOM],
                sync_timeout=30_000,
                timeline_limit=10,
            ),
            "storage": StorageSettings(url=f"sqlite+aiosqlite:///{folder / 'koopbot.db'}"),
        }
    )


# -- what a run leaves behind ---------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What the room and the database hold after a scenario (compared with a crash-free run)."""

    messages: Counter[str]  # the bot's messages after the act, by plain body
    rows: dict[str, int]  # rows per table
    unsent: int
    replies: dict[str, int]  # replies per command event of the act
    #: The derived records that must agree with their source after any crash: the decision
    #: log's current state with the chain (``verify``), each FTS5 search table with its rows.
    derived: list[str] = field(default_factory=list)


async def outcome(world: World, process: Process, mark: int, commands: list[str]) -> Outcome:
    bodies = Counter(
        str(p.content.get("body")) for p in world.server.bot_messages(mark) if p.content
    )
    rows: dict[str, int] = {}
    async with process.bot.sessions() as session:
        for table in Base.metadata.sorted_tables:
            rows[table.name] = int(
                await session.scalar(select(func.count()).select_from(table)) or 0
            )
        unsent = int(
            await session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.sent_at.is_(None))
            )
            or 0
        )
        derived = await disagreeing(session)
    replies = {event_id: len(world.server.replies_to(event_id)) for event_id in commands}
    return Outcome(bodies, rows, unsent, replies, derived)


async def disagreeing(session: AsyncSession) -> list[str]:
    """What derived record disagrees with its source (empty: all agree). The decision state
    is checked by ``verify`` (it recomputes it from the chain); every FTS5 table by its
    own ``integrity-check`` with rank 1, which compares the index with the content rows."""
    found: list[str] = []
    verdict = await chain.verify(session)
    if not verdict.intact:
        found.append(f"decision log: {verdict.problem} at #{verdict.entry_id}")
    await session.rollback()  # verify holds the chain lock
    for table in search.FTS_TABLES if await search.backend(session) == "fts5" else ():
        try:
            await session.execute(
                text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            )
        except DBAPIError as error:
            found.append(f"{table}: {error.orig}")
        await session.rollback()
    return found


# -- scenarios ----------------------------------------------------------------------------------

Act = Callable[[World, Process | None], Awaitable[list[str]]]


@dataclass(frozen=True)
class Scenario:
    """Something that happens in the room: commands, a reaction, time passing."""

    name: str
    act: Act
    #: Whether the act needs the bot running (time passing wakes it); commands do not:
    #: they can be sent while the bot is down and are handled after the restart.
    needs_process: bool = False


def command(who: str, text: str) -> Act:
    return burst((who, text))


def burst(*messages: tuple[str, str]) -> Act:
    """Commands sent one after the other, so that the bot gets them in one batch."""

    async def act(world: World, _process: Process | None) -> list[str]:
        return [await world.say(who, text) for who, text in messages]

    return act


def reaction(who: str, purpose: str, key: str) -> Act:
    async def act(world: World, _process: Process | None) -> list[str]:
        target = world.bot_event(purpose)
        world.server.react(ROOM, USERS[who], target, key, world.clock())
        return []

    return act


def redaction(who: str, key: str) -> Act:
    """``who`` takes back their reaction ``key`` (the newest one)."""

    async def act(world: World, _process: Process | None) -> list[str]:
        own = [
            p
            for p in world.server.timeline
            if p.sender == USERS[who] and getattr(p.event, "key", None) == key
        ]
        world.server.redact(ROOM, USERS[who], own[-1].event_id, world.clock())
        return []

    return act


def time_passes(**delta: float) -> Act:
    async def act(world: World, process: Process | None) -> list[str]:
        world.clock.advance(**delta)
        if process is not None:  # a bot that is down sees the time when it starts
            await process.bot.waker.wake()
        return []

    return act
