"""A newcomer's first hour: the rough edges met when trying the bot out, one transcript each
(clock: Tue 1 Dec 2026, 10:00 in Magdeburg)."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from commands.core.context import Runtime
from storage.decisions.models import DecisionEntry
from storage.engine import session_factory
from tests.support.chat import ROOM, Chat, FakeClock, make_settings


@pytest.fixture
async def english_chat(sqlite_engine: AsyncEngine, clock: FakeClock) -> Chat:
    return Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)


def last_upload(chat: Chat) -> bytes:
    return list(chat.homeserver.uploads.values())[-1]


async def decisions(chat: Chat) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(DecisionEntry)) or 0)


async def test_a_family_alone_lists_its_subcommands(chat: Chat) -> None:
    await chat.send("koordination", "!runde")
    lines = chat.last.splitlines()
    assert lines[0] == "Bei !runde fehlt, was geschehen soll. Möglich sind:"
    assert any("!runde start" in line for line in lines[1:])
    assert any("!runde schließen" in line for line in lines[1:])
    await chat.send("koordination", "!runde anfangen")
    assert chat.last.startswith("„anfangen“ passt nicht zu !runde. Möglich sind:")
    assert "!runde start" in chat.last


async def test_amend_without_arguments_asks_for_the_id_first(chat: Chat) -> None:
    await chat.send("koordination", "!beschluss ändern")
    assert chat.last.splitlines()[0] == "Es fehlt die Angabe <id>."


async def test_umlaut_free_spellings_work_and_suggestions_never_write(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss Gemeinsame Jobmesse im Frühjahr")
    await chat.send("agentur1", "!beschluesse")
    assert "Gemeinsame Jobmesse" in chat.last
    await chat.send("koordination", "!beschluss aendern 1 Gemeinsame Jobmesse im Sommer")
    assert "Jobmesse im Sommer" in chat.last
    await chat.send("koordination", "!runde schliessen")
    assert "passt nicht" not in chat.last
    # A typo of the reading command points to it, never to !beschluss (which records).
    before = await decisions(chat)
    await chat.send("agentur1", "!beschlüse")
    assert "Meinten Sie !beschlüsse?" in chat.last
    assert await decisions(chat) == before


async def test_yesterday_is_named_as_past(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu gestern 10:00 Runde")
    assert chat.last.splitlines()[0] == (
        "„gestern“ liegt in der Vergangenheit – bitte einen Tag ab heute angeben, "
        "z. B. heute, morgen oder 08.12.2026."
    )
    await chat.send("koordination", "!termin neu übermorgen 10:00 Runde")
    assert chat.last.startswith("Termin #1 angelegt: Runde")


async def test_trend_words_are_understood_or_listed(chat: Chat) -> None:
    await chat.send("stadt1", "!branche melden C schrumpfend weniger Aufträge")
    assert "↓ rückläufig" in chat.last
    await chat.send("agentur1", "!branche melden H steigend mehr Lager")
    assert "↑ wachsend" in chat.last
    await chat.send("jobcenter1", '!branche melden G "leicht rückläufig" Handel schwächelt')
    assert "↓ rückläufig" in chat.last
    await chat.send("jobcenter1", "!branche melden F wachsend stark Bau zieht an")
    assert "↑ wachsend" in chat.last
    await chat.send("stadt1", "!branche melden F stark wachsend Bau zieht an")
    assert chat.last.splitlines()[0].startswith(
        "„stark“ ist kein Trend – bitte das Trendwort zuerst, z. B. „wachsend stark …“"
    )
    await chat.send("stadt1", "!branche melden F aufblühend Bau zieht an")
    assert "Möglich: wachsend, steigend, zunehmend (↑)" in chat.last


async def test_a_new_meeting_promises_only_reminders_ahead(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu morgen 10:00 Runde")
    assert "Erinnerungen 1 Stunde vorher." in chat.last.splitlines()
    await chat.send("koordination", "!termin neu heute 10:30 Kurzfristig")
    assert "Für diesen Termin ist keine Erinnerung mehr fällig – er ist zu bald." in chat.last
    await chat.send("koordination", "!termin neu 15.12.2026 10:00 Später")
    assert "Erinnerungen 7 Tage, 1 Tag und 1 Stunde vorher." in chat.last.splitlines()


async def test_exports_name_their_own_formats(chat: Chat) -> None:
    await chat.send("stadt1", "!export")
    lines = chat.last.splitlines()
    sectors = next(line for line in lines if "!export branchen" in line)
    assert sectors.endswith("Formate: csv, md, json, pdf; ohne Angabe csv")
    decided = next(line for line in lines if "!export beschlüsse" in line)
    assert decided.endswith("ohne Angabe pdf")
    await chat.send("stadt1", "!pm entwurf Ausbildungstag\nText des Entwurfs")
    await chat.send("stadt1", "!pm export 1 docx")
    assert chat.last.splitlines()[0] == "„docx“ ist für <format> nicht gültig. Möglich: md, txt."


async def test_help_on_data_protection(chat: Chat) -> None:
    await chat.send("gast", "!hilfe datenschutz")
    assert chat.last.startswith("Datenschutz: Dieser Raum ist für zusammengefasste Aussagen")
    assert "Kundennummer" in chat.last


async def test_revise_has_one_form_in_usage_help_and_use(chat: Chat) -> None:
    await chat.send("stadt1", "!hilfe pm")
    revise = next(line for line in chat.last.splitlines() if "!pm überarbeiten" in line)
    assert revise.startswith("• !pm überarbeiten <id> <text> [titel=…] – legt eine neue Version")
    assert "er beginnt nach der Nummer oder in der nächsten Zeile" in revise
    await chat.send("stadt1", "!pm entwurf Ausbildungstag\nErster Text")
    await chat.send("stadt1", "!pm überarbeiten 1 Zweiter Text, gleich nach der Nummer")
    assert "Version 2" in chat.last
    await chat.send("stadt1", "!pm überarbeiten 1\nDritter Text, in der nächsten Zeile")
    assert "Version 3" in chat.last


async def test_english_usages_and_dates(english_chat: Chat) -> None:
    await english_chat.send("koordination", "!help meeting")
    assert "!meeting new <date> <time> <title>" in english_chat.last
    await english_chat.send("koordination", "!meeting new 08.12.2026 10:00 Round")
    assert "Tue, 8 Dec 2026, 10:00–11:30" in english_chat.last
    assert "Uhr" not in english_chat.last and "Dez." not in english_chat.last


async def test_the_protocol_names_the_room_and_local_time(chat: Chat) -> None:
    chat.dispatcher.runtime = Runtime(
        version="test",
        started_at=chat.clock(),
        backend="SQLite",
        room_name=lambda room_id: "Kooperation Magdeburg" if room_id == ROOM else None,
    )
    await chat.send("stadt1", "!beschluss Gemeinsame Jobmesse im Frühjahr")
    await chat.send("koordination", "!export beschlüsse md")
    text = last_upload(chat).decode("utf-8")
    assert f"Kooperation Magdeburg ({ROOM})" in text
    assert "1. Dezember 2026, 10:00 Uhr" in text
    assert "T09:00:00" not in text.split("Prüfvermerk")[1].split("Prüfliste")[0]


async def test_the_sector_csv_writes_the_horizon_in_months(chat: Chat) -> None:
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an horizont=12m")
    await chat.send("koordination", "!export branchen csv")
    rows = list(csv.reader(io.StringIO(last_upload(chat).decode("utf-8-sig")), delimiter=";"))
    assert "12 Monate" in rows[1] and "12m" not in rows[1]


async def test_the_sector_legend_explains_the_dash(chat: Chat) -> None:
    await chat.send("koordination", "!runde start übermorgen")
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an")
    await chat.send("agentur1", "!branche melden H stabil Lager voll")
    await chat.send("koordination", "!branchen")
    assert "– zu dieser Branche nichts gemeldet" in chat.last
