"""Look up user-visible texts by key; parameters may be plain strings or markup parts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from string import Formatter
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from commands.contacts import texts as contacts_texts
from commands.core import config_texts
from commands.core import texts as core_texts
from commands.core.markup import Inline, Line, Text, plain_line
from commands.core.plural import Entry, Plural
from commands.decisions import texts as decisions_texts
from commands.export import texts as export_texts
from commands.help import texts as help_texts
from commands.meetings import texts as meetings_texts
from commands.members import texts as members_texts
from commands.minutes import texts as minutes_texts
from commands.notices import texts as notices_texts
from commands.pr import texts as pr_texts
from commands.report import texts as report_texts
from commands.sectors import texts as sectors_texts
from commands.status import texts as status_texts

if TYPE_CHECKING:
    from commands.core.router import Command, Variant

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
    config_texts,
    help_texts,
    status_texts,
    contacts_texts,
    members_texts,
    pr_texts,
    meetings_texts,
    decisions_texts,
    export_texts,
    notices_texts,
    sectors_texts,
    minutes_texts,
    report_texts,
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
    from commands.members import commands as members
    from commands.minutes import commands as minutes
    from commands.notices import commands as notices
    from commands.pr import commands as pr
    from commands.report import commands as report
    from commands.sectors import commands as sectors
    from commands.status import commands as status

    tables = (
        help_,
        status,
        contacts,
        members,
        pr,
        meetings,
        decisions,
        export,
        notices,
        sectors,
        minutes,
        report,
    )
    return [command for table in tables for command in table.commands()]


@cache
def _by_full_name() -> dict[str, Command[Any]]:
    return {c.full_name: c for c in declared_commands()}


#: Catalogue keys naming a command's fields in usages: ``arg.datum`` is "datum" in German
#: and "date" in English (options are named by their declared English alias instead).
ARG_LABEL = "arg."


def labels(texts: Mapping[str, Entry]) -> dict[str, str]:
    """The field labels of one language's texts (``arg.*`` keys), by field name."""
    return {
        key.removeprefix(ARG_LABEL): entry
        for key, entry in texts.items()
        if key.startswith(ARG_LABEL) and isinstance(entry, str)
    }


def usage_of(reference: str, language: Language = "de") -> str:
    """What ``{usage:<reference>}`` stands for in ``language`` (see :data:`USAGE`)."""
    match = USAGE.fullmatch(f"{{usage:{reference}}}")
    if match is None:
        raise KeyError(f"not a usage reference: {reference!r}")
    return _usage(match, _labels(language))


@cache
def _labels(language: Language) -> dict[str, str] | None:
    """English usages name fields by their English labels; German ones by the field."""
    return labels(merged(language)) if language != "de" else None


def _usage(match: re.Match[str], names: Mapping[str, str] | None) -> str:
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
    return command.usage(short=short, filled=filled, labels=names)


def with_usages(texts: Mapping[str, Entry], language: Language = "de") -> dict[str, Entry]:
    """``texts`` with every ``{usage:…}`` reference replaced by the declared usage, in
    ``language`` (English usages name the English command and fields)."""
    names = labels(texts) if language != "de" else None

    def fill(text: str) -> str:
        return USAGE.sub(lambda m: _usage(m, names), text) if "{usage:" in text else text

    return {
        key: Plural(one=fill(e.one), other=fill(e.other)) if isinstance(e, Plural) else fill(e)
        for key, e in texts.items()
    }


def wordings(entry: Entry) -> tuple[str, ...]:
    """Every wording of a catalogue entry (one, or one per plural category)."""
    return entry.wordings() if isinstance(entry, Plural) else (entry,)


class Catalogue:
    """One language's texts. ``t`` gives a string, ``line`` gives markup with parts kept."""

    def __init__(self, language: Language) -> None:
        self.language: Language = language
        self._texts = with_usages(merged(language), language)
        self._labels = labels(self._texts) if language != "de" else None

    def usage(self, command: Command[Any]) -> str:
        """The command's usage in this catalogue's language."""
        return command.usage(labels=self._labels)

    def variant_usage(self, command: Command[Any], variant: Variant[Any]) -> str:
        return command.variant_usage(variant, self._labels)

    def has(self, key: str) -> bool:
        return key in self._texts

    def t(self, key: str, **params: object) -> str:
        """The text for ``key`` with ``{name}`` placeholders filled as plain text."""
        return self._text(key, params).format(**{k: _plain(v) for k, v in params.items()})

    def line(self, key: str, **params: object) -> Line:
        """The text for ``key`` as a line; markup parameters (mentions, bold) stay markup.
        Neighbouring plain texts become one part (escaped once)."""
        parts: list[Inline] = []
        plain: list[str] = []  # plain text not yet made a part
        for literal, name, spec in _fields(self._text(key, params)):
            plain.append(literal)
            if name is None:
                continue
            value = params[name]
            if isinstance(value, Text):
                plain.append(value.value)
            elif isinstance(value, tuple | Inline):
                if any(plain):
                    parts.append(Text("".join(plain)))
                plain.clear()
                parts.extend(value if isinstance(value, tuple) else (value,))
            else:
                plain.append(format(value, spec or ""))
        if any(plain):
            parts.append(Text("".join(plain)))
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


@lru_cache(maxsize=2048)
def _fields(text: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """A wording's literal parts and placeholders (name, format spec), parsed once."""
    return tuple((literal, name, spec) for literal, name, spec, _conv in Formatter().parse(text))


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return plain_line(value)
    if isinstance(value, Inline):
        return plain_line((value,))
    return value
