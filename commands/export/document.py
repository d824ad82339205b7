"""A written document – headings, paragraphs, lists, tables, pictures – as Markdown or PDF.

The minutes of a Sitzung and the report to the city council are documents for people to
read and file, not tables of records (that is :mod:`commands.export.sheet`). Both are
built as a :class:`Document` and written in either format here: Markdown escaped like the
exports (``md_format.escape``), the PDF in A4 portrait with the exports' fonts and layout
helpers (``pdf_format``, ``pdf_layout``) and page numbers in every footer.
"""

from __future__ import annotations

import asyncio
import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from commands.core.context import Attachment
from commands.export.md_format import escape
from commands.export.pdf_format import Fonts, find_dejavu
from commands.export.pdf_layout import Grid, Measure, paragraph
from commands.export.sheet import Column

if TYPE_CHECKING:
    from fpdf import FPDF


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    strong: bool = False


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Picture:
    """A PNG with its size in pixels and the same said in words (shown under it)."""

    png: bytes
    width: int
    height: int
    alt: str


Block = Heading | Para | Items | Table | Picture


@dataclass
class Document:
    """Title, head facts (label, value), then the blocks in order."""

    title: str
    footer: str  # "… · Seite {page} von {pages}"
    facts: list[tuple[str, str]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def fact(self, label: str, value: str) -> Document:
        self.facts.append((label, value))
        return self

    def heading(self, text: str, level: int = 1) -> Document:
        self.blocks.append(Heading(text, level))
        return self

    def para(self, text: str, *, strong: bool = False) -> Document:
        self.blocks.append(Para(text, strong))
        return self

    def items(self, items: list[str]) -> Document:
        if items:
            self.blocks.append(Items(tuple(items)))
        return self

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Document:
        self.blocks.append(Table(tuple(columns), tuple(tuple(row) for row in rows)))
        return self

    def picture(self, picture: Picture) -> Document:
        self.blocks.append(picture)
        return self


def markdown(doc: Document) -> bytes:
    """The document as Markdown; user text is escaped, pictures are named by their words."""
    lines = [f"# {escape(doc.title)}\n\n"]
    lines += [f"**{escape(label)}:** {escape(value)}  \n" for label, value in doc.facts]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines.append(f"\n{'#' * (block.level + 1)} {escape(block.text)}\n\n")
        elif isinstance(block, Para):
            text = "  \n".join(escape(line) for line in block.text.splitlines() or [""])
            lines.append(f"**{text}**\n\n" if block.strong else f"{text}\n\n")
        elif isinstance(block, Items):
            lines += [f"- {escape(item)}\n" for item in block.items]
            lines.append("\n")
        elif isinstance(block, Table):
            lines.append(_md_row([c.header for c in block.columns]))
            lines.append("|" + "---|" * len(block.columns) + "\n")
            lines += [_md_row(list(row)) for row in block.rows]
            lines.append("\n")
        else:
            lines.append(f"*{escape(block.alt)}*\n\n")
    return "".join(lines).encode("utf-8")


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |\n"


def _fonts(font_dir: Path | None) -> Fonts:
    if font_dir is None:
        return Fonts("helvetica", "courier", latin1=True)
    return Fonts("DejaVu", "DejaVu", latin1=False)


def _new_pdf(footer: str, font_dir: Path | None, fonts: Fonts) -> FPDF:
    """An A4 portrait document with the footer on every page (fpdf2 imported late)."""
    from fpdf import FPDF

    class Written(FPDF):
        def footer(self) -> None:
            self.set_y(-10)
            self.set_font(fonts.text, size=8)
            # replace, not format: the footer may hold user text with braces (a title)
            text = footer.replace("{page}", str(self.page_no())).replace("{pages}", "{nb}")
            self.cell(0, 5, text, align="C")

    pdf = Written(orientation="P", unit="mm", format="A4")
    if font_dir is not None:
        pdf.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
    return pdf


def pdf_bytes(doc: Document) -> bytes:
    """The document as a PDF, in DejaVu where installed (else the core fonts, Latin-1)."""
    font_dir = find_dejavu()
    fonts = _fonts(font_dir)
    clean = fonts.clean
    pdf = _new_pdf(clean(doc.footer), font_dir, fonts)
    pdf.set_title(clean(doc.title))
    pdf.set_author("koopbot")
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    measure = Measure(pdf)
    pdf.set_font(fonts.text, "B", 16)
    paragraph(pdf, measure, clean(doc.title), 8)
    pdf.ln(1)
    pdf.set_font(fonts.text, size=10)
    for label, value in doc.facts:
        paragraph(pdf, measure, clean(f"{label}: {value}"), 5)
    for block in doc.blocks:
        _block(pdf, measure, fonts, block)
    return bytes(pdf.output())


def _block(pdf: FPDF, measure: Measure, fonts: Fonts, block: Block) -> None:
    clean = fonts.clean
    if isinstance(block, Heading):
        pdf.ln(4 if block.level == 1 else 2)
        pdf.set_font(fonts.text, "B", 13 if block.level == 1 else 11)
        if pdf.will_page_break(20):
            pdf.add_page()
        paragraph(pdf, measure, clean(block.text), 6.5)
        pdf.ln(1)
    elif isinstance(block, Para):
        pdf.set_font(fonts.text, "B" if block.strong else "", 10)
        paragraph(pdf, measure, clean(block.text), 5)
        pdf.ln(1)
    elif isinstance(block, Items):
        pdf.set_font(fonts.text, size=10)
        for item in block.items:
            lines = measure.wrap(clean(item), pdf.epw - 5)
            for number, line in enumerate(lines):
                pdf.set_x(pdf.l_margin)
                pdf.cell(5, 5, "-" if number == 0 else "")
                pdf.cell(pdf.epw - 5, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    elif isinstance(block, Table):
        Grid(
            pdf, block.columns, header_font=fonts.text, body_font=fonts.text, size=8.5, clean=clean
        ).rows(block.rows)
        pdf.set_font(fonts.text, size=10)
        pdf.ln(2)
    else:
        width = min(pdf.epw, 160.0)
        height = width * block.height / max(block.width, 1)
        if pdf.will_page_break(height + 12):
            pdf.add_page()
        pdf.image(io.BytesIO(block.png), x=pdf.l_margin, w=width, h=height)
        pdf.set_font(fonts.text, size=8.5)
        paragraph(pdf, measure, clean(block.alt), 4.2)
        pdf.set_font(fonts.text, size=10)
        pdf.ln(2)


#: The formats a document is written in: name → (file extension, media type).
DOCUMENT_FORMATS = {"pdf": ("pdf", "application/pdf"), "md": ("md", "text/markdown")}


async def document_file(doc: Document, fmt: str, stem: str, folder: Path) -> Attachment:
    """``doc`` as ``fmt`` (``pdf`` or ``md``) in a new file of the spool ``folder``
    (``commands.export.spool``), uploaded from there like every export. The PDF is built
    in a worker thread, so the event loop does not stall."""
    extension, mimetype = DOCUMENT_FORMATS[fmt]
    data = await asyncio.to_thread(pdf_bytes, doc) if fmt == "pdf" else markdown(doc)
    return write_spooled(data, f"{stem}.{extension}", mimetype, folder)


def write_spooled(data: bytes, name: str, mimetype: str, folder: Path) -> Attachment:
    """``data`` as a new spooled file named ``name`` in the room."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, path = tempfile.mkstemp(prefix="export-", suffix=Path(name).suffix, dir=folder)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return Attachment(name, mimetype, path=Path(path))
