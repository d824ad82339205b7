"""Reply latency of koopbot through a real local Synapse vs a bare matrix-nio echo bot.

One run: a throwaway Synapse on loopback, a partner who sends (in this process), koopbot
(SQLite in the temp dir) and a bare echo bot, each in its own room and in its own Python
process, as a deployment runs a bot: the partner's stopwatch does not share a process, an
event loop or the GIL with either bot, so what koopbot does after its reply is sent (store
that it went out, save the sync position) cannot delay the stopwatch hearing the reply.
``--one-process`` runs both bots in the measuring process instead, as this script did
until 2 December 2026. The partner's own
long-polling sync is the stopwatch: from just before its ``room_send`` until the reply
arrives in its sync. Round trips alternate (koopbot, echo, koopbot, …) so machine noise
hits both alike. Each median is printed beside the echo bot's, and each trip is also
divided by the echo trip right after it: the median of those paired ratios (with its
quartiles) cancels the machine's drift within a run. A measurement, not a test: it
always exits 0.

The stopwatch does not hear the partner's own messages (a ``not_senders`` sync filter).
Otherwise a command wakes two long-polls at once, the partner's and the bot's, and
Synapse answers them one after the other in an order fixed by its own memory layout: in
one measured run the echo bot was always woken first and koopbot always second, 5 ms
later, which is most of a 10 % bar. Both bots now get the command's wake-up alone.

``--archive``: once koopbot's room exists on Synapse, and before koopbot starts, its
SQLite file is filled with three years of history for that room through the storage API
(``fill`` of ``bench/archive.py``: ``--decisions`` with amendments, revocations and
completions, ``--notices``, ``--meetings`` with agenda items, ``--rounds-history`` closed
input rounds). Then each round measures four commands, each trip followed by an echo
trip (``!status``, echo, ``!beschluss Testbeschluss N``, echo, ``!beschlüsse Maßnahme
4711``, echo, ``!infos Straßenbahn``, echo): a write that appends a new decision to the
chain, a decision search and a notice search, each median beside the echo bot's from the
same run. The partner who sends is a member of the Stadt, which may record decisions
(``Role.PARTICIPANT``). Also printed: the filling's seconds per part, how long koopbot took
to start on the filled file, the first line of each command's last reply (a search may
find nothing in a small archive: ``--decisions 2000`` has no Maßnahme 4711), and
koopbot's resident memory after its start and after measuring (with ``--one-process``,
that of the one process: koopbot, the echo bot and the partner).

    .venv/bin/python bench/latency.py [--rounds 200] [--warmup 10] [--gap 0.02] [--json]
        [--one-process]
        [--archive [--decisions 100000] [--notices 10000] [--meetings 1000]
         [--rounds-history 50]]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import logging
import os
import signal
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import nio
from _common import (
    machine,
    percentile,
    print_header,
    print_json,
    print_ratio,
    print_table,
    rss_of,
    summary,
)

from bot.app import running_bot
from bot.demo.homeserver import run_homeserver
from bot.demo.people import Person, body
from config import MatrixSettings, Partner, Settings, StorageSettings
from config.settings import LimitSettings
from storage import migrate
from storage.engine import create_engine, session_factory

PASSWORD = "koopbot-bench-passwort"
LONG_POLL_MS = 30_000
MEDIAN_BAR = 1.10
P95_BAR = 1.25
STATUS = "koopbot !status"
ECHO = "nio echo bot"
#: With ``--archive``: (label, command, how the reply may begin); ``{n}`` counts the trips.
#: A search may find nothing in a small archive (``--decisions 2000`` has no Maßnahme 4711).
ARCHIVE_COMMANDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (STATUS, "!status", ("koopbot",)),
    ("koopbot !beschluss (new)", "!beschluss Testbeschluss {n}", ("Beschluss #",)),
    (
        "koopbot !beschlüsse Maßnahme 4711",
        "!beschlüsse Maßnahme 4711",
        ("Beschlüsse zu „", "Keine Beschlüsse zu „"),
    ),
    ("koopbot !infos Straßenbahn", "!infos Straßenbahn", ("Infos mit „", "Keine Info enthält „")),
)

Trip = Callable[[], Awaitable[float]]


class EchoBot:
    """The floor: a bare nio client that long-polls and answers every m.text with a notice."""

    def __init__(self, homeserver: str, user_id: str, password: str) -> None:
        config = nio.AsyncClientConfig(encryption_enabled=False, store_sync_tokens=False)
        self.client = nio.AsyncClient(homeserver, user_id, config=config)
        self.password = password
        self.ready = asyncio.Event()  # set once the first sync is in: it hears from then on
        self._task: asyncio.Task[None] | None = None

    async def start(self, room_id: str) -> None:
        if not isinstance(await self.client.login(self.password), nio.LoginResponse):
            raise RuntimeError("echo bot could not log in")
        if not isinstance(await self.client.join(room_id), nio.JoinResponse):
            raise RuntimeError("echo bot could not join")
        self._task = asyncio.get_running_loop().create_task(self._run(), name="echo")

    async def _run(self) -> None:
        since: str | None = None
        while True:
            response = await self.client.sync(timeout=LONG_POLL_MS if since else 0, since=since)
            if not isinstance(response, nio.SyncResponse):
                await asyncio.sleep(0.5)
                continue
            first, since = since is None, response.next_batch
            if first:
                self.ready.set()
                continue  # history from before the start is not ours to answer
            for room_id, info in response.rooms.join.items():
                for event in info.timeline.events:
                    if (
                        isinstance(event, nio.RoomMessageText)
                        and event.sender != self.client.user_id
                    ):
                        content = {
                            "msgtype": "m.notice",
                            "body": event.body,
                            "m.relates_to": {"m.in_reply_to": {"event_id": event.event_id}},
                        }
                        await self.client.room_send(room_id, "m.room.message", content)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.client.close()


@contextlib.asynccontextmanager
async def serving(role: str, payload: dict[str, Any], folder: Path) -> AsyncIterator[int]:
    """``role`` (``koopbot`` or ``echo``) in a Python process of its own, as a deployment
    runs it; yields the process id once it says it is ready, stops it (SIGTERM) after."""
    given = folder / f"{role}.json"
    given.write_text(json.dumps(payload))
    process = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--serve", role, str(given), stdout=asyncio.subprocess.PIPE
    )
    try:
        assert process.stdout is not None
        said = await asyncio.wait_for(process.stdout.readline(), timeout=120)
        if said.strip() != b"ready":
            raise RuntimeError(f"{role} did not start (exit {await process.wait()})")
        yield process.pid
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), timeout=20)
            except TimeoutError:
                process.kill()
                await process.wait()


async def serve(role: str, payload: dict[str, Any]) -> None:
    """The child's side of :func:`serving`: run ``role`` until SIGTERM."""
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    if role == "koopbot":
        async with running_bot(Settings.model_validate(payload)):
            print("ready", flush=True)
            await stop.wait()
        return
    echo = EchoBot(payload["homeserver"], payload["user_id"], PASSWORD)
    try:
        await echo.start(payload["room_id"])
        await echo.ready.wait()
        print("ready", flush=True)
        await stop.wait()
    finally:
        await echo.close()


