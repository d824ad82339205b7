"""The client-data warning through a real Synapse: with the power to, the bot removes the
message itself; without it, the message stays and the sender is asked to delete it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.demo.people import body
from tests.integration.conftest import World

CLIENT = "Kunde 123A456789 hat die Maßnahme abgebrochen"


async def event_source(world: World, room: str, event_id: str) -> dict[str, Any]:
    response = await world.people["stadt1"].client.room_get_event(room, event_id)
    source: dict[str, Any] = response.event.source
    return source


async def test_a_bot_with_power_redacts_client_data_with_a_reason(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    coordinator = world.people["koordination"].client
    levels = dict((await coordinator.room_get_state_event(room, "m.room.power_levels")).content)
    levels["users"] = {**levels.get("users", {}), world.ids["koopbot"]: 50}
    await coordinator.room_put_state(room, "m.room.power_levels", levels)
    async with world.bot(room, tmp_path):
        event = await world.people["stadt1"].say(room, CLIENT)
        reply = await world.people["stadt1"].reply_to(event)
        source = await event_source(world, room, event)
    assert body(reply).startswith(
        "Hinweis: Diese Nachricht sah aus, als enthalte sie Daten einer einzelnen Person "
        "(Kundennummer). Ich habe sie aus dem Raum entfernt."
    )
    assert source["content"] == {}  # the text is gone from the room
    because = source["unsigned"]["redacted_because"]
    assert because["sender"] == world.ids["koopbot"]
    assert because["content"]["reason"] == "Mögliche Daten einer einzelnen Person (Kundennummer)"


async def test_a_bot_without_power_asks_the_sender(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    async with world.bot(room, tmp_path):
        event = await world.people["stadt1"].say(room, CLIENT)
        reply = await world.people["stadt1"].reply_to(event)
        source = await event_source(world, room, event)
    assert "Sie ist noch im Raum zu sehen – bitte löschen Sie sie" in body(reply)
    assert source["content"]["body"] == CLIENT
