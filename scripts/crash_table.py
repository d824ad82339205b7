"""Print the table command × crash point → invariants, as the crash harness checks it.

    .venv/bin/python scripts/crash_table.py > /tmp/table.md

Runs every scenario of ``tests/crash`` (every command's example, the reaction hooks, time
passing for every timed source) crash-free and then crashed at every pass of every crash
point it goes through, and once during a takeover; each cell says how many crash moments
of that point held every invariant (``✓ 2``), or ``–`` where the scenario never passes it.
A broken invariant stops the script with the failing check's message.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.crashpoints import CrashPoint
from tests.crash.runs import build_template, check, run, scenarios


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        template = await build_template(base / "template")
        points = list(CrashPoint)
        print("| scenario | " + " | ".join(f"`{p}`" for p in points) + " |")
        print("|---|" + "---|" * len(points))
        for number, scenario in enumerate(scenarios()):
            reference = await run(template, scenario, None, base / f"{number}-reference")
            check(reference, reference, f"{scenario.name} without a crash")
            moments = [*reference.passes(), (CrashPoint.TAKEOVER, 1)]
            held: Counter[CrashPoint] = Counter()
            for index, moment in enumerate(moments):
                result = await run(template, scenario, moment, base / f"{number}-{index}")
                assert result.crashed, f"{scenario.name}: {moment} not reached"
                check(result, reference, f"{scenario.name}, crash at {moment}")
                held[moment[0]] += 1
            cells = [f"✓ {held[p]}" if held[p] else "–" for p in points]
            print(f"| {scenario.name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
