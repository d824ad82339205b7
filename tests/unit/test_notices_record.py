"""Notices in the record: ``!export infos`` and "since the last meeting" in the reminder."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

from bot.scheduler import Waker
from commands.meetings.reminders import MeetingReminders, agenda_part
from commands.notices.handlers import notices_part
from tests.support.chat import Chat


def exported(chat: Chat) -> bytes:
    """The bytes of the file the bot uploaded last."""
    url = chat.sent[-1]["content"]["url"]
    return chat.homeserver.uploads[url]


def csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


async def test_a_coordinator_exports_the_notices_as_csv_with_formulas_defused(chat: Chat) -> None:
    await chat.send("stadt1", "!info Neuansiedlung Logistikzentrum thema=Ansiedlung betrifft=H")
    await chat.send("agentur1", '!info =HYPERLINK("http://x") Werk schließt thema=@Schließung')
    chat.clock.advance(days=40)
    await chat.send("jobcenter1", "!info Neues Programm Pflegehilfe")
    await chat.send("koordination", "!export infos csv")
    notice = chat.sent[-2]["content"]["body"]
    assert notice == (
        "Infos als CSV hochgeladen: infos-2027-01-10.csv – Einträge: 3, "
        "Stand So., 10. Jan. 2027, 10:00 Uhr."
    )
    assert chat.sent[-1]["content"]["body"] == "infos-2027-01-10.csv"
    rows = csv_rows(exported(chat))
    assert rows[0] == [
        "Nr.",
        "Gespeichert",
        "Partner",
        "Thema",
        "Betrifft",
        "Text",
        "Quelle (Matrix-Ereignis)",
    ]
    assert rows[1][:6] == [
        "1",
        "01.12.2026 10:00",
        "Landeshauptstadt Magdeburg",
        "Ansiedlung",
        "H Verkehr und Lagerei",
        "Neuansiedlung Logistikzentrum",
    ]
    assert rows[2][3] == "'@Schließung"
    assert rows[2][5] == '\'=HYPERLINK("http://x") Werk schließt'
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]


async def test_the_period_limits_the_export_and_an_empty_one_says_so(chat: Chat) -> None:
    await chat.send("stadt1", "!info Alte Meldung zur Logistik")
    chat.clock.advance(days=40)
    await chat.send("stadt1", "!info Neue Meldung zur Pflege")
    await chat.send("koordination", "!export infos md von=01.01.2027")
    data = exported(chat).decode()
    assert "Neue Meldung zur Pflege" in data and "Alte Meldung" not in data
    assert "ab Fr., 1. Jan. 2027" in data
    await chat.send("koordination", "!export infos csv bis=30.11.2026")
    assert chat.last == (
        "Im gewählten Zeitraum gibt es keine Infos – es wurde keine Datei erstellt. "
        "Alle Infos: !export infos"
    )
    await chat.send("koordination", "!export infos csv von=10.01.2027 bis=01.01.2027")
    assert chat.last.startswith("Der Zeitraum beginnt (10.01.2027) nach seinem Ende")


async def test_the_notice_export_is_for_coordinators_and_speaks_english(chat: Chat) -> None:
    await chat.send("stadt1", "!info Neuansiedlung Logistikzentrum")
    await chat.send("stadt1", "!export infos")
    assert "Koordination" in chat.last
    await chat.send("koordination", "!export notices json")
    assert chat.sent[-1]["content"]["body"] == "infos-2026-12-01.json"
    assert b'"text": "Neuansiedlung Logistikzentrum"' in exported(chat)


def reminders_with_notices(chat: Chat) -> Waker:
    source = MeetingReminders(chat.settings, [agenda_part, notices_part])
    return Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)


async def reminders_until(chat: Chat, waker: Waker, end: datetime) -> list[dict[str, Any]]:
    """Every post the waker makes up to ``end``, moving the clock from wake-up to wake-up."""
    posted: list[dict[str, Any]] = []
    await waker.wake()
    while waker.next_wake is not None and waker.next_wake <= end:
        chat.clock.now = waker.next_wake
        before = len(chat.sent)
        await waker.wake()
        await chat.outbox.drain()
        posted += [m["content"] for m in chat.sent[before:]]
    return posted


async def test_notices_since_the_last_meeting_count_from_any_meeting_of_the_room(
    chat: Chat,
) -> None:
    waker = reminders_with_notices(chat)
    await chat.send(
        "koordination",
        "!termin neu 08.12.2026 10:00 Koordinierungsrunde "
        'wiederholung="jeden zweiten Dienstag im Monat"',
    )
    await chat.send("koordination", "!termin neu 17.12.2026 10:00 Sondersitzung Pflege")
    await chat.send("stadt1", "!info Vor der Runde: Neuansiedlung Logistikzentrum")  # #1
    chat.clock.now = datetime(2026, 12, 9, 9, tzinfo=UTC)  # after the series' meeting
    await chat.send("agentur1", "!info Nach der Runde: Schließung Werk Süd")  # #2
    posted = await reminders_until(chat, waker, datetime(2026, 12, 17, 8, tzinfo=UTC))
    special = [p["body"] for p in posted if "Sondersitzung" in p["body"].splitlines()[0]]
    assert special and all("Neu seit der letzten Sitzung: Info #2" in b for b in special)
    assert not any("#1" in b for b in special)  # the series met on 8 December

    chat.clock.now = datetime(2026, 12, 18, 9, tzinfo=UTC)  # after the one-off meeting
    await chat.send("jobcenter1", "!info Nach der Sondersitzung: Programm Pflegehilfe")  # #3
    posted = await reminders_until(chat, waker, datetime(2027, 1, 12, 8, tzinfo=UTC))
    series = [p["body"] for p in posted if "Koordinierungsrunde" in p["body"].splitlines()[0]]
    assert series and all("Neu seit der letzten Sitzung: Info #3" in b for b in series)
    assert not any("#2" in b for b in series)  # counted from the one-off meeting
