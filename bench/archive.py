"""Reading commands against three years of history, beside the bare transaction.

Fills one room through the storage API: decisions (bulk, ``chain.append_many``) with
amendments, revocations and completions, notices, meetings with agenda items, closed
input rounds with inputs, contact changes. Then times every reading command (each
declared one's example, plus the decision searches, filters and pages) in process, as
``bench/handling.py`` does:
``dispatcher.handle(Message(...))`` interleaved with the floor (one ORM transaction that
inserts one row, selects five and commits), and prints each median beside the floor's
from the same run, and the process's memory (RSS). Then times each timed source's
``next_due`` (meeting, round, press and consent reminders, the retention purge) the same
way: the waker asks all of them after every write. Always exits 0.

    .venv/bin/python bench/archive.py [--decisions 100000] [--notices 10000]
        [--meetings 1000] [--rounds 50] [--contacts 120] [--samples 15] [--postgres]
        [--database FILE]

``--database FILE`` keeps the filled SQLite file: a later run with the same file skips
the filling (about a minute for 100,000 decisions) and times the same archive again.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from _common import REPO_ROOT, machine, print_header, print_ratio, print_table, rss_of, summary
from handling import Bench, setup

sys.path.insert(0, REPO_ROOT)
from bot.app import all_commands, due_sources
from storage import contacts as contact_store
from storage import meetings, notices, sectors
from storage.decisions import chain
from storage.decisions.chain import NewEntry
from storage.engine import SessionFactory, create_engine
from tests.support.chat import ROOM, USERS, FakeClock

BAR = 1.5
START = datetime(2023, 12, 1, 8, 0, tzinfo=UTC)
DAYS = 3 * 365
BATCH = 5_000
PEOPLE = [USERS["stadt1"], USERS["agentur1"], USERS["jobcenter1"], None]
WORDS = ["Logistik", "Pflege", "Qualifizierung", "Übergang", "Straßenbahn", "Fachkräfte",
         "Ausbildung", "Förderung", "Berufsorientierung", "Weiterbildung"]  # fmt: skip
SEARCHES = (
    "!beschlüsse",
    "!beschlüsse Maßnahme 4711",
    "!beschlüsse Maßnahmen",
    "!beschlüsse logistik gültig",
    "!beschlüsse gültig",
    "!beschlüsse überfällig",
    "!beschlüsse krüger",
    "!beschlüsse seite=50",
    "!beschluss 4711",
    "!infos",
    "!infos Straßenbahn",
    "!infos Meldung 17",
    "!infos seite=50",
    "!branche suche Aufträge",
    "!branche suche Logistik",
)


def _decisions(count: int, rng: random.Random) -> list[NewEntry]:
    """``count`` entries: 80 % new decisions, the rest amend, revoke or close a valid one."""
    entries: list[NewEntry] = []
    valid: list[int] = []
    for index in range(count):
        number = index + 1
        day = START + timedelta(days=DAYS * index // count)
        kind, target = "recorded", None
        roll = rng.random()
        if valid and roll >= 0.8:
            kind = "amended" if roll < 0.9 else "revoked" if roll < 0.95 else "done"
            target = valid.pop(rng.randrange(len(valid)))
        topic = rng.choice(WORDS)
        entries.append(
            NewEntry(
                room_id=ROOM,
                kind=kind,
                subject=f"{topic}: Maßnahme {number}",
                wording=f"Die Partner vereinbaren Maßnahme {number} zu {topic} – „gemeinsam“.",
                outcome="adopted" if kind in ("recorded", "amended") else "",
                decided_on=day.date(),
                recorded_at=day,
                author=USERS["koordination"],
                source_event_id=f"$archive{number}",
                refers_to=target,
                agreed=("stadt", "agentur", "jobcenter"),
                responsible=rng.choice(PEOPLE) if kind != "revoked" else None,
                deadline=(day + timedelta(days=rng.randrange(10, 200))).date()
                if kind in ("recorded", "amended")
                else None,
            )
        )
        if kind in ("recorded", "amended"):
            valid.append(number)
    return entries


async def fill(sessions: SessionFactory, options: argparse.Namespace) -> dict[str, float]:
    """Three years of history in ``ROOM``; seconds per part."""
    rng = random.Random(17)
    took: dict[str, float] = {}
    started = time.perf_counter()
    entries = _decisions(options.decisions, rng)
    for first in range(0, len(entries), BATCH):
        async with sessions() as session, session.begin():
            await chain.append_many(session, entries[first : first + BATCH])
    took["decisions"] = time.perf_counter() - started
    started = time.perf_counter()
    async with sessions() as session, session.begin():
        for number in range(options.notices):
            await notices.add_notice(
                session, room_id=ROOM, text=f"Meldung {number}: {rng.choice(WORDS)} im Bezirk",
                topic=rng.choice(WORDS), concerns="", author=USERS["stadt1"], partner_id="stadt",
                now=START + timedelta(days=DAYS * number // max(options.notices, 1)),
                source_event_id=f"$notice{number}",
            )  # fmt: skip
    took["notices"] = time.perf_counter() - started
    started = time.perf_counter()
    async with sessions() as session, session.begin():
        for number in range(options.meetings):
            start = START + timedelta(days=DAYS * number // max(options.meetings, 1))
            meeting = await meetings.add_meeting(
                session, room_id=ROOM, title=f"Runde {number}", place="Rathaus",
                duration_minutes=90, start=start, rule=None, tz="Europe/Berlin",
                created_by=USERS["koordination"], now=start - timedelta(days=14),
            )  # fmt: skip
            for item in range(3):
                await meetings.add_agenda_item(
                    session, meeting=meeting, occurrence=start, text=f"TOP {item + 1}",
                    author=USERS["stadt1"], partner_id="stadt", now=start - timedelta(days=7),
                )  # fmt: skip
    took["meetings"] = time.perf_counter() - started
    started = time.perf_counter()
    async with sessions() as session, session.begin():
        for number in range(options.rounds):
            opened = START + timedelta(days=DAYS * number // max(options.rounds, 1))
            round_ = await sectors.open_round(
                session, room_id=ROOM, opened_by=USERS["koordination"], now=opened,
                deadline=(opened + timedelta(days=10)).date(),
            )  # fmt: skip
            for partner in ("stadt", "agentur", "jobcenter"):
                await sectors.add_input(
                    session, room_id=ROOM, round_id=round_.id, partner_id=partner,
                    author=USERS[f"{partner}1"], section="H", trend="growing",
                    text="Aufträge ziehen an", demand="", horizon="", now=opened,
                    source_event_id=f"$input{number}{partner}",
                )  # fmt: skip
            sectors.close_round(round_, closed_by=USERS["koordination"], now=opened)
    took["rounds"] = time.perf_counter() - started
    started = time.perf_counter()
    async with sessions() as session, session.begin():
        for number in range(options.contacts):  # contact persons change now and then
            partner = ("stadt", "agentur", "jobcenter")[number % 3]
            await contact_store.set_contact(
                session, room_id=ROOM, partner_id=partner, contact=USERS[f"{partner}1"],
                deputy=USERS.get(f"{partner}2", ""),
                set_by=USERS["koordination"],
                now=START + timedelta(days=DAYS * number // max(options.contacts, 1)),
            )  # fmt: skip
    took["contacts"] = time.perf_counter() - started
    return took


def reading_commands() -> list[str]:
    """Every reading command's declared example, then the searches."""
    examples = [c.example for c in all_commands() if c.reads_only]
    return list(dict.fromkeys([*examples, *SEARCHES]))


