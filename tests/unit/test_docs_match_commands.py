"""The README's command table and the guide's command reference are what the declarations
generate (``scripts/command_table.py``), and usage references in texts resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import all_commands
from commands.core.catalogue import (
    USAGE,
    Catalogue,
    declared_commands,
    merged,
    with_usages,
    wordings,
)
from commands.help.reference import (
    GUIDE_MARKERS,
    README_MARKERS,
    REGENERATE,
    between,
    guide_entries,
    guide_reference,
    readme_rows,
    readme_table,
)

ROOT = Path(__file__).resolve().parents[2]


def drift(path: Path, markers: tuple[str, str], block: str, entries: list[tuple[str, str]]) -> str:
    """'' if the file holds ``block``; else which commands differ and how to regenerate."""
    written = between(path.read_text(), markers)
    if written == block:
        return ""
    stale = sorted({command for command, entry in entries if entry not in written})
    return (
        f"{path.name} differs from the command declarations"
        + (f" for: {', '.join('!' + c for c in stale)}" if stale else " (order or extra lines)")
        + f". Regenerate with: {REGENERATE}"
    )


def test_the_readme_table_is_generated_from_the_declarations() -> None:
    commands, texts = all_commands(), Catalogue("de")
    problem = drift(
        ROOT / "README.md",
        README_MARKERS,
        readme_table(commands, texts),
        readme_rows(commands, texts),
    )
    assert not problem, problem


def test_the_guide_reference_is_generated_from_the_declarations() -> None:
    commands, texts = all_commands(), Catalogue("de")
    problem = drift(
        ROOT / "docs" / "anleitung.md",
        GUIDE_MARKERS,
        guide_reference(commands, texts),
        guide_entries(commands, texts),
    )
    assert not problem, problem


def test_a_drifted_row_names_its_command(tmp_path: Path) -> None:
    commands, texts = all_commands(), Catalogue("de")
    block = readme_table(commands, texts)
    copy = tmp_path / "README.md"
    copy.write_text(
        f"{README_MARKERS[0]}\n{block.replace('<titel> [frist=…]', '<titel>')}\n{README_MARKERS[1]}"
    )
    problem = drift(copy, README_MARKERS, block, readme_rows(commands, texts))
    assert "for: !pm entwurf." in problem and REGENERATE in problem


def test_the_catalogue_resolves_usages_from_every_declared_command() -> None:
    assert [c.full_name for c in declared_commands()] == [c.full_name for c in all_commands()]


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_usage_reference_resolves_to_its_declaration(language: str) -> None:
    raw = merged(language)  # type: ignore[arg-type]
    names = {c.full_name for c in all_commands()}
    for key, entry in raw.items():
        for match in (m for text in wordings(entry) for m in USAGE.finditer(text)):
            assert match.group(1).strip() in names, (key, match.group(0))
    filled = with_usages(raw).items()
    assert not [key for key, entry in filled if any("{usage:" in t for t in wordings(entry))]


def test_a_usage_reference_is_the_declared_usage() -> None:
    texts = Catalogue("de")
    assert texts.t("meetings.list_empty").endswith("!termin neu <datum> <zeit> <titel>")
    assert texts.t("meetings.agenda_empty", day="8. Dez.", id=4).endswith("!tagesordnung 4 <punkt>")


def test_english_usages_name_english_commands_and_fields() -> None:
    """Every field a usage shows by name has an English label (options: their alias), so an
    English text or help never falls back to a German word."""
    english = Catalogue("en")
    for command in all_commands():
        for name in (*command.positional, *([command.rest] if command.rest else [])):
            assert english.has(f"arg.{name}"), (command.full_name, name)
        usage = english.usage(command)
        assert usage.startswith("!" + command.english_name), usage
    texts = Catalogue("en")
    assert texts.t("meetings.list_empty").endswith("!meeting new <date> <time> <title>")
    assert "!sector report <sector> <trend> <text> [demand=…] [horizon=…]" in texts.t(
        "sectors.round_empty"
    )
