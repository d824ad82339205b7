"""JSON with a documented schema (docs/export-schema.json), written entry by entry.

Layout: ``format``, ``version``, ``title``, ``meta`` (structured head), ``entries`` (one
record per line), ``manifest`` (counts and hashes, then the check list). The manifest
follows the entries because it is computed while they stream; its check list is a
second pass over the rows, so memory stays flat for any number of entries.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any, BinaryIO

from commands.export.sheet import Sheet

VERSION = 1
FLUSH_ROWS = 500
_HOLE = "\x00"  # stands for a list that is streamed in its place
_HOLE_JSON = json.dumps(_HOLE)


def _dump(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _around_hole(document: dict[str, Any], *, indent: int | None = None) -> tuple[str, str]:
    """The JSON text of ``document`` before and after the one value that is :data:`_HOLE`."""
    before, after = _dump(document, indent=indent).split(_HOLE_JSON)
    return before, after


async def write_json(sheet: Sheet, out: BinaryIO) -> None:
    head = {
        "format": sheet.kind,
        "version": VERSION,
        "title": sheet.title,
        "meta": sheet.meta,
        "entries": _HOLE,
    }
    before, _ = _around_hole(head, indent=2)
    out.write(f"{before}[".encode())
    await _stream(out, (_dump(dict(row.record)) async for row in sheet.rows()))
    manifest = {fact.key: fact.value for fact in sheet.manifest()}
    inner, closing = _around_hole({**manifest, "checks": _HOLE})
    out.write(f'],\n  "manifest": {inner}['.encode())
    checks = (
        _dump(dict(zip(sheet.check_keys, row.check, strict=True))) async for row in sheet.rows()
    )
    await _stream(out, checks)
    out.write(f"]{closing}\n}}\n".encode())


async def _stream(out: BinaryIO, items: AsyncIterator[str]) -> None:
    """Write the JSON texts of ``items`` comma-separated, one per line, in chunks."""
    chunk: list[str] = []
    first = True
    async for item in items:
        chunk.append(("\n    " if first else ",\n    ") + item)
        first = False
        if len(chunk) >= FLUSH_ROWS:
            out.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    if not first:
        chunk.append("\n  ")
    out.write("".join(chunk).encode("utf-8"))
