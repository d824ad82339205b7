"""Meeting reminders through a real Synapse, on the real clock.

Nothing sleeps to wait for something that can be awaited: the tests await the reminder
event itself. Only the outage test waits for a known moment (the due time plus the
lateness threshold) while the bot is dead, because that is what it is about.
"""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import nio
from icalendar import Calendar

from bot.app import running_bot
from bot.demo.people import body, in_reply_to
from commands.core.delivery import LATE_AFTER
from config import ReminderSettings
from tests.integration.conftest import World
from tests.integration.test_restart import bot_process, write_config

BERLIN = ZoneInfo("Europe/Berlin")


def ahead(seconds: float) -> datetime:
    """A whole second this far ahead, in UTC."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).replace(microsecond=0)


def new_meeting(start: datetime, title: str) -> str:
    local = start.astimezone(BERLIN)
    return f"!termin neu {local:%d.%m.%Y} {local:%H:%M:%S} {title} dauer=30"


def is_reminder(room_id: str, title: str) -> Any:
    return lambda e: e.get("room_id") == room_id and body(e).startswith("🔔") and title in body(e)


async def test_a_reminder_arrives_once_on_time_with_the_contacts_mentioned(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    settings = world.settings(room, tmp_path).model_copy(
        update={"reminders": ReminderSettings(offsets=["1m"], grace="10m")}
    )
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    async with running_bot(settings):
        await world.invite_bot(room)
        await world.bot_joined(room)
        start = ahead(80)
        due = start - timedelta(minutes=1)
        created = await coordinator.say(room, new_meeting(start, "Abstimmung Logistik"))
        assert body(await coordinator.reply_to(created)).startswith("Termin #1 angelegt")
        await world.people["agentur1"].say(room, "!tagesordnung 1 Fachkräftebedarf")

        # While waiting: the calendar file arrives as an m.file and parses back.
        asked = await stadt.say(room, "!termin ics 1")
        await stadt.reply_to(asked)
        file = await stadt.wait_for(
            lambda e: e.get("room_id") == room and e.get("content", {}).get("msgtype") == "m.file"
        )
        assert file["content"]["info"]["mimetype"] == "text/calendar"
        download = await stadt.client.download(file["content"]["url"])
        assert isinstance(download, nio.MemoryDownloadResponse), download
        (event,) = Calendar.from_ical(download.body).walk("VEVENT")
        assert event["DTSTART"].dt == start and str(event["SUMMARY"]) == "Abstimmung Logistik"

        reminder = await stadt.wait_for(is_reminder(room, "Abstimmung Logistik"), timeout=150)
        sentinel = await stadt.say(room, "!status")  # replies are sent in order, after any double
        await stadt.reply_to(sentinel)

    content = reminder["content"]
    assert in_reply_to(reminder) is None and "m.relates_to" not in content
    ids = world.ids
    assert set(content["m.mentions"]["user_ids"]) == {
        ids["stadt1"],
        ids["agentur1"],
        ids["jobcenter1"],
    }
    assert f'href="https://matrix.to/#/{ids["agentur1"]}"' in content["formatted_body"]
    assert "Tagesordnung: 1. Fachkräftebedarf (Agentur)" in body(reminder)
    assert "(verspätet)" not in body(reminder)  # the bot judged it on time (within 60 s)
    assert reminder["origin_server_ts"] >= due.timestamp() * 1000  # and not early
    reminders = [e for e in stadt.events if is_reminder(room, "Abstimmung Logistik")(e)]
    assert len(reminders) == 1


async def test_killed_before_the_due_time_the_bot_posts_the_late_reminder_once_after_restart(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    config = write_config(world, room, tmp_path, device_id="KBMEETING")
    config.write_text(config.read_text() + '\n[reminders]\noffsets = ["2m"]\ngrace = "10m"\n')
    log = tmp_path / "bot.log"
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]

    async with bot_process(config, log) as process:
        await world.invite_bot(room)
        await world.bot_joined(room, timeout=60)
        start = ahead(2 * 60 + 20)
        due = start - timedelta(minutes=2)
        created = await coordinator.say(room, new_meeting(start, "Runde nach Ausfall"))
        assert body(await coordinator.reply_to(created, timeout=60)).startswith(
            "Termin #1 angelegt"
        )
        assert datetime.now(UTC) < due, "the bot must die before the reminder is due"
        process.send_signal(signal.SIGKILL)
        await process.wait()

    # Dead over the due time, back after the lateness threshold but before the meeting.
    await asyncio.sleep((due + LATE_AFTER - datetime.now(UTC)).total_seconds() + 2)
    async with bot_process(config, log):
        reminder = await stadt.wait_for(is_reminder(room, "Runde nach Ausfall"), timeout=90)
        sentinel = await stadt.say(room, "!status")
        await stadt.reply_to(sentinel, timeout=60)

    assert body(reminder).splitlines()[0] == "🔔 Heute: Runde nach Ausfall (#1) (verspätet)"
    assert datetime.now(UTC) < start
    reminders = [e for e in stadt.events if is_reminder(room, "Runde nach Ausfall")(e)]
    assert len(reminders) == 1, log.read_text()[-3000:]
