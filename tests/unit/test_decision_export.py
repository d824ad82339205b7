"""The Beschlussprotokoll in every format: what spreadsheets, parsers and readers get."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.protocol import Protocol, decision_protocol
from commands.export.csv_format import line
from commands.export.formats import FORMATS, render
from commands.export.md_format import escape
from commands.export.pdf_format import build_pdf, collect, find_dejavu
from storage.decisions.chain import HASHED_FIELDS
from storage.engine import session_factory
from tests.support.chat import ROOM, Chat, make_settings
from tests.support.decisions import add_entries

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "example.toml"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


async def protocol_of(
    session: AsyncSession,
    *,
    start: date | None = None,
    end: date | None = None,
    language: str = "de",
) -> Protocol:
    settings = make_settings(language=language)
    return await decision_protocol(
        session,
        settings,
        Catalogue(settings.language),
        DateFormatter(settings.language, settings.zone),
        room_id=ROOM,
        start=start,
        end=end,
        now=NOW,
        exported_by="@koordination:test",
    )


async def exported(engine: AsyncEngine, fmt: str, **kwargs: Any) -> bytes:
    async with session_factory(engine)() as session:
        protocol = await protocol_of(session, **kwargs)
        return await render(protocol.sheet, FORMATS[fmt])


async def log(chat: Chat) -> None:
    """A small log with every kind of entry, umlauts, line breaks and a formula-like text."""
    await chat.send("koordination", "!termin neu 01.12.2026 11:00 Koordinierungsrunde")
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    chat.clock.now = datetime(2026, 12, 1, 11, 30, tzinfo=UTC)
    await chat.send(
        "stadt1",
        "!beschluss verantwortlich=@agentur1:test frist=31.03.2027 top=1 "
        'dissens="Jobcenter | prüft Förderung"\n'
        "Qualifizierungsoffensive Logistik – „Lager & Transport“\n"
        "Die Partner schaffen 120 Plätze.\nDie Agentur wählt aus.",
    )
    await chat.send("jobcenter1", "!beschluss =SUMME(A1:A9) Pflegekräfte ergebnis=vertagt")
    await chat.send(
        "koordination", "!beschluss ändern 1 Qualifizierungsoffensive Logistik und Lager"
    )
    await chat.send("koordination", "!beschluss erledigt 3 Auftakt durchgeführt")
    await chat.send("koordination", "!beschluss aufheben 2 Hat sich überholt")


async def test_csv_opens_in_german_excel_and_libreoffice(
    chat: Chat, sqlite_engine: AsyncEngine
) -> None:
    await log(chat)
    data = await exported(sqlite_engine, "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8, umlauts survive
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and text.count("\r\n") >= 6  # CRLF line ends (plus line breaks in cells)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, *body = rows
    assert header[:8] == [
        "Nr.", "Raum", "Art", "Beschlossen am", "Sitzung", "TOP", "Betreff", "Wortlaut"
    ]  # fmt: skip
    assert len(header) == 19 and all(len(row) == 19 for row in body)
    assert [row[0] for row in body] == ["1", "2", "3", "4", "5"]
    first = dict(zip(header, body[0], strict=True))
    assert first["Betreff"] == "Qualifizierungsoffensive Logistik – „Lager & Transport“"
    assert first["Wortlaut"] == "Die Partner schaffen 120 Plätze.\nDie Agentur wählt aus."
    assert first["Beschlossen am"] == "01.12.2026" and first["Frist"] == "31.03.2027"
    assert first["Sitzung"] == "Koordinierungsrunde (#1), 01.12.2026"
    assert first["TOP"] == "1. Fachkräftebedarf Logistik"
    assert first["Status"] == "ersetzt durch #3"
    assert first["Verantwortlich"] == "Bernd Krüger (@agentur1:test)"
    assert first["Abweichende Meinung"] == "Jobcenter | prüft Förderung"
    assert first["Erfasst am"] == "01.12.2026 12:30"  # local time
    assert first["Zustimmung"] == (
        "Stadt: zugestimmt – Anna Schulz, 01.12.2026 12:30; Agentur: Zustimmung steht aus; "
        "Jobcenter: Zustimmung steht aus"
    )
    second = dict(zip(header, body[1], strict=True))
    assert second["Betreff"] == "'=SUMME(A1:A9) Pflegekräfte"  # never run as a formula
    assert (second["Ergebnis"], second["Status"]) == ("vertagt", "aufgehoben")
    assert [row[2] for row in body[2:]] == [
        "Änderung von #1",
        "Erledigung von #3",
        "Aufhebung von #2",
    ]
    # every field is quoted (spreadsheets still read numbers and dates as such)
    assert text.splitlines()[1].startswith('"1";"!kooperation:test";"Beschluss";"01.12.2026";')


def test_formula_defusing_leaves_ordinary_text_alone() -> None:
    cells = ("=1+1", "+49 391", "-5", "@a:b", 'Sagt "ja"', "Plätze", "", 7, "-2")
    record = line(cells, check=range(8))
    assert record == '"\'=1+1";"\'+49 391";"\'-5";"\'@a:b";"Sagt ""ja""";"Plätze";"";"7";"-2"'
    (parsed,) = csv.reader([record], delimiter=";")
    assert parsed == ["'=1+1", "'+49 391", "'-5", "'@a:b", 'Sagt "ja"', "Plätze", "", "7", "-2"]
    assert line(["a\x00b", "c"]) == '"ab";"c"'  # the internal separator cannot leak


