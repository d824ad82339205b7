"""Each fast path of docs/architecture.md measured on and off, in one run, on 3 years of history.

A real SQLite file (storage.engine: WAL) gets the history of a busy room over three years:
``--history`` sent bot messages in ``outbox`` and as many events in ``handled_events``. Then,
interleaved so machine noise hits both sides alike:

1. **Reading commands go out first.** ``!status`` from command to reply sent, with the
   dispatcher live (``Outbox.send_first``: send, then record) and not live (record, commit,
   then send from the queue).
2. **The replay check runs only when a batch may be a replay.** The one statement that asks
   which events of a batch were handled or answered (``storage.core.handled_or_answered``),
   for a batch of one event — the price every batch would pay if it ran always — beside the
   handling of one ``!status``.
3. **The partial index on unsent messages.** The backlog that ``!status`` shows coordinators
   (``storage.core.unsent_in_room``) with ``ix_outbox_unsent`` and, on a copy of the file,
   without it.
4. **Cheap commits.** One small transaction (insert one row, commit) with
   ``synchronous=NORMAL`` (what ``storage.engine`` sets) and with ``FULL``.
5. **One thread hop per statement.** A new ``!beschluss`` handled (seven statements and a
   commit) on ``storage.engine``'s SQLite link (``storage.sqlite_link``) and on SQLAlchemy's
   own aiosqlite driver (four hops per statement), each on its own copy of the file that
   takes nothing but these decisions.
6. **Chain statements on the session's connection.** A new ``!beschluss`` handled with the
   decision log's prebuilt statements run on the session's connection
   (``storage.engine.run_core``) and through ``session.execute`` (the ORM's path), turn
   about, on a file of its own.
7. **A series' next reminders kept.** ``!status`` in a busy room (a series with reminders,
   an open round, a press release awaiting approval; ``handling.BUSY_ROOM``) with the
   series' next reminders kept between calls (``commands.meetings.due.UpcomingMemo``, and
   the parsed rule shared) and expanded anew every time.
8. **A list's page statement kept.** ``!beschlüsse`` (a page of twenty decisions) with the
   page's statement kept per shape (``storage.search.PageQuery``, ``lru_cache``) and built
   anew every time, turn about, on the file of pair 6 (which holds its decisions).

The CSV writer has its own script (``bench/csv_writer.py``). Always exits 0.

    .venv/bin/python bench/fast_paths.py [--history 100000] [--samples 300]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from _common import REPO_ROOT, machine
from handling import Bench, ScratchRow, make_busy, setup
from sqlalchemy import event, insert, literal, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

sys.path.insert(0, REPO_ROOT)
from bot.content import txn_id
from commands.meetings import schedule, views
from commands.meetings.due import UpcomingMemo
from commands.meetings.recurrence import expand
from storage.core import HandledEvent, OutboxMessage, handled_or_answered, unsent_in_room
from storage.decisions import chain, state
from storage.engine import create_engine, run_core, session_factory, with_pragmas
from tests.support.chat import ROOM, FakeClock

CHUNK = 10_000
THREE_YEARS = timedelta(days=3 * 365)


async def fill_history(engine: AsyncEngine, count: int, end: datetime) -> None:
    """``count`` sent replies and handled events, spread evenly over three years."""
    step = THREE_YEARS / max(count, 1)
    async with engine.begin() as connection:
        for first in range(0, count, CHUNK):
            numbers = range(first, min(first + CHUNK, count))
            moments = [end - THREE_YEARS + step * n for n in numbers]
            await connection.execute(
                insert(OutboxMessage),
                [
                    {
                        "room_id": ROOM,
                        "txn_id": txn_id(f"$old{n}", 0),
                        "content": {"msgtype": "m.notice", "body": f"Antwort {n}"},
                        "purpose": "reply",
                        "created_at": at,
                        "sent_at": at,
                        "event_id": f"$sent{n}",
                    }
                    for n, at in zip(numbers, moments, strict=True)
                ],
            )
            await connection.execute(
                insert(HandledEvent),
                [
                    {"event_id": f"$handled{n}", "room_id": ROOM, "handled_at": at}
                    for n, at in zip(numbers, moments, strict=True)
                ],
            )


async def sample(action: Callable[[], Awaitable[Any]]) -> float:
    started = time.perf_counter()
    await action()
    return (time.perf_counter() - started) * 1000


async def status_reply(bench: Bench, live: bool, text: str = "!status") -> float:
    """Milliseconds from the command to its reply sent (handling and queue drain)."""
    bench.chat.dispatcher.live = live
    message = bench.message(text)

    async def handle_and_send() -> None:
        await bench.chat.dispatcher.handle(message)
        await bench.chat.outbox.drain()

    elapsed = await sample(handle_and_send)
    if len(bench.chat.sent) != 1:
        raise RuntimeError(f"{text} was not answered exactly once")
    bench.chat.sent.clear()
    bench.chat.homeserver._by_txn.clear()
    return elapsed


async def backlog(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session:
        query = unsent_in_room(literal(ROOM))
        (await session.execute(select(query))).one()


async def replay_check(engine: AsyncEngine, number: int) -> None:
    async with session_factory(engine)() as session:
        found = await handled_or_answered(session, [f"$new{number}"])
        if found:
            raise RuntimeError("a new event counted as handled")


async def small_commit(engine: AsyncEngine, clock: FakeClock) -> None:
    async with session_factory(engine)() as session, session.begin():
        session.add(ScratchRow(room_id=ROOM, body="commit", created_at=clock()))


def full_sync(engine: AsyncEngine) -> AsyncEngine:
    """The same file with ``synchronous=FULL`` (set after storage.engine's own pragmas)."""

    @event.listens_for(engine.sync_engine, "connect")
    def _full(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return engine


def plain_aiosqlite(path: Path) -> AsyncEngine:
    """The file on SQLAlchemy's own aiosqlite driver, with ``storage.engine``'s pragmas."""
    url = f"sqlite+aiosqlite:///{path}"
    return with_pragmas(create_async_engine(url, connect_args={"timeout": 30}))


async def decision_recorded(bench: Bench, number: int) -> float:
    """Milliseconds to handle a new ``!beschluss`` (its reply is queued, then drained)."""
    message = bench.message(f"!beschluss Testbeschluss {number}")
    elapsed = await sample(lambda: bench.chat.dispatcher.handle(message))
    await bench.chat.outbox.drain()
    if len(bench.chat.sent) != 1:
        raise RuntimeError("!beschluss was not answered exactly once")
    bench.chat.sent.clear()
    bench.chat.homeserver._by_txn.clear()
    return elapsed


async def busy_status(bench: Bench, kept: bool) -> float:
    """Milliseconds from ``!status`` in the busy room to its reply sent, with the next
    reminders kept (as koopbot runs) or expanded anew (a memo that keeps nothing)."""
    views._UPCOMING, schedule.expand = (
        (KEPT, expand) if kept else (UpcomingMemo(size=0), expand.__wrapped__)
    )
    try:
        return await status_reply(bench, True)
    finally:
        views._UPCOMING, schedule.expand = KEPT, expand


KEPT = views._UPCOMING
PAGE = state._page


async def decision_page(bench: Bench, kept: bool) -> float:
    """Milliseconds from ``!beschlüsse`` to its reply sent, with the page's statement kept
    (as koopbot runs) or built anew (the builder without its cache)."""
    state._page = PAGE if kept else PAGE.__wrapped__  # type: ignore[assignment]
    try:
        return await status_reply(bench, True, "!beschlüsse")
    finally:
        state._page = PAGE


async def through_session(session: Any, statement: Any, parameters: Any = None) -> Any:
    """What ``run_core`` replaced: the same statement through the ORM's execute."""
    return await session.execute(statement, parameters)


async def decision_run(bench: Bench, number: int, on_connection: bool) -> float:
    """A new ``!beschluss`` with the chain's statements on the connection or not."""
    chain.run_core = state.run_core = run_core if on_connection else through_session
    try:
        return await decision_recorded(bench, number)
    finally:
        chain.run_core = state.run_core = run_core


async def run(history: int, samples: int) -> dict[str, dict[str, list[float]]]:
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "koopbot.db"
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        clock = FakeClock()
        await setup(engine, clock)
        started = time.perf_counter()
        await fill_history(engine, history, clock())
        print(f"  history of {history:,} messages and events written in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        await engine.dispose()
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        shutil.copy(path, Path(tmp) / "no-index.db")
        # Two more copies that get nothing but the decisions: the same workload on each
        # driver (the first file also takes every other pair's writes, and a fuller
        # write-ahead log slows whatever runs on it).
        shutil.copy(path, Path(tmp) / "link.db")
        shutil.copy(path, Path(tmp) / "plain.db")
        shutil.copy(path, Path(tmp) / "busy.db")
        shutil.copy(path, Path(tmp) / "core.db")
        bench = await setup(engine, clock)
        link_engine = create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'link.db'}")
        link = await setup(link_engine, clock)
        plain_engine = plain_aiosqlite(Path(tmp) / "plain.db")
        plain = await setup(plain_engine, clock)
        busy_engine = create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'busy.db'}")
        busy = await setup(busy_engine, clock)
        await make_busy(busy)
        core_engine = create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'core.db'}")
        core = await setup(core_engine, clock)
        bare = create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'no-index.db'}")
        async with bare.begin() as connection:
            await connection.execute(text("DROP INDEX ix_outbox_unsent"))
        full = full_sync(create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'no-index.db'}"))

        pairs: dict[str, tuple[str, str]] = {
            "reading reply": ("send first (live)", "record, then send"),
            "replay check": ("one !status handled", "check of one event"),
            "backlog": ("with ix_outbox_unsent", "without the index"),
            "commit": ("synchronous=NORMAL", "synchronous=FULL"),
            "new decision": ("one hop per statement", "aiosqlite's four"),
            "chain statements": ("on the connection", "through session.execute"),
            "busy !status": ("next reminders kept", "expanded every time"),
            "decision page": ("statement kept", "built every time"),
        }
        results = {name: {side: [] for side in sides} for name, sides in pairs.items()}
        for _ in range(10):  # warm-up: caches, prepared statements, the page cache
            await status_reply(bench, True)
            await backlog(bare)
        for number in range(25):  # a full page of decisions for pair 8
            await decision_recorded(core, -number - 1)
        for number in range(samples):
            runs = results["reading reply"]
            runs["send first (live)"].append(await status_reply(bench, True))
            runs["record, then send"].append(await status_reply(bench, False))
            runs = results["replay check"]
            runs["one !status handled"].append(await status_reply(bench, True))
            runs["check of one event"].append(
                await sample(lambda n=number: replay_check(engine, n))  # type: ignore[misc]
            )
            runs = results["backlog"]
            runs["with ix_outbox_unsent"].append(await sample(lambda: backlog(engine)))
            runs["without the index"].append(await sample(lambda: backlog(bare)))
            runs = results["commit"]
            runs["synchronous=NORMAL"].append(await sample(lambda: small_commit(engine, clock)))
            runs["synchronous=FULL"].append(await sample(lambda: small_commit(full, clock)))
            runs = results["new decision"]
            sides = [("one hop per statement", link), ("aiosqlite's four", plain)]
            for side, recording in sides if number % 2 else reversed(sides):  # who goes first
                runs[side].append(await decision_recorded(recording, number))
            runs = results["chain statements"]
            order = [True, False] if number % 2 else [False, True]
            for on_connection in order:
                side = "on the connection" if on_connection else "through session.execute"
                runs[side].append(await decision_run(core, number, on_connection))
            runs = results["busy !status"]
            runs["next reminders kept"].append(await busy_status(busy, True))
            runs["expanded every time"].append(await busy_status(busy, False))
            runs = results["decision page"]
            for kept in [True, False] if number % 2 else [False, True]:
                side = "statement kept" if kept else "built every time"
                runs[side].append(await decision_page(core, kept))
        for each in (engine, bare, full, link_engine, plain_engine, busy_engine, core_engine):
            await each.dispose()
    return results


def report(results: dict[str, dict[str, list[float]]]) -> None:
    for name, sides in results.items():
        (fast, fast_runs), (slow, slow_runs) = sides.items()
        fast_median, slow_median = statistics.median(fast_runs), statistics.median(slow_runs)
        print(f"  {name}")
        for side, runs in sides.items():
            print(
                f"    {side:<24} median {statistics.median(runs):7.3f} ms  "
                f"(p10–p90 {percentile(runs, 10):.3f}–{percentile(runs, 90):.3f})"
            )
        print(f"    ratio {slow} / {fast}: {slow_median / fast_median:.2f}x")


def percentile(runs: list[float], q: int) -> float:
    ordered = sorted(runs)
    return ordered[min(len(ordered) - 1, len(ordered) * q // 100)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=300)
    options = parser.parse_args()
    print(f"Fast paths, {options.samples} interleaved samples each")
    print(f"  machine: {machine()}")
    results = asyncio.run(run(options.history, options.samples))
    report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
