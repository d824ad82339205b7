"""The export formats: name, file extension, media type and writer."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import BinaryIO

from commands.core.errors import CommandError
from commands.export.csv_format import write_csv
from commands.export.json_format import write_json
from commands.export.md_format import write_markdown
from commands.export.pdf_format import write_pdf
from commands.export.sheet import Sheet

Writer = Callable[[Sheet, BinaryIO], Awaitable[None]]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    mimetype: str
    write: Writer


FORMATS: dict[str, Format] = {
    "csv": Format("csv", "csv", "text/csv", write_csv),
    "md": Format("md", "md", "text/markdown", write_markdown),
    "json": Format("json", "json", "application/json", write_json),
    "pdf": Format("pdf", "pdf", "application/pdf", write_pdf),
}
_ALIASES = {"markdown": "md", "excel": "csv"}


def choose_format(text: str | None, default: str = "pdf") -> Format:
    """The format a user named (``csv``, ``md``, ``json``, ``pdf``), or the default."""
    wanted = (text or default).strip().casefold().lstrip(".")
    found = FORMATS.get(_ALIASES.get(wanted, wanted))
    if found is None:
        raise CommandError("export.bad_format", value=(text or "")[:20], choices=", ".join(FORMATS))
    return found


async def render(sheet: Sheet, fmt: Format) -> bytes:
    """The whole file in memory (for an upload into the room)."""
    buffer = io.BytesIO()
    await fmt.write(sheet, buffer)
    return buffer.getvalue()


def filename(sheet: Sheet, fmt: Format) -> str:
    return f"{sheet.name}.{fmt.extension}"
