"""The foundation's commands as chat transcripts: help, status, contacts, errors, roles."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.contacts import ContactAssignment
from storage.core import HandledEvent, OutboxMessage
from tests.support.chat import Chat, make_settings


async def test_help_lists_every_command_with_usage_and_privacy_note(chat: Chat) -> None:
    event = await chat.send("gast", "!hilfe")
    reply = chat.replies_to(event)[0]
    assert reply["msgtype"] == "m.notice"
    assert "!kontakte setzen <partner> <person> [vertretung=…]" in reply["body"]
    assert "!status" in reply["body"] and "!hilfe [befehl]" in reply["body"]
    assert "SGB X" in reply["body"]
    assert "<ul>" in reply["formatted_body"]


async def test_help_for_one_command_shows_example_and_role(chat: Chat) -> None:
    await chat.send("stadt1", "!hilfe kontakte")
    assert "Beispiel: !kontakte setzen agentur" in chat.last
    assert "Wer: die Koordination" in chat.last


async def test_english_alias_and_english_language(sqlite_engine, clock) -> None:  # type: ignore[no-untyped-def]
    from storage.engine import session_factory

    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    await chat.send("stadt1", "!help contacts")
    assert chat.last.startswith("!contacts (German: !kontakte)")
    await chat.send("stadt1", "!contacts")
    assert chat.last.startswith("Contact persons")


async def test_unknown_command_gets_a_suggestion(chat: Chat) -> None:
    await chat.send("stadt1", "!kontakt")
    assert (
        chat.last == "„!kontakt“ kenne ich nicht. Meinten Sie !kontakte? !hilfe zeigt alle Befehle."
    )


async def test_contacts_come_from_configuration_with_mentions(chat: Chat) -> None:
    await chat.send("gast", "!kontakte")
    assert "Agentur für Arbeit Magdeburg: Bernd Krüger" in chat.last
    content = chat.sent[-1]["content"]
    assert "@agentur1:test" in content["m.mentions"]["user_ids"]
    assert 'href="https://matrix.to/#/@agentur1:test"' in content["formatted_body"]


async def test_only_coordinators_set_contacts(chat: Chat) -> None:
    await chat.send("stadt1", "!kontakte setzen agentur @neu:test")
    assert chat.last == (
        "Nur die Koordination kann !kontakte setzen verwenden. Ihre Rolle: Partner "
        "(Landeshauptstadt Magdeburg). !hilfe kontakte zeigt, was Sie tun können."
    )
    await chat.send("gast", "!kontakte setzen agentur @neu:test")
    assert "Ihre Rolle: Gast (kein Mitglied eines Partners)" in chat.last
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ContactAssignment)) == 0


async def test_coordinator_sets_contact_and_deputy(chat: Chat) -> None:
    await chat.send("koordination", "!mitglied hinzufügen agentur @neu:test")
    await chat.send("koordination", "!kontakte setzen Agentur @neu:test vertretung=@agentur1:test")
    assert chat.last.startswith(
        "Ansprechperson für Agentur für Arbeit Magdeburg ist jetzt neu, Vertretung Bernd Krüger."
    )
    await chat.send("stadt1", "!kontakte")
    assert "Agentur für Arbeit Magdeburg: neu, Vertretung Bernd Krüger" in chat.last


async def test_bad_arguments_get_one_line_and_usage(chat: Chat) -> None:
    await chat.send("koordination", "!kontakte setzen agentur kein-nutzer")
    assert chat.last.splitlines() == [
        "„kein-nutzer“ ist keine Matrix-Kennung wie @name:example.org.",
        "Aufruf: !kontakte setzen <partner> <person> [vertretung=…]",
    ]
    await chat.send("koordination", "!kontakte setzen feuerwehr @a:test")
    assert chat.last.startswith("„feuerwehr“ ist kein Partner. Möglich: stadt, agentur, jobcenter.")
    await chat.send("koordination", "!kontakte setzen agentur")
    assert chat.last.startswith("Es fehlt die Angabe <person>.")
    await chat.send("koordination", '!kontakte setzen agentur "@a:test')
    assert chat.last.startswith("Ein Anführungszeichen wurde nicht geschlossen.")
    await chat.send("koordination", "!status jetzt")
    assert chat.last.startswith("Zu viele Angaben: „jetzt“.")


async def test_status_names_version_backend_and_schedule(chat: Chat) -> None:
    chat.clock.advance(hours=2, minutes=5)
    await chat.send("gast", "!status")
    assert chat.last.splitlines()[0] == "koopbot test · läuft seit 2 Std. 5 Min."
    assert "Speicher: SQLite" in chat.last


async def test_user_text_is_escaped_in_html(chat: Chat) -> None:
    await chat.send("stadt1", "!kontakte setzen <script>alert(1)</script> @a:test")
    assert "<script>" not in chat.last_html
    await chat.send("stadt1", "!<b>x</b>")
    assert "<b>" not in chat.last_html and "&lt;b&gt;" in chat.last_html


async def test_replies_go_into_the_thread_of_the_command(chat: Chat) -> None:
    event = await chat.send("stadt1", "!status", thread="$root")
    relation = chat.replies_to(event)[0]["m.relates_to"]
    assert relation["rel_type"] == "m.thread" and relation["event_id"] == "$root"
    assert relation["m.in_reply_to"]["event_id"] == event


async def test_edits_own_messages_and_other_rooms_are_ignored(chat: Chat) -> None:
    await chat.send("stadt1", "!status", edit=True)
    assert chat.sent == []
    await chat.send("@koopbot:test", "!status")
    assert chat.sent == []


async def test_plain_chat_is_not_answered(chat: Chat) -> None:
    await chat.send("stadt1", "Guten Morgen zusammen!")
    await chat.send("stadt1", "! nur ein Ausruf")
    assert chat.sent == []


async def test_a_replayed_event_is_answered_once(chat: Chat) -> None:
    event = await chat.send("stadt1", "!kontakte")
    await chat.replay(event, "stadt1", "!kontakte")
    await chat.replay(event, "stadt1", "!kontakte")
    assert len(chat.replies_to(event)) == 1
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


async def test_a_replayed_command_changes_nothing_twice(chat: Chat) -> None:
    await chat.send("koordination", "!mitglied hinzufügen agentur @neu:test")
    event = await chat.send("koordination", "!kontakte setzen agentur @neu:test")
    await chat.replay(event, "koordination", "!kontakte setzen agentur @neu:test")
    assert len(chat.replies_to(event)) == 1
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(ContactAssignment)) == 1


async def test_a_replayed_refusal_is_answered_once(chat: Chat) -> None:
    event = await chat.send("gast", "!kontakte setzen agentur @neu:test")
    await chat.replay(event, "gast", "!kontakte setzen agentur @neu:test")
    assert len(chat.replies_to(event)) == 1
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(HandledEvent)) == 1


async def test_a_failed_send_is_retried_and_not_lost(chat: Chat) -> None:
    chat.homeserver.failures = 2
    event = await chat.send("stadt1", "!status")
    assert len(chat.replies_to(event)) == 1


async def test_oversized_command_is_refused_clearly(chat: Chat) -> None:
    await chat.send("stadt1", "!hilfe " + "x" * 9000)
    assert chat.last.startswith("Die Nachricht ist zu lang (höchstens 8000 Zeichen).")


async def test_unexpected_error_is_an_apology_not_a_traceback(chat: Chat) -> None:
    from commands.status import commands as status

    async def broken(ctx, args):  # type: ignore[no-untyped-def]
        raise RuntimeError("database password is hunter2")

    command = next(c for c in chat.dispatcher.router.commands if c.name == "status")
    object.__setattr__(command, "handler", broken)
    try:
        await chat.send("stadt1", "!status")
    finally:
        object.__setattr__(command, "handler", status.show_status)
    assert chat.last.startswith("Das hat leider nicht geklappt – ein interner Fehler.")
    assert "hunter2" not in chat.last and "Traceback" not in chat.last


async def test_status_names_the_open_round_per_organisation(chat: Chat) -> None:
    await chat.send("koordination", "!runde start 15.12.2026")
    await chat.send("stadt1", "!branche melden C wachsend Mehr Aufträge bedarf=Schweißer")
    await chat.send("gast", "!status")
    assert (
        "Branchenrunde #1 (Frist 15. Dez. 2026) – ausstehend: Agentur für Arbeit Magdeburg, Jobcenter Magdeburg"
        in chat.last
    )
    assert "stadt1" not in chat.last and "Anna" not in chat.last
