"""``!termin``, ``!termine`` and ``!tagesordnung`` as chat transcripts (clock: Tue 1 Dec 2026, 10:00)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from storage.meetings import AgendaItem, Meeting, MeetingException
from tests.support.chat import Chat

SERIES = (
    '!termin neu 08.12.2026 10:00 Koordinierungsrunde ort="Rathaus, Raum 3" '
    'wiederholung="jeden zweiten Dienstag im Monat"'
)
USAGE_NEW = "Aufruf: !termin neu <datum> <zeit> <titel> [ort=…] [dauer=90] [wiederholung=…]"


async def count(chat: Chat, model: type) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_series_is_created_as_the_spec_shows(chat: Chat) -> None:
    event = await chat.send("koordination", SERIES)
    reply = chat.replies_to(event)[0]
    assert reply["body"].splitlines() == [
        "Termin #1 angelegt: Koordinierungsrunde",
        "Di., 8. Dez. 2026, 10:00–11:30 Uhr · Rathaus, Raum 3",
        "Serie: jeden zweiten Dienstag im Monat (danach 12. Jan., 9. Feb., 9. März 2027)",
        "Erinnerungen 7 Tage, 1 Tag und 1 Stunde vorher.",
        "Tagesordnung ergänzen: !tagesordnung 1 <punkt> · Kalenderdatei: !termin ics 1",
    ]
    async with chat.sessions() as session:
        meeting = await session.get(Meeting, 1)
    assert meeting is not None
    assert meeting.rule == "FREQ=MONTHLY;BYDAY=2TU" and meeting.tz == "Europe/Berlin"
    assert meeting.start == datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    assert meeting.room_id == "!kooperation:test"
    assert meeting.next_reminder_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # "1d"


@pytest.mark.parametrize(
    ("command", "first_line", "second_line"),
    [
        ("!termin neu 08.12. 10 Uhr Runde dauer=60", "Termin #1 angelegt: Runde",
         "Di., 8. Dez. 2026, 10:00–11:00 Uhr"),
        ("!termin neu 2026-12-08 10.30 Uhr Runde", "Termin #1 angelegt: Runde",
         "Di., 8. Dez. 2026, 10:30–12:00 Uhr"),
        ("!termin neu morgen 9:00 Runde ort=Jobcenter dauer=1h", "Termin #1 angelegt: Runde",
         "Mi., 2. Dez. 2026, 09:00–10:00 Uhr · Jobcenter"),
        ("!meeting new 8.12.2026 10:00 Round place=Rathaus repeat=weekly",
         "Termin #1 angelegt: Round", "Di., 8. Dez. 2026, 10:00–11:30 Uhr · Rathaus"),
    ],
)  # fmt: skip
async def test_dates_and_times_as_people_write_them(
    chat: Chat, command: str, first_line: str, second_line: str
) -> None:
    await chat.send("koordination", command)
    assert chat.last.splitlines()[:2] == [first_line, second_line]


async def test_only_coordinators_schedule(chat: Chat) -> None:
    await chat.send("stadt1", "!termin neu 08.12.2026 10:00 Koordinierungsrunde")
    assert chat.last == (
        "Nur die Koordination kann !termin neu verwenden. Ihre Rolle: Partner "
        "(Landeshauptstadt Magdeburg). !hilfe termin zeigt, was Sie tun können."
    )
    await chat.send("gast", "!termin neu 08.12.2026 10:00 Koordinierungsrunde")
    assert "Ihre Rolle: Gast" in chat.last
    assert await count(chat, Meeting) == 0


@pytest.mark.parametrize(
    ("command", "error"),
    [
        ("!termin neu 32.13.2026 10:00 Test",
         "„32.13.2026“ ist kein gültiges Datum – z. B. 08.12.2026 oder 2026-12-08."),
        ("!termin neu 08.12.2026 25:00 Test",
         "„25:00“ ist keine gültige Uhrzeit – z. B. 10:00 oder 10 Uhr."),
        ("!termin neu 08.12.2026 10:00", "Es fehlt die Angabe <titel>."),
        ("!termin neu 08.12.2026 10 Uhr", "Es fehlt die Angabe <titel>."),
        ("!termin neu 08.12.2026 10:00 Test dauer=lang",
         "„lang“ ist keine gültige Dauer – z. B. 90 (Minuten) oder 1h30m."),
        ("!termin neu 30.11.2026 10:00 Test",
         "Mo., 30. Nov. 2026, 10:00 Uhr liegt in der Vergangenheit – bitte einen Zeitpunkt in der Zukunft."),
        ("!termin neu 01.12.2026 09:00 Test",
         "Di., 1. Dez. 2026, 09:00 Uhr liegt in der Vergangenheit – bitte einen Zeitpunkt in der Zukunft."),
        ("!termin neu 28.03.2027 02:30 Test",
         "Am 28.03.2027 gibt es 02:30 Uhr wegen der Zeitumstellung nicht. Bitte eine andere Uhrzeit wählen."),
        ('!termin neu 08.12.2026 10:00 Test wiederholung="ab und zu"',
         "„ab und zu“ verstehe ich nicht als Wiederholung – z. B. „wöchentlich“, „alle zwei Wochen“, "
         "„jeden ersten Dienstag im Monat“, „monatlich am 15.“ oder eine RRULE wie FREQ=MONTHLY;BYDAY=1TU."),
        ("!termin neu 08.12.2026 10:00 Test wiederholung=FREQ=DAILY",
         "„FREQ=DAILY“ wiederholt sich zu oft: Serien gibt es wöchentlich, monatlich oder jährlich."),
        ('!termin neu 09.12.2026 10:00 Test wiederholung="jeden ersten Dienstag im Monat"',
         "Mi., 9. Dez. 2026 passt nicht zu „jeden ersten Dienstag im Monat“ – der nächste passende "
         "Tag wäre Di., 5. Jan. 2027."),
        ("!termin neu 08.12.2026 10:00 Test wiederholung=FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO",
         "„RRULE FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO“ ergibt ab Di., 8. Dez. 2026 keinen Termin."),
        ("!termin neu 08.12.2026 10:00 " + "x" * 201, "<titel> ist zu lang (höchstens 200 Zeichen)."),
    ],
)  # fmt: skip
async def test_bad_input_is_one_sentence_and_the_usage_and_nothing_is_stored(
    chat: Chat, command: str, error: str
) -> None:
    await chat.send("koordination", command)
    assert chat.last.splitlines() == [error, USAGE_NEW]
    assert await count(chat, Meeting) == 0


async def test_the_list_shows_the_next_date_of_each_meeting(chat: Chat) -> None:
    await chat.send("gast", "!termine")
    assert chat.last == (
        "Es sind keine Termine geplant. Die Koordination legt einen an: "
        "!termin neu <datum> <zeit> <titel>"
    )
    await chat.send("koordination", SERIES)
    await chat.send("koordination", "!termin neu 03.12.2026 14:00 Branchenrunde Logistik")
    chat.clock.advance(days=10)  # 11 Dec: the series is next on 12 Jan
    await chat.send("gast", "!meetings")
    assert chat.last.splitlines() == [
        "Nächste Termine",
        "• #1 Koordinierungsrunde – Di., 12. Jan. 2027, 10:00–11:30 Uhr · Rathaus, Raum 3 · "
        "jeden zweiten Dienstag im Monat",
        "!termin <id> zeigt einen Termin mit Tagesordnung.",
    ]


async def test_agenda_items_show_who_added_them_for_which_partner(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    assert chat.last.splitlines() == [
        "Punkt 1 für Termin #1 am Di., 8. Dez. 2026 notiert: Fachkräftebedarf Logistik (Agentur)",
        "!termin 1 zeigt die ganze Tagesordnung.",
    ]
    await chat.send("stadt1", "!agenda #1 Ansiedlung Sülzegrund")
    assert chat.last.startswith("Punkt 2 für Termin #1 am Di., 8. Dez. 2026 notiert:")
    await chat.send("koordination", "!tagesordnung 1 Termine 2027 am=12.01.2027")
    assert chat.last.startswith(
        "Punkt 1 für Termin #1 am Di., 12. Jan. 2027 notiert: Termine 2027 (Koordination)"
    )
    await chat.send("gast", "!termin 1")
    assert chat.last.splitlines() == [
        "Termin #1: Koordinierungsrunde",
        "Di., 8. Dez. 2026, 10:00–11:30 Uhr · Rathaus, Raum 3",
        "Serie: jeden zweiten Dienstag im Monat (danach 12. Jan., 9. Feb., 9. März 2027)",
        "Tagesordnung für 8. Dez. 2026:",
        "1. Fachkräftebedarf Logistik – Bernd Krüger (Agentur)",
        "2. Ansiedlung Sülzegrund – Anna Schulz (Stadt)",
        "Nächste Erinnerung: Mo., 7. Dez. 2026, 10:00 Uhr (1 Tag vorher)",
        "!tagesordnung 1 <punkt> ergänzt die Tagesordnung, !termin ics 1 lädt die Kalenderdatei.",
    ]
    assert "<ol><li>Fachkräftebedarf Logistik" in chat.last_html


async def test_agenda_refusals_and_mistakes_store_nothing(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("gast", "!tagesordnung 1 Kaffee")
    assert chat.last.startswith("Nur Partner und die Koordination können !tagesordnung verwenden.")
    await chat.send("stadt1", "!tagesordnung 1")
    assert chat.last.splitlines()[0] == "Es fehlt die Angabe <punkt>."
    await chat.send("stadt1", "!tagesordnung 7 Punkt")
    assert chat.last == "Termin #7 gibt es hier nicht. !termine zeigt die nächsten Termine."
    await chat.send("stadt1", "!tagesordnung eins Punkt")
    assert chat.last.splitlines()[0] == "„eins“ ist keine Nummer wie 12 oder #12."
    await chat.send("stadt1", "!tagesordnung 1 Punkt am=09.12.2026")
    assert (
        chat.last == "Termin #1 findet am Mi., 9. Dez. 2026 nicht statt. !termin 1 zeigt die Daten."
    )
    await chat.send("stadt1", "!tagesordnung 1 " + "x" * 501)
    assert chat.last.splitlines()[0] == "<punkt> ist zu lang (höchstens 500 Zeichen)."
    assert await count(chat, AgendaItem) == 0


async def test_cancel_one_date_then_the_whole_series(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    event = await chat.send("koordination", "!termin absagen 1")
    reply = chat.replies_to(event)[0]
    assert reply["body"].splitlines() == [
        "Termin #1 am Di., 8. Dez. 2026, 10:00 Uhr abgesagt: Koordinierungsrunde. "
        "Die Erinnerungen dafür entfallen.",
        "Die Serie geht weiter, nächster Termin: Di., 12. Jan. 2027, 10:00–11:30 Uhr.",
        "Zur Kenntnis: Anna Schulz (Stadt), Bernd Krüger (Agentur), Carla Vogt (Jobcenter)",
    ]
    assert set(reply["m.mentions"]["user_ids"]) == {
        "@stadt1:test",
        "@agentur1:test",
        "@jobcenter1:test",
    }
    async with chat.sessions() as session:
        meeting = await session.get(Meeting, 1)
    assert meeting is not None and meeting.next_reminder_at == datetime(2027, 1, 5, 9, tzinfo=UTC)
    await chat.send("koordination", "!termin absagen 1 am=09.02.2027")
    await chat.send("gast", "!termin 1")
    assert "Abgesagt: 8. Dez. 2026, 9. Feb. 2027" in chat.last.splitlines()
    await chat.send("koordination", "!termin absagen 1 serie")
    assert chat.last.startswith(
        "Serie #1 abgesagt: Koordinierungsrunde. Alle weiteren Termine und ihre Erinnerungen entfallen."
    )
    await chat.send("koordination", "!termin absagen 1")
    assert chat.last == "Termin #1 ist bereits abgesagt."
    await chat.send("gast", "!termin 1")
    assert chat.last.splitlines()[0] == "Termin #1: Koordinierungsrunde – abgesagt"
    async with chat.sessions() as session:
        meeting = await session.get(Meeting, 1)
    assert meeting is not None and meeting.cancelled and meeting.next_reminder_at is None


async def test_cancel_a_single_meeting_and_mistakes(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await chat.send("stadt1", "!termin absagen 1")
    assert chat.last.startswith("Nur die Koordination kann !termin absagen verwenden.")
    await chat.send("koordination", "!termin absagen 1 bitte")
    assert chat.last.splitlines() == [
        "„bitte“ verstehe ich nicht – hier ist nur „serie“ möglich.",
        "Aufruf: !termin absagen <id> [serie] [am=…]",
    ]
    await chat.send("koordination", "!termin absagen 1")
    assert chat.last.startswith("Termin #1 am Di., 8. Dez. 2026, 10:00 Uhr abgesagt: Runde.")
    await chat.send("gast", "!termine")
    assert chat.last.startswith("Es sind keine Termine geplant.")


async def test_move_one_date_of_a_series_and_a_single_meeting(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    await chat.send("koordination", "!termin verschieben 1 09.12.2026 14 Uhr")
    assert chat.last.splitlines()[:2] == [
        "Termin #1 verschoben: Koordinierungsrunde ist jetzt am Mi., 9. Dez. 2026, 14:00–15:30 Uhr "
        "· Rathaus, Raum 3 (statt Di., 8. Dez. 2026, 10:00 Uhr).",
        "Die Erinnerungen richten sich nach dem neuen Termin.",
    ]
    await chat.send("gast", "!termin 1")
    lines = chat.last.splitlines()
    assert lines[1] == (
        "Mi., 9. Dez. 2026, 14:00–15:30 Uhr · Rathaus, Raum 3 (verschoben vom Di., 8. Dez. 2026, 10:00 Uhr)"
    )
    assert "1. Fachkräftebedarf Logistik – Bernd Krüger (Agentur)" in lines  # the agenda went along
    # 7 days before the new date is still ahead, so that reminder comes first.
    assert "Nächste Erinnerung: Mi., 2. Dez. 2026, 14:00 Uhr (7 Tage vorher)" in lines
    await chat.send("koordination", "!termin neu 10.12.2026 10:00 Einzeltermin")
    await chat.send("stadt1", "!tagesordnung 2 Bericht")
    await chat.send("koordination", "!termin verschieben 2 11.12.2026 10:00")
    assert chat.last.startswith(
        "Termin #2 verschoben: Einzeltermin ist jetzt am Fr., 11. Dez. 2026"
    )
    await chat.send("gast", "!termin 2")
    assert "1. Bericht – Anna Schulz (Stadt)" in chat.last
    await chat.send("koordination", "!termin verschieben 2 30.11.2026 10:00")
    assert chat.last.startswith("Mo., 30. Nov. 2026, 10:00 Uhr liegt in der Vergangenheit")


async def test_move_the_whole_series(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    await chat.send("koordination", "!termin absagen 1 am=12.01.2027")
    await chat.send("koordination", "!termin verschieben 1 08.12.2026 14:00 serie")
    assert chat.last.splitlines()[:3] == [
        "Serie #1 verschoben: Koordinierungsrunde ab Di., 8. Dez. 2026, 14:00–15:30 Uhr · Rathaus, Raum 3.",
        "Serie: jeden zweiten Dienstag im Monat (danach 12. Jan., 9. Feb., 9. März 2027)",
        "Die Erinnerungen richten sich nach dem neuen Termin.",
    ]
    assert await count(chat, MeetingException) == 0  # the re-planned series starts afresh
    await chat.send("gast", "!termin 1")
    assert "1. Fachkräftebedarf Logistik – Bernd Krüger (Agentur)" in chat.last
    await chat.send("koordination", "!termin verschieben 1 09.12.2026 14:00 serie")
    assert chat.last.startswith(
        "Mi., 9. Dez. 2026 passt nicht zu „jeden zweiten Dienstag im Monat“"
    )


async def test_a_holiday_is_flagged_with_how_to_move_it(chat: Chat) -> None:
    await chat.send(
        "koordination", '!termin neu 05.01.2027 10:00 Runde wiederholung="jeden Mittwoch" '
    )
    assert "Di., 5. Jan. 2027 passt nicht zu „jeden Mittwoch“" in chat.last
    await chat.send("koordination", "!termin neu 30.12.2026 10:00 Runde wiederholung=wöchentlich")
    assert (
        "⚠ Mi., 6. Jan. 2027 ist ein Feiertag in Sachsen-Anhalt (Heilige Drei Könige). "
        "Verschieben: !termin verschieben 1 <datum> <zeit> am=06.01.2027"
    ) in chat.last.splitlines()
    await chat.send("koordination", "!termin verschieben 1 07.01.2027 10:00 am=06.01.2027")
    assert chat.last.startswith("Termin #1 verschoben: Runde ist jetzt am Do., 7. Jan. 2027")


async def test_ics_file_parses_back_with_series_cancellation_and_move(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    await chat.send("koordination", "!termin absagen 1 am=12.01.2027")
    await chat.send("koordination", "!termin verschieben 1 10.02.2027 14:00 am=09.02.2027")
    event = await chat.send("stadt1", "!termin ics 1")
    assert chat.replies_to(event)[0]["body"] == (
        "Kalenderdatei für Termin #1 (Koordinierungsrunde): termin-1.ics – in Outlook oder "
        "Thunderbird öffnen, um den Termin zu übernehmen."
    )
    file = chat.sent[-1]["content"]
    assert file["msgtype"] == "m.file" and file["body"] == "termin-1.ics"
    assert file["info"]["mimetype"] == "text/calendar"
    calendar = Calendar.from_ical(chat.homeserver.uploads[file["url"]])
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"]
    assert {str(part["TZNAME"]) for part in zones[0].subcomponents} == {"CET", "CEST"}
    master, moved = calendar.walk("VEVENT")
    berlin = "Europe/Berlin"
    assert str(master["SUMMARY"]) == "Koordinierungsrunde"
    assert str(master["LOCATION"]) == "Rathaus, Raum 3"
    assert master["DTSTART"].dt == datetime(2026, 12, 8, 9, tzinfo=UTC)
    assert master["DTSTART"].params["TZID"] == berlin
    assert master["DTEND"].dt == datetime(2026, 12, 8, 10, 30, tzinfo=UTC)
    assert master["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=2TU"
    assert [d.dt for d in master["EXDATE"].dts] == [datetime(2027, 1, 12, 9, tzinfo=UTC)]
    assert "1. Fachkräftebedarf Logistik" in str(master["DESCRIPTION"])
    assert master["SEQUENCE"] == 2
    assert moved["UID"] == master["UID"]
    assert moved["RECURRENCE-ID"].dt == datetime(2027, 2, 9, 9, tzinfo=UTC)
    assert moved["DTSTART"].dt == datetime(2027, 2, 10, 13, tzinfo=UTC)
    # The expansion a calendar client would do agrees with the bot's.
    from dateutil.rrule import rrulestr

    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=master["DTSTART"].dt)
    assert [d.strftime("%d.%m. %H:%M") for d in rule[:4]] == [
        "08.12. 10:00", "12.01. 10:00", "09.02. 10:00", "09.03. 10:00",
    ]  # fmt: skip


async def test_ics_of_a_single_meeting_has_no_rule(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 <b>Runde</b> dauer=30")
    await chat.send("gast", "!meeting ics 1")
    calendar = Calendar.from_ical(chat.homeserver.uploads[chat.sent[-1]["content"]["url"]])
    (event,) = calendar.walk("VEVENT")
    assert "RRULE" not in event and "LOCATION" not in event
    assert str(event["SUMMARY"]) == "<b>Runde</b>"
    assert event["DTEND"].dt - event["DTSTART"].dt == __import__("datetime").timedelta(minutes=30)


async def test_status_names_the_next_reminders(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("koordination", "!termin neu 20.12.2026 10:00 Branchenrunde")
    await chat.send("gast", "!status")
    lines = chat.last.splitlines()
    start = lines.index("Nächste Erinnerungen:")
    assert lines[start + 1 : start + 4] == [
        "• Mo., 7. Dez. 2026, 10:00 Uhr: #1 Koordinierungsrunde (1 Tag vorher)",
        "• Di., 8. Dez. 2026, 09:00 Uhr: #1 Koordinierungsrunde (1 Stunde vorher)",
        "• So., 13. Dez. 2026, 10:00 Uhr: #2 Branchenrunde (7 Tage vorher)",
    ]


async def test_help_shows_every_meeting_command(chat: Chat) -> None:
    await chat.send("gast", "!hilfe termin")
    body = chat.last
    for usage in (
        "!termin <id>",
        "!termin neu <datum> <zeit> <titel> [ort=…] [dauer=90] [wiederholung=…]",
        "!termin absagen <id> [serie] [am=…]",
        "!termin verschieben <id> <datum> <zeit> [serie] [am=…]",
        "!termin ics <id>",
    ):
        assert usage in body
    await chat.send("gast", "!hilfe tagesordnung")
    assert "!tagesordnung <id> <punkt> [am=…]" in chat.last


async def test_user_text_is_escaped_in_html(chat: Chat) -> None:
    await chat.send("koordination", '!termin neu 08.12.2026 10:00 <img src=x> ort="<b>Ort</b>"')
    await chat.send("stadt1", "!tagesordnung 1 <script>alert(1)</script>")
    await chat.send("gast", "!termin 1")
    html = chat.last_html
    assert "<img" not in html and "<script>" not in html and "<b>Ort" not in html
    assert "&lt;script&gt;" in html


ROLES = {"gast": "guest", "stadt1": "member", "koordination": "coordinator"}
COMMANDS = [
    ("!termine", {"guest", "member", "coordinator"}),
    ("!termin 1", {"guest", "member", "coordinator"}),
    ("!termin ics 1", {"guest", "member", "coordinator"}),
    ("!tagesordnung 1 Punkt", {"member", "coordinator"}),
    ("!termin neu 09.12.2026 10:00 Neu", {"coordinator"}),
    ("!termin verschieben 1 10.12.2026 10:00", {"coordinator"}),
    ("!termin absagen 1", {"coordinator"}),
]


@pytest.mark.parametrize(("command", "allowed"), COMMANDS)
@pytest.mark.parametrize("user", list(ROLES))
async def test_every_command_for_every_role(
    chat: Chat, command: str, allowed: set[str], user: str
) -> None:
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await chat.send(user, command)
    refused = chat.last.startswith("Nur ")
    assert refused == (ROLES[user] not in allowed), chat.last


async def test_moving_a_series_keeps_each_agenda_with_its_date_in_order(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde wiederholung=wöchentlich")
    await chat.send("stadt1", "!tagesordnung 1 Erster Punkt")
    await chat.send("stadt1", "!tagesordnung 1 Zweiter Punkt am=15.12.2026")
    # The series now starts a week later: the first date's agenda goes to the new first date.
    await chat.send("koordination", "!termin verschieben 1 15.12.2026 10:00 serie")
    async with chat.sessions() as session:
        rows = await session.scalars(select(AgendaItem).order_by(AgendaItem.id))
        places = [(item.text, item.occurrence) for item in rows]
    assert places == [
        ("Erster Punkt", datetime(2026, 12, 15, 9, tzinfo=UTC)),
        ("Zweiter Punkt", datetime(2026, 12, 22, 9, tzinfo=UTC)),
    ]
