"""The sector picture's cost: matplotlib's import and the first draw, time and memory.

Each figure is measured in fresh processes, beside a floor measured in the same run:

1. Start (floor): a process that imports what ``koopbot run`` imports (``bot.app``,
   ``bot.cli``) and nothing else; its time and resident memory (psutil). It must not have
   loaded matplotlib: the pictures are drawn lazily, so start-up and idle memory stay as
   they were.
2. First picture: the same process, then one ``!branche`` picture drawn as the bot draws
   it (``commands.sectors.chart.draw``: matplotlib imported on first use, Agg canvas);
   the time of that first draw (import included), a second draw, and the resident memory
   after it.

    .venv/bin/python bench/chart.py [--runs 3] [--json]

A measurement, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from typing import Any

from _common import REPO_ROOT, machine, print_header, print_json

#: Bars: the first picture (matplotlib's import included) and the memory it adds.
FIRST_DRAW_BAR_S = 2.0
EXTRA_RSS_BAR_MB = 80.0

_PROBE = r"""
import json, sys, time
start = time.perf_counter()
import psutil
import bot.app, bot.cli
imported = time.perf_counter() - start
process = psutil.Process()
result = {"import_s": imported, "rss_mb": process.memory_info().rss / 1e6,
          "matplotlib_loaded": "matplotlib" in sys.modules}
if sys.argv[1] == "draw":
    from commands.sectors.chart import Line, TrendChart, draw
    chart = TrendChart(
        sector="C Verarbeitendes Gewerbe", title="C Verarbeitendes Gewerbe: Einschätzung",
        ticks=tuple(f"#{n}\n{n}. Dez. 2026" for n in range(1, 9)),
        lines=(Line("Stadt", (1, 1, 0, 0, 1, 1, 0, 1)), Line("Agentur", (0, -1, -1, 0, 0, 1, 1, 1)),
               Line("Jobcenter", (None, 0, 0, 1, 1, 1, 0, 0))),
        divergent=(1, 2), axis="Trend (−1 rückläufig, 0 stabil, +1 wachsend)",
        x_axis="Branchenrunde (Frist)", levels=("−1 rückläufig", "0 stabil", "+1 wachsend"),
        divergent_label="uneinig",
    )
    began = time.perf_counter()
    png = draw(chart)
    result["first_draw_s"] = time.perf_counter() - began
    began = time.perf_counter()
    draw(chart)
    result["second_draw_s"] = time.perf_counter() - began
    result["png_bytes"] = len(png.data)
    result["size"] = [png.width, png.height]
    result["rss_after_mb"] = process.memory_info().rss / 1e6
print(json.dumps(result))
"""


def probe(mode: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(run[key] for run in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    probe("draw")  # warm caches (matplotlib's font cache is built on its very first use)
    floors = [probe("start") for _ in range(args.runs)]
    draws = [probe("draw") for _ in range(args.runs)]
    results = {
        "machine": machine(),
        "start_import_s": median(floors, "import_s"),
        "start_rss_mb": median(floors, "rss_mb"),
        "matplotlib_at_start": any(run["matplotlib_loaded"] for run in floors + draws),
        "first_draw_s": median(draws, "first_draw_s"),
        "second_draw_s": median(draws, "second_draw_s"),
        "rss_after_draw_mb": median(draws, "rss_after_mb"),
        "png_bytes": draws[0]["png_bytes"],
        "png_size": draws[0]["size"],
    }
    extra = results["rss_after_draw_mb"] - results["start_rss_mb"]
    if args.json:
        print_json({**results, "extra_rss_mb": extra})
        return
    print_header("Sector picture: matplotlib imported and drawn on first use", results["machine"])
    print(
        f"  start (floor): imports {results['start_import_s']:.3f} s, "
        f"RSS {results['start_rss_mb']:.1f} MB, matplotlib loaded at start: "
        f"{results['matplotlib_at_start']}  "
        f"{'FAIL' if results['matplotlib_at_start'] else 'PASS'}"
    )
    first = results["first_draw_s"]
    print(
        f"  first picture (import + draw): {first:.3f} s (bar {FIRST_DRAW_BAR_S:.1f} s)  "
        f"{'PASS' if first <= FIRST_DRAW_BAR_S else 'FAIL'}"
    )
    print(f"  next picture: {results['second_draw_s']:.3f} s")
    print(
        f"  RSS after the first picture: {results['rss_after_draw_mb']:.1f} MB "
        f"(+{extra:.1f} MB over the floor; bar +{EXTRA_RSS_BAR_MB:.0f} MB)  "
        f"{'PASS' if extra <= EXTRA_RSS_BAR_MB else 'FAIL'}"
    )
    print(f"  PNG: {results['png_size'][0]}×{results['png_size'][1]} px, {results['png_bytes']} B")


if __name__ == "__main__":
    main()
