"""Guards in front of every command: client-data warning, flood throttling, message size."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.contacts import ContactAssignment
from tests.support.chat import Chat


async def test_client_data_gets_a_warning_and_nothing_runs(chat: Chat) -> None:
    await chat.send("koordination", "!kontakte setzen agentur @neu:test Kunde 123A456789")
    assert chat.last.startswith(
        "Hinweis: Diese Nachricht sieht aus, als enthalte sie Daten einer einzelnen Person (Kundennummer)."
    )
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ContactAssignment)) == 0
    await chat.send("stadt1", "Frau Schmidt, geb. 12.05.1999, fragt nach Umschulung")
    assert "(Geburtsdatum neben einem Namen)" in chat.last


async def test_flooding_user_is_throttled_politely_others_are_served(chat: Chat) -> None:
    limit = chat.settings.limits.commands_per_minute
    events = [await chat.send("stadt1", "!status") for _ in range(limit + 5)]
    # Never silent: every command is answered once, each one over the limit with when to retry.
    assert all(len(chat.replies_to(e)) == 1 for e in events)
    for event in events[limit:]:
        assert chat.replies_to(event)[0]["body"] == (
            "Bitte etwas langsamer: höchstens 30 Befehle pro Minute. Ihr Befehl wurde nicht "
            "ausgeführt; ab 10:01 Uhr nimmt der Bot wieder Befehle von Ihnen an."
        )
    other = await chat.send("agentur1", "!status")
    assert chat.replies_to(other)[0]["body"].startswith("koopbot test")
    chat.clock.advance(minutes=1, seconds=1)
    again = await chat.send("stadt1", "!status")
    assert chat.replies_to(again)[0]["body"].startswith("koopbot test")


async def test_control_characters_and_bidi_overrides_are_removed(chat: Chat) -> None:
    await chat.send("stadt1", "!info Ansiedlung\u202e gnulleiS\u202c\x07 Logistik thema=Ansiedlung")
    await chat.send("gast", "!infos")
    assert "\u202e" not in chat.last and "\x07" not in chat.last
    assert "Ansiedlung gnulleiS Logistik" in chat.last
