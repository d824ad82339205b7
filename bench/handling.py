"""In-process handling of one command on SQLite vs one bare SQLAlchemy transaction.

The real Dispatcher and Outbox (tests/support/chat.py: a fake homeserver edge) on a real
SQLite file opened by storage.engine.create_engine (WAL, synchronous=NORMAL). Timed:
``dispatcher.handle(Message(...))`` for ``!status`` and ``!kontakte`` (parse, authorise,
storage, render; not the send), and for two commands that write, a new ``!beschluss`` and
a new ``!info`` (parse, authorise, storage, render and commit; the reply is queued and sent
after the handling, untimed), interleaved with the floor: one async ORM transaction
on the same engine that inserts one row, selects five and commits. Then ``!status`` again
in a busy room – a meeting series with reminders, an open input round with an input, a
press release awaiting approval – where it reads every feature. Then a burst of
1,000 commands awaited one after the other (as the sync loop does) while another task
measures event-loop lag, and the outbox drain afterwards. The burst's two commands only
read, so their replies go out while they are handled (``Outbox.send_first``) and the fake
homeserver's send is part of the handling time; the drain finds little left. Always exits 0.

    .venv/bin/python bench/handling.py [--samples 2000] [--burst 1000] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import sys
import tempfile
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from _common import REPO_ROOT, machine, print_header, print_json, print_ratio, print_table, summary
from sqlalchemy import String, Text, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

sys.path.insert(0, REPO_ROOT)
from bot.events import Message
from config.settings import LimitSettings
from storage import contacts as contact_store
from storage import migrate
from storage.base import UTCDateTime
from storage.engine import SessionFactory, create_engine, session_factory
from tests.support.chat import ROOM, USERS, Chat, FakeClock, make_settings

MEDIAN_BAR = 1.5
LAG_BAR_MS = 20.0
TICK_S = 0.005
COMMANDS = ("!status", "!kontakte")
#: Commands that write (each sample a new one), measured beside the readers: name → text.
WRITES = {
    "!beschluss (new)": "!beschluss Testbeschluss {n} verantwortlich=@agentur1:test frist=31.03.2027",
    "!info (new)": "!info Meldung {n}: Baustelle Straßenbahn thema=Verkehr betrifft=H",
}
BUSY_STATUS = "!status, busy room"
#: What makes the room busy, sent through the bot as coordinators and partners would.
BUSY_ROOM = (
    ("koordination", '!termin neu 08.12.2026 10:00 Koordinierungsrunde wiederholung="jeden '
     'zweiten Dienstag im Monat"'),
    ("koordination", "!runde start 07.12.2026"),
    ("stadt1", "!branche melden C wachsend Aufträge ziehen an"),
    ("stadt1", "!pm entwurf Gemeinsam für Fachkräfte frist=08.12.2026\nDie Partner starten."),
)  # fmt: skip


class Scratch(DeclarativeBase):
    pass


class ScratchRow(Scratch):
    """The floor's table, beside koopbot's tables in the same file."""

    __tablename__ = "bench_scratch"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    room_id: Mapped[str] = mapped_column(String(255))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


@dataclass
class Bench:
    chat: Chat
    sessions: SessionFactory
    clock: FakeClock
    ids: itertools.count[int] = field(default_factory=itertools.count)

    def message(self, text: str) -> Message:
        self.clock.advance(milliseconds=10)  # commands arrive over time, as in a room
        return Message(ROOM, f"$bench{next(self.ids)}", USERS["stadt1"], text, self.clock())

    async def command(self, text: str) -> float:
        """Milliseconds to handle one command; its reply is sent afterwards, untimed."""
        message = self.message(text)
        started = time.perf_counter()
        await self.chat.dispatcher.handle(message)
        elapsed = (time.perf_counter() - started) * 1000
        await self.chat.outbox.drain()
        if len(self.chat.sent) != 1:
            raise RuntimeError(f"{text} was not answered exactly once")
        self.chat.sent.clear()  # the fake edge keeps every reply: do not grow the heap
        self.chat.homeserver._by_txn.clear()
        return elapsed

    async def floor(self) -> float:
        """Milliseconds of one bare ORM transaction: insert one row, select five, commit."""
        started = time.perf_counter()
        async with self.sessions() as session, session.begin():
            session.add(ScratchRow(room_id=ROOM, body="floor", created_at=self.clock()))
            rows = await session.scalars(select(ScratchRow).order_by(ScratchRow.id.desc()).limit(5))
            rows.all()
        return (time.perf_counter() - started) * 1000


async def setup(engine: AsyncEngine, clock: FakeClock) -> Bench:
    await migrate.upgrade(engine)
    async with engine.begin() as connection:
        await connection.run_sync(Scratch.metadata.create_all)
    sessions = session_factory(engine)
    # The flood guard (30 commands per user and minute) would answer most of these with
    # "slower, please"; the benchmark wants the whole command path every time.
    settings = make_settings(limits=LimitSettings(commands_per_minute=10_000))
    async with sessions() as session, session.begin():
        for partner in settings.partners:  # !kontakte reads real rows
            await contact_store.set_contact(
                session,
                room_id=ROOM,
                partner_id=partner.id,
                contact=partner.contact,
                deputy=USERS["stadt2"],
                set_by=USERS["koordination"],
                now=clock(),
            )
        for number in range(5):
            session.add(ScratchRow(room_id=ROOM, body=f"seed {number}", created_at=clock()))
    return Bench(Chat(settings, sessions, clock), sessions, clock)


async def per_command(bench: Bench, samples: int, warmup: int) -> dict[str, list[float]]:
    results: dict[str, list[float]] = {text: [] for text in [*COMMANDS, *WRITES]}
    results["floor"] = []
    for number in range(warmup + samples):
        timed = [(text, await bench.command(text)) for text in COMMANDS]
        for name, text in WRITES.items():
            timed.append((name, await bench.command(text.format(n=number))))
        timed.append(("floor", await bench.floor()))
        if number >= warmup:
            for name, value in timed:
                results[name].append(value)
    return results


async def make_busy(bench: Bench) -> None:
    """Give the room something in every feature (``BUSY_ROOM``), as people would."""
    for who, text in BUSY_ROOM:
        await bench.chat.send(who, text)
        reply = bench.chat.last
        if "Bitte" in reply or "nicht" in reply:  # the bench must not measure a refusal
            raise RuntimeError(f"{text!r} was refused: {reply}")
    bench.chat.sent.clear()


async def busy_status(bench: Bench, samples: int, warmup: int) -> dict[str, list[float]]:
    """``!status`` against the floor again, after the room got something in every feature."""
    await make_busy(bench)
    results: dict[str, list[float]] = {BUSY_STATUS: [], "floor (busy)": []}
    for number in range(warmup + samples):
        status, floor = await bench.command("!status"), await bench.floor()
        if number >= warmup:
            results[BUSY_STATUS].append(status)
            results["floor (busy)"].append(floor)
    return results


async def watch_lag(lags: list[tuple[float, float]], stop: asyncio.Event) -> None:
    """How late each 5 ms sleep wakes up, and how much of that the loop's thread computed.

    A late wake-up with little CPU used means the process was not scheduled (other work
    on the machine), not that koopbot blocked the loop.
    """
    while not stop.is_set():
        started, cpu = time.perf_counter(), time.thread_time()
        await asyncio.sleep(TICK_S)
        late = (time.perf_counter() - started - TICK_S) * 1000
        lags.append((late, (time.thread_time() - cpu) * 1000))


class GcPauses:
    """Durations of the garbage collector's runs (a full one can block the loop for long)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, int]] = []  # (ms, generation)
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append(((time.perf_counter() - self._started) * 1000, info["generation"]))


