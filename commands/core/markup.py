"""Messages as small documents rendered twice: a readable plain ``body`` and escaped HTML.

User-supplied text only ever enters as :class:`Text`, which is escaped in HTML, so a
command cannot smuggle markup, links or pills into the room.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Text:
    value: str


@dataclass(frozen=True)
class Bold:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Italic:
    parts: tuple[Inline, ...]


@dataclass(frozen=True)
class Code:
    value: str


@dataclass(frozen=True)
class Deleted:
    """Text removed in a revision: ``[-…-]`` in plain text, ``<del>`` in HTML."""

    value: str


@dataclass(frozen=True)
class Inserted:
    """Text added in a revision: ``{+…+}`` in plain text, ``<ins>`` in HTML."""

    value: str


@dataclass(frozen=True)
class Mention:
    """A user pill: notifies the user (``m.mentions``) and links to them."""

    user_id: str
    name: str


Inline = Text | Bold | Italic | Code | Deleted | Inserted | Mention
Line = tuple[Inline, ...]


def inline(*parts: Inline | str) -> Line:
    """Build a line from inline parts, treating plain strings as text."""
    return tuple(Text(p) if isinstance(p, str) else p for p in parts)


def join(lines: Iterable[Line], separator: str = ", ") -> Line:
    """Join several lines into one with ``separator`` between them."""
    out: list[Inline] = []
    for index, line in enumerate(lines):
        if index:
            out.append(Text(separator))
        out.extend(line)
    return tuple(out)


@dataclass(frozen=True)
class Para:
    line: Line


@dataclass(frozen=True)
class Items:
    lines: tuple[Line, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[Line, ...]
    rows: tuple[tuple[Line, ...], ...]


@dataclass(frozen=True)
class Quote:
    """A block of user text kept as written (line breaks preserved)."""

    text: str


Block = Para | Items | Table | Quote


@dataclass
class Doc:
    """An ordered list of blocks; rendered with :meth:`plain` and :meth:`html`."""

    blocks: list[Block] = field(default_factory=list)

    def line(self, *parts: Inline | str) -> Doc:
        self.blocks.append(Para(inline(*parts)))
        return self

    def para(self, line: Line) -> Doc:
        self.blocks.append(Para(line))
        return self

    def items(self, lines: Sequence[Line], *, ordered: bool = False) -> Doc:
        if lines:
            self.blocks.append(Items(tuple(lines), ordered))
        return self

    def table(self, header: Sequence[Line], rows: Sequence[Sequence[Line]]) -> Doc:
        self.blocks.append(Table(tuple(header), tuple(tuple(r) for r in rows)))
        return self

    def quote(self, text: str) -> Doc:
        self.blocks.append(Quote(text))
        return self

    def extend(self, other: Doc) -> Doc:
        self.blocks.extend(other.blocks)
        return self

    def plain(self) -> str:
        return "\n".join(_plain_block(block) for block in self.blocks)

    def html(self) -> str:
        return "".join(_html_block(block, index) for index, block in enumerate(self.blocks))

    def mentions(self) -> list[str]:
        found: dict[str, None] = {}
        for block in self.blocks:
            for line in _lines_of(block):
                for part in _walk(line):
                    if isinstance(part, Mention):
                        found[part.user_id] = None
        return list(found)


def plain_line(line: Line) -> str:
    return "".join(_plain_inline(part) for part in line)


def html_line(line: Line) -> str:
    return "".join(_html_inline(part) for part in line)


def _walk(line: Line) -> Iterable[Inline]:
    for part in line:
        yield part
        if isinstance(part, Bold | Italic):
            yield from _walk(part.parts)


def _lines_of(block: Block) -> Iterable[Line]:
    if isinstance(block, Para):
        yield block.line
    elif isinstance(block, Items):
        yield from block.lines
    elif isinstance(block, Table):
        yield from block.header
        for row in block.rows:
            yield from row


def _plain_inline(part: Inline) -> str:
    if isinstance(part, Text | Code):
        return part.value
    if isinstance(part, Bold | Italic):
        return plain_line(part.parts)
    if isinstance(part, Deleted):
        return f"[-{part.value}-]"
    if isinstance(part, Inserted):
        return f"{{+{part.value}+}}"
    return part.name


def _html_inline(part: Inline) -> str:
    if isinstance(part, Text):
        return escape(part.value, quote=True).replace("\n", "<br>")
    if isinstance(part, Code):
        return f"<code>{escape(part.value, quote=True)}</code>"
    if isinstance(part, Bold):
        return f"<strong>{html_line(part.parts)}</strong>"
    if isinstance(part, Italic):
        return f"<em>{html_line(part.parts)}</em>"
    if isinstance(part, Deleted):
        return f"<del>{escape(part.value, quote=True)}</del>"
    if isinstance(part, Inserted):
        return f"<ins>{escape(part.value, quote=True)}</ins>"
    return (
        f'<a href="https://matrix.to/#/{escape(part.user_id, quote=True)}">{escape(part.name)}</a>'
    )


def _plain_block(block: Block) -> str:
    if isinstance(block, Para):
        return plain_line(block.line)
    if isinstance(block, Items):
        marks = [f"{i}. " if block.ordered else "• " for i in range(1, len(block.lines) + 1)]
        return "\n".join(
            mark + plain_line(line) for mark, line in zip(marks, block.lines, strict=True)
        )
    if isinstance(block, Table):
        cells = [
            [plain_line(c) for c in block.header],
            *[[plain_line(c) for c in r] for r in block.rows],
        ]
        widths = [
            max(len(row[i]) if i < len(row) else 0 for row in cells) for i in range(len(cells[0]))
        ]
        rendered = [
            "   ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip()
            for row in cells
        ]
        return "\n".join(rendered)
    return "\n".join("> " + line for line in block.text.splitlines() or [""])


def _html_block(block: Block, index: int) -> str:
    prefix = "<br>" if index and isinstance(block, Para) else ""
    if isinstance(block, Para):
        return prefix + html_line(block.line)
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        inner = "".join(f"<li>{html_line(line)}</li>" for line in block.lines)
        return f"<{tag}>{inner}</{tag}>"
    if isinstance(block, Table):
        head = "".join(f"<th>{html_line(c)}</th>" for c in block.header)
        body = "".join(
            "<tr>" + "".join(f"<td>{html_line(c)}</td>" for c in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    text = escape(block.text, quote=True).replace("\n", "<br>")
    return f"<blockquote>{text}</blockquote>"
