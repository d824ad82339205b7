"""Why koopbot writes CSV records by hand: three ways to write the same 100,000 records.

A decision-log CSV must quote every field, double inner quotes and defuse text that a
spreadsheet would run as a formula (a leading ``=``, ``+``, ``-``, ``@``, tab or carriage
return gets an apostrophe). The same rows — 19 fields, most of them repeating labels,
names and partner lists, one free text per row, some of it starting with ``=`` or holding
quotes — are written three ways in one run, each to an in-memory buffer:

1. **csv module**: ``csv.writer(QUOTE_ALL)`` after a defusing pass over every field (the
   module cannot defuse by itself). This is the floor a reader would reach for first.
2. **generic**: ``commands.export.csv_text.line`` — join first, then quote with two
   ``str.replace`` calls over the whole record (every export uses it).
3. **fast row**: what ``commands/decisions/protocol_csv.py`` does for the long log — the
   repeating fields are looked up already escaped, only the free text is escaped afresh,
   then ``csv_text.record`` joins them.

It prints the median and range over ``--runs`` runs and each way's ratio to the csv module
from the same run, and checks that all three produce the same bytes. Always exits 0.

    .venv/bin/python bench/csv_writer.py [--rows 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import sys
import time
from collections.abc import Callable, Sequence

from _common import REPO_ROOT, machine

sys.path.insert(0, REPO_ROOT)
from commands.export import csv_text

Row = tuple[str, ...]

_LABELS = ("Beschluss", "Änderung", "Aufhebung", "Erledigung")
_PEOPLE = ("@a.schmidt:magdeburg.de", "@b.krueger:arbeitsagentur.de", "@c.weber:jobcenter-md.de")
_PARTNERS = ("Landeshauptstadt", "Agentur; Jobcenter", "Landeshauptstadt; Agentur; Jobcenter")
_TEXTS = (
    "Gemeinsame Qualifizierungsoffensive Logistik mit 40 Plätzen ab März",
    '=HYPERLINK("https://example.org","Klick")',
    'Jobmesse „Zukunft Magdeburg“ und "MINT" im Herbst',
    "-20 % Förderquote im Bereich Lager",
)


def rows(count: int) -> list[Row]:
    """``count`` rows of 19 fields; field 9 is the free text, the rest repeat."""
    made: list[Row] = []
    for n in range(count):
        made.append(
            (
                str(n + 1),
                _LABELS[n % 4],
                "2026-03-01",
                f"{n % 28 + 1:02d}.03.2026 10:00",
                _PEOPLE[n % 3],
                _PARTNERS[n % 3],
                "Koordinierungsrunde",
                str(n % 50),
                "angenommen",
                _TEXTS[n % 4] + f" ({n})",
                _PEOPLE[(n + 1) % 3],
                "31.03.2027",
                _PARTNERS[(n + 1) % 3],
                "",
                "gültig",
                "",
                "",
                f"{n:064x}",
                f"{n + 1:064x}",
            )
        )
    return made


_FORMULA_START = frozenset("=+-@\t\r")


def defuse(field: str) -> str:
    return "'" + field if field[:1] in _FORMULA_START else field


def with_csv_module(data: Sequence[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in data:
        writer.writerow([defuse(field) for field in row])
    return out.getvalue()


def generic(data: Sequence[Row]) -> str:
    return "".join(csv_text.line(row) + "\r\n" for row in data)


def fast_row(data: Sequence[Row]) -> str:
    escaped: dict[str, str] = {}
    lines = []
    for row in data:
        fields = []
        for index, value in enumerate(row):
            if index == 9:  # the free text: escaped afresh
                fields.append(csv_text.escape(value))
                continue
            ready = escaped.get(value)
            if ready is None:
                ready = escaped[value] = csv_text.escape(value)
            fields.append(ready)
        lines.append(csv_text.record(fields) + "\r\n")
    return "".join(lines)


def timed(write: Callable[[Sequence[Row]], str], data: Sequence[Row]) -> tuple[float, str]:
    started = time.perf_counter()
    text = write(data)
    return time.perf_counter() - started, text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    data = rows(options.rows)
    ways = {"csv module": with_csv_module, "generic": generic, "fast row": fast_row}
    samples: dict[str, list[float]] = {name: [] for name in ways}
    outputs: dict[str, str] = {}
    for _ in range(options.runs):  # interleaved, so a noisy moment hits every way alike
        for name, write in ways.items():
            seconds, outputs[name] = timed(write, data)
            samples[name].append(seconds)
    same = len(set(outputs.values())) == 1
    floor = statistics.median(samples["csv module"])
    print(f"CSV records, {options.rows:,} rows × 19 fields, {options.runs} runs")
    print(f"  machine: {machine()}")
    for name, runs in samples.items():
        median = statistics.median(runs)
        print(
            f"  {name:<11} median {median:.3f} s  (range {min(runs):.3f}–{max(runs):.3f} s)  "
            f"{median / floor:.2f}x the csv module"
        )
    print(f"  same bytes from all three ways: {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
