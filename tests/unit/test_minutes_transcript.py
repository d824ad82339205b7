"""Attendance and the minutes of a Sitzung as chat transcripts: what the files hold,
checked against what was recorded; the draft before the end; bad input answered."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select

from storage.attendance import Attendance
from storage.decisions.models import DecisionEntry
from tests.support.chat import Chat

DURING = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)  # 11:30 in Magdeburg: the meeting runs
LATER = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


def last_file(chat: Chat) -> tuple[dict[str, Any], bytes]:
    """The bot's last file message and the bytes it carries."""
    content = next(
        m["content"]
        for m in reversed(chat.sent)
        if m["content"].get("msgtype") in ("m.file", "m.image")
    )
    return content, chat.homeserver.uploads[content["url"]]


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


async def a_sitting(chat: Chat) -> None:
    """Meeting #1 today 11:00–12:30, two agenda items, a notice, two decisions."""
    await chat.send(
        "koordination", '!termin neu 01.12.2026 11:00 Koordinierungsrunde ort="Rathaus, Raum 3"'
    )
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    await chat.send("stadt1", "!tagesordnung 1 Pflegeausbildung")
    await chat.send(
        "stadt1", "!info Neuansiedlung Logistikzentrum, ca. 200 Stellen thema=Ansiedlung"
    )
    chat.clock.now = DURING
    await chat.send(
        "stadt1",
        "!beschluss Qualifizierungsoffensive Logistik verantwortlich=@agentur1:test "
        "frist=05.12.2026 top=1",
    )
    await chat.send("jobcenter1", "!beschluss Jobmesse im Frühjahr")


async def entry_hash(chat: Chat, entry_id: int) -> str:
    async with chat.sessions() as session:
        entry = await session.get(DecisionEntry, entry_id)
    assert entry is not None
    return entry.hash


async def test_partners_mark_themselves_present_and_coordinators_record_the_rest(
    chat: Chat,
) -> None:
    await a_sitting(chat)
    await chat.send("agentur1", "!anwesend 1")
    assert chat.last.startswith(
        "Eingetragen: Agentur für Arbeit Magdeburg war bei „Koordinierungsrunde“ (#1) am "
        "Di., 1. Dez. 2026 anwesend. Anwesend: Agentur. Das Protokoll: !protokoll 1"
    )
    await chat.send("agentur1", "!present 1")
    assert chat.last.startswith(
        "Agentur für Arbeit Magdeburg ist bei „Koordinierungsrunde“ (#1) am Di., 1. Dez. 2026 "
        "schon als anwesend eingetragen."
    )
    await chat.send("koordination", "!anwesenheit 1 Stadt, Agentur für Arbeit Magdeburg")
    assert chat.last.startswith(
        "Anwesenheit bei „Koordinierungsrunde“ (#1) am Di., 1. Dez. 2026 festgehalten – "
        "anwesend: Stadt und Agentur; nicht anwesend: Jobcenter."
    )
    async with chat.sessions() as session:
        rows = list(await session.scalars(select(Attendance).order_by(Attendance.partner_id)))
    assert [r.partner_id for r in rows] == ["agentur", "stadt"]
    assert {r.occurrence for r in rows} == {datetime(2026, 12, 1, 10, 0, tzinfo=UTC)}


async def test_attendance_for_a_day_without_a_sitting_is_refused_clearly(chat: Chat) -> None:
    await a_sitting(chat)
    await chat.send("agentur1", "!anwesend 1 am=30.11.2026")
    assert chat.last == (
        "„Koordinierungsrunde“ (#1) hatte am Mo., 30. Nov. 2026 keine Sitzung und hat bis dahin "
        "nicht getagt. !termin 1 zeigt die Termine."
    )
    await chat.send("agentur1", "!anwesend 1 am=24.12.2026")
    assert chat.last == (
        "Die Sitzung am Do., 24. Dez. 2026 liegt noch vor uns. Anwesenheit lässt sich ab dem "
        "Tag der Sitzung eintragen."
    )
    chat.clock.now = LATER
    await chat.send("agentur1", "!anwesend 1 am=02.12.")
    assert chat.last == (
        "„Koordinierungsrunde“ (#1) hatte am Mi., 2. Dez. 2026 keine Sitzung. Die letzte "
        "Sitzung bis dahin: Di., 1. Dez. 2026, 11:00 Uhr – z. B. am=01.12.2026."
    )
    await chat.send("koordination", "!anwesenheit 1 stadt rathaus")
    assert chat.last.startswith(
        "„rathaus“ ist kein Partner. Möglich: stadt, agentur, jobcenter – oder „keine“"
    )
    await chat.send("koordination", "!protokoll 7")
    assert chat.last == "Termin #7 gibt es hier nicht. !termine zeigt die nächsten Termine."
    await chat.send("stadt1", "!protokoll 1 docx")
    assert chat.last.startswith("„docx“ ist kein Format für das Protokoll. Möglich: pdf, md.")
    await chat.send("gast", "!protokoll 1")
    assert chat.last.startswith("Nur Partner und die Koordination können !protokoll verwenden.")
    async with chat.sessions() as session:
        assert list(await session.scalars(select(Attendance))) == []
    assert not any(m["content"].get("msgtype") == "m.file" for m in chat.sent)