async def with_lag_watch(work: Awaitable[None]) -> tuple[float, list[tuple[float, float]]]:
    lags: list[tuple[float, float]] = []
    stop = asyncio.Event()
    watcher = asyncio.get_running_loop().create_task(watch_lag(lags, stop))
    await asyncio.sleep(TICK_S * 2)  # the watcher is ticking before the work starts
    started = time.perf_counter()
    await work
    elapsed = (time.perf_counter() - started) * 1000
    stop.set()
    await watcher
    return elapsed, lags


async def burst(bench: Bench, count: int) -> dict[str, Any]:
    messages = [bench.message(COMMANDS[n % len(COMMANDS)]) for n in range(count)]

    async def handle_all() -> None:
        for message in messages:  # one after the other, as the sync loop hands them over
            await bench.chat.dispatcher.handle(message)

    sent_before, gc_pauses = len(bench.chat.sent), GcPauses()
    gc.callbacks.append(gc_pauses)
    try:
        handled_ms, handle_lags = await with_lag_watch(handle_all())
        longest_gc = max(gc_pauses.pauses, default=(0.0, -1))
        full_gcs = sum(1 for _, generation in gc_pauses.pauses if generation == 2)
        drained_ms, drain_lags = await with_lag_watch(bench.chat.outbox.drain())
    finally:
        gc.callbacks.remove(gc_pauses)
    return {
        "commands": count,
        "handle_ms": handled_ms,
        "handle_max_lag_ms": max(handle_lags)[0],
        "handle_max_lag_cpu_ms": max(handle_lags)[1],
        "handle_max_cpu_stall_ms": max(cpu for _, cpu in handle_lags) - TICK_S * 1000,
        "handle_p99_lag_ms": sorted(handle_lags)[int(len(handle_lags) * 0.99)][0],
        "replies_sent": len(bench.chat.sent) - sent_before,
        "drain_ms": drained_ms,
        "drain_max_lag_ms": max(drain_lags)[0],
        "handle_longest_gc_ms": longest_gc[0],
        "handle_longest_gc_generation": longest_gc[1],
        "handle_full_gcs": full_gcs,
        "gc_objects_tracked": len(gc.get_objects()),
    }


