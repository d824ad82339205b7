"""The report to the city council (``!bericht``) checked against the data it was made from:
the CSV row by row, the PDF by its text, pages and pictures; ``koopbot report`` offline."""

from __future__ import annotations

import asyncio
import csv
import io
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.support.chat import Chat
from tests.unit.test_minutes_transcript import last_file, pdf_text

LATER = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)


def koopbot(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line in its own process (it runs its own event loop)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], capture_output=True, text=True, check=False
    )


async def a_year_of_work(chat: Chat) -> None:
    """One sitting with attendance, four decisions in every state, a round with a
    divergence, three notices, a published press release; then ten days later."""
    await chat.send("koordination", "!termin neu 01.12.2026 11:00 Koordinierungsrunde")
    await chat.send("koordination", "!runde start 07.12.2026")
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an")
    await chat.send("agentur1", "!branche melden C rückläufig Kurzarbeit")
    await chat.send("jobcenter1", "!branche melden H stabil Lagerlogistik gefragt")
    await chat.send("stadt1", "!info Neuansiedlung Logistikzentrum thema=Ansiedlung")
    await chat.send("agentur1", "!info Zweites Lager in Rothensee thema=Ansiedlung")
    await chat.send("jobcenter1", "!info =Schließung eines Zulieferers thema=Schließung")
    await chat.send("stadt1", "!pm entwurf Fachkräfte für die Logistik\nGemeinsam laden wir ein.")
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!pm freigeben 1")
    chat.clock.now = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)
    await chat.send("koordination", "!anwesenheit 1 stadt jobcenter")
    await chat.send("stadt1", "!beschluss Jobmesse verantwortlich=@stadt1:test frist=05.12.2026")
    await chat.send("stadt1", "!beschluss Ausbildungsbörse")
    await chat.send("stadt1", "!beschluss Förderlotse")
    await chat.send("stadt1", "!beschluss Pflegekampagne frist=31.03.2027")
    await chat.send("koordination", "!beschluss erledigt 2 Börse fand statt")
    await chat.send("koordination", "!beschluss aufheben 3 Programm eingestellt")
    chat.clock.now = LATER


async def test_the_csv_holds_every_fact_of_the_period(chat: Chat) -> None:
    await a_year_of_work(chat)
    event = await chat.send("koordination", "!bericht csv")
    reply = chat.replies_to(event)[0]["body"].splitlines()
    assert reply[0] == (
        "Sachstandsbericht 11. Dez. 2025 bis 10. Dez. 2026 erstellt. Datei: "
        "sachstandsbericht-2025-12-11-2026-12-10.csv"
    )
    assert reply[1] == (
        "Darin: 1 Sitzung, 4 Beschlüsse, 1 Branchenrunde, 3 Infos, 1 Pressemitteilung."
    )
    content, data = last_file(chat)
    assert content["info"]["mimetype"] == "text/csv" and data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Bereich", "Datum", "Nr.", "Gegenstand", "Partner", "Wert", "Stand"]
    by_area: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        by_area.setdefault(row[0], []).append(row)
    assert [(r[4], r[5]) for r in by_area["Sitzung"]] == [
        ("Landeshauptstadt Magdeburg", "anwesend"),
        ("Agentur für Arbeit Magdeburg", "nicht anwesend"),
        ("Jobcenter Magdeburg", "anwesend"),
    ]
    assert {(r[3], r[6]) for r in by_area["Beschluss"]} == {
        ("Jobmesse", "überfällig"),
        ("Ausbildungsbörse", "erledigt"),
        ("Förderlotse", "aufgehoben"),
        ("Pflegekampagne", "gültig"),
    }
    assert [(r[3], r[4], r[5], r[6]) for r in by_area["Branchenrunde"]] == [
        ("C Verarbeitendes Gewerbe", "Landeshauptstadt Magdeburg", "wachsend", "abweichend"),
        ("C Verarbeitendes Gewerbe", "Agentur für Arbeit Magdeburg", "rückläufig", "abweichend"),
        ("H Verkehr und Lagerei", "Jobcenter Magdeburg", "stabil", ""),
    ]
    assert [(r[3], r[5]) for r in by_area["Info"]] == [
        ("Ansiedlung", "Neuansiedlung Logistikzentrum"),
        ("Ansiedlung", "Zweites Lager in Rothensee"),
        ("Schließung", "'=Schließung eines Zulieferers"),  # a formula is defused
    ]
    assert [(r[1], r[3], r[5]) for r in by_area["Pressemitteilung"]] == [
        ("01.12.2026", "Fachkräfte für die Logistik", "veröffentlicht")
    ]