async def test_json_follows_the_documented_schema_and_hashes_recompute(
    chat: Chat, sqlite_engine: AsyncEngine
) -> None:
    await log(chat)
    document = json.loads(await exported(sqlite_engine, "json"))
    schema = json.loads((DOCS / "export-schema.json").read_text())
    jsonschema.validate(document, schema)
    entries, manifest = document["entries"], document["manifest"]
    assert document["meta"]["partners"][1] == {
        "id": "agentur",
        "name": "Agentur für Arbeit Magdeburg",
    }
    assert [e["id"] for e in entries] == [1, 2, 3, 4, 5]
    assert [e["status"] for e in entries] == ["superseded", "revoked", "done", "none", "none"]
    assert entries[0]["successor_id"] == 3 and entries[0]["meeting_title"] == "Koordinierungsrunde"
    assert manifest["entries"] == 5 and (manifest["first_id"], manifest["last_id"]) == (1, 5)
    assert manifest["final_hash"] == entries[-1]["hash"] == manifest["chain_head"]
    assert manifest["checks"] == [
        {"id": e["id"], "hash": e["hash"], "source_event_id": e["source_event_id"]} for e in entries
    ]
    assert all(e["source_event_id"].startswith("$cmd") for e in entries)
    previous = "0" * 64
    for entry in entries:  # anyone can check the file without the database
        content = {key: entry[key] for key in document["meta"]["hash"]["fields"]}
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert hashlib.sha256(canonical.encode()).hexdigest() == entry["hash"]
        assert entry["prev_hash"] == previous
        previous = entry["hash"]
    assert document["meta"]["hash"]["fields"] == [*HASHED_FIELDS, "prev_hash"]


async def test_markdown_reads_as_a_protocol_and_escapes_user_text(
    chat: Chat, sqlite_engine: AsyncEngine
) -> None:
    await log(chat)
    text = (await exported(sqlite_engine, "md")).decode()
    assert text.startswith("# Beschlussprotokoll\n\n")
    assert (
        "**Partner:** Landeshauptstadt Magdeburg · Agentur für Arbeit Magdeburg · "
        "Jobcenter Magdeburg  \n"
    ) in text
    assert "**Zeitraum:** alle Beschlüsse  \n" in text
    assert (
        "| Nr. | Datum · Sitzung | Beschluss | Ergebnis | Status | Verantwortlich | Frist |" in text
    )
    assert (
        "| 3 | 01.12.2026<br>Koordinierungsrunde (#1)<br>TOP 1. Fachkräftebedarf Logistik |" in text
    )
    assert "Jobcenter \\| prüft Förderung" in text  # a pipe cannot break the table
    assert (
        "\n## Wortlaute\n" in text and "\n## Prüfvermerk\n" in text and "\n### Prüfliste\n" in text
    )
    entries = json.loads(await exported(sqlite_engine, "json"))["entries"]
    assert f"- Hash des letzten Eintrags: {entries[-1]['hash']}\n" in text
    assert f"| 5 | {entries[-1]['hash']} | {escape(entries[-1]['source_event_id'])} |" in text


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def test_the_pdf_is_a_beschlussprotokoll(chat: Chat, sqlite_engine: AsyncEngine) -> None:
    await log(chat)
    data = await exported(sqlite_engine, "pdf", start=date(2026, 11, 1), end=date(2026, 12, 31))
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (
        "Beschlussprotokoll",
        "Landeshauptstadt Magdeburg · Agentur für Arbeit Magdeburg · Jobcenter Magdeburg",
        "Zeitraum: So., 1. Nov. 2026 bis Do., 31. Dez. 2026",
        "Qualifizierungsoffensive Logistik und Lager",
        "ersetzt durch #3",
        "aufgehoben",
        "erledigt",
        "Bernd Krüger",
        "31.03.2027",
        "Seite 1 von",
        "Prüfvermerk",
        "Prüfliste",
    ):
        assert expected in text, expected
    final = json.loads(await exported(sqlite_engine, "json"))["manifest"]["final_hash"]
    assert final in text.replace("\n", "")