async def test_minutes_during_the_meeting_are_a_draft_with_agenda_decisions_and_notices(
    chat: Chat,
) -> None:
    await a_sitting(chat)
    await chat.send("koordination", "!anwesenheit 1 stadt agentur")
    event = await chat.send("stadt1", "!protokoll 1 md")
    reply = chat.replies_to(event)[0]["body"].splitlines()
    assert reply[:2] == [
        "Ergebnisprotokoll „Koordinierungsrunde“ (#1) vom Di., 1. Dez. 2026 (Entwurf – die "
        "Sitzung ist noch nicht beendet). Datei: ergebnisprotokoll-1-2026-12-01.md",
        "Darin: 2 Beschlüsse, 1 offene Aufgabe.",
    ]
    anchor = re.fullmatch(
        r"Anker in der Beschlusskette: ([0-9a-f]{64})@(\d+) – prüfen mit "
        r"koopbot verify-log --expect \1@\2",
        reply[2],
    )
    assert anchor is not None
    assert anchor.group(1) == await entry_hash(chat, int(anchor.group(2)))
    assert reply[3] == "Ändert sich etwas, einfach !protokoll 1 erneut senden."
    content, data = last_file(chat)
    assert content["info"]["mimetype"] == "text/markdown"
    text = data.decode("utf-8")
    assert text.startswith("# Ergebnisprotokoll (ENTWURF): Koordinierungsrunde\n")
    assert "**Datum:** Di., 1. Dez. 2026, 11:00–12:30 Uhr" in text
    assert "**Ort:** Rathaus, Raum 3" in text
    assert "**Anwesend:** Landeshauptstadt Magdeburg, Agentur für Arbeit Magdeburg" in text
    assert "**Nicht anwesend:** Jobcenter Magdeburg" in text
    assert f"**Anker (Beschlusskette):** {anchor.group(1)}@{anchor.group(2)}" in text
    first = text.index("\n### TOP 1: Fachkräftebedarf Logistik (Agentur)\n")
    second = text.index("\n### TOP 2: Pflegeausbildung (Stadt)\n")
    decision = text.index("- #1 Qualifizierungsoffensive Logistik – beschlossen, gültig; "
                          "verantwortlich: Bernd Krüger; Frist: Sa., 5. Dez. 2026")  # fmt: skip
    assert first < decision < second
    assert "Kein Beschluss zu diesem Punkt." in text[second:]
    other = text.index("\n## Weitere Beschlüsse dieses Tages\n")
    assert text.index("Jobmesse im Frühjahr") > other
    assert "Neu seit Anlage des Termins (Di., 1. Dez. 2026)" in text
    assert (
        "Info #1 (Stadt, 1. Dez. 2026) – Thema: Ansiedlung: Neuansiedlung Logistikzentrum" in text
    )
    assert (
        "| #1 | Qualifizierungsoffensive Logistik | Bernd Krüger | 5. Dez. 2026 | offen |" in text
    )


async def test_minutes_after_the_meeting_are_final_and_mark_overdue_actions_in_the_pdf(
    chat: Chat,
) -> None:
    await a_sitting(chat)
    await chat.send("jobcenter1", "!anwesend 1")
    chat.clock.now = LATER
    await chat.send("koordination", "!termin neu 15.12.2026 10:00 Lenkungskreis")
    event = await chat.send("agentur1", "!minutes 1 on=01.12.2026")
    reply = chat.replies_to(event)[0]["body"]
    assert reply.splitlines()[:2] == [  # the room's language: German
        "Ergebnisprotokoll „Koordinierungsrunde“ (#1) vom Di., 1. Dez. 2026. Datei: "
        "ergebnisprotokoll-1-2026-12-01.pdf",
        "Darin: 2 Beschlüsse, 1 offene Aufgabe.",
    ]
    content, data = last_file(chat)
    assert content["msgtype"] == "m.file" and content["info"]["mimetype"] == "application/pdf"
    assert content["info"]["size"] == len(data) and data.startswith(b"%PDF")
    text, pages = pdf_text(data)
    assert pages >= 1
    flat = " ".join(text.split())
    assert "Ergebnisprotokoll: Koordinierungsrunde" in flat
    assert "ENTWURF" not in flat
    assert "Anwesend: Jobcenter Magdeburg" in flat
    assert "TOP 1: Fachkräftebedarf Logistik" in flat
    assert "Qualifizierungsoffensive Logistik" in flat
    assert "ÜBERFÄLLIG" in flat
    assert f"Seite 1 von {pages}" in flat
