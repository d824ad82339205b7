"""10,000 future reminders — start-up scheduling, resident memory, lateness while running.

One run, three parts, each figure printed beside its bar and a floor measured in the same run:

1. A SQLite file with 3,334 meetings × 3 offsets (7d, 1d, 1h) = 10,002 future reminders over
   the next 60 days, written through the repository and planned as ``!termin neu`` plans them.
2. Start-up, in a fresh process: the bot's imports, the engine, then the timed part — the
   ``MeetingReminders`` source and the ``Waker`` with a real APScheduler, its first ``wake()``
   (nothing due) and the scheduling of the next wake-up. Then the resident memory (psutil).
   Floor: a fresh process with the same imports that starts nothing. Also shown: how long
   re-planning all meetings takes after the configured offsets changed (a rare restart).
3. Lateness, in this process on the real clock: 200 meetings whose "1h" reminder falls due
   within the next minute, beside the 10,002 others; Waker, APScheduler and the outbox run for
   real with a sender that records when each reminder was handed to it. Floor: 200 empty
   APScheduler jobs at the same due times, in the same event loop at the same time.

    .venv/bin/python bench/reminders.py [--meetings 3334] [--burst 200] [--window 60] [--json]

A measurement, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import REPO_ROOT, machine, percentile, print_header, print_json

sys.path.insert(0, REPO_ROOT)

STARTUP_BAR_S = 2.0
RSS_BAR_MB = 150.0
LATENESS_P99_BAR_S = 1.0
ROOM = "!kooperation:bench"


def _settings(url: str, offsets: list[str] | None = None) -> Any:
    from config import ReminderSettings
    from tests.support.chat import make_settings

    settings = make_settings(storage={"url": url})
    if offsets is not None:
        settings = settings.model_copy(update={"reminders": ReminderSettings(offsets=offsets)})
    return settings


async def _add(session: Any, settings: Any, start: datetime, now: datetime, title: str) -> None:
    from commands.meetings.reminders import plan_reminders
    from commands.meetings.views import schedule_of
    from storage import meetings as store

    meeting = await store.add_meeting(
        session,
        room_id=ROOM,
        title=title,
        place="Rathaus",
        duration_minutes=90,
        start=start,
        rule=None,
        tz=settings.timezone,
        created_by="@koordination:test",
        now=now,
    )
    plan_reminders(meeting, schedule_of(meeting), settings)


async def seed(path: Path, meetings: int) -> float:
    """The database with ``meetings`` × 3 future reminders; returns the seconds it took."""
    from storage import migrate
    from storage.engine import create_engine, session_factory

    started = time.perf_counter()
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url)
    await migrate.upgrade(engine)
    settings = _settings(url)
    now = datetime.now(UTC)
    rng = random.Random(3)
    async with session_factory(engine)() as session, session.begin():
        for number in range(meetings):
            # 8 to 60 days ahead, so every one of the three reminders is still to come.
            start = now + timedelta(days=8 + rng.random() * 52)
            await _add(session, settings, start.replace(microsecond=0), now, f"Runde {number}")
    await engine.dispose()
    return time.perf_counter() - started


# -- the child processes -------------------------------------------------------------------


def _imports() -> None:
    """What the running bot imports (also the floor's imports)."""
    import apscheduler.schedulers.asyncio  # noqa: F401
    import psutil  # noqa: F401

    import bot.app  # noqa: F401
    import commands.meetings.reminders  # noqa: F401
    import storage.engine  # noqa: F401


def child_floor() -> dict[str, float]:
    import psutil

    _imports()
    return {"rss_mb": psutil.Process().memory_info().rss / 2**20}


def child_start(path: str, offsets: list[str] | None) -> dict[str, float]:
    import psutil

    _imports()
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.app import utc_now
    from bot.posting import Posting
    from bot.scheduler import Waker
    from commands.core.catalogue import Catalogue
    from commands.meetings.reminders import MeetingReminders
    from storage import migrate
    from storage.engine import create_engine, session_factory

    async def run() -> dict[str, float]:
        opened = time.perf_counter()
        url = f"sqlite+aiosqlite:///{path}"
        engine = create_engine(url)
        await migrate.upgrade(engine)
        sessions = session_factory(engine)
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.start()
        settings = _settings(url, offsets)
        # The catalogue is built once per process, before anything is planned; building it
        # resolves the usages in the texts from every command declaration (importing them).
        texts = Catalogue(settings.language)
        started = time.perf_counter()
        waker = Waker(
            scheduler,
            [MeetingReminders(settings)],
            sessions,
            utc_now,
            Posting(texts, utc_now),
            lambda _rows: None,
        )
        await waker.wake()
        scheduled = time.perf_counter()
        job = scheduler.get_job("wake")
        assert job is not None and waker.next_wake is not None
        result = {
            "open_s": started - opened,
            "startup_s": scheduled - started,
            "rss_mb": psutil.Process().memory_info().rss / 2**20,
            "next_wake_in_h": (waker.next_wake - utc_now()).total_seconds() / 3600,
        }
        scheduler.shutdown(wait=False)
        await engine.dispose()
        return result

    return asyncio.run(run())


def in_child(*args: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


# -- lateness on the real clock ------------------------------------------------------------


class RecordingSender:
    """The network edge: remembers when each message was handed over (like Synapse, deduplicated)."""

    def __init__(self, arrived: Callable[[], None]) -> None:
        self.sent: dict[str, float] = {}
        self.arrived = arrived

    async def send(self, room_id: str, content: dict[str, Any], txn: str) -> str:
        self.sent.setdefault(txn, time.time())
        self.arrived()
        return f"${len(self.sent)}"

    async def upload(self, room_id: str, name: str, mimetype: str, data: bytes) -> dict[str, Any]:
        return {"url": "mxc://bench/0"}


async def lateness(path: Path, burst: int, window: float) -> dict[str, Any]:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.date import DateTrigger
    from sqlalchemy import func, select

    from bot.app import utc_now
    from bot.content import txn_id
    from bot.outbox import Outbox
    from bot.scheduler import Waker
    from commands.meetings.reminders import MeetingReminders, reminder_cause
    from storage.engine import create_engine, session_factory
    from storage.meetings import Meeting
    from tests.support.chat import Chat

    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url)
    sessions = session_factory(engine)
    settings = _settings(url)
    now = utc_now()
    first = now + timedelta(seconds=5)
    dues = sorted(first + timedelta(seconds=window * i / burst) for i in range(burst))
    expected: dict[str, datetime] = {}
    async with sessions() as session, session.begin():
        base = int(await session.scalar(select(func.max(Meeting.id))) or 0)
        for number, due in enumerate(dues, start=1):
            start = due + timedelta(hours=1)
            await _add(session, settings, start, now, f"Eilrunde {number}")
            cause = reminder_cause(base + number, start, timedelta(hours=1))
            expected[txn_id(*cause)] = due

    chat = Chat(settings, sessions, utc_now)  # the real posting turns posts into outbox rows
    floor: list[float] = []
    done = asyncio.Event()

    def arrived() -> None:
        if len(sender.sent) >= burst and len(floor) >= burst:
            done.set()

    def empty_job(due: datetime) -> None:
        floor.append((utc_now() - due).total_seconds())
        arrived()

    sender = RecordingSender(arrived)
    outbox = Outbox(sender, sessions, utc_now)
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.start()
    waker = Waker(
        scheduler,
        [MeetingReminders(settings)],
        sessions,
        utc_now,
        chat.posting,
        outbox.push,
    )
    for number, due in enumerate(dues):
        scheduler.add_job(
            empty_job,
            DateTrigger(run_date=due),
            args=[due],
            id=f"floor-{number}",
            misfire_grace_time=None,
        )
    sending = asyncio.get_running_loop().create_task(outbox.run())
    await waker.wake()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), window + 30)
    sending.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await sending
    scheduler.pause()  # no new wake-ups; the Waker's lock is fair, so two more calls
    await waker.wake()  # wait until a wake-up that had already started is done
    await waker.wake()
    scheduler.shutdown(wait=False)
    await engine.dispose()
    late = [
        sender.sent[txn] - due.timestamp() for txn, due in expected.items() if txn in sender.sent
    ]
    return {
        "posted": len(late),
        "extra_posts": len(set(sender.sent) - set(expected)),
        "p50_s": percentile(late, 50),
        "p99_s": percentile(late, 99),
        "max_s": max(late, default=float("nan")),
        "min_s": min(late, default=float("nan")),
        "floor_p50_s": percentile(floor, 50),
        "floor_p99_s": percentile(floor, 99),
    }


