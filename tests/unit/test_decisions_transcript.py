"""The decision log as chat transcripts: every command, every role, and bad input."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.app import reminder_parts
from bot.content import MAX_EVENT_BYTES
from bot.scheduler import Waker
from commands.meetings.reminders import MeetingReminders
from storage.decisions.models import DecisionEntry
from tests.support.chat import Chat, make_settings
from tests.support.decisions import add_entries

RECORD = (
    "!beschluss Gemeinsame Qualifizierungsoffensive Logistik "
    "verantwortlich=@agentur1:test frist=31.03.2027"
)


def lines(chat: Chat) -> list[str]:
    return chat.last.splitlines()


def reply(chat: Chat, event_id: str) -> dict[str, Any]:
    return chat.replies_to(event_id)[0]


async def stored(chat: Chat) -> list[DecisionEntry]:
    async with chat.sessions() as session:
        return list(await session.scalars(select(DecisionEntry).order_by(DecisionEntry.id)))


async def count(chat: Chat) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(DecisionEntry)) or 0)


async def test_a_partner_records_a_decision_with_responsible_person_and_deadline(
    chat: Chat,
) -> None:
    event = await chat.send("stadt1", RECORD)
    answer = reply(chat, event)
    assert answer["body"].splitlines() == [
        "Beschluss #1 erfasst: Gemeinsame Qualifizierungsoffensive Logistik",
        "Ergebnis: beschlossen",
        "Zustimmung: 1 von 3 Partnern – noch nicht von allen getragen",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Di., 1. Dez. 2026, 10:00 Uhr",
        "⏳ Agentur für Arbeit Magdeburg: Zustimmung steht aus",
        "⏳ Jobcenter Magdeburg: Zustimmung steht aus",
        "Verantwortlich: Bernd Krüger · Frist: Mi., 31. März 2027",
        "Beschlossen am Di., 1. Dez. 2026 · erfasst von Anna Schulz (Landeshauptstadt Magdeburg), "
        "Di., 1. Dez. 2026, 10:00 Uhr",
        "!beschluss 1 zeigt ihn mit Verlauf. Ändern, aufheben oder als erledigt vermerken kann "
        "die Koordination, z. B. mit !beschluss erledigt 1.",
        "Zustimmen: !beschluss zustimmen 1 oder ✅/👍 als Reaktion auf diese Nachricht. "
        "Widersprechen: !beschluss widersprechen 1 <grund>",
    ]
    assert answer["m.mentions"]["user_ids"] == ["@agentur1:test"]  # the responsible is notified
    assert (
        '<a href="https://matrix.to/#/@agentur1:test">Bernd Krüger</a>'
        in (answer["formatted_body"])
    )
    (entry,) = await stored(chat)
    assert (entry.kind, entry.author, entry.author_partner) == ("recorded", "@stadt1:test", "stadt")
    assert entry.source_event_id == event and entry.recorded_at == chat.clock.now
    assert entry.decided_on.isoformat() == "2026-12-01" and entry.meeting_id is None


async def test_a_coordinator_records_and_a_guest_is_refused_with_the_role_named(
    chat: Chat,
) -> None:
    await chat.send("koordination", "!beschluss Fachkräftetag 2027 vorbereiten")
    assert lines(chat)[0] == "Beschluss #1 erfasst: Fachkräftetag 2027 vorbereiten"
    assert "erfasst von koordination (Koordination)" in chat.last
    await chat.send("gast", "!beschluss Alles anders machen")
    assert lines(chat) == [
        "Nur Partner und die Koordination können !beschluss verwenden. Ihre Rolle: Gast (kein "
        "Mitglied eines Partners). !hilfe beschluss zeigt, was Sie tun können."
    ]
    assert await count(chat) == 1
    await chat.send("gast", "!beschluss 1")  # reading is for everyone
    assert lines(chat)[0] == "Beschluss #1 · gültig"
    await chat.send("gast", "!beschlüsse")
    assert lines(chat)[1] == "• #1 Fachkräftetag 2027 vorbereiten · gültig · Zustimmung 0 von 3"


async def test_a_first_line_above_the_text_is_the_subject_and_options_are_kept(
    chat: Chat,
) -> None:
    await chat.send(
        "agentur1",
        '!beschluss ergebnis="geändert beschlossen" zustimmung=agentur '
        'dissens="Jobcenter: erst nach Haushaltsbeschluss" datum=30.11. top="Logistik"\n'
        "Qualifizierungsoffensive Logistik\n"
        "Die Partner starten gemeinsam 120 Plätze.\nDie Agentur übernimmt die Auswahl.",
    )
    assert lines(chat)[:10] == [
        "Beschluss #1 erfasst: Qualifizierungsoffensive Logistik",
        "> Die Partner starten gemeinsam 120 Plätze.",
        "> Die Agentur übernimmt die Auswahl.",
        "Ergebnis: geändert beschlossen",
        "Zustimmung: 1 von 3 Partnern – noch nicht von allen getragen",
        "⏳ Landeshauptstadt Magdeburg: Zustimmung steht aus",
        "✅ Agentur für Arbeit Magdeburg: Bernd Krüger, Di., 1. Dez. 2026, 10:00 Uhr",
        "⏳ Jobcenter Magdeburg: Zustimmung steht aus",
        "Abweichende Meinung: Jobcenter: erst nach Haushaltsbeschluss",
        "TOP: Logistik",
    ]
    assert lines(chat)[10].startswith(
        "Beschlossen am Mo., 30. Nov. 2026 · erfasst von Bernd Krüger"
    )


async def test_a_decision_links_to_the_latest_meeting_and_its_agenda_item(chat: Chat) -> None:
    await chat.send(
        "koordination",
        "!termin neu 08.12.2026 10:00 Koordinierungsrunde "
        'wiederholung="jeden zweiten Dienstag im Monat"',
    )
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    await chat.send("stadt1", "!beschluss Vor der ersten Sitzung")
    assert not any(line.startswith("Sitzung:") for line in lines(chat))
    chat.clock.now = datetime(2026, 12, 8, 10, 45, tzinfo=UTC)  # during the meeting
    await chat.send("stadt1", "!beschluss Qualifizierungsoffensive Logistik top=1")
    assert lines(chat)[6] == (
        "Sitzung: Koordinierungsrunde (#1) am Di., 8. Dez. 2026 · TOP: 1. Fachkräftebedarf Logistik"
    )
    chat.clock.now = datetime(2027, 1, 20, 9, 0, tzinfo=UTC)  # after the January date
    await chat.send("stadt1", "!beschluss Nachbereitung top=7")
    assert lines(chat)[6] == "Sitzung: Koordinierungsrunde (#1) am Di., 12. Jan. 2027 · TOP: 7"
    entries = await stored(chat)
    assert [e.meeting_id for e in entries] == [None, 1, 1]
    assert entries[2].meeting_at == datetime(2027, 1, 12, 9, 0, tzinfo=UTC)


async def test_amend_then_complete_shows_every_step_in_the_history(chat: Chat) -> None:
    await chat.send("stadt1", RECORD)
    chat.clock.advance(hours=1)
    await chat.send(
        "koordination", "!beschluss ändern 1 Qualifizierungsoffensive Logistik und Lager"
    )
    assert lines(chat)[:3] == [
        "Beschluss #1 geändert: Die neue Fassung ist #2, #1 ist jetzt „ersetzt durch #2“.",
        "Qualifizierungsoffensive Logistik und Lager",  # the subject was the text: it follows
        "Ergebnis: beschlossen",
    ]
    assert "Verantwortlich: Bernd Krüger · Frist: Mi., 31. März 2027" in lines(chat)  # kept
    chat.clock.advance(hours=1)
    await chat.send("koordination", "!beschluss erledigt 2 Auftakt am 15.01. durchgeführt")
    assert lines(chat) == [
        "Beschluss #2 ist erledigt (Eintrag #3).",
        "Vermerk: „Auftakt am 15.01. durchgeführt“",
        "!beschlüsse gültig zeigt, was noch offen ist.",
    ]
    await chat.send("jobcenter1", "!beschluss 1")
    assert lines(chat)[0] == "Beschluss #1 · ersetzt durch #2"
    assert lines(chat)[-1] == "Gültig ist die neuere Fassung: !beschluss 2 zeigt sie."
    await chat.send("jobcenter1", "!beschluss #2")
    shown = lines(chat)
    assert shown[:3] == [
        "Beschluss #2 · erledigt",
        "Qualifizierungsoffensive Logistik und Lager",
        "Ergebnis: beschlossen",
    ]
    history = shown[shown.index("Verlauf:") + 1 : shown.index("Verlauf:") + 4]
    assert history == [
        "• #1 · Di., 1. Dez. 2026, 10:00 Uhr · erfasst von Anna Schulz (Landeshauptstadt Magdeburg)",
        "• #2 · Di., 1. Dez. 2026, 11:00 Uhr · geändert von koordination (Koordination): "
        "„Qualifizierungsoffensive Logistik und Lager“",
        "• #3 · Di., 1. Dez. 2026, 12:00 Uhr · als erledigt vermerkt von koordination "
        "(Koordination): „Auftakt am 15.01. durchgeführt“",
    ]
    await chat.send("jobcenter1", "!beschluss 3")
    assert lines(chat)[:3] == [
        "#3 · Erledigung von #2",
        "Qualifizierungsoffensive Logistik und Lager",
        "> Auftakt am 15.01. durchgeführt",
    ]
    # nothing was changed in place: three entries, the first one as it was written
    entries = await stored(chat)
    assert [(e.kind, e.refers_to, e.decision_no) for e in entries] == [
        ("recorded", None, 1),
        ("amended", 1, 1),
        ("done", 2, 1),
    ]
    assert entries[0].wording == "Gemeinsame Qualifizierungsoffensive Logistik"


async def test_amendments_take_over_what_they_do_not_change(chat: Chat) -> None:
    await chat.send("stadt1", RECORD + " top=Logistik")
    await chat.send(
        "koordination", "!beschluss ändern 1 Gemeinsame Qualifizierungsoffensive Logistik"
    )
    assert lines(chat) == ["Die neue Fassung gleicht #1 – es wurde nichts geändert."]
    await chat.send(
        "koordination",
        "!beschluss ändern 1 Gemeinsame Qualifizierungsoffensive Logistik "
        "frist=30.06.2027 verantwortlich=keine",
    )
    (_, amended) = await stored(chat)
    assert amended.wording == "Gemeinsame Qualifizierungsoffensive Logistik"
    assert amended.deadline is not None and amended.deadline.isoformat() == "2027-06-30"
    assert amended.responsible is None and amended.agenda_item == "Logistik"
    assert amended.author == "@koordination:test" and amended.author_partner is None


async def test_revoking_needs_a_reason_and_closed_decisions_stay_closed(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss Förderaufruf gemeinsam veröffentlichen")
    await chat.send("koordination", "!beschluss aufheben 1")
    assert lines(chat)[0] == "Es fehlt die Angabe <grund>."
    await chat.send("koordination", "!beschluss aufheben 1 Förderprogramm eingestellt")
    assert lines(chat) == [
        "Beschluss #1 aufgehoben (Eintrag #2): „Förderprogramm eingestellt“",
        "Er bleibt im Protokoll; !beschluss 1 zeigt den Verlauf.",
    ]
    for command in ("!beschluss ändern 1 Neu", "!beschluss erledigt 1", "!beschluss aufheben 1 x"):
        await chat.send("koordination", command)
        assert lines(chat) == [
            "Beschluss #1 ist bereits aufgehoben und bleibt so im Protokoll. Für eine neue "
            "Regelung bitte einen neuen Beschluss erfassen."
        ]
    await chat.send("koordination", "!beschluss erledigt 2")
    assert lines(chat)[0] == (
        "#2 ist kein Beschluss, sondern die Aufhebung von #1. Bitte die Nummer des "
        "Beschlusses angeben."
    )
    await chat.send("stadt1", "!beschluss Zweiter")
    await chat.send("koordination", "!beschluss ändern 3 Zweiter, neu")
    await chat.send("koordination", "!beschluss erledigt 3")
    assert lines(chat) == ["Beschluss #3 ist ersetzt durch #4 – bitte #4 angeben."]
    assert await count(chat) == 4
    await chat.send("koordination", "!beschluss 1")
    assert lines(chat)[0] == "Beschluss #1 · aufgehoben"


@pytest.mark.parametrize(
    "command",
    [
        "!beschluss ändern 1 Anders",
        "!beschluss aufheben 1 Grund",
        "!beschluss erledigt 1",
        "!decision done 1",
        "!export beschlüsse",
    ],
)
async def test_only_coordinators_amend_revoke_complete_and_export(chat: Chat, command: str) -> None:
    await chat.send("stadt1", RECORD)
    for who, role in (
        ("agentur1", "Partner (Agentur für Arbeit Magdeburg)"),
        ("gast", "Gast (kein Mitglied eines Partners)"),
    ):
        await chat.send(who, command)
        assert lines(chat)[0].startswith("Nur die Koordination kann !")
        assert f"Ihre Rolle: {role}." in chat.last
    assert await count(chat) == 1
    assert chat.homeserver.uploads == {}


@pytest.mark.parametrize(
    ("command", "first_line"),
    [
        ("!beschluss 99", "Einen Eintrag #99 gibt es im Beschlussprotokoll dieses Raums nicht. "
         "!beschlüsse zeigt alle Beschlüsse."),
        ("!beschluss frist=31.12.2026", "Bitte den Wortlaut des Beschlusses angeben, z. B. "
         "!beschluss Gemeinsame Qualifizierungsoffensive Logistik frist=31.03.2027."),
        ('!beschluss "" verantwortlich=@agentur1:test', "Bitte den Wortlaut des Beschlusses angeben, z. B. "
         "!beschluss Gemeinsame Qualifizierungsoffensive Logistik frist=31.03.2027."),
        ("!beschluss Tun frist=30.11.2026", "Die Frist 30.11.2026 liegt in der Vergangenheit – "
         "bitte ein Datum ab heute angeben."),
        ("!beschluss Tun frist=32.13.2026", "„32.13.2026“ ist kein gültiges Datum – z. B. "
         "08.12.2026 oder 2026-12-08."),
        ("!beschluss Tun verantwortlich=anna", "„anna“ ist keine Matrix-Kennung wie "
         "@name:example.org."),
        ("!beschluss Tun verantwortlich=@Anna Schulz", "„@Anna Schulz“ ist keine Matrix-Kennung wie "
         "@name:example.org."),
        ("!beschluss Tun ergebnis=vielleicht", "„vielleicht“ ist kein Ergebnis. Möglich: "
         "beschlossen, geändert beschlossen, abgelehnt, vertagt."),
        ("!beschluss Tun zustimmung=landkreis", "„landkreis“ ist kein Partner. Möglich: "
         "stadt, agentur, jobcenter."),
        ("!beschluss Tun datum=2026-12-24", "Das Beschlussdatum 24.12.2026 liegt in der Zukunft "
         "– bitte den Tag angeben, an dem beschlossen wurde."),
        ("!beschluss 3 frist=31.12.2026", "Zum Anzeigen genügt die Nummer: !beschluss 3. "
         "Angaben wie frist= gehören zu einem neuen Beschluss mit Text."),
        ("!beschluss ändern 7 Neu", "Einen Eintrag #7 gibt es im Beschlussprotokoll dieses Raums "
         "nicht. !beschlüsse zeigt alle Beschlüsse."),
        ("!beschluss ändern sieben Neu", "„sieben“ ist keine Nummer wie 12 oder #12."),
        ("!beschluss Tun betreff=" + "x" * 201, "Der Betreff ist zu lang (höchstens 200 "
         "Zeichen). Bitte kürzen."),
        ("!beschluss " + "Wort " * 801, "Der Text ist zu lang (4004 Zeichen, höchstens 4000). "
         "Bitte kürzen."),
    ],
)  # fmt: skip
async def test_bad_input_is_explained_in_one_sentence_and_nothing_is_stored(
    chat: Chat, command: str, first_line: str
) -> None:
    who = "koordination" if "ändern" in command else "stadt1"
    await chat.send(who, command)
    assert lines(chat)[0] == first_line
    assert await count(chat) == 0


async def test_usage_follows_a_mistake_in_the_arguments(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss Tun frist=morgen-ish")
    assert lines(chat)[1].startswith("Aufruf: !beschluss [text] [verantwortlich=…] [frist=…]")


async def test_list_and_search_by_text_person_and_status(chat: Chat) -> None:
    await chat.send(
        "stadt1",
        "!beschluss Lagerlogistik qualifizieren verantwortlich=@agentur1:test frist=15.12.2026",
    )
    await chat.send("stadt1", "!beschluss Pflegekräfte gewinnen verantwortlich=@jobcenter1:test")
    await chat.send("agentur1", "!beschluss Berufsorientierung an Schulen")
    await chat.send("koordination", "!beschluss erledigt 3")
    await chat.send("koordination", "!beschluss ändern 2 Pflegekräfte gewinnen und halten")
    await chat.send("jobcenter1", "!beschlüsse")
    assert lines(chat) == [
        "Beschlüsse (neueste zuerst)",
        "• #5 Pflegekräfte gewinnen und halten · gültig · Zustimmung 0 von 3 · Carla Vogt",
        "• #3 Berufsorientierung an Schulen · erledigt",
        "• #1 Lagerlogistik qualifizieren · gültig · Zustimmung 1 von 3 · Bernd Krüger · "
        "Frist 15. Dez. 2026",
        "!beschluss <nr> zeigt einen Beschluss mit Verlauf.",
    ]
    await chat.send("jobcenter1", "!beschlüsse LOGISTIK")
    assert lines(chat)[:2] == [
        "Beschlüsse zu „LOGISTIK“ (neueste zuerst)",
        "• #1 Lagerlogistik qualifizieren · gültig · Zustimmung 1 von 3 · Bernd Krüger · "
        "Frist 15. Dez. 2026",
    ]
    await chat.send("jobcenter1", "!beschlüsse krüger")
    assert [line[:4] for line in lines(chat)[1:-1]] == ["• #1"]
    await chat.send("jobcenter1", "!beschlüsse erledigt")
    assert lines(chat)[1:-1] == ["• #3 Berufsorientierung an Schulen · erledigt"]
    await chat.send("jobcenter1", "!beschlüsse ersetzt")
    assert lines(chat)[1:-1] == [
        "• #2 Pflegekräfte gewinnen · ersetzt durch #5 · Carla Vogt",
    ]
    await chat.send("jobcenter1", "!beschlüsse überfällig")
    assert lines(chat) == ["Keine Beschlüsse zu „überfällig“. !beschlüsse zeigt alle."]
    chat.clock.now = datetime(2026, 12, 16, 9, 0, tzinfo=UTC)
    await chat.send("jobcenter1", "!beschlüsse überfällig")
    assert lines(chat)[1] == (
        "• #1 Lagerlogistik qualifizieren · gültig · Zustimmung 1 von 3 · Bernd Krüger · "
        "Frist 15. Dez. 2026 (überschritten)"
    )
    await chat.send("jobcenter1", "!beschluss 1")
    assert "Verantwortlich: Bernd Krüger · Frist: Di., 15. Dez. 2026 (überschritten)" in lines(chat)


async def test_a_long_list_is_capped_with_a_hint(chat: Chat) -> None:
    for number in range(23):
        await chat.send("stadt1", f"!beschluss Maßnahme {number + 1}")
    await chat.send("stadt1", "!beschlüsse")
    shown = lines(chat)
    assert shown[1] == "• #23 Maßnahme 23 · gültig · Zustimmung 1 von 3"
    assert shown[20] == "• #4 Maßnahme 4 · gültig · Zustimmung 1 von 3"
    assert shown[21] == (
        "1–20 von 23 gezeigt – die nächsten mit !beschlüsse seite=2; eingrenzen mit "
        "!beschlüsse <suchbegriff> (Text, Person oder Stand wie gültig, erledigt, überfällig)."
    )
    await chat.send("stadt1", "!beschluss")  # without text: the same list
    assert lines(chat) == shown
    await chat.send("stadt1", "!beschlüsse seite=2")
    assert lines(chat)[1:] == [
        "• #3 Maßnahme 3 · gültig · Zustimmung 1 von 3",
        "• #2 Maßnahme 2 · gültig · Zustimmung 1 von 3",
        "• #1 Maßnahme 1 · gültig · Zustimmung 1 von 3",
        "21–23 von 23 gezeigt (letzte Seite).",
        "!beschluss <nr> zeigt einen Beschluss mit Verlauf.",
    ]
    await chat.send("stadt1", "!beschlüsse maßnahme gültig page=2")
    assert lines(chat)[-2] == "21–23 von 23 gezeigt (letzte Seite)."
    await chat.send("stadt1", "!beschlüsse Maßnahmen seite=1")
    assert lines(chat)[-2].startswith(
        "1–20 von 23 gezeigt – die nächsten mit !beschlüsse Maßnahmen seite=2;"
    )
    await chat.send("stadt1", "!beschlüsse seite=3")
    assert lines(chat) == ["Seite 3 gibt es nicht – die letzte ist Seite 2."]


async def test_a_page_of_long_decisions_stays_under_the_event_size_limit(
    chat: Chat, sqlite_engine: Any
) -> None:
    await add_entries(sqlite_engine, 60, subject="Ü" * 300, wording="x")
    await chat.send("stadt1", "!beschlüsse")
    body = chat.last
    assert len(lines(chat)) == 23 and "1–20 von 60 gezeigt" in lines(chat)[21]
    assert len(json.dumps(chat.sent[-1]["content"], ensure_ascii=False).encode()) < MAX_EVENT_BYTES
    assert body.count("Ü" * 300) == 20


async def test_an_empty_log_says_how_to_start(chat: Chat) -> None:
    await chat.send("gast", "!beschlüsse")
    assert lines(chat) == [
        "Noch keine Beschlüsse. Erfassen mit !beschluss <text> [verantwortlich=@person] "
        "[frist=datum]."
    ]


async def test_english_command_names(chat: Chat) -> None:
    await chat.send(
        "stadt1", "!decision Joint training drive responsible=@agentur1:test deadline=2027-03-31"
    )
    assert lines(chat)[0] == "Beschluss #1 erfasst: Joint training drive"
    await chat.send("koordination", "!decision amend 1 Joint training drive for logistics")
    assert lines(chat)[0].startswith("Beschluss #1 geändert")
    await chat.send("koordination", "!decision done 2")
    await chat.send("stadt1", "!decision Second outcome=postponed")
    await chat.send("koordination", "!decision revoke 4 obsolete")
    await chat.send("stadt1", "!decisions done")
    assert lines(chat)[1:-1] == [
        "• #2 Joint training drive for logistics · erledigt · Bernd Krüger · Frist 31. März 2027"
    ]
    await chat.send("koordination", "!export decisions json")
    assert chat.sent[-1]["content"]["body"] == "beschlussprotokoll-2026-12-01.json"


async def test_an_english_deployment_answers_in_english(sqlite_engine: Any, clock: Any) -> None:
    from storage.engine import session_factory

    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    await chat.send("stadt1", "!decision Joint training drive deadline=2027-03-31")
    assert lines(chat)[:4] == [
        "Decision #1 recorded: Joint training drive",
        "Outcome: adopted",
        "Consent: 1 of 3 partners – not yet carried by all",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Tue, 1 Dec 2026, 10:00",
    ]
    await chat.send("gast", "!decision Nope")
    assert lines(chat)[0].startswith("Only partners and coordinators can use !beschluss.")
    await chat.send("stadt1", "!decisions overdue")
    assert lines(chat) == ["No decisions about “overdue”. !decisions lists all."]


async def test_user_text_is_escaped_in_html(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss <b>Fett</b> & <a href='x'>Link</a>")
    assert "&lt;b&gt;Fett&lt;/b&gt; &amp; &lt;a href=&#x27;x&#x27;&gt;" in chat.last_html
    assert "<b>" not in chat.last_html


async def test_the_coordinator_exports_the_protocol_into_the_room(chat: Chat) -> None:
    await chat.send("stadt1", RECORD)
    await chat.send("agentur1", "!beschluss Berufsorientierung an Schulen")
    event = await chat.send("koordination", "!export beschlüsse csv")
    answer = reply(chat, event)
    first = await stored(chat)
    assert answer["body"].splitlines() == [
        "Beschlussprotokoll als CSV: 2 Einträge (#1 bis #2), Stand Di., 1. Dez. 2026, 10:00 Uhr "
        "– Datei beschlussprotokoll-2026-12-01.csv.",
        f"Hash des letzten Eintrags (#2): {first[-1].hash} – diese Nachricht ist der Anker. "
        f"Prüfen mit: koopbot verify-log --expect {first[-1].hash}@2",
    ]
    file = chat.sent[-1]["content"]
    assert file["msgtype"] == "m.file" and file["filename"] == "beschlussprotokoll-2026-12-01.csv"
    assert file["info"]["mimetype"] == "text/csv"
    data = chat.homeserver.uploads[file["url"]]
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Gemeinsame Qualifizierungsoffensive Logistik" in data.decode("utf-8-sig")
    for fmt, mimetype, start in (
        ("pdf", "application/pdf", b"%PDF"),
        ("md", "text/markdown", b"# Beschlussprotokoll"),
        ("json", "application/json", b"{"),
    ):
        await chat.send("koordination", f"!export beschlüsse {fmt}")
        file = chat.sent[-1]["content"]
        assert file["info"]["mimetype"] == mimetype
        assert chat.homeserver.uploads[file["url"]].startswith(start)
    await chat.send("koordination", "!export beschlüsse")  # pdf unless told otherwise
    assert chat.sent[-1]["content"]["filename"].endswith(".pdf")


async def test_export_period_format_and_emptiness(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss Erster datum=01.11.")
    await chat.send("stadt1", "!beschluss Zweiter")
    await chat.send("koordination", "!export beschlüsse csv von=01.12.2026 bis=31.12.")
    data = chat.homeserver.uploads[chat.sent[-1]["content"]["url"]].decode("utf-8-sig")
    assert "Zweiter" in data and "Erster" not in data
    sent = len(chat.sent)
    await chat.send("koordination", "!export beschlüsse csv bis=31.10.2026")
    assert lines(chat) == [
        "Im gewählten Zeitraum gibt es keine Beschlüsse – es wurde keine Datei erstellt."
    ]
    await chat.send("koordination", "!export beschlüsse xlsx")
    assert lines(chat)[0] == "„xlsx“ ist kein Exportformat. Möglich: csv, md, json, pdf."
    assert lines(chat)[1].startswith("Aufruf: !export beschlüsse [format] [von=…] [bis=…]")
    await chat.send("koordination", "!export beschlüsse csv von=01.12.2026 bis=01.11.2026")
    assert lines(chat)[0] == (
        "Der Zeitraum beginnt (01.12.2026) nach seinem Ende (01.11.2026). "
        "Bitte von= und bis= prüfen."
    )
    assert len(chat.sent) == sent + 3  # three answers, no file
    await chat.send("stadt1", "!export")
    assert lines(chat)[0] == "Exporte (die Datei wird in den Raum hochgeladen):"
    assert (
        "• !export beschlüsse [format] [von=…] [bis=…] – lädt das Beschlussprotokoll als Datei "
        "hoch (PDF mit Prüfvermerk, CSV für Excel/LibreOffice, Markdown, JSON) (die Koordination). "
        "Formate: csv, md, json, pdf; ohne Angabe pdf"
    ) in lines(chat)
    await chat.send("koordination", "!export wetter csv")
    assert lines(chat)[0] == "„wetter“ kann ich nicht exportieren."


async def test_overdue_decisions_are_named_in_the_next_meeting_reminder(chat: Chat) -> None:
    source = MeetingReminders(chat.settings, reminder_parts())
    waker = Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Koordinierungsrunde")
    await chat.send("stadt1", "!beschluss Lagerlogistik qualifizieren frist=03.12.2026")
    await chat.send("stadt1", "!beschluss Pflegekräfte gewinnen frist=04.12.2026")
    await chat.send("stadt1", "!beschluss Ohne Frist")
    await chat.send("stadt1", "!beschluss Später fällig frist=31.12.2026")
    await chat.send("koordination", "!beschluss erledigt 2")
    await waker.wake()
    chat.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # the "1 day before" reminder
    before = len(chat.sent)
    await waker.wake()
    await chat.outbox.drain()
    (reminder,) = [m["content"]["body"] for m in chat.sent[before:]]
    assert "Beschlüsse über Frist: #1 – !beschlüsse überfällig zeigt sie." in reminder.splitlines()


async def test_help_names_every_decision_command_and_who_may_use_it(chat: Chat) -> None:
    await chat.send("gast", "!hilfe beschluss")
    shown = lines(chat)
    assert shown[0] == "!beschluss (englisch: !decision)"
    assert (
        "• !beschluss aufheben <id> <grund> – hebt einen Beschluss auf (mit Grund; neuer Eintrag, "
        "nichts wird gelöscht)"
    ) in shown
    assert shown.count("• Wer: die Koordination") == 3
    assert shown.count("• Wer: Partner und Koordination") == 1  # recording; showing is for all
