"""Consent per partner through a real Synapse: one partner records, one consents by
command, one by ✅ reaction on the bot's message; then the decision is carried by all."""

from __future__ import annotations

from pathlib import Path

from bot.demo.people import Person, body
from tests.integration.conftest import World


async def ask(person: Person, room: str, text: str) -> list[str]:
    """Say ``text`` and return the lines of the bot's reply."""
    return body(await person.reply_to(await person.say(room, text))).splitlines()


async def test_three_partners_consent_by_recording_command_and_reaction(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt, agentur, jobcenter = (world.people[n] for n in ("stadt1", "agentur1", "jobcenter1"))
    bot = world.ids["koopbot"]
    async with world.bot(room, tmp_path):
        recorded = await stadt.reply_to(
            await stadt.say(room, "!beschluss Gemeinsame Jobmesse im Frühjahr")
        )
        card = body(recorded).splitlines()
        assert card[0] == "Beschluss #1 erfasst: Gemeinsame Jobmesse im Frühjahr"
        assert card[2] == "Zustimmung: 1 von 3 Partnern – noch nicht von allen getragen"
        assert card[3].startswith("✅ Landeshauptstadt Magdeburg: Anna Schulz, ")
        assert card[4:6] == [
            "⏳ Agentur für Arbeit Magdeburg: Zustimmung steht aus",
            "⏳ Jobcenter Magdeburg: Zustimmung steht aus",
        ]
        approved = await ask(agentur, room, "!beschluss zustimmen 1")
        assert approved[:2] == [
            "✅ Beschluss #1: Zustimmung von Agentur für Arbeit Magdeburg.",
            "Zustimmung: 2 von 3 Partnern – noch nicht von allen getragen",
        ]
        reaction = await jobcenter.react(room, recorded["event_id"], "✅")
        answer = await jobcenter.wait_for(
            lambda e: (
                e.get("room_id") == room
                and e.get("sender") == bot
                and body(e).startswith("✅ Beschluss #1: Zustimmung von Jobcenter Magdeburg.")
            )
        )
        assert body(answer).splitlines()[1] == "Beschluss #1 ist jetzt von allen Partnern getragen."
        shown = await ask(world.people["gast"], room, "!beschluss 1")
        assert shown[:4] == [
            "Beschluss #1 · gültig",
            "Gemeinsame Jobmesse im Frühjahr",
            "Ergebnis: beschlossen",
            "Zustimmung: von allen Partnern getragen",
        ]
        assert shown[5].startswith("✅ Agentur für Arbeit Magdeburg: Bernd Krüger, ")
        assert shown[6].startswith("✅ Jobcenter Magdeburg: Carla Vogt, ")
        await jobcenter.redact(room, reaction)  # too late: the decision is carried by all
        kept = await jobcenter.wait_for(
            lambda e: (
                e.get("room_id") == room
                and e.get("sender") == bot
                and body(e).startswith("Beschluss #1 ist bereits von allen Partnern getragen")
            )
        )
        assert "die Zustimmung von Jobcenter Magdeburg bleibt bestehen" in body(kept)
