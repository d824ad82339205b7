"""Export of 100,000 decisions to CSV under 2 s, streamed (memory flat); JSON; PDF.

A real SQLite file (storage.engine: WAL, synchronous=NORMAL) is filled with 100,000 decisions
through ``storage.decisions.chain.append_many`` (bulk inserts that still compute the hash
chain), 10,000 of them in one room and 90,000 in another, one every quarter of an hour
round the clock (about three years). Then the real export path – ``decision_protocol``
(rows read a chunk at a time, ``storage.bulk``) and the format writers – writes files:

- CSV of every room (100,000), several runs: median and range of the wall time.
- CSV and JSON of the one room (10,000) and of every room (100,000): wall time, and peak
  Python heap during the export (tracemalloc, a separate run, as tracing slows Python down)
  plus the process RSS growth. "Flat" means the 100,000 export peaks about as high as the
  10,000 one, not ten times higher.
- PDF of 1,000 decisions (a PDF is built in memory by design).
- The in-room export (``!export beschlüsse``): the same protocol streamed into the spool
  folder (``commands.export.spool``), its outbox rows built (``bot.posting``, with the upload
  limit checked), and the file read back in 64 KiB pieces as the upload does – for CSV and
  JSON of 10,000 and 100,000 decisions, several runs of the CSV: time and peak heap beside
  the file figures. The in-memory way it replaced (the whole file in a ``BytesIO``) is
  measured once for comparison.

Floors from the same run: a bare ``SELECT *`` with the standard ``sqlite3`` module, fetching
all 100,000 rows in chunks (no SQLAlchemy, no join, nothing done with them), and the
standard ``csv`` module writing the same 100,000 rows, already formatted, from a list in
memory. Always exits 0.

    .venv/bin/python bench/export.py [--rows 100000] [--runs 5] [--small 10000] [--pdf 1000]
                                     [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import psutil
from _common import REPO_ROOT, machine, print_header, print_json

sys.path.insert(0, REPO_ROOT)
from bot.events import Message
from bot.posting import Posting
from commands.core.catalogue import Catalogue
from commands.core.context import Reply
from commands.core.dates import DateFormatter
from commands.core.markup import Doc
from commands.decisions.protocol import decision_protocol
from commands.export.commands import attachment
from commands.export.formats import FORMATS, render
from config import MatrixSettings
from storage import migrate
from storage.decisions import chain as decision_chain
from storage.decisions.chain import NewEntry
from storage.engine import SessionFactory, create_engine, session_factory
from tests.support.chat import make_settings

CSV_BAR_S = 2.0
FLAT_BAR = 2.0  # peak(100,000) / peak(10,000): ten times the rows, at most twice the memory
BATCH = 5_000
SMALL_ROOM, BIG_ROOM = "!klein:example.org", "!gross:example.org"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SETTINGS = make_settings()


def decision(number: int, room_id: str) -> NewEntry:
    """A realistic decision: umlauts, a two-sentence wording, responsible person and deadline."""
    return NewEntry(
        room_id=room_id,
        kind="recorded",
        subject=f"Qualifizierungsoffensive Logistik, Maßnahme {number}",
        wording=(
            f"Die Partner vereinbaren Maßnahme {number}: 12 Plätze für Fachkräfte in Lager "
            "und Logistik. Die Agentur für Arbeit wählt die Teilnehmenden aus."
        ),
        outcome="adopted",
        decided_on=date(2026, 1, 1) + timedelta(days=number % 330),
        recorded_at=NOW + timedelta(minutes=15 * number),
        author="@stadt1:test",
        author_partner="stadt",
        source_event_id=f"$event{number:08d}:example.org",
        agreed=("stadt", "agentur", "jobcenter"),
        responsible="@agentur1:test",
        deadline=date(2027, 3, 31),
        agenda_item="2. Fachkräftebedarf Logistik",
    )


async def fill(sessions: SessionFactory, rows: int, small: int) -> float:
    started = time.perf_counter()
    for first in range(0, rows, BATCH):
        batch = [
            decision(n, SMALL_ROOM if n < small else BIG_ROOM)
            for n in range(first, min(first + BATCH, rows))
        ]
        async with sessions() as session, session.begin():
            await decision_chain.append_many(session, batch)
    return time.perf_counter() - started


async def export(sessions: SessionFactory, fmt: str, room: str | None, path: Path) -> int:
    """The real export path, streamed into ``path``; returns the entries written."""
    texts = Catalogue("de")
    dates = DateFormatter("de", SETTINGS.zone)
    async with sessions() as session:
        protocol = await decision_protocol(
            session, SETTINGS, texts, dates, room_id=room, start=None, end=None, now=NOW,
            exported_by=None,
        )  # fmt: skip
        with path.open("wb") as out:
            await FORMATS[fmt].write(protocol.sheet, out)
        return protocol.tally.count


UPLOAD_PIECE = 64 * 1024
UPLOAD_LIMIT = 500 * 2**20  # a generous homeserver: the check runs, nothing is refused


async def room_export(
    sessions: SessionFactory, fmt: str, room: str | None, store: Path, *, in_memory: bool = False
) -> int:
    """The in-room path: protocol → spooled file → outbox rows → upload read in pieces.
    ``in_memory``: the way it was before (the whole file in memory, its bytes in the row)."""
    texts = Catalogue("de")
    dates = DateFormatter("de", SETTINGS.zone)
    settings = SETTINGS.model_copy(
        update={
            "matrix": MatrixSettings(**{**SETTINGS.matrix.model_dump(), "store_path": str(store)})
        }
    )
    message = Message(room or BIG_ROOM, "$bench", "@koordination:test", "!export", NOW)
    posting = Posting(texts, lambda: NOW, upload_limit=lambda: UPLOAD_LIMIT)
    async with sessions() as session:
        protocol = await decision_protocol(
            session, settings, texts, dates, room_id=room, start=None, end=None, now=NOW,
            exported_by="@koordination:test",
        )  # fmt: skip
        if in_memory:
            data = await render(protocol.sheet, FORMATS[fmt])
            rows = posting.replies(message, [Reply(Doc().line("ok"))])
            assert len(data) > 0 and rows
            return protocol.tally.count
        file = await attachment(protocol.sheet, FORMATS[fmt], settings)
        rows = posting.replies(message, [Reply(Doc().line("ok"), attachment=file)])
        assert rows[-1].attachment is None and file.path is not None  # no bytes in the row
        with file.path.open("rb") as upload:
            while upload.read(UPLOAD_PIECE):
                pass
        file.path.unlink()
        return protocol.tally.count


async def timed(action: Callable[[], Awaitable[Any]]) -> float:
    gc.collect()
    started = time.perf_counter()
    await action()
    return time.perf_counter() - started


async def traced(action: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """(peak traced heap in MiB, RSS growth in MiB) while ``action`` runs."""
    gc.collect()
    process = psutil.Process()
    before = process.memory_info().rss
    tracemalloc.start()
    await action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    grown = process.memory_info().rss - before
    return peak / 2**20, max(grown, 0) / 2**20


def bare_select(path: Path) -> int:
    """Floor: fetch every row in chunks with ``sqlite3`` (nothing done with them)."""
    count = 0
    with closing(sqlite3.connect(path)) as connection:
        cursor = connection.execute("SELECT * FROM decision_entries ORDER BY id")
        while part := cursor.fetchmany(1000):
            count += len(part)
    return count


def bare_csv(rows: list[tuple[Any, ...]], path: Path) -> None:
    """Floor: the csv module writing ready-made rows."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
        writer.writerows(rows)


