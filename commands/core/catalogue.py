"""Look up user-visible texts by key; parameters may be plain strings or markup parts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from string import Formatter
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from commands.contacts import texts as contacts_texts
from commands.core import texts as core_texts
from commands.core.markup import Inline, Line, Text
from commands.core.plural import Entry, Plural
from commands.decisions import texts as decisions_texts
from commands.export import texts as export_texts
from commands.help import texts as help_texts
from commands.meetings import texts as meetings_texts
from commands.notices import texts as notices_texts
from commands.pr import texts as pr_texts
from commands.sectors import texts as sectors_texts
from commands.status import texts as status_texts

if TYPE_CHECKING:
    from commands.core.router import Command

Language = Literal["de", "en"]


#: A text that repeats a command's usage refers to the command instead, so the two cannot
#: drift: ``{usage:termin neu}`` is ``!termin neu <datum> <zeit> <titel> [ort=…] …`` as
#: declared, ``{usage:termin neu|kurz}`` only its required parts, and further words fill
#: arguments with the text's own parameters: ``{usage:tagesordnung|kurz id}`` is
#: ``!tagesordnung {id} <punkt>``, ``am=date`` gives ``am={date}``. Filled in once, when the
#: catalogue is built (:func:`with_usages`).
USAGE = re.compile(r"\{usage:([^{}|]+)(?:\|([^{}]*))?\}")

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


def merged(language: Language, modules: tuple[ModuleType, ...] = TEXT_MODULES) -> dict[str, Entry]:
    """All texts of one language; a key defined twice is a programming error."""
    texts: dict[str, Entry] = {}
    for module in modules:
        part: Mapping[str, Entry] = getattr(module, language.upper())
        duplicate = texts.keys() & part.keys()
        if duplicate:
            raise KeyError(f"text keys defined twice: {sorted(duplicate)}")
        texts.update(part)
    return texts


def declared_commands() -> list[Command[Any]]:
    """Every command, in the order of ``bot.app.all_commands`` (a test holds the two equal).

    Imported here, late, because the command tables import this module; a feature's
    texts may name any feature's command."""
    from commands.contacts import commands as contacts
    from commands.decisions import commands as decisions
    from commands.export import commands as export
    from commands.help import commands as help_
    from commands.meetings import commands as meetings
    from commands.notices import commands as notices
    from commands.pr import commands as pr
    from commands.sectors import commands as sectors
    from commands.status import commands as status

    tables = (help_, status, contacts, pr, meetings, decisions, export, notices, sectors)
    return [command for table in tables for command in table.commands()]


@cache
def _by_full_name() -> dict[str, Command[Any]]:
    return {c.full_name: c for c in declared_commands()}


def usage_of(reference: str) -> str:
    """What ``{usage:<reference>}`` stands for (see :data:`USAGE`)."""
    match = USAGE.fullmatch(f"{{usage:{reference}}}")
    if match is None:
        raise KeyError(f"not a usage reference: {reference!r}")
    return _usage(match)


def _usage(match: re.Match[str]) -> str:
    command = _by_full_name().get(match.group(1).strip())
    if command is None:
        raise KeyError(f"{match.group(0)} names no declared command")
    words = (match.group(2) or "").split()
    short = "kurz" in words
    filled: dict[str, str] = {}
    for word in (w for w in words if w != "kurz"):
        name, _, param = word.partition("=")
        if name not in command.args.model_fields:
            raise KeyError(f"{match.group(0)}: {command.full_name} has no argument {name!r}")
        filled[name] = "{" + (param or name) + "}"
    return command.usage(short=short, filled=filled)


def with_usages(texts: Mapping[str, Entry]) -> dict[str, Entry]:
    """``texts`` with every ``{usage:…}`` reference replaced by the declared usage."""
    return {key: _fill_usages(entry) for key, entry in texts.items()}


def wordings(entry: Entry) -> tuple[str, ...]:
    """Every wording of a catalogue entry (one, or one per plural category)."""
    return entry.wordings() if isinstance(entry, Plural) else (entry,)


def _fill_usages(entry: Entry) -> Entry:
    if isinstance(entry, Plural):
        return Plural(one=_fill(entry.one), other=_fill(entry.other))
    return _fill(entry)


def _fill(text: str) -> str:
    return USAGE.sub(_usage, text) if "{usage:" in text else text


class Catalogue:
    """One language's texts. ``t`` gives a string, ``line`` gives markup with parts kept."""

    def __init__(self, language: Language) -> None:
        self.language: Language = language
        self._texts = with_usages(merged(language))

    def has(self, key: str) -> bool:
        return key in self._texts

    def t(self, key: str, **params: object) -> str:
        """The text for ``key`` with ``{name}`` placeholders filled as plain text."""
        return self._text(key, params).format(**{k: _plain(v) for k, v in params.items()})

    def line(self, key: str, **params: object) -> Line:
        """The text for ``key`` as a line; markup parameters (mentions, bold) stay markup."""
        parts: list[Inline] = []
        for literal, name, spec, _conv in Formatter().parse(self._text(key, params)):
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

    def _text(self, key: str, params: Mapping[str, object]) -> str:
        """The wording of ``key``; a :class:`Plural` is resolved by the ``count`` parameter."""
        entry = self._texts[key]
        if isinstance(entry, Plural):
            count = params.get("count")
            if not isinstance(count, int):
                raise TypeError(f"text {key!r} has plural forms and needs an int count")
            return entry.choose(self.language, count)
        return entry


def _plain(value: object) -> object:
    from commands.core.markup import plain_line

    if isinstance(value, tuple):
        return plain_line(value)
    if isinstance(value, Inline):
        return plain_line((value,))
    return value
