"""PDF as a filed protocol: title, head facts, overview table, full texts, manifest, check list.

Built with fpdf2 in A4 landscape with page numbers (layout helpers: ``pdf_layout``). A Unicode TrueType font (DejaVu)
is used where the machine has one; otherwise the PDF core fonts, which cover German
(Latin-1) — typographic dashes and quotes are then written in their plain forms. The
rows are collected first (a PDF is assembled in memory anyway) and the document is
built in a worker thread, so a long protocol does not stall the bot's event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from commands.export.pdf_layout import Grid, Measure, paragraph
from commands.export.sheet import ExportRow, Fact, Sheet

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)
_PLAIN = str.maketrans(
    {"–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'"}
    | {"…": "...", "€": "EUR", "•": "-", "→": "->", "↑": "^", "↓": "v"}
)


@dataclass(frozen=True)
class Fonts:
    """Font family names to use, and whether text must be reduced to Latin-1."""

    text: str
    mono: str
    latin1: bool

    def clean(self, text: str) -> str:
        if not self.latin1:
            return text
        return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def find_dejavu(dirs: Sequence[Path] = FONT_DIRS) -> Path | None:
    for folder in dirs:
        if (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file():
            return folder
    return None


def _fonts(font_dir: Path | None) -> Fonts:
    if font_dir is None:
        return Fonts("helvetica", "courier", latin1=True)
    mono = (font_dir / "DejaVuSansMono.ttf").is_file()
    return Fonts("DejaVu", "DejaVuMono" if mono else "DejaVu", latin1=False)


def _add_fonts(pdf: FPDF, font_dir: Path | None, fonts: Fonts) -> None:
    if font_dir is None:
        return
    pdf.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    if fonts.mono == "DejaVuMono":
        pdf.add_font("DejaVuMono", "", str(font_dir / "DejaVuSansMono.ttf"))


def _document(footer_text: str, footer_font: str) -> FPDF:
    """An A4 landscape document with ``Seite n von m`` (and the title) in every footer.

    fpdf2 is imported here, not at start-up: it takes a quarter of a second to load, and
    the bot (and a standby waiting to take over) should start fast.
    """
    from fpdf import FPDF

    class Protocol(FPDF):
        def footer(self) -> None:
            self.set_y(-10)
            self.set_font(footer_font, size=8)
            self.cell(0, 5, footer_text.format(page=self.page_no(), pages="{nb}"), align="C")

    return Protocol(orientation="L", unit="mm", format="A4")


@dataclass(frozen=True)
class Collected:
    """Everything the PDF shows, gathered from the sheet's rows."""

    rows: list[ExportRow]
    manifest: list[Fact]


async def collect(sheet: Sheet) -> Collected:
    rows = [row async for row in sheet.rows()]
    return Collected(rows, sheet.manifest())


async def write_pdf(sheet: Sheet, out: BinaryIO) -> None:
    collected = await collect(sheet)
    out.write(await asyncio.to_thread(build_pdf, sheet, collected, find_dejavu()))


def build_pdf(sheet: Sheet, collected: Collected, font_dir: Path | None) -> bytes:
    """The PDF's bytes; ``font_dir`` None uses the core fonts (Latin-1)."""
    fonts = _fonts(font_dir)
    clean = fonts.clean
    pdf = _document(clean(f"{sheet.title} · {sheet.labels.page}"), fonts.text)
    _add_fonts(pdf, font_dir, fonts)
    pdf.set_title(clean(sheet.title))
    pdf.set_author("koopbot")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font(fonts.text, "B", 18)
    pdf.cell(0, 10, clean(sheet.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(fonts.text, size=10)
    for fact in sheet.facts:
        _fact_line(pdf, fonts, fact)
    pdf.ln(3)
    grid = Grid(
        pdf, sheet.brief, header_font=fonts.text, body_font=fonts.text, size=8.5, clean=clean
    )
    grid.rows([row.brief for row in collected.rows])
    texts = [row for row in collected.rows if row.body]
    if texts:
        _heading(pdf, fonts, sheet.labels.texts_title)
        measure = Measure(pdf)
        for row in texts:
            pdf.set_font(fonts.text, "B", 10)
            paragraph(pdf, measure, clean(row.heading), 5)
            pdf.set_font(fonts.text, size=9.5)
            paragraph(pdf, measure, clean(row.body), 4.6)
            pdf.ln(2)
    _heading(pdf, fonts, sheet.labels.manifest_title)
    pdf.set_font(fonts.text, size=9.5)
    for fact in collected.manifest:
        _fact_line(pdf, fonts, fact)
    _heading(pdf, fonts, sheet.labels.checks_title, size=11)
    checks = Grid(
        pdf, sheet.checks, header_font=fonts.text, body_font=fonts.mono, size=7.5, clean=clean
    )
    checks.rows([row.check for row in collected.rows])
    return bytes(pdf.output())


def _heading(pdf: FPDF, fonts: Fonts, text: str, size: float = 13) -> None:
    pdf.ln(4)
    pdf.set_font(fonts.text, "B", size)
    pdf.multi_cell(0, 7, fonts.clean(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _fact_line(pdf: FPDF, fonts: Fonts, fact: Fact) -> None:
    pdf.multi_cell(
        0, 5, fonts.clean(f"{fact.label}: {fact.text}"), align="L", new_x="LMARGIN", new_y="NEXT"
    )
