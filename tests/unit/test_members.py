"""Members and coordinators changed in the chat: at once, audited, refused when wrong."""

from __future__ import annotations

import itertools

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from commands.members import roster
from storage import members as store
from storage.engine import session_factory
from storage.members import Coordinator, MemberChange, PartnerMember
from storage.notices import Notice
from tests.support.chat import Chat, FakeClock, make_settings


async def count(chat: Chat, model: type) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_everyone_sees_the_members_per_partner_and_the_coordination(chat: Chat) -> None:
    await chat.send("gast", "!mitglieder")
    assert chat.last.splitlines()[:5] == [
        "Mitglieder",
        "• Landeshauptstadt Magdeburg: Anna Schulz (@stadt1:test), @stadt2:test",
        "• Agentur für Arbeit Magdeburg: Bernd Krüger (@agentur1:test)",
        "• Jobcenter Magdeburg: Carla Vogt (@jobcenter1:test)",
        "• Koordination: @koordination:test",
    ]
    assert "!mitglied hinzufügen <partner> <person>" in chat.last
    assert not chat.sent[-1]["content"].get("m.mentions", {}).get("user_ids")  # nobody pinged


async def test_a_new_member_may_run_a_partner_command_at_once(chat: Chat) -> None:
    await chat.send("@neu:test", "!info Neue Förderrichtlinie")
    assert "Ihre Rolle: Gast" in chat.last
    await chat.send("koordination", "!mitglied hinzufügen Agentur @neu:test")
    assert chat.last.splitlines()[0] == (
        "neu ist jetzt Mitglied von Agentur für Arbeit Magdeburg und kann sofort die Befehle "
        "der Partner verwenden."
    )
    assert "@neu:test" in chat.sent[-1]["content"]["m.mentions"]["user_ids"]
    chat.clock.advance(seconds=5)
    await chat.send("@neu:test", "!info Neue Förderrichtlinie")
    assert "Ihre Rolle" not in chat.last
    async with chat.sessions() as session:
        notice = await session.scalar(select(Notice))
    assert notice is not None and notice.partner_id == "agentur" and notice.author == "@neu:test"
    await chat.send("gast", "!mitglieder")
    assert "• Agentur für Arbeit Magdeburg: Bernd Krüger (@agentur1:test), @neu:test" in chat.last


async def test_a_removed_member_is_refused_at_once(chat: Chat) -> None:
    await chat.send("koordination", "!mitglied entfernen agentur @agentur1:test")
    lines = chat.last.splitlines()
    assert lines[0] == (
        "Bernd Krüger (@agentur1:test) ist kein Mitglied von Agentur für Arbeit Magdeburg mehr."
    )
    # The configured contact is still the removed person: the reply names the next step.
    assert lines[1] == (
        "Bernd Krüger (@agentur1:test) ist hier noch Ansprechperson für Agentur für Arbeit "
        "Magdeburg. Bitte neu setzen: !kontakte setzen agentur <person>"
    )
    await chat.send("agentur1", "!info Etwas Neues")
    assert chat.last.startswith(
        "Nur Mitglieder der Partner können !info verwenden. Ihre Rolle: Gast"
    )
    assert await count(chat, Notice) == 0


async def test_coordinators_are_added_and_the_last_one_stays(chat: Chat) -> None:
    await chat.send("koordination", "!mitglied hinzufuegen koordination @k2:test")
    assert chat.last.startswith("k2 gehört jetzt zur Koordination.")
    await chat.send("@k2:test", "!mitglied entfernen KOORDINATION @koordination:test")
    assert chat.last.startswith("@koordination:test gehört nicht mehr zur Koordination.")
    await chat.send("koordination", "!mitglieder verlauf")
    assert "Ihre Rolle: Gast" in chat.last
    await chat.send("@k2:test", "!mitglied entfernen koordination @k2:test")
    assert chat.last == (
        "@k2:test ist die letzte Person der Koordination und bleibt: sonst könnte niemand mehr "
        "Mitglieder verwalten. Nehmen Sie zuerst jemand anderen auf: "
        "!mitglied hinzufügen koordination <person>"
    )
    assert await count(chat, Coordinator) == 1