async def run(options: argparse.Namespace, folder: Path) -> dict[str, Any]:
    engine = create_engine(f"sqlite+aiosqlite:///{folder / 'bench.db'}")
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    results: dict[str, Any] = {"machine": machine(), "rows": options.rows, "small": options.small}
    print_header("bench/export.py – Beschlussprotokoll export (SQLite)", results["machine"])
    results["fill_s"] = await fill(sessions, options.rows, options.small)
    size_mb = (folder / "bench.db").stat().st_size / 2**20
    print(f"  filled {options.rows:,} decisions with their hash chain in "
          f"{results['fill_s']:.1f} s (database {size_mb:.0f} MiB)")  # fmt: skip

    gc.collect()
    started = time.perf_counter()
    assert bare_select(folder / "bench.db") == options.rows
    floor_select = time.perf_counter() - started
    sample = [
        (n, BIG_ROOM, "Beschluss", "01.12.2026", "", "2. Fachkräftebedarf Logistik",
         f"Qualifizierungsoffensive Logistik, Maßnahme {n}", "Die Partner vereinbaren …",
         "beschlossen", "Stadt, Agentur, Jobcenter", "", "gültig",
         "Bernd Krüger (@agentur1:test)", "31.03.2027", "Anna Schulz (@stadt1:test), Stadt",
         "01.12.2026 10:00", f"$event{n:08d}:example.org", "a" * 64, "b" * 64)
        for n in range(options.rows)
    ]  # fmt: skip

    gc.collect()
    started = time.perf_counter()
    bare_csv(sample, folder / "floor.csv")
    floor_write = time.perf_counter() - started
    del sample
    results["floor"] = {"bare_select_s": floor_select, "bare_csv_s": floor_write}

    # The file and the in-room CSV export alternate, so a busy machine slows both alike.
    store = folder / "store"
    runs, room_runs = [], []
    for _ in range(options.runs):

        async def csv_all() -> None:
            assert await export(sessions, "csv", None, folder / "runs.csv") == options.rows

        async def room_csv_all() -> None:
            assert await room_export(sessions, "csv", None, store) == options.rows

        runs.append(await timed(csv_all))
        room_runs.append(await timed(room_csv_all))
    results["csv_runs_s"] = runs
    results["room_csv_runs_s"] = room_runs

    figures: dict[str, dict[str, float]] = {}
    for fmt in ("csv", "json"):
        for label, room, count in (
            ("small", SMALL_ROOM, options.small),
            ("all", None, options.rows),
        ):
            path = folder / f"{fmt}-{label}.{fmt}"

            async def action(
                fmt: str = fmt, room: str | None = room, path: Path = path, count: int = count
            ) -> None:
                assert await export(sessions, fmt, room, path) == count

            seconds = await timed(action)
            peak, rss = await traced(action)
            figures[f"{fmt} {count:,}"] = {
                "seconds": seconds,
                "peak_mib": peak,
                "rss_growth_mib": rss,
                "file_mib": path.stat().st_size / 2**20,
            }
    in_room: dict[str, dict[str, float]] = {}
    for fmt in ("csv", "json"):
        for room, count in ((SMALL_ROOM, options.small), (None, options.rows)):

            async def room_action(
                fmt: str = fmt, room: str | None = room, count: int = count
            ) -> None:
                assert await room_export(sessions, fmt, room, store) == count

            seconds = await timed(room_action)
            peak, rss = await traced(room_action)
            in_room[f"{fmt} {count:,}"] = {
                "seconds": seconds,
                "peak_mib": peak,
                "rss_growth_mib": rss,
            }

    async def in_memory_csv() -> None:
        assert await room_export(sessions, "csv", None, store, in_memory=True) == options.rows

    peak, rss = await traced(in_memory_csv)
    in_room[f"csv {options.rows:,} in memory (before)"] = {
        "seconds": await timed(in_memory_csv),
        "peak_mib": peak,
        "rss_growth_mib": rss,
    }
    results["in_room"] = in_room
    pdf_room = "!pdf:example.org"
    async with sessions() as session, session.begin():
        await decision_chain.append_many(
            session, [decision(n, pdf_room) for n in range(options.pdf)]
        )
    pdf_path = folder / "protokoll.pdf"

    async def pdf_action() -> None:
        assert await export(sessions, "pdf", pdf_room, pdf_path) == options.pdf

    seconds = await timed(pdf_action)
    peak, rss = await traced(pdf_action)
    figures[f"pdf {options.pdf:,}"] = {
        "seconds": seconds,
        "peak_mib": peak,
        "rss_growth_mib": rss,
        "file_mib": pdf_path.stat().st_size / 2**20,
    }
    results["exports"] = figures

    await engine.dispose()
    return results


