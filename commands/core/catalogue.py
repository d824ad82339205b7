"""Look up user-visible texts by key; parameters may be plain strings or markup parts."""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from types import ModuleType
from typing import Literal

from commands.contacts import texts as contacts_texts
from commands.core import texts as core_texts
from commands.core.markup import Inline, Line, Text
from commands.decisions import texts as decisions_texts
from commands.export import texts as export_texts
from commands.help import texts as help_texts
from commands.meetings import texts as meetings_texts
from commands.notices import texts as notices_texts
from commands.pr import texts as pr_texts
from commands.sectors import texts as sectors_texts
from commands.status import texts as status_texts

Language = Literal["de", "en"]

#: The modules holding texts, the core's and one per feature, each with a ``DE`` and an
#: ``EN`` dict. Listed explicitly (no import-time registry); a feature package's
#: ``__init__`` imports nothing, so importing its ``texts`` here cannot form a cycle.
TEXT_MODULES: tuple[ModuleType, ...] = (
    core_texts,
    help_texts,
    status_texts,
    contacts_texts,
    pr_texts,
    meetings_texts,
    decisions_texts,
    export_texts,
    notices_texts,
    sectors_texts,
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
    from commands.core.markup import plain_line

    if isinstance(value, tuple):
        return plain_line(value)
    if isinstance(value, Inline):
        return plain_line((value,))
    return value
