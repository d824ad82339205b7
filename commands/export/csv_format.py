"""CSV that German Excel and LibreOffice open as they are.

UTF-8 with a byte order mark (Excel otherwise guesses a legacy code page and breaks
umlauts), ``;`` as delimiter (the list separator of German locales, where ``,`` is the
decimal comma), CRLF line ends, every field quoted (spreadsheets still read numbers and
dates in quotes as numbers and dates), dates as TT.MM.JJJJ (the sheet renders them), and
text that starts like a formula defused (``commands.export.csv_text``).
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncIterator
from typing import BinaryIO

from commands.export.csv_text import DELIMITER, line
from commands.export.sheet import Sheet

NEWLINE = "\r\n"
FLUSH_ROWS = 500
__all__ = ["DELIMITER", "NEWLINE", "line", "write_csv"]


async def write_csv(sheet: Sheet, out: BinaryIO) -> None:
    """The full table, streamed: records are joined and encoded a few hundred at a time.

    Written by hand rather than with the ``csv`` module, which is three times slower here;
    the format is plain RFC 4180 (the tests read it back with the ``csv`` module). A sheet
    that makes its own records (``Sheet.records``) is written from those.
    """
    out.write(codecs.BOM_UTF8)
    out.write((line([column.header for column in sheet.columns]) + NEWLINE).encode("utf-8"))
    async for records in _records(sheet):
        if records:
            out.write((NEWLINE.join(records) + NEWLINE).encode("utf-8"))


async def _records(sheet: Sheet) -> AsyncIterator[list[str]]:
    if sheet.records is not None:
        async for records in sheet.records():
            yield records
        return
    check = [index for index, column in enumerate(sheet.columns) if not column.plain]
    pending: list[str] = []
    async for row in sheet.rows():
        pending.append(line(row.cells, check))
        if len(pending) >= FLUSH_ROWS:
            yield pending
            pending = []
    yield pending
