"""Notices as chat transcripts: record, show, list and search; roles and bad input."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage import search
from storage.notices import Notice
from tests.support.chat import ROOM, Chat

INFO = "!info Neuansiedlung Logistikzentrum, ca. 200 Stellen ab Q3 thema=Ansiedlung betrifft=H"


async def stored(chat: Chat) -> list[Notice]:
    async with chat.sessions() as session:
        return list(await session.scalars(select(Notice).order_by(Notice.id)))


async def test_a_partner_member_records_a_notice_and_gets_its_id(chat: Chat) -> None:
    event = await chat.send("jobcenter1", INFO)
    (answer,) = chat.replies_to(event)
    assert answer["body"].splitlines() == [
        "Info #1 gespeichert (für Jobcenter Magdeburg):",
        "> Neuansiedlung Logistikzentrum, ca. 200 Stellen ab Q3",
        "Thema: Ansiedlung · betrifft: H Verkehr und Lagerei",
        "Alle Infos: !infos – sie erscheinen auch in der nächsten Terminerinnerung.",
    ]
    (notice,) = await stored(chat)
    assert (notice.room_id, notice.partner_id, notice.author) == (
        ROOM,
        "jobcenter",
        "@jobcenter1:test",
    )
    assert (notice.topic, notice.concerns, notice.source_event_id) == ("Ansiedlung", "H", event)


async def test_anyone_reads_one_notice_by_id(chat: Chat) -> None:
    await chat.send("jobcenter1", INFO)
    await chat.send("gast", "!notice #1")
    assert chat.last.splitlines() == [
        "Info #1 von Jobcenter Magdeburg, Di., 1. Dez. 2026, 10:00 Uhr",
        "> Neuansiedlung Logistikzentrum, ca. 200 Stellen ab Q3",
        "Thema: Ansiedlung",
        "Betrifft: H Verkehr und Lagerei",
    ]
    await chat.send("gast", "!info 7")
    assert chat.last == "Eine Info #7 gibt es in diesem Raum nicht. Alle Infos: !infos"


async def test_the_list_is_newest_first_capped_and_searchable(chat: Chat) -> None:
    await chat.send("gast", "!infos")
    assert chat.last.startswith("Noch keine Infos.")
    for number in range(1, 13):
        await chat.send("stadt1", f"!info Meldung {number} betrifft=Innenstadt")
    await chat.send("agentur1", "!info Schließung Werk Süd thema=Schließung betrifft=C")
    await chat.send("gast", "!infos")
    body = chat.last.splitlines()
    assert body[0] == "Die neuesten Infos (13 insgesamt):"
    assert body[1] == (
        "• #13 Agentur für Arbeit Magdeburg: Schließung Werk Süd · Thema: Schließung · "
        "betrifft: C Verarbeitendes Gewerbe"
    )
    assert body[2] == "• #12 Landeshauptstadt Magdeburg: Meldung 12 · betrifft: Innenstadt"
    assert body[10] == "• #4 Landeshauptstadt Magdeburg: Meldung 4 · betrifft: Innenstadt"
    assert body[11:] == [
        "… und 3 ältere: die nächsten mit !infos seite=2, eingrenzen mit !infos <suchbegriff>.",
        "Eine Info ganz lesen: !info <id>",
    ]
    await chat.send("gast", "!infos seite=2")
    body = chat.last.splitlines()
    assert body[0] == "Die neuesten Infos (13 insgesamt):"
    assert [line.split(":")[0] for line in body[1:4]] == [
        "• #3 Landeshauptstadt Magdeburg",
        "• #2 Landeshauptstadt Magdeburg",
        "• #1 Landeshauptstadt Magdeburg",
    ]
    assert body[4:] == ["Eine Info ganz lesen: !info <id>"]
    await chat.send("gast", "!infos meldung seite=3")
    assert chat.last == "Seite 3 gibt es nicht – die letzte ist Seite 2."
    await chat.send("gast", "!notices Bergbau")
    assert chat.last == "Keine Info enthält „Bergbau“. Alle Infos: !infos"
    await chat.send("gast", "!notices SCHLIESSUNG werk")  # casefolded: ß = ss
    assert chat.last.splitlines()[0] == "Infos mit „SCHLIESSUNG werk“ (1 gefunden):"
    await chat.send("gast", "!infos schließung")
    assert chat.last.splitlines()[:2] == [
        "Infos mit „schließung“ (1 gefunden):",
        "• #13 Agentur für Arbeit Magdeburg: Schließung Werk Süd · Thema: Schließung · "
        "betrifft: C Verarbeitendes Gewerbe",
    ]


async def test_beyond_the_counting_bound_the_list_says_more_and_pages_on(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "COUNT_CAP", 10)  # counted up to 10 (or the page's end) + 1
    for number in range(1, 26):
        await chat.send("stadt1", f"!info Meldung {number}")
    await chat.send("gast", "!infos")
    body = chat.last.splitlines()
    assert body[0] == "Die neuesten Infos (über 10 insgesamt):"
    assert body[-2] == "… und weitere ältere: die nächsten mit !infos seite=2."
    await chat.send("gast", "!infos meldung seite=2")
    body = chat.last.splitlines()
    assert body[0] == "Infos mit „meldung“ (über 20 gefunden):"
    assert body[1].startswith("• #15 ") and body[10].startswith("• #6 ")
    assert body[-2] == "… und weitere ältere: die nächsten mit !infos meldung seite=3."
    await chat.send("gast", "!infos seite=3")
    body = chat.last.splitlines()
    assert body[0] == "Die neuesten Infos (25 insgesamt):"
    assert [line[:5] for line in body[1:6]] == ["• #5 ", "• #4 ", "• #3 ", "• #2 ", "• #1 "]
    assert body[6:] == ["Eine Info ganz lesen: !info <id>"]


async def test_only_partner_members_record_notices(chat: Chat) -> None:
    await chat.send("gast", "!info Gerücht über eine Schließung")
    assert chat.last == (
        "Nur Mitglieder der Partner können !info verwenden. Ihre Rolle: Gast (kein Mitglied "
        "eines Partners). !hilfe info zeigt, was Sie tun können."
    )
    await chat.send("koordination", "!notice Something")
    assert chat.last.startswith(
        "Nur Mitglieder der Partner können !info verwenden. Ihre Rolle: Koordination."
    )
    assert await stored(chat) == []


async def test_bad_input_is_refused_and_nothing_is_stored(chat: Chat) -> None:
    await chat.send("stadt1", "!info thema=Ansiedlung")
    assert chat.last.splitlines() == [
        "Es fehlt die Angabe <text>.",
        "Aufruf: !info <text> [thema=…] [betrifft=…]",
    ]
    await chat.send("stadt1", "!info " + "x" * 4_001)
    assert chat.last.splitlines()[0] == (
        "Die Info ist zu lang (4001 Zeichen, höchstens 4000). Bitte kürzen – nichts wurde "
        "gespeichert."
    )
    await chat.send("stadt1", "!info Text betrifft=" + "y" * 201)
    assert chat.last.splitlines()[0] == "<betrifft> ist zu lang (höchstens 200 Zeichen)."
    assert await stored(chat) == []


async def test_user_text_is_escaped_in_html(chat: Chat) -> None:
    await chat.send("stadt1", '!info <b>fett</b> <a href="x">link</a>')
    assert "<b>fett</b>" not in chat.last_html and "&lt;b&gt;fett&lt;/b&gt;" in chat.last_html
