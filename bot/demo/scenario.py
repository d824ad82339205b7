"""The scripted demo session (``koopbot demo --scenario``): who says what, in order, and
``play``, which says it and prints the bot's replies.

Each feature adds its lines here, so a newcomer sees every command once.
"""

from __future__ import annotations

from bot.demo.console import print_turn
from bot.demo.people import Person, body

#: (demo user, message). "{agentur1}" etc. are replaced by full user ids.
SCENARIO: list[tuple[str, str]] = [
    ("stadt1", "!hilfe"),
    ("agentur1", "!kontakte"),
    ("stadt1", "!kontakte setzen agentur {agentur1}"),
    ("koordination", "!kontakte setzen jobcenter {jobcenter1}"),
    ("jobcenter1", "!hilfe kontakte"),
    # Members: who belongs to which partner; only the coordinators change it, in the chat.
    ("agentur1", "!mitglieder"),
    ("stadt1", "!mitglied hinzufügen stadt @e.neumann:example.org"),
    ("koordination", "!mitglied hinzufügen stadt @e.neumann:example.org"),
    ("koordination", "!mitglied entfernen stadt @e.neumann:example.org"),
    ("koordination", "!mitglieder verlauf"),
    ("agentur1", "!terminn"),
    # Meetings: a series, an agenda item from a partner, the list, one meeting, its .ics file.
    ("stadt1", "!termin neu morgen 10:00 Koordinierungsrunde"),
    (
        "koordination",
        '!termin neu morgen 10:00 Koordinierungsrunde ort="Rathaus, Raum 3" '
        'wiederholung="alle zwei Wochen"',
    ),
    ("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik"),
    ("stadt1", "!termine"),
    ("jobcenter1", "!termin 1"),
    ("stadt1", "!termin ics 1"),
    ("koordination", "!status"),
    # Joint press release: a draft, approvals of all three partners, the final text.
    (
        "stadt1",
        "!pm entwurf Gemeinsam für Fachkräfte in der Logistik frist=08.12.\n"
        "Stadt, Agentur für Arbeit und Jobcenter starten eine **Qualifizierungsoffensive**:\n"
        "\n"
        "- 120 Plätze in Lager und Logistik\n"
        "- Berufskraftfahrer-Ausbildung mit Förderung",
    ),
    ("agentur1", "!pm freigeben 1"),
    ("jobcenter1", "!pm ablehnen 1 Bitte die Förderung genauer benennen"),
    (
        "stadt1",
        "!pm überarbeiten 1\n"
        "Stadt, Agentur für Arbeit und Jobcenter starten eine **Qualifizierungsoffensive**:\n"
        "\n"
        "- 120 Plätze in Lager und Logistik\n"
        "- Berufskraftfahrer-Ausbildung, gefördert mit Bildungsgutschein",
    ),
    ("agentur1", "!pm freigeben 1"),
    ("jobcenter1", "!pm freigeben 1"),
    ("stadt1", "!pm freigeben 1"),
    ("agentur1", "!pm 1"),
    ("koordination", "!pm verlauf 1"),
    ("jobcenter1", "!pm suche Logistik"),
    # Decision log: a partner records a decision, everyone lists, the coordinator exports it.
    (
        "stadt1",
        "!beschluss Gemeinsame Qualifizierungsoffensive Logistik "
        "verantwortlich={agentur1} frist=31.12.",
    ),
    # Kept as typed: quotation marks and all (the hash chain protects exactly this text).
    (
        "stadt1",
        '!beschluss Jobmesse „Zukunft Magdeburg“ und "MINT" gemeinsam ausrichten frist=31.03.2027',
    ),
    ("agentur1", "!beschlüsse"),
    # Consent per partner: each organisation agrees for itself (or objects, with a reason).
    ("agentur1", "!beschluss zustimmen 1"),
    ("jobcenter1", "!beschluss widersprechen 1 Finanzierung 2027 noch offen"),
    ("jobcenter1", "!beschluss zustimmen 1"),
    ("koordination", '!beschluss Jobmesse im Frühjahr zustimmung="stadt, agentur"'),
    ("koordination", "!beschluss ändern 6 Jobmesse im Juni zustimmung=alle"),
    ("agentur1", "!beschluss 1"),
    ("koordination", "!export beschlüsse csv"),
    # Sector round: the coordinator opens it, Stadt and Agentur disagree on C, a notice, the table.
    ("koordination", "!runde start übermorgen"),
    (
        "stadt1",
        '!branche melden C wachsend Aufträge ziehen an bedarf="Schweißer, CNC" horizont=12m',
    ),
    ("agentur1", "!branche melden Industrie rückläufig Kurzarbeit in zwei Betrieben"),
    (
        "agentur1",
        "!branche melden H stabil Lagerflächen knapp, Einstellungen vorsichtig horizont=6 Monate",
    ),
    (
        "jobcenter1",
        "!info Neuansiedlung Logistikzentrum, ca. 200 Stellen ab Q3 thema=Ansiedlung betrifft=H",
    ),
    ("koordination", "!branchen"),
    # The sector picture, the minutes of a Sitzung and the report to the Stadtrat.
    ("stadt1", "!branche C"),
    ("agentur1", "!branche suche Schweißer"),
    ("koordination", "!termin neu {soon_day} {soon_time} Auftaktsitzung dauer=30"),
    ("agentur1", "!anwesend 2"),
    ("stadt1", "!protokoll 2"),
    ("koordination", "!bericht"),
    ("koordination", "!export infos csv"),
    # Data protection: a customer number in the room gets a warning, and nothing is stored.
    ("stadt1", "Kunde 123A456789 hat die Maßnahme abgebrochen"),
    ("stadt1", "!hilfe datenschutz"),
]


async def play(people: dict[str, Person], ids: dict[str, str], room_id: str) -> int:
    """Say each line of ``SCENARIO`` and print the bot's reply; 1 if a reply did not come."""
    watcher = people["koordination"]
    failures = 0
    for speaker, template in SCENARIO:
        text = template.format(**ids)
        print_turn(speaker, text)
        event_id = await people[speaker].say(room_id, text)
        try:
            reply = await watcher.reply_to(event_id, timeout=30)
        except TimeoutError:
            failures += 1
            print_turn("koopbot", "(keine Antwort innerhalb von 30 s)")
            continue
        print_turn("koopbot", body(reply))
        print()
    return 1 if failures else 0
