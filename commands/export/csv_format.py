"""CSV that German Excel and LibreOffice open as they are.

UTF-8 with a byte order mark (Excel otherwise guesses a legacy code page and breaks
umlauts), ``;`` as delimiter (the list separator of German locales, where ``,`` is the
decimal comma), CRLF line ends, every field quoted (spreadsheets still read numbers and
dates in quotes as numbers and dates), dates as TT.MM.JJJJ (the sheet renders them). Text that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``,
``@…``) gets a leading apostrophe (OWASP: CSV injection).
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from typing import BinaryIO

from commands.export.sheet import Cell, Sheet

DELIMITER = ";"
NEWLINE = "\r\n"
FLUSH_ROWS = 500
_FORMULA_START = frozenset("=+-@\t\r")
_SEPARATOR = "\x00"  # never in a field: user text is cleaned of control characters


def line(cells: Sequence[Cell], check: Sequence[int] | None = None) -> str:
    """One CSV record without its line end: every field in quotes, inner quotes doubled.

    Fields at the positions in ``check`` (all if None) are defused when they start like a
    formula. The fields are joined first and quoted with two ``str.replace`` calls: this
    runs for every row, and per-field quoting in Python is twice as slow.
    """
    texts = list(map(str, cells))
    for index in range(len(texts)) if check is None else check:
        if texts[index][:1] in _FORMULA_START:
            texts[index] = "'" + texts[index]
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a field holds the separator itself
        joined = _SEPARATOR.join(text.replace(_SEPARATOR, "") for text in texts)
    return '"' + joined.replace('"', '""').replace(_SEPARATOR, '"' + DELIMITER + '"') + '"'


async def write_csv(sheet: Sheet, out: BinaryIO) -> None:
    """The full table, streamed: records are joined and encoded a few hundred at a time.

    Written by hand rather than with the ``csv`` module, which is three times slower here;
    the format is plain RFC 4180 (the tests read it back with the ``csv`` module).
    """
    out.write(codecs.BOM_UTF8)
    check = [index for index, column in enumerate(sheet.columns) if not column.plain]
    pending = [line([column.header for column in sheet.columns])]
    async for row in sheet.rows():
        pending.append(line(row.cells, check))
        if len(pending) >= FLUSH_ROWS:
            out.write((NEWLINE.join(pending) + NEWLINE).encode("utf-8"))
            pending = []
    if pending:
        out.write((NEWLINE.join(pending) + NEWLINE).encode("utf-8"))
