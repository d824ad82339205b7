"""The client-data warning: the message stays in the room, so the sender is asked to delete
it; where the bot's power level allows, the bot redacts it itself, exactly once."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.matrix import REDACTS
from storage.core import OutboxMessage
from storage.notices import Notice
from tests.support.chat import Chat

CLIENT = "!info Kunde 123A456789 hat die Maßnahme abgebrochen"


async def stored_notices(chat: Chat) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Notice)) or 0)


async def test_without_power_the_sender_is_asked_to_delete_the_message(chat: Chat) -> None:
    event = await chat.send("stadt1", CLIENT)
    (warning,) = chat.replies_to(event)
    assert warning["body"].splitlines() == [
        "Hinweis: Diese Nachricht sieht aus, als enthalte sie Daten einer einzelnen Person "
        "(Kundennummer). Sie ist noch im Raum zu sehen – bitte löschen Sie sie (Menü der "
        "Nachricht › Entfernen). Hier bitte nur zusammengefasste Angaben.",
        "Der Befehl wurde nicht ausgeführt – bitte ohne diese Angaben neu senden.",
    ]
    assert "nicht gespeichert" not in warning["body"]
    assert not any(REDACTS in m["content"] for m in chat.sent)
    assert await stored_notices(chat) == 0
    await chat.send("agentur1", "Frau Schmidt, geb. 12.05.1999, fragt nach Umschulung")
    assert chat.last.startswith("Hinweis: Diese Nachricht sieht aus")
    assert "Der Befehl" not in chat.last  # no command: nothing to carry out


async def test_with_power_the_bot_redacts_the_message_once_and_says_so(chat: Chat) -> None:
    rooms: list[str] = []

    def can_redact(room_id: str) -> bool:
        rooms.append(room_id)
        return True

    chat.dispatcher.can_redact = can_redact
    event = await chat.send("stadt1", CLIENT)
    redaction, warning = chat.sent[-2:]
    assert redaction["content"] == {
        REDACTS: event,
        "reason": "Mögliche Daten einer einzelnen Person (Kundennummer)",
    }
    assert warning["content"]["body"].splitlines() == [
        "Hinweis: Diese Nachricht sah aus, als enthalte sie Daten einer einzelnen Person "
        "(Kundennummer). Ich habe sie aus dem Raum entfernt. Hier bitte nur zusammengefasste "
        "Angaben.",
        "Der Befehl wurde nicht ausgeführt – bitte ohne diese Angaben neu senden.",
    ]
    assert rooms == [redaction["room_id"]]
    assert await stored_notices(chat) == 0

    # A replay (a restart before the position was saved) neither redacts nor warns again.
    sent = len(chat.sent)
    await chat.replay(event, "stadt1", CLIENT)
    assert len(chat.sent) == sent
    async with chat.sessions() as session:
        rows = list(await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    assert [row.purpose for row in rows] == ["privacy:redaction", "reply"]
    assert all(row.sent_at is not None for row in rows)


async def test_a_redaction_retried_after_a_failed_attempt_is_made_once(chat: Chat) -> None:
    chat.dispatcher.can_redact = lambda room_id: True
    chat.homeserver.failures = 1  # the first attempt does not reach the homeserver
    event = await chat.send("agentur1", "BG 12345//1234567 braucht einen Platz")
    redactions = [m for m in chat.sent if REDACTS in m["content"]]
    assert [m["content"][REDACTS] for m in redactions] == [event]
    assert chat.last.startswith("Hinweis: Diese Nachricht sah aus")
    assert "(Nummer einer Bedarfsgemeinschaft)" in chat.last


async def test_the_warning_speaks_english(chat: Chat) -> None:
    chat.dispatcher.texts = type(chat.dispatcher.texts)("en")
    chat.dispatcher.can_redact = lambda room_id: True
    await chat.send("stadt1", "SV-Nummer 12 150780 M 123")
    assert chat.last == (
        "Note: this message looked as if it carried data about an individual (a social "
        "insurance number). I have removed it from the room. Please post only aggregated "
        "information here."
    )
    assert chat.sent[-2]["content"]["reason"] == (
        "Possible data about an individual (a social insurance number)"
    )