async def test_the_history_shows_who_changed_what_and_when(chat: Chat) -> None:
    await chat.send("koordination", "!mitglieder verlauf")
    assert chat.last.startswith("Noch keine Änderungen: Die Mitglieder stammen aus der")
    await chat.send("koordination", "!mitglied hinzufügen jobcenter @j2:test")
    chat.clock.advance(hours=2)
    await chat.send("koordination", "!mitglied entfernen jobcenter @j2:test")
    await chat.send("stadt1", "!mitglieder verlauf")
    assert "Nur die Koordination kann !mitglieder verlauf verwenden." in chat.last
    await chat.send("koordination", "!mitglieder verlauf")
    lines = chat.last.splitlines()
    assert lines[:3] == [
        "Änderungen der Mitglieder, neueste zuerst",
        "• Di., 1. Dez. 2026, 12:00 Uhr · Jobcenter: @j2:test entfernt von @koordination:test",
        "• Di., 1. Dez. 2026, 10:00 Uhr · Jobcenter: @j2:test aufgenommen von @koordination:test",
    ]
    assert (
        "• Di., 1. Dez. 2026, 10:00 Uhr · Koordination: @koordination:test aus der Konfiguration "
        "übernommen"
    ) in lines
    assert await count(chat, MemberChange) == 4 + 1 + 2  # 4 members, 1 coordinator, 2 changes


async def test_wrong_input_is_refused_with_the_next_step_and_changes_nothing(chat: Chat) -> None:
    await chat.send("koordination", "!mitglied hinzufügen agentur neu")
    assert chat.last.splitlines() == [
        "„neu“ ist keine Matrix-Kennung wie @name:example.org.",
        "Aufruf: !mitglied hinzufügen <partner> <person>",
    ]
    await chat.send("koordination", "!mitglied hinzufügen feuerwehr @neu:test")
    assert chat.last.splitlines()[0] == (
        "„feuerwehr“ ist weder ein Partner noch die Koordination. "
        "Möglich: stadt, agentur, jobcenter, koordination."
    )
    await chat.send("koordination", "!mitglied hinzufügen jobcenter @agentur1:test")
    assert chat.last == (
        "@agentur1:test ist schon Mitglied von Agentur; eine Person gehört zu höchstens einem "
        "Partner. Erst !mitglied entfernen agentur @agentur1:test, dann neu aufnehmen."
    )
    await chat.send("koordination", "!mitglied hinzufügen agentur @agentur1:test")
    assert chat.last.endswith(
        "ist schon Mitglied von Agentur für Arbeit Magdeburg. Nichts geändert."
    )
    await chat.send("koordination", "!mitglied entfernen stadt @agentur1:test")
    assert chat.last == (
        "Bernd Krüger (@agentur1:test) ist kein Mitglied von Landeshauptstadt Magdeburg. "
        "!mitglieder zeigt, wer dazugehört."
    )
    await chat.send("koordination", "!mitglied entfernen koordination @stadt1:test")
    assert chat.last.startswith("Anna Schulz (@stadt1:test) gehört nicht zur Koordination.")
    for who in ("stadt1", "gast"):
        await chat.send(who, "!mitglied hinzufügen agentur @neu:test")
        assert chat.last.startswith("Nur die Koordination kann !mitglied hinzufügen verwenden.")
    await chat.send("koordination", '!mitglied hinzufügen "<b>x</b>" @neu:test')
    assert "&lt;b&gt;x&lt;/b&gt;" in chat.last_html and "<b>x" not in chat.last_html
    assert await count(chat, MemberChange) == await count(chat, PartnerMember) == 0
    await chat.send("agentur1", "!info Noch Mitglied")
    assert "Ihre Rolle" not in chat.last


async def test_english_commands(sqlite_engine: AsyncEngine, clock: FakeClock) -> None:
    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    await chat.send("koordination", "!member add coordination @k2:test")
    assert chat.last.startswith("k2 now belongs to the coordination.")
    await chat.send("koordination", "!member remove Jobcenter @jobcenter1:test")
    assert chat.last.startswith(
        "Carla Vogt (@jobcenter1:test) is no longer a member of Jobcenter Magdeburg."
    )
    await chat.send("gast", "!members")
    assert "• Jobcenter Magdeburg: nobody" in chat.last
    assert "• Coordination: @k2:test, @koordination:test" in chat.last