async def handled(bench: Bench, text: str) -> float:
    """Milliseconds to handle one command (a file export may send more than one message)."""
    message = bench.message(text)
    started = time.perf_counter()
    await bench.chat.dispatcher.handle(message)
    elapsed = (time.perf_counter() - started) * 1000
    await bench.chat.outbox.drain()
    if not bench.chat.sent:
        raise RuntimeError(f"{text} was not answered")
    bench.chat.sent.clear()
    bench.chat.homeserver._by_txn.clear()
    return elapsed


async def time_commands(bench: Bench, samples: int) -> dict[str, list[float]]:
    texts = reading_commands()
    results: dict[str, list[float]] = {text: [] for text in texts}
    results["floor"] = []
    for text in texts:  # warm-up: caches, statement compilation
        await handled(bench, text)
    for _ in range(samples):
        for text in texts:
            results[text].append(await handled(bench, text))
            results["floor"].append(await bench.floor())
    return results


async def time_wake_ups(bench: Bench, samples: int) -> dict[str, list[float]]:
    """Each timed source's ``next_due`` (``bot.app.due_sources``), interleaved with the
    floor: the waker asks all of them half a second after every write, so each must cost
    about a bare transaction however long the history is."""
    sources = {
        f"next_due {type(source).__name__}": source for source in due_sources(bench.chat.settings)
    }
    results: dict[str, list[float]] = {name: [] for name in [*sources, "floor (wake-ups)"]}
    for number in range(samples + 1):  # the first round warms up
        for name, source in sources.items():
            started = time.perf_counter()
            async with bench.sessions() as session:
                await source.next_due(session, bench.clock())
            elapsed, floor = (time.perf_counter() - started) * 1000, await bench.floor()
            if number:
                results[name].append(elapsed)
                results["floor (wake-ups)"].append(floor)
    return results