def report_in_room(results: dict[str, Any]) -> None:
    """The in-room export beside the file export and the floors of the same run."""
    rows, small = results["rows"], results["small"]
    figures, in_room, floor = results["exports"], results["in_room"], results["floor"]
    print("  in-room export (!export beschlüsse: spooled file, outbox rows, upload read back)")
    print(
        f"  {'export':<30}{'time s':>9}{'peak heap MiB':>15}{'RSS +MiB':>10}{'file export s':>15}"
    )
    for name, row in in_room.items():
        beside = figures.get(name)
        file_s = f"{beside['seconds']:>15.2f}" if beside else f"{'':>15}"
        print(
            f"  {name:<30}{row['seconds']:>9.2f}{row['peak_mib']:>15.1f}"
            f"{row['rss_growth_mib']:>10.1f}{file_s}"
        )
    runs = results["room_csv_runs_s"]
    median = statistics.median(runs)
    floors = floor["bare_select_s"] + floor["bare_csv_s"]
    file_median = statistics.median(results["csv_runs_s"])
    print(
        f"  in-room CSV {rows:,}, {len(runs)} runs: median {median:.2f} s, range "
        f"{min(runs):.2f}–{max(runs):.2f} s = {median / floors:.2f}x the two floors together "
        f"({floors:.2f} s), {median / file_median:.2f}x the file export ({file_median:.2f} s)"
    )
    for fmt in ("csv", "json"):
        big, little = in_room[f"{fmt} {rows:,}"], in_room[f"{fmt} {small:,}"]
        ratio = big["peak_mib"] / little["peak_mib"]
        verdict = "PASS" if ratio <= FLAT_BAR else "FAIL"
        print(
            f"  in-room {fmt.upper()} memory flat: peak {big['peak_mib']:.1f} MiB for {rows:,} vs "
            f"{little['peak_mib']:.1f} MiB for {small:,} = {ratio:.2f}x "
            f"(bar ≤ {FLAT_BAR:.1f}x for {rows // small}x the rows)  {verdict}"
        )
    before = in_room[f"csv {rows:,} in memory (before)"]["peak_mib"]
    after = in_room[f"csv {rows:,}"]["peak_mib"]
    print(f"    the in-memory way it replaced peaked at {before:.1f} MiB ({before / after:.1f}x)")


