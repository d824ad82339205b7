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
    "mitglieder": (True, True, True),
    "mitglieder verlauf": (False, False, True),
    "mitglied hinzufügen": (False, False, True),
    "mitglied entfernen": (False, False, True),
    "pm": (True, True, True),
    "pm entwurf": (False, True, True),
    "pm überarbeiten": (False, True, True),
    "pm freigeben": (False, True, False),
    "pm ablehnen": (False, True, False),
    "pm zurückziehen": (False, True, False),
    "pm verlauf": (False, True, True),
    "pm export": (False, True, True),
    "pm suche": (True, True, True),
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
    "beschluss zustimmen": (False, True, False),
    "beschluss widersprechen": (False, True, False),
    "beschlüsse": (True, True, True),
    "export": (True, True, True),
    "export beschlüsse": (False, False, True),
    "export branchen": (False, False, True),
    "export infos": (False, False, True),
    "info": (False, True, False),
    "infos": (True, True, True),
    "branche melden": (False, True, False),
    "branche suche": (True, True, True),
    "branche": (True, True, True),
    "branchen": (True, True, True),
    "runde start": (False, False, True),
    "runde schließen": (False, False, True),
    "anwesend": (False, True, False),
    "anwesenheit": (False, False, True),
    "protokoll": (False, True, True),
    "bericht": (False, False, True),
}
# a declared variant (``Command.variants``), by command and form → as above
VARIANTS: dict[str, tuple[bool, bool, bool]] = {
    "beschluss [nr]": (True, True, True),
    "info <nr>": (True, True, True),
}
ROLES = ("gast", "stadt1", "koordination")
VARIANT_CASES = [(c, v) for c in all_commands() for v in c.variants]


def test_the_table_covers_every_command() -> None:
    assert sorted(TABLE) == sorted(c.full_name for c in all_commands())


def test_the_variant_table_covers_every_variant() -> None:
    assert sorted(VARIANTS) == sorted(f"{c.full_name} {v.form}" for c, v in VARIANT_CASES)


@pytest.mark.parametrize(
    ("command", "variant"), VARIANT_CASES, ids=[f"{c.full_name} {v.form}" for c, v in VARIANT_CASES]
)
async def test_every_variant_for_every_role(chat: Chat, command, variant) -> None:  # type: ignore[no-untyped-def]
    """The dispatcher applies the variant's role before the handler runs; ``!hilfe`` says so."""
    for who, allowed in zip(ROLES, VARIANTS[f"{command.full_name} {variant.form}"], strict=True):
        chat.clock.advance(seconds=5)
        event = await chat.send(who, variant.example)
        (reply,) = chat.replies_to(event)
        assert ("Ihre Rolle:" in reply["body"]) is not allowed, (
            who,
            variant.example,
            reply["body"],
        )
    chat.clock.advance(seconds=5)
    await chat.send("gast", f"!hilfe {command.name}")
    assert f"{command.variant_usage(variant)} – " in chat.last


async def test_help_names_the_role_of_each_form(chat: Chat) -> None:
    await chat.send("gast", "!hilfe beschluss")
    lines = chat.last.splitlines()
    record = next(i for i, line in enumerate(lines) if "erfasst einen Beschluss" in line)
    show = next(
        i for i, line in enumerate(lines) if line.lstrip("• ").startswith("!beschluss [nr]")
    )
    assert "Wer: Partner und Koordination" in lines[record + 1]
    assert "Wer: alle" in lines[show + 1]
    await chat.send("gast", "!hilfe info")
    assert "Wer: ein Mitglied der Partner" in chat.last and "!info <nr> – " in chat.last


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
