"""The README command table and the staff guide's command reference, generated from the
declarations (``scripts/command_table.py`` writes them; a test holds the files to it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from commands.core.catalogue import Catalogue
from commands.core.roles import Role
from commands.core.router import PREFIX, Command

README_MARKERS = ("<!-- befehle:start -->", "<!-- befehle:end -->")
GUIDE_MARKERS = ("<!-- befehle:start -->", "<!-- befehle:end -->")
REGENERATE = "python scripts/command_table.py --write"
NOTE = f"<!-- Erzeugt aus den Befehlsdeklarationen: {REGENERATE} -->"

#: The short role labels of the README's "Wer" column.
WHO = {
    Role.EVERYONE: "alle",
    Role.MEMBER: "Partner",
    Role.PARTICIPANT: "Partner, Koordination",
    Role.COORDINATOR: "Koordination",
}


@dataclass(frozen=True)
class Form:
    """One declared form of a command: the command itself or one of its variants."""

    command: str  # full name, to say which command drifted
    usage: str
    english: str
    role: Role
    help: str
    example: str


def forms(commands: Sequence[Command[Any]], texts: Catalogue) -> list[Form]:
    found = []
    for c in commands:
        english = PREFIX + c.english_name
        found.append(Form(c.full_name, c.usage(), english, c.role, texts.t(c.help), c.example))
        found += [
            Form(
                c.full_name,
                c.variant_usage(v),
                f"{english} {v.form}",
                v.role,
                texts.t(v.help),
                v.example,
            )
            for v in c.variants
        ]
    return found


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def readme_rows(commands: Sequence[Command[Any]], texts: Catalogue) -> list[tuple[str, str]]:
    """``(command, table row)`` for the README's table (Befehl | English | Wer | Was)."""
    return [
        (
            f.command,
            f"| `{_cell(f.usage)}` | `{f.english}` | {WHO[f.role]} | {_cell(f.help)} |",
        )
        for f in forms(commands, texts)
    ]


def readme_table(commands: Sequence[Command[Any]], texts: Catalogue) -> str:
    head = ["| Befehl | English | Wer | Was |", "|---|---|---|---|"]
    return "\n".join([NOTE, "", *head, *(row for _, row in readme_rows(commands, texts))])


def guide_entries(commands: Sequence[Command[Any]], texts: Catalogue) -> list[tuple[str, str]]:
    """``(command, entry)`` for the guide's reference: usage, what, who, example."""
    entries = []
    for f in forms(commands, texts):
        role = texts.t(f"role.{f.role.value}")
        lines = f.example.split("\n")
        if len(lines) == 1:
            example = f"  Beispiel: `{f.example}`"
        else:
            example = "\n".join(["  Beispiel:", "  ```", *(f"  {line}" for line in lines), "  ```"])
        entries.append((f.command, f"- `{f.usage}` – {f.help}. Wer: {role}.\n{example}"))
    return entries


def guide_reference(commands: Sequence[Command[Any]], texts: Catalogue) -> str:
    body = "\n".join(entry for _, entry in guide_entries(commands, texts))
    return "\n".join([NOTE, "", "## Alle Befehle", "", body])


def replace_between(text: str, markers: tuple[str, str], block: str) -> str:
    """``text`` with what stands between the markers replaced by ``block``."""
    start, end = markers
    head, found, rest = text.partition(start)
    if not found or end not in rest:
        raise ValueError(f"markers {start} … {end} not found")
    _, _, tail = rest.partition(end)
    return f"{head}{start}\n{block}\n{end}{tail}"


def between(text: str, markers: tuple[str, str]) -> str:
    start, end = markers
    return text.partition(start)[2].partition(end)[0].strip("\n")
