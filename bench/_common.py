"""Shared helpers of the benchmark scripts: statistics, machine facts, the printed table."""

from __future__ import annotations

import json
import os
import platform
import statistics
from collections.abc import Sequence
from typing import Any

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(samples_ms: Sequence[float]) -> dict[str, float]:
    """Median, p95, min, max and count of samples in milliseconds."""
    return {
        "n": len(samples_ms),
        "median": statistics.median(samples_ms),
        "p95": percentile(samples_ms, 95),
        "min": min(samples_ms),
        "max": max(samples_ms),
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 0
    return {
        "nproc": usable,
        "loadavg_1m": round(os.getloadavg()[0], 2),  # other work on the machine skews figures
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(terse=True),
    }


def verdict(ratio: float, bar: float) -> str:
    return "PASS" if ratio <= bar else "FAIL"


def print_header(title: str, facts: dict[str, Any]) -> None:
    print(title)
    print("  " + ", ".join(f"{key}={value}" for key, value in facts.items()))


def print_table(rows: dict[str, dict[str, float]]) -> None:
    """One line per measured thing: median, p95, min, max in ms."""
    width = max(len(name) for name in rows) + 2
    print(f"  {'':<{width}}{'n':>6}{'median':>10}{'p95':>10}{'min':>10}{'max':>10}   (ms)")
    for name, row in rows.items():
        print(
            f"  {name:<{width}}{int(row['n']):>6}{row['median']:>10.3f}{row['p95']:>10.3f}"
            f"{row['min']:>10.3f}{row['max']:>10.3f}"
        )


def print_ratio(label: str, ratio: float, bar: float) -> None:
    print(f"  {label:<40}{ratio:>7.3f}x  (bar {bar:.2f}x)  {verdict(ratio, bar)}")


def rss_of(pid: int | None = None) -> tuple[float, float]:
    """(current, peak) resident memory in MB of process ``pid`` (default: this one)."""
    found = {"VmRSS:": 0.0, "VmHWM:": 0.0}
    with open(f"/proc/{pid or os.getpid()}/status") as status:
        for line in status:
            key = line.split(maxsplit=1)[0] if line.strip() else ""
            if key in found:
                found[key] = int(line.split()[1]) / 1024
    return found["VmRSS:"], found["VmHWM:"]


def print_json(results: dict[str, Any]) -> None:
    print(json.dumps(results, indent=2, sort_keys=True))