async def run(options: argparse.Namespace) -> dict[str, Any]:
    cluster = None
    with tempfile.TemporaryDirectory(prefix="koopbot-archive-") as tmp:
        if options.postgres:
            from tests.support.postgres import start_postgres

            cluster = start_postgres()
            url = cluster.create_database("koopbot_archive")
        else:
            url = f"sqlite+aiosqlite:///{options.database or Path(tmp) / 'koopbot.db'}"
        reuse = options.database is not None and options.database.exists()
        engine = create_engine(url)
        try:
            clock = FakeClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
            bench = await setup(engine, clock)
            bench.ids = itertools.count(time.time_ns())  # event ids unseen in a reused file
            took = {} if reuse else await fill(bench.sessions, options)
            if options.postgres:  # as autovacuum does after so many inserts: statistics,
                # and the trigram indexes' pending entries merged (a GIN index scans its
                # pending list on every search until then)
                async with engine.connect() as connection:
                    done = await connection.execution_options(isolation_level="AUTOCOMMIT")
                    await done.execute(sa.text("VACUUM ANALYZE"))
            filled = rss_of()
            timings = await time_commands(bench, options.samples)
            wake_ups = await time_wake_ups(bench, options.samples)
        finally:
            await engine.dispose()
            if cluster is not None:
                cluster.stop()
    return {
        "backend": "postgresql" if options.postgres else "sqlite",
        "fill_s": took,
        "rss_after_fill_mb": filled,
        "rss_end_mb": rss_of(),
        "stats_ms": {name: summary(values) for name, values in timings.items()},
        "wake_ups_ms": {name: summary(values) for name, values in wake_ups.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--decisions", type=int, default=100_000)
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--meetings", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--contacts", type=int, default=120, help="contact changes")
    parser.add_argument("--samples", type=int, default=15, help="timed samples of each command")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster")
    parser.add_argument("--database", type=Path, help="SQLite file to keep and reuse filled")
    options = parser.parse_args()
    results = asyncio.run(run(options))
    facts = {
        **machine(),
        "backend": results["backend"],
        "decisions": options.decisions,
        "notices": options.notices,
        "meetings": options.meetings,
        "rounds": options.rounds,
        "contact changes": options.contacts,
        "N": options.samples,
    }
    print_header("Reading commands against an archive, in process", facts)
    fill_s = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in results["fill_s"].items())
    print(f"  filled: {fill_s or 'reused ' + str(options.database)}")
    stats = results["stats_ms"]
    print_table(stats)
    floor = stats["floor"]["median"]
    for name, row in stats.items():
        if name != "floor":
            print_ratio(f"median {name[:32]} / floor", row["median"] / floor, BAR)
    print("  The timed sources' next wake-up, asked after every write:")
    wake_ups = results["wake_ups_ms"]
    print_table(wake_ups)
    floor = wake_ups["floor (wake-ups)"]["median"]
    for name, row in wake_ups.items():
        if not name.startswith("floor"):
            print_ratio(f"median {name[:32]} / floor", row["median"] / floor, BAR)
    (now_fill, peak_fill), (now_end, peak_end) = (
        results["rss_after_fill_mb"],
        results["rss_end_mb"],
    )
    print(
        f"  RSS after filling {now_fill:.0f} MB (peak {peak_fill:.0f} MB); "
        f"at the end {now_end:.0f} MB (peak {peak_end:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
