"""The realistic room, every scenario in it, and one run per crash point.

``SCENARIOS`` holds every command of the command table (its documented example, sent by
someone allowed to run it), every reaction and redaction hook, and time passing for every
timed source. A new command or crash point is covered without touching this file.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.app import all_commands
from bot.crashpoints import CrashPoint
from commands.core.roles import Role
from tests.crash.harness import (
    Outcome,
    Process,
    Scenario,
    SimulatedCrash,
    Switch,
    World,
    burst,
    command,
    outcome,
    reaction,
    redaction,
    time_passes,
)
from tests.support.chat import BOT, ROOM, FakeClock
from tests.support.fake_matrix import FakeServer

#: Tuesday 1 December 2026, 08:00 in Magdeburg: no reminder is due yet.
START = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)

#: The room after some weeks of work, built through the bot itself. Ids follow from the
#: order: meetings #1-#5 (#4 the series of the examples, #5 this morning's), press releases #1-#3, decisions
#: up to #7 (#8 is Stadt's 👍 consent to #6), an open round with two inputs, two notices; the people of the examples of
#: ``!kontakte setzen`` and ``!mitglied entfernen`` are members of the Agentur.
SETUP: list[tuple[str, str]] = [
    ("koordination", "!mitglied hinzufügen agentur @b.krueger:example.org"),
    ("koordination", "!mitglied hinzufügen agentur @c.neu:example.org"),
    ("koordination", "!termin neu 12.01.2027 10:00 Lenkungskreis"),
    ("koordination", "!termin neu 19.01.2027 10:00 Arbeitsgruppe Logistik"),
    ("koordination", "!termin neu 26.01.2027 10:00 Arbeitsgruppe Pflege"),
    (
        "koordination",
        '!termin neu 08.12.2026 10:00 Koordinierungsrunde ort="Rathaus, Raum 3" '
        'wiederholung="jeden zweiten Dienstag im Monat"',
    ),
    # #5 meets this morning: attendance and minutes (``!anwesend 5``, ``!protokoll 5``)
    ("koordination", "!termin neu 01.12.2026 08:30 Auftaktsitzung"),
    ("agentur1", "!tagesordnung 4 Fachkräftebedarf Logistik"),
    ("koordination", "!runde start 07.12."),
    ("stadt1", "!branche melden C wachsend Aufträge ziehen an bedarf=Schweißer,CNC"),
    ("agentur1", "!branche melden H stabil Lagerlogistik gefragt"),
    ("stadt1", "!info Neuansiedlung Logistikzentrum, ca. 200 Stellen thema=Ansiedlung"),
    ("jobcenter1", "!info Schließung eines Zulieferers im Sülzegrund thema=Schließung"),
    ("stadt1", "!pm entwurf Fachkräfte für die Logistik\nStadt, Agentur und Jobcenter laden ein."),
    ("stadt1", "!pm entwurf Pflege stärken\nGemeinsam für die Pflege in Magdeburg."),
    (
        "stadt1",
        "!pm entwurf Gemeinsam für Fachkräfte frist=08.12.2026\nEine Qualifizierungsoffensive.",
    ),
    ("jobcenter1", "!pm freigeben 3"),
    *[
        ("koordination", f"!beschluss Qualifizierungsbaustein {n} verantwortlich=@agentur1:test")
        for n in range(1, 8)
    ],
]

#: Who runs a command's example: someone the command's role admits.
SENDER = {
    Role.EVERYONE: "stadt1",
    Role.PARTICIPANT: "stadt1",
    Role.MEMBER: "agentur1",
    Role.COORDINATOR: "koordination",
}
#: Examples that need a particular member (their own approval to withdraw).
SENDER_OF = {"pm zurückziehen": "jobcenter1"}


def scenarios() -> list[Scenario]:
    """Every command's example, every event hook, every timed source."""
    found = [
        Scenario(
            f"!{c.full_name}",
            command(SENDER_OF.get(c.full_name, SENDER[c.role]), c.example),
        )
        for c in all_commands()
    ]
    found += [
        Scenario(
            "Stapel: Runde neu, Info, Beschluss, Freigabe",
            burst(
                ("koordination", "!runde schließen"),
                ("koordination", "!runde start 20.12."),  # run twice, the second start fails
                ("jobcenter1", "!info Neues Förderprogramm Pflegehilfe thema=Programm"),
                ("stadt1", "!beschluss Jobmesse im Frühjahr verantwortlich=@stadt1:test"),
                ("agentur1", "!pm freigeben 3"),
                ("agentur1", "!pm freigeben 3"),  # the same twice: the second is refused
            ),
        ),
        Scenario("✅ auf PM-Entwurf (Freigabe)", reaction("jobcenter1", "pm:2:1", "✅")),
        Scenario("Reaktion zurückgenommen", redaction("agentur1", "✅")),
        Scenario("✅ auf Beschluss (Zustimmung)", reaction("jobcenter1", "decision:7", "✅")),
        Scenario("Zustimmung per Reaktion zurückgenommen", redaction("stadt1", "👍")),
        Scenario("Zeit: Erinnerung 7 Tage vorher", time_passes(hours=2, seconds=30), True),
        Scenario("Zeit: Runde zur Halbzeit", time_passes(days=3, hours=6), True),
        Scenario("Zeit: Tag vor den Fristen", time_passes(days=5, hours=4), True),
        Scenario("Zeit: Tag der Sitzung", time_passes(days=7, hours=1, minutes=30), True),
        Scenario("Zeit: Aufbewahrungsfrist", time_passes(days=800), True),
    ]
    return found


