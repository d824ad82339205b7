"""The pure command router: message text in, command and validated arguments out.

A command is declared once (names, role, argument model, help); parsing, usage lines
and ``!hilfe`` are all derived from that declaration.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic

from pydantic import BaseModel, ValidationError
from typing_extensions import TypeVar

from commands.core.errors import ArgError, CommandError
from commands.core.roles import Role

if TYPE_CHECKING:
    from commands.core.context import Context, Reply

PREFIX = "!"
_QUOTES = {'"': '"', "„": "“", "“": "”", "»": "«", "«": "»"}
_OPTION = re.compile(r"^([A-Za-zÄÖÜäöüß_]+)=(.*)$", re.DOTALL)


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
    rest: str | None = None  # field that takes the remaining text, newlines included
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

    def usage(self, *, short: bool = False, filled: Mapping[str, str] | None = None) -> str:
        """``!kontakte setzen <partner> <person> [vertretung=…]`` from the declaration.

        ``short`` leaves out what is optional; ``filled`` writes a value (or a ``{name}``
        placeholder of a text) instead of ``<field>``, for an option as ``field=value``.
        """
        filled = filled or {}
        fields = self.args.model_fields
        words = [PREFIX + self.full_name]
        for name in (*self.positional, *([self.rest] if self.rest else [])):
            if name in filled:
                words.append(filled[name])
            elif fields[name].is_required():
                words.append(f"<{name}>")
            elif not short:
                words.append(f"[{name}]")
        for name in self.option_fields():
            info = fields[name]
            if name in filled:
                words.append(f"{name}={filled[name]}")
            elif info.is_required():
                words.append(f"<{name}=…>")
            elif not short:
                words.append(
                    f"[{name}=…]" if info.default in (None, "") else f"[{name}={info.default}]"
                )
        return " ".join(words)

    def variant_usage(self, variant: Variant[Any]) -> str:
        return f"{PREFIX}{self.full_name} {variant.form}"


@dataclass(frozen=True)
class Invocation:
    command: Command[Any]
    args: BaseModel


@dataclass(frozen=True)
class UsageError(Exception):
    """A parse or validation failure tied to the command whose usage should be shown."""

    error: CommandError
    command: Command[Any] | None


class Router:
    """Finds the command for a message and validates its arguments."""

    def __init__(self, commands: Iterable[Command[Any]]) -> None:
        self.commands: tuple[Command[Any], ...] = tuple(commands)
        self._by_name: dict[str, list[Command[Any]]] = {}
        for command in self.commands:
            for name in command.names:
                self._by_name.setdefault(name.casefold(), []).append(command)

    def family(self, name: str) -> list[Command[Any]]:
        """All commands reachable as ``!name …`` (the command and its subcommands)."""
        return self._by_name.get(name.casefold().lstrip(PREFIX), [])

    def parse(self, text: str) -> Invocation | None:
        """None if ``text`` is not a command; raises :class:`UsageError` for bad input."""
        stripped = text.strip()
        if not stripped.startswith(PREFIX) or len(stripped) < 2 or stripped[1].isspace():
            return None
        first, _, body = stripped.partition("\n")
        try:
            tokens = tokenize(first[len(PREFIX) :])
        except CommandError as error:
            raise UsageError(error, None) from None
        name = tokens.pop(0)
        family = self.family(name)
        if not family:
            close = difflib.get_close_matches(name.casefold(), self._by_name, n=1, cutoff=0.7)
            key = "error.unknown_command_close" if close else "error.unknown_command"
            unknown = CommandError(
                key, name=name, close=close[0] if close else "", show_usage=False
            )
            raise UsageError(unknown, None)
        command = _pick(family, tokens)
        if command is None:
            raise UsageError(
                CommandError("error.unknown_sub", name=name, word=tokens[0] if tokens else ""),
                family[0],
            )
        if command.sub:
            tokens.pop(0)
        try:
            return Invocation(command, bind(command, tokens, body))
        except CommandError as error:
            raise UsageError(error, command) from None


def _pick(family: Sequence[Command[Any]], tokens: list[str]) -> Command[Any] | None:
    word = tokens[0].casefold() if tokens else None
    for command in family:
        if word is not None and word in [s.casefold() for s in command.sub]:
            return command
    return next((c for c in family if not c.sub), None)


def tokenize(line: str) -> list[str]:
    """Split on spaces; ``"…"``, ``„…“`` and ``»…«`` keep spaces, also after ``key=``."""
    tokens: list[str] = []
    current: list[str] = []
    closing: str | None = None
    quoted = False
    for char in line:
        if closing is not None:
            if char == closing:
                closing = None
            else:
                current.append(char)
        elif char in _QUOTES:
            closing = _QUOTES[char]
            quoted = True
        elif char.isspace():
            if current or quoted:
                tokens.append("".join(current))
            current, quoted = [], False
        else:
            current.append(char)
    if closing is not None:
        raise CommandError("error.unclosed_quote")
    if current or quoted:
        tokens.append("".join(current))
    return tokens


def bind(command: Command[Any], tokens: list[str], body: str) -> BaseModel:
    """Map tokens onto the command's argument model and validate it."""
    fields = command.args.model_fields
    allowed = {name.casefold(): name for name in command.option_fields()}
    allowed.update({alias.casefold(): target for alias, target in command.options.items()})
    values: dict[str, Any] = {}
    words: list[str] = []
    for token in tokens:
        match = _OPTION.match(token)
        if match and match.group(1).casefold() in allowed:
            values[allowed[match.group(1).casefold()]] = match.group(2)
        elif match and not command.rest:
            raise CommandError("error.unknown_option", option=match.group(1))
        else:
            words.append(token)
    for name in command.positional:
        if words:
            values[name] = words.pop(0)
    if command.rest:
        text = " ".join(words)
        text = f"{text}\n{body}" if body.strip() else text
        if text.strip():
            values[command.rest] = text.strip()
    elif words or body.strip():
        raise CommandError("error.extra_words", words=" ".join(words) or body.strip()[:40])
    try:
        model: BaseModel = command.args.model_validate(values)
        return model
    except ValidationError as exc:
        raise _explain(exc, fields) from None


def _explain(exc: ValidationError, fields: dict[str, Any]) -> CommandError:
    error = exc.errors()[0]
    name = str(error["loc"][0]) if error["loc"] else ""
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
    return CommandError("error.invalid_arg", arg=name, value=str(value)[:60])