async def run(samples: int, warmup: int, count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="koopbot-handling-") as tmp:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(tmp) / 'koopbot.db'}")
        try:
            bench = await setup(engine, FakeClock())
            timings = await per_command(bench, samples, warmup)
            busy = await busy_status(bench, samples, warmup)
            burst_results = await burst(bench, count)
        finally:
            await engine.dispose()
    stats = {name: summary(values) for name, values in timings.items()}
    busy_stats = {name: summary(values) for name, values in busy.items()}
    stats.update(busy_stats)
    floor = stats["floor"]["median"]
    return {
        "machine": machine(),
        "samples": samples,
        "warmup": warmup,
        "stats_ms": stats,
        "ratios_median": {
            **{text: stats[text]["median"] / floor for text in [*COMMANDS, *WRITES]},
            BUSY_STATUS: busy_stats[BUSY_STATUS]["median"] / busy_stats["floor (busy)"]["median"],
        },
        "burst": burst_results,
        "bars": {"median": MEDIAN_BAR, "max_lag_ms": LAG_BAR_MS},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=2000, help="timed samples of each")
    parser.add_argument("--warmup", type=int, default=100, help="untimed samples of each")
    parser.add_argument("--burst", type=int, default=1000, help="commands in the burst")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    options = parser.parse_args()
    results = asyncio.run(run(options.samples, options.warmup, options.burst))
    facts = {**results["machine"], "N": options.samples, "warm-up": options.warmup}
    print_header("In-process handling of one command on SQLite", facts)
    print_table(results["stats_ms"])
    for text, ratio in results["ratios_median"].items():
        print_ratio(f"median {text} / floor", ratio, MEDIAN_BAR)
    b = results["burst"]
    print(
        f"  burst of {b['commands']} commands handled in {b['handle_ms']:.0f} ms; "
        f"event-loop lag p99 {b['handle_p99_lag_ms']:.2f} ms"
    )
    verdict = "PASS" if b["handle_max_lag_ms"] <= LAG_BAR_MS else "FAIL"
    print(f"  {'max event-loop lag':<40}{b['handle_max_lag_ms']:>7.2f} ms (bar 20 ms)  {verdict}")
    print(
        f"    that tick used {b['handle_max_lag_cpu_ms']:.1f} ms CPU of the loop's thread; longest "
        f"CPU-bound stall {b['handle_max_cpu_stall_ms']:.1f} ms (the rest is the machine)\n"
        f"    longest GC pause {b['handle_longest_gc_ms']:.1f} ms (generation "
        f"{b['handle_longest_gc_generation']}; {b['handle_full_gcs']} full collections; "
        f"{b['gc_objects_tracked']} objects tracked)"
    )
    print(
        f"  {b['replies_sent']} replies sent; the outbox drain afterwards took {b['drain_ms']:.0f} ms "
        f"(max lag {b['drain_max_lag_ms']:.2f} ms)"
    )
    if options.json:
        print_json(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
