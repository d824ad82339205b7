"""Press-release approvals through a real Synapse: commands, reactions and redactions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.demo.people import Person, body
from tests.integration.conftest import World
from tests.support.press import DRAFT

ALL_PENDING = [
    "⏳ Landeshauptstadt Magdeburg",
    "⏳ Agentur für Arbeit Magdeburg",
    "⏳ Jobcenter Magdeburg",
]


async def bot_post(world: World, room: str, starts: str, watcher: str = "stadt1") -> dict[str, Any]:
    """The bot's top-level post in ``room`` whose body starts with ``starts``."""
    bot = world.ids["koopbot"]
    return await world.people[watcher].wait_for(
        lambda e: e.get("room_id") == room and e.get("sender") == bot and body(e).startswith(starts)
    )


async def ask(person: Person, room: str, text: str) -> list[str]:
    """Say ``text`` and return the lines of the bot's reply."""
    return body(await person.reply_to(await person.say(room, text))).splitlines()


async def test_approvals_by_command_and_by_reaction_make_it_approved(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt, agentur, jobcenter = (world.people[n] for n in ("stadt1", "agentur1", "jobcenter1"))
    async with world.bot(room, tmp_path):
        draft = await stadt.reply_to(await stadt.say(room, DRAFT))
        assert body(draft).splitlines()[:4] == ["PM #1 · Version 1 · Entwurf", *ALL_PENDING]
        assert (await ask(agentur, room, "!pm freigeben 1"))[0] == (
            "✅ PM #1: Freigabe durch Agentur für Arbeit Magdeburg (Version 1)."
        )
        await jobcenter.react(room, draft["event_id"], "✅️")
        await bot_post(world, room, "✅ PM #1: Freigabe durch Jobcenter Magdeburg (Version 1).")
        assert (await ask(stadt, room, "!pm freigeben 1"))[1] == "PM #1 · Version 1 · Freigegeben"
        final = await bot_post(world, room, "📢 Gemeinsame Pressemitteilung freigegeben: PM #1")
        assert "Jobcenter Magdeburg: freigegeben am" in body(final)
        shown = await ask(jobcenter, room, "!pm 1")
    assert shown[:4] == [
        "PM #1 · Version 1 · Freigegeben",
        "✅ Landeshauptstadt Magdeburg",
        "✅ Agentur für Arbeit Magdeburg",
        "✅ Jobcenter Magdeburg",
    ]


async def test_a_revision_after_two_approvals_resets_them(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    stadt, agentur, jobcenter = (world.people[n] for n in ("stadt1", "agentur1", "jobcenter1"))
    async with world.bot(room, tmp_path):
        draft = await stadt.reply_to(await stadt.say(room, DRAFT))
        await ask(agentur, room, "!pm freigeben 1")
        await jobcenter.react(room, draft["event_id"], "👍")
        await bot_post(world, room, "✅ PM #1: Freigabe durch Jobcenter Magdeburg")
        revised = await ask(stadt, room, "!pm überarbeiten 1\nStadt, Agentur und Jobcenter: neu")
    assert revised[:4] == ["PM #1 · Version 2 · Entwurf", *ALL_PENDING]
    assert revised[5] == "Änderungen gegenüber Version 1:"


async def test_a_redacted_reaction_withdraws_the_approval(world: World, tmp_path: Path) -> None:
    room = await world.new_room()
    stadt, agentur = world.people["stadt1"], world.people["agentur1"]
    async with world.bot(room, tmp_path):
        draft = await stadt.reply_to(await stadt.say(room, DRAFT))
        reaction = await agentur.react(room, draft["event_id"], "✅")
        await bot_post(world, room, "✅ PM #1: Freigabe durch Agentur für Arbeit Magdeburg")
        await agentur.redact(room, reaction)
        await bot_post(world, room, "↩ PM #1: Freigabe durch Agentur für Arbeit Magdeburg zurück")
        shown = await ask(agentur, room, "!pm 1")
    assert shown[:4] == ["PM #1 · Version 1 · Entwurf", *ALL_PENDING]
