"""A staff change through a real Synapse: no restart between adding a member and their command."""

from __future__ import annotations

from pathlib import Path

from bot.demo.people import body
from tests.integration.conftest import World


async def test_a_member_added_in_the_chat_records_a_decision_at_once(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    coordinator, newcomer = world.people["koordination"], world.people["gast"]
    newcomer_id = world.ids["gast"]
    async with world.bot(room, tmp_path):
        refused = await newcomer.reply_to(await newcomer.say(room, "!beschluss Jobmesse im Mai"))
        assert "Ihre Rolle: Gast" in body(refused)
        added = await coordinator.reply_to(
            await coordinator.say(room, f"!mitglied hinzufügen jobcenter {newcomer_id}")
        )
        assert "ist jetzt Mitglied von Jobcenter Magdeburg" in body(added)
        assert newcomer_id in added["content"]["m.mentions"]["user_ids"]
        recorded = await newcomer.reply_to(await newcomer.say(room, "!beschluss Jobmesse im Mai"))
        assert body(recorded).splitlines()[0] == "Beschluss #1 erfasst: Jobmesse im Mai"
        removed = await coordinator.reply_to(
            await coordinator.say(room, f"!mitglied entfernen jobcenter {newcomer_id}")
        )
        assert body(removed).startswith(f"{newcomer_id} ist kein Mitglied von Jobcenter")
        again = await newcomer.reply_to(await newcomer.say(room, "!beschluss Noch einer"))
        assert "Ihre Rolle: Gast" in body(again)
