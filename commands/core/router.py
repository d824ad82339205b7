"""The pure command router: message text in, command and validated arguments out.

A command is declared once (names, role, argument model, help); parsing, usage lines
and ``!hilfe`` are all derived from that declaration.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from typing_extensions import TypeVar

from commands.core.errors import ArgError, CommandError
from commands.core.roles import Role

if TYPE_CHECKING:
    from commands.core.context import Context, Reply

PREFIX = "!"
#: Opening quotation marks and the marks that may close them (German, English, French,
#: straight): they group a value holding spaces, never the free text. The straight
#: apostrophe opens nothing: it starts words ('s, 'ne).
_QUOTES = {
    '"': '"',
    "„": "“”",
    "‚": "‘’",
    "“": "”“",
    "‘": "’‘",
    "»": "«»",
    "«": "»«",
    "›": "‹›",
    "‹": "›‹",
}
#: Every quotation mark: a free text of nothing else is no text.
_QUOTE_MARKS = "\"'„“”‚‘’»«›‹"
_OPTION = re.compile(r"([A-Za-zÄÖÜäöüß_]+)=")
_WORD = re.compile(r"\S+")


class NoArgs(BaseModel):
    """Arguments of a command that takes none."""


#: A command's argument model. The default lets a list of mixed commands be written as
#: plain ``Command`` (= ``Command[Any]``); a single declaration infers ``A`` from its
#: ``args`` and ``handler``, so the two must agree.
A = TypeVar("A", bound=BaseModel, default=Any)


@dataclass(frozen=True, kw_only=True)
class Variant(Generic[A]):
    """A form of a command that needs another role than the command's own, decided on the
    validated arguments before the handler runs (``!beschluss 3`` shows, for everyone)."""

    #: The words after the command name, as in a usage line (``[nr]``).
    form: str
    #: Whether the arguments are this form.
    when: Callable[[A], bool]
    role: Role
    help: str  # catalogue key of the one-line description
    example: str


@dataclass(frozen=True, kw_only=True)
class Command(Generic[A]):
    """One command: German name first, then the English alias.

    Generic in its argument model ``A``: ``handler`` must take exactly what ``args``
    validates, which mypy checks at each declaration.
    """

    names: tuple[str, ...]
    handler: Callable[[Context, A], Awaitable[Reply]]
    args: type[A]
    role: Role
    help: str  # catalogue key of the one-line description
    example: str
    #: Forms needing another role, checked in order; the first that matches decides.
    variants: tuple[Variant[A], ...] = ()
    sub: tuple[str, ...] = ()  # subcommand names, German first ("setzen", "set")
    positional: tuple[str, ...] = ()
    rest: str | None = None  # field of the free text, cut from the message as typed (``bind``)
    options: dict[str, str] = field(default_factory=dict)  # alias -> field (e.g. "place": "ort")
    #: The handler only reads storage, so its reply may go out before it is recorded
    #: (``bot.dispatch``); ``tests/unit/test_reading_commands.py`` holds every such command to it.
    reads_only: bool = False

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def full_name(self) -> str:
        return " ".join((self.name, *self.sub[:1]))

    @property
    def english_name(self) -> str:
        """``contacts set``: the English alias and, for a subcommand, its English word."""
        name = self.names[1] if len(self.names) > 1 else self.name
        if not self.sub:
            return name
        return f"{name} {self.sub[1] if len(self.sub) > 1 else self.sub[0]}"

    def role_for(self, args: A) -> Role:
        """The role these (validated) arguments need: the first matching variant's, else
        the command's own."""
        return next((v.role for v in self.variants if v.when(args)), self.role)

    def option_fields(self) -> list[str]:
        taken = {*self.positional, self.rest}
        return [name for name in self.args.model_fields if name not in taken]

    def usage(
        self,
        *,
        short: bool = False,
        filled: Mapping[str, str] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> str:
        """``!kontakte setzen <partner> <person> [vertretung=…]`` from the declaration.

        ``short`` leaves out what is optional; ``filled`` writes a value (or a ``{name}``
        placeholder of a text) instead of ``<field>``, for an option as ``field=value``.
        ``labels`` (English field names from the catalogue) gives the English usage:
        ``!contacts set <partner> <person> [deputy=…]``, options by their English alias.
        """
        filled = filled or {}
        fields = self.args.model_fields
        english = {field: alias for alias, field in self.options.items()} if labels else {}
        label = (labels or {}).get
        words = [PREFIX + (self.english_name if labels else self.full_name)]
        for name in (*self.positional, *([self.rest] if self.rest else [])):
            shown = label(name, name)
            if name in filled:
                words.append(filled[name])
            elif fields[name].is_required():
                words.append(f"<{shown}>")
            elif not short:
                words.append(f"[{shown}]")
        for name in self.option_fields():
            info, shown = fields[name], english.get(name, name)
            if name in filled:
                words.append(f"{shown}={filled[name]}")
            elif info.is_required():
                words.append(f"<{shown}=…>")
            elif not short:
                words.append(
                    f"[{shown}=…]" if info.default in (None, "") else f"[{shown}={info.default}]"
                )
        return " ".join(words)

    def variant_usage(self, variant: Variant[Any], labels: Mapping[str, str] | None = None) -> str:
        """``!beschluss [nr]``; with ``labels`` the English ``!decision [no]``."""
        if not labels:
            return f"{PREFIX}{self.full_name} {variant.form}"
        form = _FORM_WORD.sub(
            lambda m: m.group(1) + labels.get(m.group(2), m.group(2)), variant.form
        )
        return f"{PREFIX}{self.english_name} {form}"


#: A field named in a variant's form: ``<nr>`` or ``[nr]``.
_FORM_WORD = re.compile(r"([<\[])(\w+)")


@dataclass(frozen=True)
class Invocation:
    command: Command[Any]
    args: BaseModel


@dataclass(frozen=True)
class UsageError(Exception):
    """A parse or validation failure tied to the command whose usage should be shown;
    ``choices``: the subcommands to list when none (or an unknown one) was given."""

    error: CommandError
    command: Command[Any] | None
    choices: tuple[Command[Any], ...] = ()


#: The spellings without umlauts and ß that a name is also found by (``beschluesse``).
_PLAIN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def spellings(name: str) -> set[str]:
    """``name`` folded, and its umlaut-free spelling: {"beschlüsse", "beschluesse"}."""
    folded = name.casefold()
    return {folded, folded.translate(_PLAIN)}


class Router:
    """Finds the command for a message and validates its arguments."""

    def __init__(self, commands: Iterable[Command[Any]]) -> None:
        self.commands: tuple[Command[Any], ...] = tuple(commands)
        self._by_name: dict[str, list[Command[Any]]] = {}
        #: Every spelling of each command's subcommand words, worked out once (by ``id``).
        self._sub_spellings = {
            id(command): frozenset(s for sub in command.sub for s in spellings(sub))
            for command in self.commands
        }
        for command in self.commands:
            for name in command.names:
                for spelling in spellings(name):
                    family = self._by_name.setdefault(spelling, [])
                    if command not in family:
                        family.append(command)

    def family(self, name: str) -> list[Command[Any]]:
        """All commands reachable as ``!name …`` (the command and its subcommands)."""
        return self._by_name.get(name.casefold().lstrip(PREFIX), [])

    def parse(self, text: str) -> Invocation | None:
        """None if ``text`` is not a command; raises :class:`UsageError` for bad input."""
        stripped = text.strip()
        if not stripped.startswith(PREFIX) or len(stripped) < 2 or stripped[1].isspace():
            return None
        first, _, body = stripped.partition("\n")
        line = first[len(PREFIX) :]
        name_end = _word(line, 0)
        assert name_end is not None  # the text after the prefix starts with a word
        name = line[: name_end[1]]
        family = self.family(name)
        if not family:
            close = self._suggestion(name)
            key = "error.unknown_command_close" if close else "error.unknown_command"
            unknown = CommandError(key, name=name, close=close or "", show_usage=False)
            raise UsageError(unknown, None)
        rest = line[name_end[1] :]
        sub = _word(rest, 0)
        word = rest[sub[0] : sub[1]] if sub else None
        command = self._pick(family, word)
        if command is None:
            key = "error.unknown_sub" if word else "error.sub_needed"
            problem = CommandError(key, name=name, word=word or "", show_usage=False)
            raise UsageError(problem, None, tuple(family))
        if command.sub and sub is not None:
            rest = rest[sub[1] :]
        try:
            return Invocation(command, bind(command, rest, body))
        except CommandError as error:
            raise UsageError(error, command) from None

    def _pick(self, family: Sequence[Command[Any]], word: str | None) -> Command[Any] | None:
        """The family member whose subcommand is ``word``, else the one without."""
        typed = spellings(word) if word is not None else set()
        for command in family:
            if typed & self._sub_spellings[id(command)]:
                return command
        return next((c for c in family if not c.sub), None)

    def _suggestion(self, name: str) -> str | None:
        """The closest known name to suggest, only one of a family that can be read
        without writing: following a suggestion must never record anything unasked
        (``!beschlüse`` suggests ``!beschlüsse``, never ``!beschluss``)."""
        names = {n.casefold() for command in self.commands for n in command.names}
        close = difflib.get_close_matches(name.casefold(), names, n=6, cutoff=0.7)
        return next(
            (c for c in close if any(cmd.reads_only for cmd in self._by_name[c])),
            None,
        )


def _word(line: str, start: int) -> tuple[int, int] | None:
    """The bounds of the first whitespace-delimited word at or after ``start``."""
    found = _WORD.search(line, start)
    return (found.start(), found.end()) if found else None


def _closing(line: str, start: int) -> int | None:
    """The index of the quote closing the one at ``start``: a fitting closing mark that
    ends a word (space or line end after it); None if there is none."""
    marks = _QUOTES[line[start]]
    for index in range(start + 1, len(line)):
        if line[index] in marks and (index + 1 == len(line) or line[index + 1].isspace()):
            return index
    return None


def _token(line: str, start: int) -> tuple[str, int]:
    """A positional value at ``start``: one word, or a quoted group holding spaces."""
    if line[start] in _QUOTES:
        end = _closing(line, start)
        if end is None:
            raise CommandError("error.unclosed_quote")
        return line[start + 1 : end], end + 1
    bounds = _word(line, start)
    assert bounds is not None  # ``start`` is at a word
    return line[bounds[0] : bounds[1]], bounds[1]


@dataclass(frozen=True)
class _Option:
    """An option as typed: where its word starts, its name and the field it sets."""

    start: int
    typed: str
    field: str


class _Line:
    """The first line after the command's name, read from left to right."""

    def __init__(self, text: str, allowed: Mapping[str, str]) -> None:
        self.text = text
        self.allowed = allowed

    def skip(self, index: int) -> int:
        bounds = _word(self.text, index)
        return bounds[0] if bounds else len(self.text)

    def option_at(self, index: int) -> _Option | None:
        """The option starting at ``index`` (a word start), if its name is declared."""
        match = _OPTION.match(self.text, index)
        if match is None or match.group(1).casefold() not in self.allowed:
            return None
        return _Option(index, match.group(1), self.allowed[match.group(1).casefold()])

    def next_option(self, index: int, *, strict: bool) -> tuple[int, _Option | None]:
        """The start of the first option at a word start from ``index`` on (or the line's
        end). ``strict``: a ``name=`` word with an undeclared name is refused."""
        position = index
        while (bounds := _word(self.text, position)) is not None:
            position = bounds[1]
            if bounds[0] and not self.text[bounds[0] - 1].isspace():
                continue  # inside a value's first word (``wiederholung=FREQ=DAILY``)
            option = self.option_at(bounds[0])
            if option is not None:
                return bounds[0], option
            if strict and (unknown := _OPTION.match(self.text, bounds[0])) is not None:
                raise CommandError("error.unknown_option", option=unknown.group(1))
        return len(self.text), None


def bind(command: Command[Any], line: str, body: str) -> BaseModel:
    """Map the rest of the first line and the lines below onto the command's argument
    model and validate it.

    The first line holds, in this order: the positional values (one word each, or a
    quoted group), the free text (``rest``), then the options. An option is a word
    ``name=value`` whose name the command declares (a field or an alias of ``options``,
    any case); its value is a quoted group (``ort="Rathaus, Raum 3"``) or everything up
    to the next option or the line's end (``horizont=6 Monate``). The free text is cut
    from the message as typed: quotes, ``=`` and spaces inside it stay as they are, and a
    ``name=`` word that is no declared option stays text (``=HYPERLINK(…)``, ``a=b``);
    after the first option (and in a command without free text) such a word is refused
    as an unknown option, so a mistyped option is named.
    Only the whitespace before and after the whole text and before the first option is
    dropped; a text of nothing but quotation marks (``""``) is no text. The lines below
    the first belong to the free text, unchanged (options are read on the first line only).
    An unquoted value of several words that its field refuses while the first word alone
    would do is explained as words after the option (``horizont=6 Wochen``), never moved
    into the free text.
    """
    allowed = {name.casefold(): name for name in command.option_fields()}
    allowed.update({alias.casefold(): target for alias, target in command.options.items()})
    reader = _Line(line, allowed)
    values: dict[str, Any] = {}
    index = reader.skip(0)
    for name in command.positional:
        if index == len(line) or reader.option_at(index) is not None:
            break
        values[name], index = _token(line, index)
        index = reader.skip(index)
    start, option = reader.next_option(index, strict=not command.rest)
    head = line[index:start] if option is None else line[index:start].rstrip()
    if command.rest:
        text = f"{head}\n{body}" if body.strip() else head
        if text.strip(_QUOTE_MARKS + " \t\n"):  # only quotation marks is no text: ``""``
            values[command.rest] = text.strip()
    elif head.strip() or body.strip():
        raise CommandError("error.extra_words", words=head.strip() or body.strip()[:40])
    spaced = _options(reader, option, values)
    try:
        model: BaseModel = command.args.model_validate(values)
        return model
    except ValidationError as exc:
        raise _explain_options(command, exc, values, spaced) from None


def _options(
    reader: _Line, option: _Option | None, values: dict[str, Any]
) -> dict[str, tuple[str, str]]:
    """Read the options into ``values``; returns the unquoted values holding spaces, by
    field, as (name typed, value)."""
    line = reader.text
    spaced: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    while option is not None:
        if option.field in seen:
            raise CommandError("error.duplicate_option", option=option.typed)
        seen.add(option.field)
        start = option.start + len(option.typed) + 1
        if start < len(line) and line[start] in _QUOTES:
            end = _closing(line, start)
            if end is None:
                raise CommandError("error.unclosed_quote")
            values[option.field] = line[start + 1 : end]
            after, following = reader.next_option(end + 1, strict=True)
            if line[end + 1 : after].strip():
                raise CommandError(
                    "error.words_after_option",
                    option=option.typed,
                    value=line[start : end + 1],
                    words=line[end + 1 : after].strip()[:60],
                )
        else:
            after, following = reader.next_option(start, strict=True)
            value = line[start:after].strip()
            values[option.field] = value
            if len(value.split()) > 1:
                spaced[option.field] = (option.typed, value)
        option = following
    return spaced


def _explain_options(
    command: Command[Any],
    exc: ValidationError,
    values: dict[str, Any],
    spaced: Mapping[str, tuple[str, str]],
) -> CommandError:
    """The error to show: for an option whose value of several words is refused while
    its first word alone would do, the words after it are named (``horizont=6 Wochen``)."""
    failed = _failed_field(exc, command)
    if failed in spaced:
        typed, value = spaced[failed]
        first, rest = value.split(maxsplit=1)
        try:
            command.args.model_validate({**values, failed: first})
        except ValidationError as again:
            if _failed_field(again, command) == failed:
                return _explain(exc, command)
        return CommandError("error.words_after_option", option=typed, value=first, words=rest[:60])
    return _explain(exc, command)


def _first_error(exc: ValidationError, command: Command[Any]) -> ErrorDetails:
    """The error to explain first: of the field typed first (positional values, the free
    text, then the options), so ``!beschluss ändern`` asks for the id before the text."""
    typed = [*command.positional, *([command.rest] if command.rest else [])]
    order = {name: index for index, name in enumerate(typed)}

    def place(error: ErrorDetails) -> int:
        loc = error["loc"]
        return order.get(str(loc[0]), len(order)) if loc else len(order)

    return min(exc.errors(), key=place)


def _failed_field(exc: ValidationError, command: Command[Any]) -> str:
    loc = _first_error(exc, command)["loc"]
    return str(loc[0]) if loc else ""


def _explain(exc: ValidationError, command: Command[Any]) -> CommandError:
    error = _first_error(exc, command)
    name = _failed_field(exc, command)
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, ArgError):
        return CommandError(cause.key, **cause.params)
    if error["type"] == "missing":
        return CommandError("error.missing_arg", arg=name)
    if error["type"] in ("string_too_long", "too_long"):
        return CommandError(
            "error.too_long", arg=name, limit=error.get("ctx", {}).get("max_length", "")
        )
    value = error.get("input", "")
    field = command.args.model_fields.get(name)
    choices = [str(c) for c in get_args(field.annotation)] if field is not None else []
    if error["type"] == "literal_error" and choices:
        return CommandError(
            "error.invalid_choice", arg=name, value=str(value)[:60], choices=", ".join(choices)
        )
    return CommandError("error.invalid_arg", arg=name, value=str(value)[:60])
