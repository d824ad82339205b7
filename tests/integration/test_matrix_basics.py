"""The foundation through a real Synapse: replies, roles, invites, threads, edits, history."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.demo.people import body, in_reply_to
from tests.integration.conftest import World


async def test_help_is_a_notice_reply_with_html(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    async with world.bot(room, tmp_path):
        event = await world.people["stadt1"].say(room, "!hilfe")
        reply = await world.people["stadt1"].reply_to(event)
    content = reply["content"]
    assert content["msgtype"] == "m.notice"
    assert content["format"] == "org.matrix.custom.html" and "<ul>" in content["formatted_body"]
    assert "!kontakte setzen" in content["body"]


async def test_role_refusal_names_the_role(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    async with world.bot(room, tmp_path):
        event = await world.people["agentur1"].say(room, "!kontakte setzen stadt @x:koopbot.test")
        reply = await world.people["agentur1"].reply_to(event)
    assert body(reply).startswith("Nur die Koordination kann !kontakte setzen verwenden.")
    assert "Partner (Agentur für Arbeit Magdeburg)" in body(reply)


async def test_reply_in_thread_and_edits_do_not_retrigger(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    stadt = world.people["stadt1"]
    async with world.bot(room, tmp_path):
        root = await stadt.say(room, "Thema: Fachkräfte Logistik")
        command = await stadt.say(room, "!kontakte", thread_root=root)
        reply = await stadt.reply_to(command)
        relation = reply["content"]["m.relates_to"]
        assert relation["rel_type"] == "m.thread" and relation["event_id"] == root
        await stadt.edit(room, command, "!status")
        sentinel = await stadt.say(room, "!status")
        await stadt.reply_to(sentinel)
    assert len(stadt.replies_to(command)) == 1


async def test_invite_policy(world: World, tmp_path: Path) -> None:
    configured = await world.new_room()
    unconfigured = await world.new_room()
    async with world.bot(configured, tmp_path) as bot:
        # From a partner member (not a coordinator) to a configured room: ignored.
        own_room = await world.people["stadt1"].create_room("Privat", invite=[])
        bot.dispatcher.rooms.add(own_room)
        await world.invite_bot(own_room, inviter="stadt1")
        # From the coordinator but to a room that is not configured: ignored.
        await world.invite_bot(unconfigured)
        # A round trip in the configured room proves the invites were seen and passed over.
        event = await world.people["stadt1"].say(configured, "!status")
        await world.people["stadt1"].reply_to(event)
        for _ in range(2):
            probe = await world.people["stadt1"].say(configured, "!status")
            await world.people["stadt1"].reply_to(probe)
        joined = bot.matrix.client.rooms
        assert configured in joined
        assert own_room not in joined and unconfigured not in joined


async def test_old_history_is_not_answered_on_first_start(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    early = await world.people["stadt1"].say(room, "!status")
    async with world.bot(room, tmp_path):
        later = await world.people["stadt1"].say(room, "!status")
        await world.people["stadt1"].reply_to(later)
    assert world.people["stadt1"].replies_to(early) == []


@pytest.mark.parametrize("command", ["!gibtsnicht", "!kontakte setzen", '!kontakte setzen "offen'])
async def test_bad_input_gets_an_answer_not_silence(
    world: World, tmp_path: Path, command: str
) -> None:
    room = await world.new_room()
    async with world.bot(room, tmp_path):
        event = await world.people["gast"].say(room, command)
        reply = await world.people["gast"].reply_to(event)
    assert in_reply_to(reply) == event and body(reply)
    assert "Traceback" not in body(reply)
