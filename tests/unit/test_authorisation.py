"""Every command as outsider, partner member and coordinator, checked against one table."""

from __future__ import annotations

import pytest

from bot.app import all_commands
from tests.support.chat import Chat

# full command name → allowed for (guest, partner member, coordinator who is no member)
TABLE: dict[str, tuple[bool, bool, bool]] = {
    "hilfe": (True, True, True),
    "status": (True, True, True),
    "kontakte": (True, True, True),
    "kontakte setzen": (False, False, True),
    "pm": (True, True, True),
    "pm entwurf": (False, True, True),
    "pm überarbeiten": (False, True, True),
    "pm freigeben": (False, True, False),
    "pm ablehnen": (False, True, False),
    "pm zurückziehen": (False, True, False),
    "pm verlauf": (False, True, True),
    "pm export": (False, True, True),
    "termine": (True, True, True),
    "termin": (True, True, True),
    "termin neu": (False, False, True),
    "termin absagen": (False, False, True),
    "termin verschieben": (False, False, True),
    "termin ics": (True, True, True),
    "tagesordnung": (False, True, True),
    "beschluss": (False, True, True),
    "beschluss ändern": (False, False, True),
    "beschluss aufheben": (False, False, True),
    "beschluss erledigt": (False, False, True),
    "beschlüsse": (True, True, True),
    "export": (True, True, True),
    "export beschlüsse": (False, False, True),
    "export branchen": (False, False, True),
    "info": (False, True, False),
    "infos": (True, True, True),
    "branche melden": (False, True, False),
    "branche": (True, True, True),
    "branchen": (True, True, True),
    "runde start": (False, False, True),
    "runde schließen": (False, False, True),
}
ROLES = ("gast", "stadt1", "koordination")


def test_the_table_covers_every_command() -> None:
    assert sorted(TABLE) == sorted(c.full_name for c in all_commands())


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: c.full_name)
async def test_every_command_for_every_role(chat: Chat, command) -> None:  # type: ignore[no-untyped-def]
    for who, allowed in zip(ROLES, TABLE[command.full_name], strict=True):
        chat.clock.advance(seconds=5)
        event = await chat.send(who, command.example)
        replies = chat.replies_to(event)
        assert len(replies) == 1, (who, command.example)
        refused = "Ihre Rolle:" in replies[0]["body"]
        assert refused is not allowed, (who, command.full_name, replies[0]["body"])
        assert "Traceback" not in replies[0]["body"]