@contextlib.asynccontextmanager
async def in_this_process(settings: Settings, echo: EchoBot, echo_room: str) -> AsyncIterator[int]:
    """``--one-process``: both bots in the measuring process, beside the partner."""
    await echo.start(echo_room)
    try:
        await echo.ready.wait()
        async with running_bot(settings):
            yield os.getpid()
    finally:
        await echo.close()


@contextlib.asynccontextmanager
async def _both_serving(
    settings: Settings, echo_id: str, homeserver: str, echo_room: str, folder: Path
) -> AsyncIterator[int]:
    """The echo bot, then koopbot, each in its own process; yields koopbot's process id."""
    echo = {"homeserver": homeserver, "user_id": echo_id, "room_id": echo_room}
    async with (
        serving("echo", echo, folder),
        serving("koopbot", settings.model_dump(mode="json"), folder) as koopbot,
    ):
        yield koopbot


def koopbot_settings(url: str, ids: dict[str, str], room_id: str, folder: Path) -> Settings:
    return Settings(
        coordinators=[ids["koordination"]],
        matrix=MatrixSettings(
            homeserver=url,
            user_id=ids["koopbot"],
            password=PASSWORD,
            device_id=f"KB{uuid.uuid4().hex[:8].upper()}",
            store_path=str(folder / "store"),
            rooms=[room_id],
            sync_timeout=LONG_POLL_MS,
        ),
        storage=StorageSettings(url=f"sqlite+aiosqlite:///{folder / 'koopbot.db'}"),
        # One partner sends ~5 commands a second: lift the flood guard (30 per minute) so
        # every round trip is a real !status, not "slower, please" or silence.
        limits=LimitSettings(commands_per_minute=10_000),
        partners=[
            Partner(
                id="stadt",
                name="Landeshauptstadt Magdeburg",
                short_name="Stadt",
                members=[ids["stadt1"]],
                contact=ids["stadt1"],
            )
        ],
    )