def _row(label: str, value: str, bar: str, ok: bool, floor: str) -> None:
    print(f"  {label:<34}{value:>22}   bar {bar:<10}{'PASS' if ok else 'FAIL':<6}floor: {floor}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3334)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=["floor", "start"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--offsets", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "floor":
        print(json.dumps(child_floor()))
        return
    if args.child == "start":
        print(json.dumps(child_start(args.db, args.offsets.split(",") if args.offsets else None)))
        return

    folder = Path(tempfile.mkdtemp(prefix="koopbot-bench-"))
    try:
        database = folder / "koopbot.db"
        seeded = asyncio.run(seed(database, args.meetings))
        floor = in_child("--child", "floor")
        start = in_child("--child", "start", "--db", str(database))
        replan_copy = folder / "replan.db"
        shutil.copy(database, replan_copy)
        replan = in_child("--child", "start", "--db", str(replan_copy), "--offsets", "7d,1d,2h")
        late = asyncio.run(lateness(database, args.burst, args.window))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    results = {
        "machine": machine(),
        "reminders": args.meetings * 3,
        "seed_s": seeded,
        "floor": floor,
        "start": start,
        "replan_after_offset_change": replan,
        "lateness": late,
    }
    if args.json:
        print_json(results)
        return
    print_header("koopbot reminders", machine())
    print(f"  {args.meetings * 3:,} future reminders ({args.meetings:,} meetings × 3 offsets), "
          f"seeded in {seeded:.1f} s; next wake-up in {start['next_wake_in_h']:.1f} h")  # fmt: skip
    _row(
        "start-up to all scheduled",
        f"{start['startup_s'] * 1000:.1f} ms",
        f"< {STARTUP_BAR_S:.0f} s",
        start["startup_s"] < STARTUP_BAR_S,
        f"opening the engine and checking migrations {start['open_s'] * 1000:.1f} ms",
    )
    _row(
        "resident memory after start",
        f"{start['rss_mb']:.1f} MB",
        f"< {RSS_BAR_MB:.0f} MB",
        start["rss_mb"] < RSS_BAR_MB,
        f"same imports, nothing started {floor['rss_mb']:.1f} MB",
    )
    _row(
        f"lateness of {late['posted']}/{args.burst} reminders",
        f"p50 {late['p50_s'] * 1000:.1f} ms, p99 {late['p99_s'] * 1000:.1f} ms",
        f"p99 < {LATENESS_P99_BAR_S:.0f} s",
        late["p99_s"] < LATENESS_P99_BAR_S and late["posted"] == args.burst,
        f"empty APScheduler job p50 {late['floor_p50_s'] * 1000:.1f} ms, "
        f"p99 {late['floor_p99_s'] * 1000:.1f} ms",
    )
    print(f"  (lateness min {late['min_s'] * 1000:.1f} ms, max {late['max_s'] * 1000:.1f} ms; "
          f"posts that were not expected: {late['extra_posts']})")  # fmt: skip
    print(f"  re-planning all meetings after the offsets changed (rare restart): "
          f"{replan['startup_s'] * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
