"""``!branche suche`` and ``!pm suche`` as chat transcripts: found lines, paging, the capped
count's wording, no match, the term escaped, German and English."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import search
from storage.engine import session_factory
from tests.support.chat import Chat, FakeClock, make_settings


async def reports(chat: Chat) -> None:
    await chat.send("koordination", "!runde start 07.12.2026")
    await chat.send(
        "stadt1",
        '!branche melden C wachsend Aufträge ziehen an bedarf="Schweißer, CNC" horizont=12m',
    )
    await chat.send("stadt1", "!branche melden C stabil Aufträge stabil bedarf=Schweißer")
    await chat.send("agentur1", "!branche melden H stabil Lagerflächen knapp")


async def test_anyone_searches_the_sector_reports(chat: Chat) -> None:
    await reports(chat)
    await chat.send("gast", "!branche suche SCHWEISSER")
    assert chat.last.splitlines() == [
        "Branchenmeldungen mit „SCHWEISSER“ (2 gefunden, neueste zuerst):",
        "• #2 C Verarbeitendes Gewerbe · Runde #1 · 1. Dez. 2026 · Stadt → stabil – "
        "Aufträge stabil · Bedarf: Schweißer",
        "• #1 C Verarbeitendes Gewerbe · Runde #1 · 1. Dez. 2026 · Stadt ↑ wachsend – "
        "Aufträge ziehen an · Bedarf: Schweißer, CNC · Horizont: 12 Monate · "
        "(korrigiert, gilt nicht mehr)",
        "Eingrenzen mit weiteren Wörtern · Verlauf einer Branche: !branche <sektor>",
    ]
    await chat.send("gast", "!branche suche Lagerfläche")
    assert chat.last.splitlines()[1].startswith("• #3 H Verkehr und Lagerei · Runde #1")
    await chat.send("gast", "!branche suche Logistik")  # names section H
    assert chat.last.splitlines()[:2] == [
        "Branchenmeldungen mit „Logistik“ (1 gefunden, neueste zuerst):",
        "• #3 H Verkehr und Lagerei · Runde #1 · 1. Dez. 2026 · Agentur → stabil – "
        "Lagerflächen knapp",
    ]
    await chat.send("gast", "!branche suche Bergbau")
    assert chat.last == (
        "Keine Branchenmeldung enthält „Bergbau“. Die aktuelle Runde: !branchen · "
        "Verlauf einer Branche: !branche <sektor>"
    )
    await chat.send("gast", "!branche suche")
    assert chat.last.splitlines() == [
        "Es fehlt die Angabe <suchbegriff>.",
        "Aufruf: !branche suche <suchbegriff> [seite=…]",
    ]


async def test_the_sector_search_pages_and_escapes_the_term(chat: Chat) -> None:
    for number in range(1, 13):
        await chat.send("stadt1", f"!branche melden Pflege stabil Meldung {number}")
    await chat.send("gast", "!branche suche meldung")
    body = chat.last.splitlines()
    assert body[0] == "Branchenmeldungen mit „meldung“ (12 gefunden, neueste zuerst):"
    assert body[1] == (
        "• #12 Q Gesundheits- und Sozialwesen · außerhalb einer Runde · 1. Dez. 2026 · "
        "Stadt → stabil – Meldung 12"
    )
    assert [line.split(" · ")[0] for line in body[1:11]] == [
        f"• #{n} Q Gesundheits- und Sozialwesen" for n in range(12, 2, -1)
    ]
    assert body[11] == "… und 2 ältere: die nächsten mit !branche suche meldung seite=2"
    await chat.send("gast", "!branche suche meldung seite=2")
    body = chat.last.splitlines()
    assert [line.split(" · ")[0] for line in body[1:3]] == [
        "• #2 Q Gesundheits- und Sozialwesen",
        "• #1 Q Gesundheits- und Sozialwesen",
    ]
    assert body[3:] == [
        "Eingrenzen mit weiteren Wörtern · Verlauf einer Branche: !branche <sektor>"
    ]
    await chat.send("gast", "!branche suche meldung seite=3")
    assert chat.last == "Seite 3 gibt es nicht – die letzte ist Seite 2."
    await chat.send("gast", "!branche suche <b>Meldung</b>")
    assert chat.last.startswith("Keine Branchenmeldung enthält „<b>Meldung</b>“.")
    assert "„&lt;b&gt;Meldung&lt;/b&gt;“" in chat.last_html and "<b>" not in chat.last_html


async def test_a_press_release_is_found_by_its_current_text(chat: Chat) -> None:
    await chat.send(
        "stadt1",
        "!pm entwurf Gemeinsam für Fachkräfte frist=08.12.2026\n"
        "Eine **Qualifizierungsoffensive** für Lagerlogistik",
    )
    await chat.send("stadt1", "!pm entwurf Pflege stärken\nGemeinsam für die Pflege.")
    await chat.send("gast", "!pm suche LOGISTIK")
    assert chat.last.splitlines() == [
        "Pressemitteilungen mit „LOGISTIK“ (1 gefunden, neueste zuerst):",
        "• #1 Gemeinsam für Fachkräfte · Version 1 · Entwurf – ausstehend: Stadt, Agentur, "
        "Jobcenter · Frist Di., 8. Dez. 2026",
        "!pm <nummer> zeigt Text und Stand, z. B. !pm 1.",
    ]
    await chat.send("gast", "!pm suche gemeinsam fuer")
    assert [line[:4] for line in chat.last.splitlines()[1:3]] == ["• #2", "• #1"]
    await chat.send("stadt1", "!pm überarbeiten 1\nEine Offensive für die Pflegeausbildung")
    await chat.send("gast", "!pm suche logistik")
    assert chat.last == (
        "Keine Pressemitteilung enthält „logistik“ in Titel oder aktuellem Text. "
        "Alle Pressemitteilungen: !pm"
    )
    await chat.send("gast", "!pm suche Ausbildung")
    assert chat.last.splitlines()[1].startswith("• #1 Gemeinsam für Fachkräfte · Version 2 ·")
    await chat.send("gast", '!pm suche "<i>"')
    assert "„&lt;i&gt;“" in chat.last_html and "<i>" not in chat.last_html


async def test_the_press_search_pages(chat: Chat) -> None:
    for number in range(1, 12):
        await chat.send("stadt1", f"!pm entwurf Fachkräfte {number}\nText {number}")
    await chat.send("gast", "!pm suche fachkraefte")
    body = chat.last.splitlines()
    assert body[0] == "Pressemitteilungen mit „fachkraefte“ (11 gefunden, neueste zuerst):"
    assert [line.split(" · ")[0] for line in body[1:11]] == [
        f"• #{n} Fachkräfte {n}" for n in range(11, 1, -1)
    ]
    assert body[11:] == [
        "… und 1 ältere: die nächste mit !pm suche fachkraefte seite=2",
        "!pm <nummer> zeigt Text und Stand, z. B. !pm 11.",
    ]
    await chat.send("gast", "!pm suche fachkraefte seite=2")
    assert chat.last.splitlines()[1].startswith("• #1 Fachkräfte 1 · Version 1 · Entwurf")
    await chat.send("gast", "!pm suche fachkraefte seite=4")
    assert chat.last == "Seite 4 gibt es nicht – die letzte ist Seite 2."


async def test_both_searches_in_english(sqlite_engine: AsyncEngine, clock: FakeClock) -> None:
    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    for number in range(1, 12):
        await chat.send("stadt1", f"!sector report C stable Welding {number} demand=Schweißer")
    await chat.send("gast", "!sector search schweisser")
    body = chat.last.splitlines()
    assert body[0] == "Sector reports with “schweisser” (11 found, newest first):"
    assert body[1] == (
        "• #11 C Manufacturing · outside a round · 1 Dec 2026 · Stadt → stable – Welding 11 · "
        "demand: Schweißer"
    )
    assert body[11:] == [
        "… and 1 older one: the next with !sector search schweisser page=2",
        "Narrow down with more words · history of a sector: !sector <sector>",
    ]
    await chat.send("gast", "!sector search schweisser page=2")
    assert chat.last.splitlines()[1].startswith("• #1 C Manufacturing · outside a round")
    await chat.send("gast", "!sector search mining")
    assert chat.last == (
        "No sector report contains “mining”. The current round: !sectors · "
        "history of a sector: !sector <sector>"
    )
    for number in range(1, 13):
        await chat.send("stadt1", f"!pr draft Skilled workers {number}\nA joint offensive.")
    await chat.send("gast", "!pr search OFFENSIVE")
    body = chat.last.splitlines()
    assert body[:2] == [
        "Press releases with “OFFENSIVE” (12 found, newest first):",
        "• #12 Skilled workers 12 · Version 1 · Draft – missing: Stadt, Agentur, Jobcenter",
    ]
    assert body[11:] == [
        "… and 2 older ones: the next with !pr search OFFENSIVE page=2",
        "!pr <number> shows text and state, e.g. !pr 12.",
    ]
    await chat.send("gast", "!pr search offensive page=3")
    assert chat.last == "There is no page 3 – the last one is page 2."
    await chat.send("gast", "!pr search welding")
    assert chat.last == (
        "No press release contains “welding” in its title or current text. All press releases: !pr"
    )


async def test_a_count_beyond_the_cap_says_more_than(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(1, 16):
        await chat.send("stadt1", f"!branche melden C stabil Meldung {number}")
        await chat.send("stadt1", f"!pm entwurf Meldung {number}\nText")
    monkeypatch.setattr(search, "COUNT_CAP", 11)
    await chat.send("gast", "!branche suche meldung")
    body = chat.last.splitlines()
    assert body[0] == "Branchenmeldungen mit „meldung“ (über 11 gefunden, neueste zuerst):"
    assert body[11] == "… und über 1 ältere: die nächsten mit !branche suche meldung seite=2"
    await chat.send("gast", "!pm suche meldung")
    body = chat.last.splitlines()
    assert body[0] == "Pressemitteilungen mit „meldung“ (über 11 gefunden, neueste zuerst):"
    assert body[11] == "… und über 1 ältere: die nächsten mit !pm suche meldung seite=2"
    await chat.send("gast", "!pm suche meldung seite=2")  # counted to this page's end
    assert chat.last.splitlines()[0] == (
        "Pressemitteilungen mit „meldung“ (15 gefunden, neueste zuerst):"
    )
    monkeypatch.setattr(search, "COUNT_CAP", 5)  # counted only to the page's end
    await chat.send("gast", "!branche suche meldung")
    body = chat.last.splitlines()
    assert body[0] == "Branchenmeldungen mit „meldung“ (über 10 gefunden, neueste zuerst):"
    assert body[11] == "… und weitere ältere: die nächsten mit !branche suche meldung seite=2"
