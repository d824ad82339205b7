"""Markdown: title, head facts, the overview table, the full texts, the manifest and check list.

Streamed in passes over the rows (overview, full texts, check list); user text is
escaped so it cannot break the table or inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import BinaryIO

from commands.export.sheet import Cell, Column, ExportRow, Sheet

FLUSH_LINES = 500
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_BLOCK_MARK = re.compile(r"^(\s*)([#+-]|\d+(?=\.\s))")


def escape(text: str) -> str:
    """Text as literal Markdown in one line (a table cell): line breaks become ``<br>``."""
    return "<br>".join(_SPECIAL.sub(r"\\\1", text.strip()).splitlines()) or " "


def _literal(line: str) -> str:
    """A line of text as literal Markdown, also when it starts like a heading or a list."""
    escaped = _SPECIAL.sub(r"\\\1", line)
    match = _BLOCK_MARK.match(escaped)
    if match is None:
        return escaped
    indent, mark = match.groups()
    rest = escaped[match.end() :]
    return f"{indent}{mark}\\{rest}" if mark.isdigit() else f"{indent}\\{mark}{rest}"


def table_line(cells: Sequence[Cell]) -> str:
    return "| " + " | ".join(escape(str(cell)) for cell in cells) + " |\n"


def _header(columns: Sequence[Column]) -> str:
    return table_line([c.header for c in columns]) + "|" + "---|" * len(columns) + "\n"


async def write_markdown(sheet: Sheet, out: BinaryIO) -> None:
    lines = [f"# {escape(sheet.title)}\n\n"]
    lines += [f"**{escape(fact.label)}:** {escape(fact.text)}  \n" for fact in sheet.facts]
    lines.append("\n" + _header(sheet.brief))
    _write(out, lines)
    await _rows(out, sheet, lambda row: [table_line(row.brief)])
    _write(out, [f"\n## {escape(sheet.labels.texts_title)}\n"])
    await _rows(
        out,
        sheet,
        lambda row: (
            [f"\n### {escape(row.heading)}\n\n", *_paragraphs(row.body)] if row.body else []
        ),
    )
    manifest = sheet.manifest()
    lines = [f"\n## {escape(sheet.labels.manifest_title)}\n\n"]
    lines += [f"- {escape(fact.label)}: {escape(fact.text)}\n" for fact in manifest]
    lines.append(f"\n### {escape(sheet.labels.checks_title)}\n\n" + _header(sheet.checks))
    _write(out, lines)
    await _rows(out, sheet, lambda row: [table_line(row.check)])


def _paragraphs(text: str) -> list[str]:
    """User text kept as written: each line escaped, hard line breaks kept."""
    return ["  \n".join(_literal(line) for line in text.splitlines()) + "\n"]


async def _rows(out: BinaryIO, sheet: Sheet, render: Callable[[ExportRow], list[str]]) -> None:
    pending: list[str] = []
    async for row in sheet.rows():
        pending.extend(render(row))
        if len(pending) >= FLUSH_LINES:
            _write(out, pending)
            pending = []
    _write(out, pending)


def _write(out: BinaryIO, lines: Sequence[str]) -> None:
    out.write("".join(lines).encode("utf-8"))