def report(results: dict[str, Any]) -> None:
    figures, floor = results["exports"], results["floor"]
    rows, small = results["rows"], results["small"]
    print(f"  {'export':<14}{'time s':>9}{'peak heap MiB':>15}{'RSS +MiB':>10}{'file MiB':>10}")
    for name, row in figures.items():
        print(
            f"  {name:<14}{row['seconds']:>9.2f}{row['peak_mib']:>15.1f}"
            f"{row['rss_growth_mib']:>10.1f}{row['file_mib']:>10.1f}"
        )
    print(f"  floor: bare sqlite3 SELECT of {rows:,} rows  {floor['bare_select_s']:.2f} s")
    print(f"  floor: bare csv module, {rows:,} ready rows  {floor['bare_csv_s']:.2f} s")
    runs = results["csv_runs_s"]
    median = statistics.median(runs)
    verdict = "PASS" if median < CSV_BAR_S else "FAIL"
    print(
        f"  CSV {rows:,}, {len(runs)} runs: median {median:.2f} s, "
        f"range {min(runs):.2f}–{max(runs):.2f} s  (bar < {CSV_BAR_S:.1f} s)  {verdict}"
    )
    floors = floor["bare_select_s"] + floor["bare_csv_s"]
    print(f"    = {median / floors:.2f}x the two floors together ({floors:.2f} s)")
    for fmt in ("csv", "json"):
        big, little = figures[f"{fmt} {rows:,}"], figures[f"{fmt} {small:,}"]
        ratio = big["peak_mib"] / little["peak_mib"]
        verdict = "PASS" if ratio <= FLAT_BAR else "FAIL"
        print(
            f"  {fmt.upper()} memory flat: peak {big['peak_mib']:.1f} MiB for {rows:,} vs "
            f"{little['peak_mib']:.1f} MiB for {small:,} = {ratio:.2f}x "
            f"(bar ≤ {FLAT_BAR:.1f}x for {rows // small}x the rows)  {verdict}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="decisions in the database")
    parser.add_argument("--runs", type=int, default=5, help="timed CSV exports of all rows")
    parser.add_argument("--small", type=int, default=10_000, help="decisions in the small room")
    parser.add_argument("--pdf", type=int, default=1_000, help="decisions in the PDF")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="koopbot-bench-export-") as folder:
        results = asyncio.run(run(options, Path(folder)))
    report(results)
    report_in_room(results)
    if options.json:
        print_json(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