async def exchange(
    partner: Person, room_id: str, text: str, expect: str | tuple[str, ...]
) -> tuple[float, str]:
    """Milliseconds from just before the send until the reply is in the partner's sync,
    and the reply's text (which must begin with ``expect``)."""
    partner.events.clear()  # nothing is in flight between round trips
    started = time.perf_counter()
    event_id = await partner.say(room_id, text)
    reply = await partner.reply_to(event_id, timeout=30)
    elapsed = (time.perf_counter() - started) * 1000
    if not body(reply).startswith(expect):
        raise RuntimeError(f"unexpected reply to {text!r}: {body(reply)[:80]!r}")
    return elapsed, body(reply)


async def round_trip(partner: Person, room_id: str, text: str, expect: str) -> float:
    """Milliseconds from just before the send until the reply is in the partner's sync."""
    elapsed, _ = await exchange(partner, room_id, text, expect)
    return elapsed


async def measure(
    trips: Sequence[tuple[str, Trip]], rounds: int, warmup: int, gap: float
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each round runs ``trips`` in order; a name may recur (the echo trip between commands).

    Also each koopbot trip over the echo trip right after it: a ratio per pair, which
    cancels the drift of a noisy machine over a run (the echo median moved from 53 to
    96 ms between runs on the same code)."""
    samples: dict[str, list[float]] = {name: [] for name, _ in trips}
    paired: dict[str, list[float]] = {name: [] for name, _ in trips if name != ECHO}
    for number in range(warmup + rounds):
        before: tuple[str, float] | None = None
        for name, trip in trips:
            elapsed = await trip()
            if number >= warmup:
                samples[name].append(elapsed)
                if name != ECHO:
                    before = (name, elapsed)
                elif before is not None:
                    paired[before[0]].append(before[1] / elapsed)
                    before = None
            await asyncio.sleep(gap)  # let the previous bot finish its bookkeeping
    return samples, paired


async def fill_history(url: str, room_id: str, history: argparse.Namespace) -> dict[str, float]:
    """Three years of history in ``room_id`` of the database at ``url``; seconds per part.

    ``archive.fill`` writes for its module constant ``ROOM``, the in-process benches' room,
    while this room's id is known only once Synapse has created it. Rewriting ``room_id``
    afterwards (one UPDATE per table) would break the decision log: ``room_id`` is one of
    the fields each entry's hash covers (``storage.decisions.chain.HASHED_FIELDS``), so
    ``koopbot verify-log`` would find every filled entry changed. The constant is therefore
    replaced for the duration of the call (``fill`` reads it at call time), which writes
    every row, hash included, as koopbot would have written it for this room.
    """
    import archive  # only here: it pulls in the in-process benches and tests/support

    engine = create_engine(url)
    try:
        await migrate.upgrade(engine)  # koopbot's own start-up finds the schema current
        with mock.patch.object(archive, "ROOM", room_id):
            took: dict[str, float] = await archive.fill(session_factory(engine), history)
    finally:
        await engine.dispose()
    return took


def archive_trips(
    partner: Person, bot_room: str, echo: Trip, replies: dict[str, str]
) -> list[tuple[str, Trip]]:
    """Each command of ``ARCHIVE_COMMANDS``, each followed by an echo trip; the first line
    of each command's latest reply is kept in ``replies`` (what was measured: a hit or none)."""
    trips: list[tuple[str, Trip]] = []
    for label, command, expect in ARCHIVE_COMMANDS:
        counter = itertools.count(1)  # this command's trips: Testbeschluss 1, 2, …

        async def trip(
            label: str = label,
            command: str = command,
            expect: tuple[str, ...] = expect,
            counter: Iterator[int] = counter,
        ) -> float:
            text = command.format(n=next(counter))
            elapsed, reply = await exchange(partner, bot_room, text, expect)
            replies[label] = reply.partition("\n")[0]
            return elapsed

        trips += [(label, trip), (ECHO, echo)]
    return trips


async def run(
    rounds: int,
    warmup: int,
    gap: float,
    history: argparse.Namespace | None = None,
    *,
    one_process: bool = False,
) -> dict[str, Any]:
    """One measurement; ``history`` (``--archive``) fills koopbot's database first. Each bot
    runs in its own process, unless ``one_process``."""
    archived: dict[str, Any] = {}  # with --archive: filling, start-up, memory
    with tempfile.TemporaryDirectory(prefix="koopbot-latency-") as tmp:
        folder = Path(tmp)
        async with run_homeserver(folder / "synapse", rate_limits="relaxed") as homeserver:
            names = ("koordination", "stadt1", "koopbot", "echo")
            ids = await homeserver.register_many({name: PASSWORD for name in names})
            coordinator = Person(homeserver.url, ids["koordination"], PASSWORD)
            partner = Person(homeserver.url, ids["stadt1"], PASSWORD, hear_self=False)
            echo = EchoBot(homeserver.url, ids["echo"], PASSWORD)
            try:
                await coordinator.login()
                await partner.login()
                bot_room = await coordinator.create_room("Kooperation", invite=[ids["stadt1"]])
                echo_room = await coordinator.create_room(
                    "Echo", invite=[ids["stadt1"], ids["echo"]]
                )
                await partner.join(bot_room)
                await partner.join(echo_room)
                settings = koopbot_settings(homeserver.url, ids, bot_room, folder)
                if history is not None:
                    archived["fill_s"] = await fill_history(settings.storage.url, bot_room, history)
                partner.listen()
                starting = time.perf_counter()
                bots = (
                    in_this_process(settings, echo, echo_room)
                    if one_process
                    else _both_serving(settings, ids["echo"], homeserver.url, echo_room, folder)
                )
                async with bots as koopbot_pid:
                    await coordinator.invite(bot_room, ids["koopbot"])
                    await partner.wait_for(
                        lambda e: (
                            e.get("type") == "m.room.member"
                            and e.get("state_key") == ids["koopbot"]
                            and e.get("content", {}).get("membership") == "join"
                        ),
                        timeout=60,
                    )
                    archived["start_s"] = time.perf_counter() - starting
                    await coordinator.close()  # nobody else syncs while we measure

                    def echo_trip() -> Awaitable[float]:
                        return round_trip(partner, echo_room, "ping", "ping")

                    def status_trip() -> Awaitable[float]:
                        return round_trip(partner, bot_room, "!status", "koopbot")

                    trips = (
                        [(STATUS, status_trip), (ECHO, echo_trip)]
                        if history is None
                        else archive_trips(
                            partner, bot_room, echo_trip, archived.setdefault("replies", {})
                        )
                    )
                    if history is not None:
                        archived["rss_start_mb"] = rss_of(koopbot_pid)
                    samples, paired = await measure(trips, rounds, warmup, gap)
                    if history is not None:
                        archived["rss_end_mb"] = rss_of(koopbot_pid)
            finally:
                await echo.close()
                await partner.close()
                await coordinator.close()
    stats = {name: summary(values) for name, values in samples.items()}
    bot, floor = stats[STATUS], stats[ECHO]
    results = {
        "machine": machine(),
        "processes": "one" if one_process else "koopbot, echo bot and partner each in its own",
        "rounds": rounds,
        "warmup": warmup,
        "gap_s": gap,
        "stats_ms": stats,
        "ratio_median": bot["median"] / floor["median"],
        "ratio_p95": bot["p95"] / floor["p95"],
        "paired": {name: _spread(ratios) for name, ratios in paired.items()},
        "bars": {"median": MEDIAN_BAR, "p95": P95_BAR},
    }
    if history is not None:
        commands = [name for name in stats if name != ECHO]
        results["archive"] = {
            **archived,
            "history": vars(history),
            "ratios_median": {n: stats[n]["median"] / floor["median"] for n in commands},
            "ratios_p95": {n: stats[n]["p95"] / floor["p95"] for n in commands},
        }
    return results


def _spread(ratios: list[float]) -> dict[str, float]:
    """Median and quartiles of per-pair ratios."""
    return {
        "median": statistics.median(ratios),
        "q1": percentile(ratios, 25),
        "q3": percentile(ratios, 75),
    }


def print_paired(paired: dict[str, dict[str, float]]) -> None:
    for name, ratio in paired.items():
        label = f"paired {name.removeprefix('koopbot ')} / echo after it"
        print_ratio(label, ratio["median"], MEDIAN_BAR)
        print(f"    quartiles {ratio['q1']:.3f}x–{ratio['q3']:.3f}x")


def print_archive(results: dict[str, Any]) -> None:
    """The ``--archive`` part of the report: filling, start, ratios of every command, memory."""
    archive = results["archive"]
    fill_s = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in archive["fill_s"].items())
    print(f"  filled: {fill_s}; koopbot started and joined in {archive['start_s']:.1f} s")
    print_table(results["stats_ms"])
    for name, reply in archive["replies"].items():
        print(f"  last reply to {name.removeprefix('koopbot ')}: {reply[:100]}")
    for name, ratio in archive["ratios_median"].items():
        print_ratio(f"median {name.removeprefix('koopbot ')} / echo", ratio, MEDIAN_BAR)
    for name, ratio in archive["ratios_p95"].items():
        print_ratio(f"p95 {name.removeprefix('koopbot ')} / echo", ratio, P95_BAR)
    print_paired(results["paired"])
    (now_start, _), (now_end, peak_end) = archive["rss_start_mb"], archive["rss_end_mb"]
    print(
        f"  koopbot's RSS ({results['processes']} process): after start {now_start:.0f} MB; "
        f"after measuring {now_end:.0f} MB (peak {peak_end:.0f} MB)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200, help="measured round trips per bot")
    parser.add_argument("--warmup", type=int, default=10, help="uncounted round trips per bot")
    parser.add_argument("--gap", type=float, default=0.02, help="pause between trips (s)")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    parser.add_argument(
        "--one-process",
        action="store_true",
        help="run both bots in the measuring process (as before 2 Dec 2026), not each in its own",
    )
    parser.add_argument("--serve", nargs=2, metavar=("ROLE", "FILE"), help=argparse.SUPPRESS)
    archive = parser.add_argument_group("--archive", "three years of history in koopbot's room")
    archive.add_argument(
        "--archive", action="store_true", help="fill koopbot's database, measure four commands"
    )
    archive.add_argument("--decisions", type=int, default=100_000, help="decision log entries")
    archive.add_argument("--notices", type=int, default=10_000, help="notices")
    archive.add_argument(
        "--meetings", type=int, default=1_000, help="meetings, 3 agenda items each"
    )
    archive.add_argument(
        "--rounds-history", type=int, default=50, help="closed input rounds, 3 inputs each"
    )
    archive.add_argument("--contacts", type=int, default=120, help="contact changes")
    options = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    if options.serve:  # a child of serving(): one bot in its own process
        role, given = options.serve
        asyncio.run(serve(role, json.loads(Path(given).read_text())))
        return 0
    history = None
    if options.archive:  # the attribute names archive.fill reads
        history = argparse.Namespace(
            decisions=options.decisions,
            notices=options.notices,
            meetings=options.meetings,
            rounds=options.rounds_history,
            contacts=options.contacts,
        )
    results = asyncio.run(
        run(options.rounds, options.warmup, options.gap, history, one_process=options.one_process)
    )
    facts = {
        **results["machine"],
        "processes": "one" if options.one_process else "one per bot",
        "N": options.rounds,
        "warm-up": options.warmup,
    }
    if history is not None:
        facts |= {
            "decisions": history.decisions,
            "notices": history.notices,
            "meetings": history.meetings,
            "input rounds": history.rounds,
        }
        print_header("Reply latency through a local Synapse, against an archive", facts)
        print_archive(results)
    else:
        print_header("Reply latency through a local Synapse", facts)
        print_table(results["stats_ms"])
        print_ratio("median koopbot / echo", results["ratio_median"], MEDIAN_BAR)
        print_ratio("p95 koopbot / echo", results["ratio_p95"], P95_BAR)
        print_paired(results["paired"])
    if options.json:
        print_json(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
