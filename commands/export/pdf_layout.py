"""Laying text out in a PDF fast: line breaking with measured words, and a drawn table.

fpdf2's ``multi_cell`` and ``table()`` measure a text again for every character they add
to a line, which costs seconds per thousand decisions. Here every distinct word is
measured once per font, and lines are placed with ``cell``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from commands.export.sheet import Column

if TYPE_CHECKING:
    from fpdf import FPDF

Clean = Callable[[str], str]


class Measure:
    """Widths of text in the PDF's current font, each distinct piece measured once."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._caches: dict[tuple[str, str, float], dict[str, float]] = {}

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` in lines no wider than ``width``; a word too long is broken by characters."""
        pdf = self.pdf
        cache = self._caches.setdefault((pdf.font_family, pdf.font_style, pdf.font_size_pt), {})

        def measure(piece: str) -> float:
            found = cache.get(piece)
            if found is None:
                found = cache[piece] = pdf.get_string_width(piece)
            return found

        lines: list[str] = []
        space = measure(" ")
        for paragraph in text.split("\n"):
            current, used = "", 0.0
            for word in paragraph.split(" "):
                size = measure(word)
                if current and used + space + size <= width:
                    current, used = f"{current} {word}", used + space + size
                    continue
                if current:
                    lines.append(current)
                while size > width and len(word) > 1:
                    cut, taken = 0, 0.0
                    while cut < len(word) - 1 and taken + measure(word[cut]) <= width:
                        taken += measure(word[cut])
                        cut += 1
                    lines.append(word[: max(cut, 1)])
                    word = word[max(cut, 1) :]
                    size = measure(word)
                current, used = word, size
            lines.append(current)
        return lines


def paragraph(pdf: FPDF, measure: Measure, text: str, line_height: float) -> None:
    """``text`` over the page width, line by line (pages break between lines)."""
    for line in measure.wrap(text, pdf.epw):
        pdf.cell(pdf.epw, line_height, line, new_x="LMARGIN", new_y="NEXT")


class Grid:
    """A table drawn cell by cell, cells wrapping, the header repeated on every page."""

    PADDING = 1.0

    def __init__(
        self,
        pdf: FPDF,
        columns: Sequence[Column],
        *,
        header_font: str,
        body_font: str,
        size: float,
        clean: Clean,
    ) -> None:
        self.pdf, self.size, self.clean = pdf, size, clean
        self.header_font, self.body_font = header_font, body_font
        self.measure = Measure(pdf)
        total = sum(c.width for c in columns)
        self.widths = [pdf.epw * c.width / total for c in columns]
        self.headers = [clean(c.header) for c in columns]
        self.line_height = size * 0.45

    def rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self._header()
        for values in rows:
            self._row([self.clean(str(value)) for value in values], fill=False)

    def _header(self) -> None:
        self.pdf.set_font(self.header_font, "B", self.size)
        self._row(self.headers, fill=True)
        self.pdf.set_font(self.body_font, size=self.size)

    def _row(self, values: Sequence[str], *, fill: bool) -> None:
        pdf, pad = self.pdf, self.PADDING
        cells = [
            self.measure.wrap(value, width - 2 * pad)
            for value, width in zip(values, self.widths, strict=True)
        ]
        most = max(1, int((pdf.page_break_trigger - pdf.t_margin) / self.line_height) - 3)
        cells = [lines if len(lines) <= most else [*lines[: most - 1], "…"] for lines in cells]
        height = max(len(lines) for lines in cells) * self.line_height + 2 * pad
        if not fill and pdf.will_page_break(height):
            pdf.add_page()
            self._header()
        x, y = pdf.l_margin, pdf.get_y()
        if fill:
            pdf.set_fill_color(225, 225, 225)
        for lines, width in zip(cells, self.widths, strict=True):
            pdf.rect(x, y, width, height, style="DF" if fill else "D")
            for number, text in enumerate(lines):
                pdf.set_xy(x + pad, y + pad + number * self.line_height)
                pdf.cell(width - 2 * pad, self.line_height, text)
            x += width
        pdf.set_xy(pdf.l_margin, y + height)
