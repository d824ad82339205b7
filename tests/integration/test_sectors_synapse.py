"""Sector rounds through a real Synapse: three partners side by side, disagreement flagged,
and the partner still missing reminded exactly once the day before the deadline (the bot's
Waker runs with an injected clock, so nothing waits for real time)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bot.app import utc_now
from bot.demo.people import Person, body
from commands.sectors.reminders import moments
from storage import sectors as store
from tests.integration.conftest import World

REMINDER = "⏳ Branchenrunde #1: Die Frist endet morgen"


async def ask(person: Person, room: str, text: str) -> list[str]:
    return body(await person.reply_to(await person.say(room, text))).splitlines()


async def test_three_partners_side_by_side_and_the_missing_one_reminded_once(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt, agentur, jobcenter, coordination = (
        world.people[n] for n in ("stadt1", "agentur1", "jobcenter1", "koordination")
    )
    bot_id = world.ids["koopbot"]
    async with world.bot(room, tmp_path) as bot:
        deadline = (utc_now().astimezone(bot.settings.zone) + timedelta(days=2)).date()
        started = await ask(coordination, room, f"!runde start {deadline.isoformat()}")
        assert started[0].startswith("Branchenrunde #1 gestartet, Frist")
        await ask(stadt, room, '!branche melden C wachsend Aufträge bedarf="Schweißer, CNC"')
        await ask(agentur, room, "!branche melden Industrie rückläufig Kurzarbeit")

        async with bot.sessions() as session:
            round_ = await store.current_round(session, room)
            assert round_ is not None
            [(kind, due)] = moments(round_, bot.settings)
        assert kind == "1d"

        def at_deadline_eve() -> datetime:
            return due + timedelta(minutes=1)

        bot.waker.clock = at_deadline_eve
        await bot.waker.wake()
        reminder = await jobcenter.wait_for(
            lambda e: (
                e.get("room_id") == room
                and e.get("sender") == bot_id
                and body(e).startswith(REMINDER)
            )
        )
        assert body(reminder).splitlines()[1] == "Ausstehend: Jobcenter Magdeburg (Carla Vogt)"
        assert reminder["content"]["m.mentions"]["user_ids"] == [world.ids["jobcenter1"]]
        await bot.waker.wake()  # the same moment again: already recorded, never twice

        await ask(jobcenter, room, "!branche melden Logistik stabil Nachfrage gleichbleibend")
        overview = await ask(coordination, room, "!branchen")
        reminders = [
            e for e in jobcenter.events if e.get("room_id") == room and body(e).startswith(REMINDER)
        ]
    assert len(reminders) == 1
    assert overview[0].endswith("– alle Partner haben gemeldet")
    assert overview[1] == "⚠ Uneinig: C Verarbeitendes Gewerbe – Stadt wachsend, Agentur rückläufig"
    assert overview[2].split() == ["Branche", "Stadt", "Agentur", "Jobcenter"]
    assert overview[3].split() == [
        "C", "Verarbeitendes", "Gewerbe", "↑", "(Schweißer,", "CNC)", "↓", "–"
    ]  # fmt: skip
    assert overview[4].split() == ["H", "Verkehr", "und", "Lagerei", "–", "–", "→"]
