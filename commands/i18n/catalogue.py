"""Look up user-visible texts by key; parameters may be plain strings or markup parts."""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from types import ModuleType
from typing import Literal

from commands.i18n import (
    core_texts,
    decision_texts,
    export_texts,
    meeting_texts,
    press_texts,
    sector_texts,
)
from commands.markup import Inline, Line, Text

Language = Literal["de", "en"]

#: The modules holding texts, one per feature, each with a ``DE`` and an ``EN`` dict.
TEXT_MODULES: tuple[ModuleType, ...] = (
    core_texts,
    press_texts,
    meeting_texts,
    decision_texts,
    export_texts,
    sector_texts,
)


def merged(language: Language, modules: tuple[ModuleType, ...] = TEXT_MODULES) -> dict[str, str]:
    """All texts of one language; a key defined twice is a programming error."""
    texts: dict[str, str] = {}
    for module in modules:
        part: Mapping[str, str] = getattr(module, language.upper())
        duplicate = texts.keys() & part.keys()
        if duplicate:
            raise KeyError(f"text keys defined twice: {sorted(duplicate)}")
        texts.update(part)
    return texts


class Catalogue:
    """One language's texts. ``t`` gives a string, ``line`` gives markup with parts kept."""

    def __init__(self, language: Language) -> None:
        self.language: Language = language
        self._texts = merged(language)

    def has(self, key: str) -> bool:
        return key in self._texts

    def t(self, key: str, **params: object) -> str:
        """The text for ``key`` with ``{name}`` placeholders filled as plain text."""
        return self._texts[key].format(**{k: _plain(v) for k, v in params.items()})

    def line(self, key: str, **params: object) -> Line:
        """The text for ``key`` as a line; markup parameters (mentions, bold) stay markup."""
        parts: list[Inline] = []
        for literal, name, spec, _conv in Formatter().parse(self._texts[key]):
            if literal:
                parts.append(Text(literal))
            if name is None:
                continue
            value = params[name]
            if isinstance(value, tuple):
                parts.extend(value)
            elif isinstance(value, Inline):
                parts.append(value)
            else:
                parts.append(Text(format(value, spec or "")))
        return tuple(parts)


def _plain(value: object) -> object:
    from commands.markup import plain_line

    if isinstance(value, tuple):
        return plain_line(value)
    if isinstance(value, Inline):
        return plain_line((value,))
    return value
