"""One CSV record as text: every field in quotes, inner quotes doubled, formulas defused.

Text that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``, and a
leading tab or carriage return) gets a leading apostrophe (OWASP: CSV injection).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

DELIMITER = ";"
_FORMULA_START = frozenset("=+-@\t\r")
_SEPARATOR = "\x00"  # never in a field: user text is cleaned of control characters
_BETWEEN = '"' + DELIMITER + '"'


def escape(text: str) -> str:
    """A field's text ready to stand between quotes: defused and with quotes doubled."""
    if text[:1] in _FORMULA_START:
        text = "'" + text
    return text.replace('"', '""')


def record(fields: Iterable[str]) -> str:
    """Escaped fields (see :func:`escape`) as one record without its line end."""
    return '"' + _BETWEEN.join(fields) + '"'


def line(cells: Sequence[str | int], check: Iterable[int] | None = None) -> str:
    """Any cells as one record: the fields at the positions in ``check`` (all if None) are
    defused, every field is quoted.

    The fields are joined first and quoted with two ``str.replace`` calls: per-field
    quoting in Python is twice as slow, and this runs for every row.
    """
    texts = list(map(str, cells))
    for index in range(len(texts)) if check is None else check:
        if texts[index][:1] in _FORMULA_START:
            texts[index] = "'" + texts[index]
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:  # a field holds the separator itself
        joined = _SEPARATOR.join(text.replace(_SEPARATOR, "") for text in texts)
    return '"' + joined.replace('"', '""').replace(_SEPARATOR, _BETWEEN) + '"'
