"""Reply latency of koopbot through a real local Synapse vs a bare matrix-nio echo bot.

One run: a throwaway Synapse on loopback, a partner who sends, koopbot in this process
(SQLite in the temp dir) and a bare echo bot, each in its own room. The partner's own
long-polling sync is the stopwatch: from just before its ``room_send`` until the reply
arrives in its sync. Round trips alternate (koopbot, echo, koopbot, …) so machine noise
hits both alike. A measurement, not a test: it always exits 0.

The stopwatch does not hear the partner's own messages (a ``not_senders`` sync filter).
Otherwise a command wakes two long-polls at once, the partner's and the bot's, and
Synapse answers them one after the other in an order fixed by its own memory layout: in
one measured run the echo bot was always woken first and koopbot always second, 5 ms
later, which is most of a 10 % bar. Both bots now get the command's wake-up alone.

    .venv/bin/python bench/latency.py [--rounds 200] [--warmup 10] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

import nio
from _common import machine, print_header, print_json, print_ratio, print_table, summary

from bot.app import running_bot
from bot.demo.homeserver import run_homeserver
from bot.demo.people import Person, body
from config import MatrixSettings, Partner, Settings, StorageSettings
from config.settings import LimitSettings

PASSWORD = "koopbot-bench-passwort"
LONG_POLL_MS = 30_000
MEDIAN_BAR = 1.10
P95_BAR = 1.25


class EchoBot:
    """The floor: a bare nio client that long-polls and answers every m.text with a notice."""

    def __init__(self, homeserver: str, user_id: str, password: str) -> None:
        config = nio.AsyncClientConfig(encryption_enabled=False, store_sync_tokens=False)
        self.client = nio.AsyncClient(homeserver, user_id, config=config)
        self.password = password
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


async def round_trip(partner: Person, room_id: str, text: str, expect: str) -> float:
    """Milliseconds from just before the send until the reply is in the partner's sync."""
    partner.events.clear()  # nothing is in flight between round trips
    started = time.perf_counter()
    event_id = await partner.say(room_id, text)
    reply = await partner.reply_to(event_id, timeout=30)
    elapsed = (time.perf_counter() - started) * 1000
    if not body(reply).startswith(expect):
        raise RuntimeError(f"unexpected reply to {text!r}: {body(reply)[:80]!r}")
    return elapsed


async def measure(
    trips: Mapping[str, Callable[[], Awaitable[float]]], rounds: int, warmup: int, gap: float
) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {name: [] for name in trips}
    for number in range(warmup + rounds):
        for name, trip in trips.items():
            elapsed = await trip()
            if number >= warmup:
                samples[name].append(elapsed)
            await asyncio.sleep(gap)  # let the previous bot finish its bookkeeping
    return samples


async def run(rounds: int, warmup: int, gap: float) -> dict[str, Any]:
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
                await echo.start(echo_room)
                partner.listen()
                settings = koopbot_settings(homeserver.url, ids, bot_room, folder)
                async with running_bot(settings):
                    await coordinator.invite(bot_room, ids["koopbot"])
                    await partner.wait_for(
                        lambda e: (
                            e.get("type") == "m.room.member"
                            and e.get("state_key") == ids["koopbot"]
                            and e.get("content", {}).get("membership") == "join"
                        ),
                        timeout=60,
                    )
                    await coordinator.close()  # nobody else syncs while we measure
                    trips = {
                        "koopbot !status": lambda: round_trip(
                            partner, bot_room, "!status", "koopbot"
                        ),
                        "nio echo bot": lambda: round_trip(partner, echo_room, "ping", "ping"),
                    }
                    samples = await measure(trips, rounds, warmup, gap)
            finally:
                await echo.close()
                await partner.close()
                await coordinator.close()
    stats = {name: summary(values) for name, values in samples.items()}
    bot, floor = stats["koopbot !status"], stats["nio echo bot"]
    return {
        "machine": machine(),
        "rounds": rounds,
        "warmup": warmup,
        "gap_s": gap,
        "stats_ms": stats,
        "ratio_median": bot["median"] / floor["median"],
        "ratio_p95": bot["p95"] / floor["p95"],
        "bars": {"median": MEDIAN_BAR, "p95": P95_BAR},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200, help="measured round trips per bot")
    parser.add_argument("--warmup", type=int, default=10, help="uncounted round trips per bot")
    parser.add_argument("--gap", type=float, default=0.02, help="pause between trips (s)")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    options = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    results = asyncio.run(run(options.rounds, options.warmup, options.gap))
    facts = {**results["machine"], "N": options.rounds, "warm-up": options.warmup}
    print_header("Reply latency through a local Synapse", facts)
    print_table(results["stats_ms"])
    print_ratio("median koopbot / echo", results["ratio_median"], MEDIAN_BAR)
    print_ratio("p95 koopbot / echo", results["ratio_p95"], P95_BAR)
    if options.json:
        print_json(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
