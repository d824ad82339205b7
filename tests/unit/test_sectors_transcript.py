"""Sector assessments and input rounds as chat transcripts: every command, roles, bad input."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from storage.sectors import Round, SectorInput
from tests.support.chat import ROOM, Chat

USAGE = "Aufruf: !branche melden <sektor> <trend> <text> [bedarf=…] [horizont=…]"


async def inputs(chat: Chat) -> list[SectorInput]:
    async with chat.sessions() as session:
        return list(await session.scalars(select(SectorInput).order_by(SectorInput.id)))


async def rounds(chat: Chat) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Round)) or 0)


async def round_with_three_reports(chat: Chat) -> None:
    await chat.send("koordination", "!runde start 07.12.2026")
    await chat.send(
        "stadt1",
        '!branche melden C wachsend Aufträge ziehen an bedarf="Schweißer, CNC" horizont=12m',
    )
    await chat.send("agentur1", "!branche melden Industrie rückläufig Kurzarbeit angezeigt")
    await chat.send("stadt1", "!branche melden Logistik ↑ Neue Lager bedarf=Berufskraftfahrer")
    await chat.send("agentur1", "!branche melden H stabil Nachfrage gleichbleibend")


async def test_a_coordinator_opens_a_round_and_it_is_announced(chat: Chat) -> None:
    event = await chat.send("koordination", "!runde start 07.12.2026")
    (answer,) = chat.replies_to(event)
    assert answer["body"].splitlines()[0] == "Branchenrunde #1 gestartet, Frist Mo., 7. Dez. 2026."
    announcement = chat.sent[-1]["content"]
    assert "m.relates_to" not in announcement  # a top-level post in the room
    assert announcement["body"].splitlines()[0] == (
        "📊 Branchenrunde #1 ist eröffnet – bitte melden Sie bis Mo., 7. Dez. 2026 Ihre "
        "Einschätzung der Branchen."
    )
    assert set(announcement["m.mentions"]["user_ids"]) == {
        "@stadt1:test",
        "@agentur1:test",
        "@jobcenter1:test",
    }
    async with chat.sessions() as session:
        (row,) = await session.scalars(select(Round))
    assert row.room_id == ROOM and row.closed_at is None and str(row.deadline) == "2026-12-07"


async def test_only_coordinators_open_and_close_rounds(chat: Chat) -> None:
    await chat.send("stadt1", "!runde start 07.12.2026")
    assert chat.last.startswith("Nur die Koordination kann !runde start verwenden.")
    await chat.send("gast", "!round close")
    assert chat.last.startswith("Nur die Koordination kann !runde schließen verwenden.")
    assert await rounds(chat) == 0


async def test_round_start_refuses_a_past_or_bad_deadline_and_a_second_open_round(
    chat: Chat,
) -> None:
    await chat.send("koordination", "!runde start 30.11.2026")
    assert chat.last.startswith("Die Frist Mo., 30. Nov. 2026 liegt in der Vergangenheit.")
    await chat.send("koordination", "!runde start 32.13.2026")
    assert chat.last.splitlines()[0].startswith("„32.13.2026“ ist kein gültiges Datum")
    assert await rounds(chat) == 0
    await chat.send("koordination", "!runde start 07.12.")
    await chat.send("koordination", "!runde start 10.12.")
    assert chat.last == (
        "Branchenrunde #1 ist noch offen. Erst mit !runde schließen beenden, dann eine neue "
        "starten."
    )
    assert await rounds(chat) == 1


async def test_the_overview_shows_partners_side_by_side_and_flags_disagreement(
    chat: Chat,
) -> None:
    await round_with_three_reports(chat)
    await chat.send("koordination", "!branchen")
    assert chat.last.splitlines() == [
        "Branchenrunde #1 (Frist 7. Dez. 2026) – ausstehend: Jobcenter Magdeburg",
        "⚠ Uneinig: C Verarbeitendes Gewerbe – Stadt wachsend, Agentur rückläufig",
        "Branche                    Stadt                   Agentur   Jobcenter",
        "C Verarbeitendes Gewerbe   ↑ (Schweißer, CNC)      ↓         ⏳",
        "H Verkehr und Lagerei      ↑ (Berufskraftfahrer)   →         ⏳",
        "↑ wachsend · → stabil · ↓ rückläufig · ⏳ noch keine Meldung · "
        "– zu dieser Branche nichts gemeldet. Verlauf einer Branche: !branche <sektor>",
    ]
    assert "<table>" in chat.last_html and "<th>Jobcenter</th>" in chat.last_html
    # Per organisation, never per person: nobody's name in the overview.
    assert "Anna" not in chat.last and "Carla" not in chat.last


async def test_a_correction_counts_and_the_history_keeps_both(chat: Chat) -> None:
    await round_with_three_reports(chat)
    event = await chat.send("agentur1", "!branche melden C stabil Doch nur Stagnation")
    assert chat.replies_to(event)[0]["body"].splitlines()[0] == (
        "Meldung #5 für Branchenrunde #1 gespeichert: C Verarbeitendes Gewerbe – Agentur → "
        "stabil. Sie ersetzt Ihre Meldung #2 (bleibt im Verlauf)."
    )
    await chat.send("gast", "!branchen")
    assert "⚠ Uneinig" not in chat.last  # the newer assessment counts
    assert "C Verarbeitendes Gewerbe   ↑ (Schweißer, CNC)      →" in chat.last
    event = await chat.send("gast", "!branche C")
    assert chat.replies_to(event)[0]["body"].splitlines() == [  # the picture follows
        "Verlauf C Verarbeitendes Gewerbe (neueste zuerst):",
        "• #5 Runde #1 · 1. Dez. 2026 · Agentur → stabil – Doch nur Stagnation",
        "• #2 Runde #1 · 1. Dez. 2026 · Agentur ↓ rückläufig – Kurzarbeit angezeigt · "
        "(korrigiert, gilt nicht mehr)",
        "• #1 Runde #1 · 1. Dez. 2026 · Stadt ↑ wachsend – Aufträge ziehen an · "
        "Bedarf: Schweißer, CNC · Horizont: 12 Monate",
    ]
    assert len(await inputs(chat)) == 5


async def test_reports_outside_a_round_are_kept_and_shown_as_such(chat: Chat) -> None:
    event = await chat.send("jobcenter1", "!sector report Q growing More care staff horizon=2j")
    assert chat.replies_to(event)[0]["body"].splitlines()[:2] == [
        "Meldung #1 gespeichert (außerhalb einer Runde): Q Gesundheits- und Sozialwesen – "
        "Jobcenter ↑ wachsend.",
        "Horizont: 24 Monate",
    ]
    await chat.send("stadt1", "!sectors")
    assert chat.last.splitlines()[:3] == [
        "Keine Branchenrunde – Einschätzungen außerhalb einer Runde:",
        "Branche                          Stadt   Agentur   Jobcenter",
        "Q Gesundheits- und Sozialwesen   –       –         ↑",
    ]
    await chat.send("koordination", "!runde start 07.12.")
    await chat.send("stadt1", "!branche melden Pflege stabil Bedarf gedeckt")
    event = await chat.send("gast", "!branche Gesundheit")
    assert chat.replies_to(event)[0]["body"].splitlines()[1:] == [  # the picture follows
        "• #2 Runde #1 · 1. Dez. 2026 · Stadt → stabil – Bedarf gedeckt",
        "• #1 außerhalb einer Runde · 1. Dez. 2026 · Jobcenter ↑ wachsend – More care staff · "
        "Horizont: 24 Monate",
    ]
    [outside, inside] = await inputs(chat)
    assert outside.round_id is None and inside.round_id == 1


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "!branche melden Logstik wachsend Neue Lager",
            "„Logstik“ ist keine Branche. Meinten Sie: H Verkehr und Lagerei?",
        ),
        (
            "!branche melden Zirkus wachsend Neue Lager",
            "„Zirkus“ ist keine Branche. Möglich sind die WZ-Abschnitte A–U, z. B. C, Logistik "
            "oder Pflege.",
        ),
        (
            "!branche melden C steil Neue Aufträge",
            "„steil“ ist kein Trend. Möglich: wachsend, steigend, zunehmend (↑) · stabil, "
            "gleichbleibend (→) · rückläufig, sinkend, schrumpfend (↓).",
        ),
        ("!branche melden C wachsend", "Es fehlt die Angabe <text>."),
        ("!branche melden", "Es fehlt die Angabe <sektor>."),
        (
            "!branche melden C wachsend Text horizont=bald",
            "„bald“ ist kein Horizont. Bitte in Monaten, z. B. 6m, 12m oder 24m.",
        ),
        (
            "!branche melden C wachsend " + "x" * 4_001,
            "Die Einschätzung ist zu lang (4001 Zeichen, höchstens 4000). Bitte kürzen – nichts "
            "wurde gespeichert.",
        ),
    ],
)
async def test_bad_input_gets_one_clear_sentence_and_nothing_is_stored(
    chat: Chat, text: str, answer: str
) -> None:
    await chat.send("koordination", "!runde start 07.12.")
    await chat.send("stadt1", text)
    assert chat.last.splitlines() == [answer, USAGE]
    assert await inputs(chat) == []


async def test_only_partner_members_report_and_everyone_reads(chat: Chat) -> None:
    await chat.send("koordination", "!branche melden C wachsend Text")
    assert chat.last.startswith("Nur Mitglieder der Partner können !branche melden verwenden.")
    await chat.send("gast", "!branche melden C wachsend Text")
    assert chat.last.startswith("Nur Mitglieder der Partner können !branche melden verwenden.")
    assert await inputs(chat) == []
    await chat.send("gast", "!branchen")
    assert chat.last.startswith("Noch keine Branchenmeldungen.")
    await chat.send("gast", "!branche F")
    assert chat.last.startswith("Zu F Baugewerbe gibt es noch keine Meldung.")


async def test_closing_names_the_missing_partner_organisation(chat: Chat) -> None:
    await chat.send("koordination", "!runde schließen")
    assert chat.last == "Es ist keine Branchenrunde offen. Starten mit: !runde start <frist>"
    await round_with_three_reports(chat)
    await chat.send("koordination", "!runde schließen")
    assert chat.last.splitlines() == [
        "Branchenrunde #1 geschlossen.",
        "Nicht gemeldet: Jobcenter Magdeburg.",
        "Ergebnis: !branchen · als Datei: !export branchen",
    ]
    await chat.send("jobcenter1", "!branche melden C stabil Nach der Runde")
    assert "außerhalb einer Runde" in chat.last
    await chat.send("gast", "!branchen")  # the last round, now closed
    assert chat.last.splitlines()[0] == (
        "Branchenrunde #1 (Frist 7. Dez. 2026), geschlossen am 1. Dez. 2026 – ausstehend: "
        "Jobcenter Magdeburg"
    )


async def test_coordinators_export_the_assessments_as_csv_for_excel(chat: Chat) -> None:
    await chat.send("stadt1", "!export branchen csv")
    assert chat.last.startswith("Nur die Koordination kann !export branchen verwenden.")
    await chat.send("koordination", "!export branchen")
    assert chat.last == "Es gibt keine Branchenmeldungen im gewählten Zeitraum."
    await round_with_three_reports(chat)
    await chat.send("agentur1", "!branche melden C stabil =SUMME(A1)")
    await chat.send("koordination", "!export branchen csv")
    file = chat.sent[-1]["content"]
    assert file["msgtype"] == "m.file" and file["body"] == "branchenmeldungen-2026-12-01.csv"
    data = chat.homeserver.uploads[file["url"]]
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == [
        "Nr.",
        "Runde",
        "Frist",
        "Abschnitt",
        "Branche",
        "Partner",
        "Trend",
        "Einschätzung",
        "Bedarf",
        "Horizont",
        "Gemeldet am",
        "Stand",
    ]
    assert rows[2] == [
        "2",
        "#1",
        "07.12.2026",
        "C",
        "Verarbeitendes Gewerbe",
        "Agentur für Arbeit Magdeburg",
        "rückläufig",
        "Kurzarbeit angezeigt",
        "",
        "",
        "01.12.2026 10:00",
        "korrigiert",
    ]
    assert rows[5][7] == "'=SUMME(A1)" and rows[5][11] == "gilt"  # no formula in Excel
    assert chat.sent[-2]["content"]["body"] == (
        "Branchenmeldungen als CSV: 5 Meldungen in branchenmeldungen-2026-12-01.csv."
    )


async def test_the_markdown_export_lists_every_assessment(chat: Chat) -> None:
    await round_with_three_reports(chat)
    await chat.send("koordination", "!export sectors md")
    text = chat.homeserver.uploads[chat.sent[-1]["content"]["url"]].decode("utf-8")
    assert text.startswith("# Branchenmeldungen\n")
    assert "| 1 | #1 | C Verarbeitendes Gewerbe | Landeshauptstadt Magdeburg | ↑ wachsend |" in text
    assert "Kurzarbeit angezeigt" in text


async def test_the_export_is_listed_under_export(chat: Chat) -> None:
    await chat.send("gast", "!export")
    assert "!export branchen [format] [von=…] [bis=…]" in chat.last
