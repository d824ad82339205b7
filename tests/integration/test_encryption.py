"""Encrypted rooms: the bot decrypts commands, answers encrypted, and survives a restart."""

from __future__ import annotations

from pathlib import Path

from bot.app import running_bot
from bot.demo.people import Person, body
from tests.integration.conftest import PASSWORD, World


async def test_encrypted_room_with_restart(world: World, tmp_path: Path) -> None:
    coordinator = Person(
        world.homeserver.url, world.ids["koordination"], PASSWORD, store=tmp_path / "coord"
    )
    member = Person(world.homeserver.url, world.ids["stadt1"], PASSWORD, store=tmp_path / "stadt")
    try:
        for person in (coordinator, member):
            await person.login()
            person.listen()
        room = await coordinator.create_room(
            "Verschlüsselt", invite=[world.ids["stadt1"]], encrypted=True
        )
        await member.join(room)
        settings = world.settings(room, tmp_path / "bot")

        async with running_bot(settings):
            await coordinator.invite(room, world.ids["koopbot"])
            await coordinator.wait_for(
                lambda e: e.get("room_id") == room and e.get("state_key") == world.ids["koopbot"]
                and e.get("content", {}).get("membership") == "join",
            )  # fmt: skip
            first = await member.say(room, "!kontakte")
            reply = await member.reply_to(first, timeout=60)
            assert "Landeshauptstadt Magdeburg" in body(reply)
            assert not reply.get("undecryptable")

        # While the bot is down: a command it can only read with the keys from its store.
        while_down = await member.say(room, "!status")
        async with running_bot(settings):
            reply = await member.reply_to(while_down, timeout=60)
        assert body(reply).startswith("koopbot")

        raw = [
            e
            for e in member.events
            if e.get("sender") == world.ids["koopbot"] and e.get("room_id") == room
        ]
        assert raw and all(
            e.get("type") != "m.room.message" or "undecryptable" not in e for e in raw
        )
        assert (tmp_path / "bot" / "store" / "credentials.json").exists()
    finally:
        await coordinator.close()
        await member.close()