async def test_the_pdf_without_a_unicode_font_still_has_the_umlauts(
    chat: Chat, sqlite_engine: AsyncEngine
) -> None:
    await log(chat)
    async with session_factory(sqlite_engine)() as session:
        protocol = await protocol_of(session)
        collected = await collect(protocol.sheet)
    text = pdf_text(build_pdf(protocol.sheet, collected, None))  # the core fonts, Latin-1
    assert "Beschlussprotokoll" in text and "Agentur für Arbeit Magdeburg" in text
    assert "Fachkräftebedarf" in text and "Prüfliste" in text
    assert '"Lager & Transport"' in text  # typographic quotes in their plain form
    assert find_dejavu() is None or "„Lager & Transport“" in pdf_text(
        build_pdf(protocol.sheet, collected, find_dejavu())
    )


async def test_a_period_selects_by_decision_date(sqlite_engine: AsyncEngine) -> None:
    await add_entries(sqlite_engine, 3)
    await add_entries(sqlite_engine, 2, decided_on=date(2026, 11, 5))
    async with session_factory(sqlite_engine)() as session:
        protocol = await protocol_of(session, start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert protocol.count == 2
    document = json.loads(
        await exported(sqlite_engine, "json", start=date(2026, 11, 1), end=date(2026, 11, 30))
    )
    assert [e["id"] for e in document["entries"]] == [4, 5]
    assert document["meta"]["period"] == {"from": "2026-11-01", "to": "2026-11-30"}
    assert document["manifest"]["chain_length"] == 5  # the file names the whole chain's state


async def test_english_headers_and_iso_dates(sqlite_engine: AsyncEngine) -> None:
    await add_entries(sqlite_engine, 1)
    text = (await exported(sqlite_engine, "csv", language="en")).decode("utf-8-sig")
    header, first = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert header[:4] == ["No.", "Room", "Kind", "Decided on"]
    assert first[3] == "2026-12-01" and first[13] == "2027-03-31"


class _Recorder(io.BytesIO):
    writes = 0

    def write(self, data: Any) -> int:
        self.writes += 1
        return super().write(data)


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
async def test_long_exports_are_written_piece_by_piece(
    sqlite_engine: AsyncEngine, fmt: str
) -> None:
    await add_entries(sqlite_engine, 1200)
    out = _Recorder()
    async with session_factory(sqlite_engine)() as session:
        protocol = await protocol_of(session)
        await FORMATS[fmt].write(protocol.sheet, out)
    assert out.writes >= 3  # streamed in chunks, never one buffer for everything
    assert protocol.tally.count == 1200 and protocol.tally.last_id == 1200


async def test_koopbot_export_decisions_from_the_shell(
    sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    await add_entries(sqlite_engine, 2)
    await add_entries(sqlite_engine, 1, decided_on=date(2026, 10, 1))
    config = tmp_path / "koopbot.toml"
    url = sqlite_engine.url.render_as_string()
    config.write_text(EXAMPLE.read_text().replace("sqlite+aiosqlite:///koopbot.db", url))
    out = tmp_path / "protokoll.json"
    command = [
        sys.executable, "-m", "bot", "export", "decisions", "--format", "json", "--out", str(out),
        "--from", "01.11.2026", "--to", "2026-12-31", "--config", str(config),
    ]  # fmt: skip
    result = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text())
    assert [e["id"] for e in document["entries"]] == [1, 2]
    assert document["meta"]["room_id"] is None and document["meta"]["exported_by"] is None
    assert result.stdout.strip() == (
        f"2 Einträge nach {out} geschrieben (json), Hash des letzten Eintrags #2: "
        f"{document['manifest']['final_hash']}. Anker zum Aufbewahren: "
        f"{document['manifest']['final_hash']}@2 (koopbot verify-log --expect "
        f"{document['manifest']['final_hash']}@2)."
    )
    assert not out.with_name("protokoll.json.part").exists()
    bad = await asyncio.to_thread(
        subprocess.run,
        [*command[:-4], "--from", "32.1.", *command[-2:]],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert "„32.1.“ ist kein gültiges Datum" in bad.stderr
