"""A small, safe Markdown subset for press texts: paragraphs, lists, headings, **bold**, *italic*.

Everything the author writes stays text: it becomes markup blocks whose text is escaped
in HTML, so no HTML, link or pill from a draft ever reaches the room as markup.
"""

from __future__ import annotations

import re

from commands.core.markup import Bold, Doc, Inline, Italic, Line, Text

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*)$")
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=[^\s*])(.+?)(?<=[^\s*])\*")


def inline_markdown(text: str) -> Line:
    """``**bold**`` and ``*italic*`` as markup; all other characters stay text."""
    parts: list[Inline] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            parts.append(Text(text[position : match.start()]))
        if match.group(1) is not None:
            parts.append(Bold(inline_markdown(match.group(1))))
        else:
            parts.append(Italic((Text(match.group(2)),)))
        position = match.end()
    if position < len(text):
        parts.append(Text(text[position:]))
    return tuple(parts)


def render(text: str) -> Doc:
    """The text as blocks: a blank line separates paragraphs, ``-``/``1.`` lines are lists."""
    doc = Doc()
    kind: str | None = None
    group: list[str] = []
    gap = False  # a blank line was seen since the last block

    def open_block() -> None:
        nonlocal gap
        if doc.blocks and gap:
            doc.line()
        gap = False

    def flush() -> None:
        nonlocal kind, group
        if kind is None:
            return
        open_block()
        if kind == "text":
            doc.para(inline_markdown("\n".join(group)))
        else:
            doc.items([inline_markdown(item) for item in group], ordered=kind == "number")
        kind, group = None, []

    for raw in text.splitlines():
        if not raw.strip():
            flush()
            gap = True
            continue
        heading = _HEADING.match(raw)
        if heading:
            flush()
            open_block()
            doc.para((Bold(inline_markdown(heading.group(1).strip())),))
            continue
        item = _BULLET.match(raw) or _NUMBER.match(raw)
        this = "text" if item is None else "bullet" if _BULLET.match(raw) else "number"
        if this != kind:
            flush()
        kind = this
        group.append(raw.rstrip() if item is None else item.group(1))
    flush()
    return doc
