"""Outages and rate limits, each on a homeserver of its own (the shared one stays up)."""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import aiohttp
import pytest

from bot.app import running_bot
from bot.demo.homeserver import run_homeserver
from bot.demo.people import Person, body
from commands.core.delivery import LATE_AFTER
from config import ReminderSettings
from tests.integration.conftest import PASSWORD, PEOPLE, World
from tests.integration.test_meetings_synapse import ahead, is_reminder, new_meeting

OUTAGE_SECONDS = 30  # as the issue asks; the backoff cap is 30 s too


@asynccontextmanager
async def private_world(
    folder: Path, rate_limits: Literal["relaxed", "strict"] = "relaxed"
) -> AsyncIterator[World]:
    async with run_homeserver(folder / "synapse", rate_limits=rate_limits) as homeserver:
        ids = await homeserver.register_many({name: PASSWORD for name in ("koopbot", *PEOPLE)})
        people = {name: Person(homeserver.url, ids[name], PASSWORD) for name in PEOPLE}
        try:
            for person in people.values():
                await person.login()
                person.listen()
            yield World(homeserver, ids, people, folder, itertools.count(1))
        finally:
            for person in people.values():
                await person.close()


async def test_homeserver_outage_is_survived_and_commands_answered_once(tmp_path: Path) -> None:
    """30 s without the homeserver, a reminder falling due in the middle: afterwards every
    command is answered once and the reminder is posted once, saying it is late if it
    reached the room more than a minute after it was due."""
    async with private_world(tmp_path) as world:
        room = await world.new_room()
        stadt, coordinator = world.people["stadt1"], world.people["koordination"]
        settings = world.settings(room, tmp_path / "bot").model_copy(
            update={"reminders": ReminderSettings(offsets=["1m"], grace="10m")}
        )
        async with running_bot(settings) as bot:
            await world.invite_bot(room)
            await world.bot_joined(room)
            before = await stadt.say(room, "!status")
            await stadt.reply_to(before)
            start = ahead(60 + 15)  # its reminder falls due about 12 s into the outage
            due = start - timedelta(minutes=1)
            created = await coordinator.say(room, new_meeting(start, "Runde im Ausfall"))
            await coordinator.reply_to(created)
            await world.homeserver.stop()
            assert datetime.now(UTC) < due, "the outage must begin before the reminder is due"
            await asyncio.sleep(OUTAGE_SECONDS)  # the outage itself, not a wait for an event
            await world.homeserver.start()
            after = [await stadt.say(room, "!kontakte") for _ in range(3)]
            for event_id in after:
                await stadt.reply_to(event_id, timeout=60)
            reminder = await stadt.wait_for(is_reminder(room, "Runde im Ausfall"), timeout=90)
            assert not bot.tasks.running or all(not t.done() for t in bot.tasks.running)
            sentinel = await stadt.say(room, "!status")
            await stadt.reply_to(sentinel, timeout=60)
        for event_id in (before, *after, sentinel):
            assert len(stadt.replies_to(event_id)) == 1
    reminders = [e for e in stadt.events if is_reminder(room, "Runde im Ausfall")(e)]
    assert len(reminders) == 1
    arrived = datetime.fromtimestamp(reminder["origin_server_ts"] / 1000, UTC)
    assert arrived > due + timedelta(seconds=OUTAGE_SECONDS / 2)  # held back by the outage
    late = arrived - due > LATE_AFTER
    assert ("Verspätet zugestellt" in body(reminder)) is late, (arrived - due, body(reminder))


async def exempt_from_rate_limits(world: World, users: list[str]) -> None:
    """Only the bot stays rate-limited, so every 429 seen comes from its sends."""
    await world.homeserver.register("admin", PASSWORD, admin=True)
    base = world.homeserver.url
    async with aiohttp.ClientSession() as http:
        login = {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": "admin"},
            "password": PASSWORD,
        }
        async with http.post(f"{base}/_matrix/client/v3/login", json=login) as response:
            token = (await response.json())["access_token"]
        for user in users:
            url = f"{base}/_synapse/admin/v1/users/{user}/override_ratelimit"
            body = {"messages_per_second": 0, "burst_count": 0}
            async with http.post(
                url, json=body, headers={"Authorization": f"Bearer {token}"}
            ) as response:
                assert response.status == 200, await response.text()


async def test_rate_limited_sends_wait_and_are_not_lost(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async with private_world(tmp_path, rate_limits="strict") as world:
        await exempt_from_rate_limits(world, [world.ids[name] for name in PEOPLE])
        room = await world.new_room()
        stadt = world.people["stadt1"]
        with caplog.at_level(logging.WARNING, logger="nio"):
            async with world.bot(room, tmp_path / "bot"):
                commands = [await stadt.say(room, "!status") for _ in range(8)]
                replies = [await stadt.reply_to(event_id, timeout=90) for event_id in commands]
    assert all(body(reply).startswith("koopbot") for reply in replies)
    assert all(len(stadt.replies_to(event_id)) == 1 for event_id in commands)
    assert any(
        "429" in record.getMessage() for record in caplog.records
    )  # the limit was really hit
