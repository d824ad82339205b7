"""Every command, hook and timed source × every moment a crash can hit it.

For each scenario a crash-free run is the reference. Then, for every pass of a crash point
that the scenario goes through (and a crash during the takeover of a new instance), the
same scenario runs again from the same room, the bot crashes exactly there, a new process
starts and nobody writes in the room. It must leave what the reference left:

- every command answered exactly once (one reply event per command event);
- every effect recorded once (the same number of rows in every table);
- every queued reply and due reminder posted (the same messages, none left unsent);
- and it answers the next command.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.crashpoints import CrashPoint
from tests.crash.harness import Scenario, World
from tests.crash.runs import build_template, check, run, scenarios

SCENARIOS = scenarios()


@pytest.fixture(scope="module")
async def template(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    yield await build_template(tmp_path_factory.mktemp("crash-template"))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
async def test_a_crash_at_every_point_leaves_what_a_crash_free_run_leaves(
    scenario: Scenario, template: World, tmp_path: Path
) -> None:
    reference = await run(template, scenario, None, tmp_path / "reference")
    check(reference, reference, f"{scenario.name} without a crash")
    moments = [*reference.passes(), (CrashPoint.TAKEOVER, 1)]
    assert moments[:-1], f"{scenario.name} passes no crash point: nothing would be tested"
    for number, moment in enumerate(moments):
        where = f"{scenario.name}, crash at {moment[0]} (pass {moment[1]})"
        result = await run(template, scenario, moment, tmp_path / f"crash{number}")
        assert result.crashed, f"{where}: the crash point was not reached again"
        check(result, reference, where)


async def test_every_crash_point_is_reached_by_some_scenario(
    template: World, tmp_path: Path
) -> None:
    """A point that no scenario passes would be a point that nothing tests."""
    reached = {CrashPoint.TAKEOVER}  # every start passes it
    for number, scenario in enumerate(SCENARIOS):
        reached |= set((await run(template, scenario, None, tmp_path / str(number))).passed)
    assert reached == set(CrashPoint), f"never reached: {set(CrashPoint) - reached}"