async def build_template(folder: Path) -> World:
    """The realistic room, built by sending SETUP through a running bot."""
    folder.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - a test's folder, before any I/O
    world = World(folder, FakeServer(BOT, {ROOM}), FakeClock(START))
    async with world.process() as process:
        await process.settle()
        for who, text in SETUP:
            await world.say(who, text)
            await process.settle()
        draft = world.bot_event("pm:1:1")
        world.server.react(ROOM, "@agentur1:test", draft, "✅", world.clock())
        await process.settle()
        card = world.bot_event("decision:6")
        world.server.react(ROOM, "@stadt1:test", card, "👍", world.clock())
        await process.settle()
    return world


@dataclass(frozen=True)
class Result:
    """One run: what it left, whether it crashed, and whether the next command was answered."""

    outcome: Outcome
    crashed: bool
    passed: tuple[CrashPoint, ...]  # the crash points the act went through, in order
    next_answered: int  # replies to the command after the restart

    def passes(self) -> list[tuple[CrashPoint, int]]:
        """Every (point, n-th pass) of the act: each is one moment to crash at."""
        return [(point, self.passed[: i + 1].count(point)) for i, point in enumerate(self.passed)]


async def _until_settled_or_crashed(process: Process) -> None:
    settle = asyncio.ensure_future(process.settle())
    fired = asyncio.ensure_future(process.switch.fired.wait())
    done, pending = await asyncio.wait({settle, fired}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    if settle in done and not process.switch.fired.is_set():
        settle.result()  # NotSettled: a message stuck, a batch not handled


async def _act(scenario: Scenario, world: World, process: Process | None) -> list[str]:
    try:
        return await scenario.act(world, process)
    except SimulatedCrash:
        return []  # the crash happened in the act itself (a wake-up): no commands were sent


async def _finish(world: World, mark: int, commands: list[str]) -> tuple[Outcome, int]:
    """A new process, nobody writing: it must finish everything; then one more command."""
    async with world.process() as process:
        await process.settle()
        result = await outcome(world, process, mark, commands)
        following = await world.say("stadt1", "!status")
        await process.settle()
    return result, len(world.server.replies_to(following))


async def run(
    template: World, scenario: Scenario, crash: tuple[CrashPoint, int] | None, folder: Path
) -> Result:
    """The scenario in a copy of the template, crashing at the n-th pass of a point."""
    world = template.copy(folder)
    if crash is not None and crash[0] is CrashPoint.TAKEOVER:
        return await _run_takeover(world, scenario)
    switch = Switch()
    async with world.process(switch) as process:
        await process.settle()
        mark = world.server.head
        switch.passed.clear()
        switch.armed = crash
        commands = await _act(scenario, world, process)
        await _until_settled_or_crashed(process)
        passed = tuple(switch.passed)
        switch.armed = None  # the moment belongs to the act, never to the command after it
        if not switch.fired.is_set():
            result = await outcome(world, process, mark, commands)
            following = await world.say("stadt1", "!status")
            await process.settle()
            answered = len(world.server.replies_to(following))
            return Result(result, False, passed, answered)
    result, answered = await _finish(world, mark, commands)
    return Result(result, True, passed, answered)


async def _run_takeover(world: World, scenario: Scenario) -> Result:
    """Killed while idle; the scenario happens while nobody serves the room; the instance
    that takes over crashes during its takeover; the next one must finish everything."""
    switch = Switch()
    async with world.process(switch) as process:
        await process.settle()
        switch.fired.set()  # kill -9 of an idle bot: nothing more of it happens
        process.cut_off()
    mark = world.server.head
    commands = await _act(scenario, world, None)
    crashed = await world.start_and_crash(CrashPoint.TAKEOVER)
    result, answered = await _finish(world, mark, commands)
    return Result(result, crashed, (CrashPoint.TAKEOVER,) if crashed else (), answered)


def check(result: Result, reference: Result, where: str) -> None:
    """The invariants, each failure naming the scenario and the crash moment."""
    got, want = result.outcome, reference.outcome
    doubled_or_lost = {e: n for e, n in got.replies.items() if n != 1}
    assert not doubled_or_lost, f"{where}: commands not answered exactly once: {doubled_or_lost}"
    assert got.unsent == 0, f"{where}: {got.unsent} messages left unsent"
    assert got.messages == want.messages, (
        f"{where}: the room differs from a crash-free run:\n"
        f"  more: {dict(got.messages - want.messages)}\n  less: {dict(want.messages - got.messages)}"
    )
    assert not got.derived, f"{where}: derived records disagree with their source: {got.derived}"
    changed = {t: (n, want.rows[t]) for t, n in got.rows.items() if n != want.rows[t]}
    assert not changed, f"{where}: effects recorded differently (rows, crash-free rows): {changed}"
    assert result.next_answered == 1, f"{where}: the next command was not answered once"