async def test_the_pdf_reports_every_section_with_the_sector_pictures(chat: Chat) -> None:
    await a_year_of_work(chat)
    await chat.send("koordination", "!bericht von=01.11.2026 bis=31.12.2026")
    assert chat.sent[-2]["content"]["body"].startswith(
        "Sachstandsbericht 1. Nov. 2026 bis 31. Dez. 2026 erstellt. Datei: "
        "sachstandsbericht-2026-11-01-2026-12-31.pdf"
    )
    content, data = last_file(chat)
    assert content["info"]["mimetype"] == "application/pdf"
    text, pages = pdf_text(data)
    flat = " ".join(text.split())
    for heading in (
        "1. Sitzungen und Anwesenheit",
        "2. Beschlüsse",
        "3. Branchenrunden",
        "4. Entwicklung der Branchen",
        "5. Ansiedlungen, Schließungen",
        "6. Pressemitteilungen",
    ):
        assert heading in flat, heading
    assert "Im Berichtszeitraum fand 1 Sitzung statt." in flat
    assert "Agentur für Arbeit Magdeburg: anwesend bei 0 von 1 Sitzungen" in flat
    assert "gültig: 1, erledigt: 1, überfällig: 1, aufgehoben: 1" in flat
    assert "Abweichende Einschätzungen: C Verarbeitendes Gewerbe" in flat
    assert "Stadt wachsend, Agentur rückläufig" in flat
    assert "Ansiedlung: 2" in flat and "Schließung: 1" in flat
    assert "Fachkräfte für die Logistik" in flat
    assert f"Seite {pages} von {pages}" in flat
    reader = PdfReader(io.BytesIO(data))
    pictures = [image for page in reader.pages for image in page.images]
    assert len(pictures) == 2  # C and H, the sections reported in the round
    assert "Diagramm C Verarbeitendes Gewerbe, Runden #1" in flat


async def test_only_coordinators_report_and_bad_input_is_explained(chat: Chat) -> None:
    await chat.send("stadt1", "!bericht")
    assert chat.last.startswith("Nur die Koordination kann !bericht verwenden.")
    await chat.send("koordination", "!bericht xls")
    assert chat.last.startswith("„xls“ ist kein Format für den Bericht. Möglich: pdf, csv.")
    await chat.send("koordination", "!bericht von=31.12.2026 bis=01.01.2026")
    assert "31.12.2026" in chat.last and "Aufruf: !bericht" in chat.last
    assert not any(m["content"].get("msgtype") == "m.file" for m in chat.sent)


async def test_an_empty_period_still_gives_a_report_saying_so(chat: Chat) -> None:
    await chat.send("koordination", "!bericht")
    _content, data = last_file(chat)
    text, _pages = pdf_text(data)
    flat = " ".join(text.split())
    assert "Im Berichtszeitraum fanden keine Sitzungen statt." in flat
    assert "Im Berichtszeitraum wurden keine Beschlüsse gefasst." in flat
    assert "keine gemeinsame Pressemitteilung" in flat


async def test_koopbot_report_writes_the_same_offline(
    chat: Chat, sqlite_engine: AsyncEngine, tmp_path: Path
) -> None:
    await a_year_of_work(chat)
    config = tmp_path / "koopbot.toml"
    config.write_text(
        f'[storage]\nurl = "{sqlite_engine.url}"\n'
        '[[partners]]\nid = "stadt"\nname = "Landeshauptstadt Magdeburg"\nshort_name = "Stadt"\n'
        '[[partners]]\nid = "agentur"\nname = "Agentur für Arbeit Magdeburg"\n'
        'short_name = "Agentur"\n'
        '[[partners]]\nid = "jobcenter"\nname = "Jobcenter Magdeburg"\nshort_name = "Jobcenter"\n'
    )
    out = tmp_path / "bericht.csv"
    done = await asyncio.to_thread(
        koopbot, "report", "--config", str(config), "--from", "01.11.2026", "--to", "31.12.2026",
        "--format", "csv", "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        f"Sachstandsbericht 1. Nov. 2026 bis 31. Dez. 2026 geschrieben: {out}"
    )
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline=""), delimiter=";"))
    areas = [r[0] for r in rows[1:]]
    assert areas == [
        *["Sitzung"] * 3,
        *["Beschluss"] * 4,
        *["Branchenrunde"] * 3,
        *["Info"] * 3,
        "Pressemitteilung",
    ]
    bad = await asyncio.to_thread(
        koopbot, "report", "--config", str(config), "--from", "31.12.2026", "--to", "01.01.2026",
        "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert bad.returncode == 2 and "31.12.2026" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
