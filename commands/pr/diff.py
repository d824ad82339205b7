"""A readable word diff between two versions: removed ``[-…-]``, added ``{+…+}``."""

from __future__ import annotations

from difflib import SequenceMatcher

from commands.core.markup import Deleted, Inline, Inserted, Line, Text

ELLIPSIS = "…"


def word_diff(old: str, new: str, *, context: int = 6) -> Line:
    """The changes with ``context`` unchanged words around each; empty if nothing changed."""
    before, after = old.split(), new.split()
    if before == after:
        return ()
    opcodes = SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    pieces: list[Inline] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            pieces.extend(_context(before[i1:i2], context, index, len(opcodes)))
            continue
        if i2 > i1:
            pieces.append(Deleted(" ".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(Inserted(" ".join(after[j1:j2])))
    line: list[Inline] = []
    for piece in pieces:
        if line:
            line.append(Text(" "))
        line.append(piece)
    return tuple(line)


def _context(words: list[str], context: int, index: int, count: int) -> list[Inline]:
    """Unchanged words, shortened to their ends where they are long."""
    first, last = index == 0, index == count - 1
    keep_head = 0 if first else context
    keep_tail = 0 if last else context
    if len(words) <= keep_head + keep_tail + 1:
        return [Text(" ".join(words))]
    parts = [*words[:keep_head], ELLIPSIS, *words[len(words) - keep_tail :]]
    return [Text(" ".join(parts))]