async def test_the_database_rules_after_a_restart_and_a_configuration_change(
    chat: Chat, sqlite_engine: AsyncEngine, clock: FakeClock
) -> None:
    await chat.send("koordination", "!mitglied hinzufügen stadt @neu:test")
    await chat.send("koordination", "!mitglied entfernen stadt @stadt2:test")
    # A restart with a configuration that still lists @stadt2 and not @neu.
    settings = make_settings()
    async with chat.sessions() as session, session.begin():
        await roster.start(session, settings, clock())
    restarted = Chat(settings, chat.sessions, clock)
    restarted._ids = itertools.count(100)  # new event ids, not replays of the first chat's
    clock.advance(seconds=5)
    await restarted.send("@neu:test", "!info Nach dem Neustart")
    assert "Ihre Rolle" not in restarted.last
    await restarted.send("stadt2", "!info Nach dem Neustart")
    assert "Ihre Rolle: Gast" in restarted.last
    assert await count(chat, MemberChange) == 5 + 2  # seeded once, not again at the restart


async def test_the_first_start_seeds_the_configuration_once(sqlite_engine: AsyncEngine) -> None:
    sessions = session_factory(sqlite_engine)
    clock = FakeClock()
    settings = make_settings()
    for _ in range(2):
        async with sessions() as session, session.begin():
            await roster.start(session, settings, clock())
    async with sessions() as session:
        members, coordinators = await store.load(session)
    assert sorted(members) == sorted(settings.configured_membership().partner_of.items())
    assert coordinators == ["@koordination:test"]
    assert settings.membership == settings.configured_membership()


async def test_a_change_that_is_rolled_back_never_counts(sqlite_engine: AsyncEngine) -> None:
    sessions = session_factory(sqlite_engine)
    clock = FakeClock()
    settings = make_settings()
    async with sessions() as session, session.begin():
        await roster.ensure_seeded(session, settings, clock())
        await store.add(session, partner_id="stadt", user_id="@neu:test", by="x", now=clock())
        await roster.refresh(session, settings)
        await session.rollback()
    assert settings.partner_of("@neu:test") is None
    async with sessions() as session:
        async with session.begin():
            await store.add(session, partner_id="stadt", user_id="@neu:test", by="x", now=clock())
            await roster.refresh(session, settings)
        assert settings.partner_of("@neu:test") is not None


async def test_contacts_are_members_and_the_deputy_stays(chat: Chat) -> None:
    await chat.send("koordination", "!kontakte setzen agentur @gast:test")
    assert chat.last == (
        "@gast:test ist kein Mitglied von Agentur für Arbeit Magdeburg. Die Koordination nimmt "
        "die Person zuerst auf: !mitglied hinzufügen agentur @gast:test"
    )
    await chat.send("koordination", "!kontakte setzen stadt @stadt1:test vertretung=@agentur1:test")
    assert chat.last.startswith("@agentur1:test ist kein Mitglied von Landeshauptstadt")
    await chat.send("koordination", "!kontakte setzen stadt @stadt1:test vertretung=@stadt2:test")
    assert chat.last.startswith(
        "Ansprechperson für Landeshauptstadt Magdeburg ist jetzt Anna Schulz, Vertretung stadt2."
    )
    await chat.send("koordination", "!kontakte setzen stadt @stadt1:test")
    assert chat.last.startswith(
        "Ansprechperson für Landeshauptstadt Magdeburg ist jetzt Anna Schulz, Vertretung stadt2."
    )
    await chat.send("koordination", "!kontakte setzen stadt @stadt2:test")
    assert chat.last.splitlines()[:2] == [
        "Ansprechperson für Landeshauptstadt Magdeburg ist jetzt stadt2.",
        "@stadt2:test ist jetzt Ansprechperson; die Vertretung ist frei. Neue Vertretung: "
        "vertretung=@name:server anhängen.",
    ]
    await chat.send("koordination", "!kontakte setzen stadt @stadt2:test vertretung=@stadt1:test")
    await chat.send("koordination", "!kontakte setzen stadt @stadt2:test vertretung=keine")
    assert chat.last.startswith("Ansprechperson für Landeshauptstadt Magdeburg ist jetzt stadt2.")
    await chat.send("gast", "!kontakte")
    assert "• Landeshauptstadt Magdeburg: stadt2\n" in chat.last + "\n"
