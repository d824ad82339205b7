"""Print (or write) the README command table and the staff guide's command reference,
generated from the command declarations (``bot.app.all_commands``).

    .venv/bin/python scripts/command_table.py            # print both
    .venv/bin/python scripts/command_table.py --write    # update README.md and docs/anleitung.md

Only the parts between ``<!-- befehle:start -->`` and ``<!-- befehle:end -->`` are written;
``tests/unit/test_docs_match_commands.py`` fails when the files differ from this output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.app import all_commands  # noqa: E402
from commands.core.catalogue import Catalogue  # noqa: E402
from commands.help.reference import (  # noqa: E402
    GUIDE_MARKERS,
    README_MARKERS,
    guide_reference,
    readme_table,
    replace_between,
)

README = ROOT / "README.md"
GUIDE = ROOT / "docs" / "anleitung.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update README.md and the guide")
    write = parser.parse_args().write
    commands, texts = all_commands(), Catalogue("de")
    table, reference = readme_table(commands, texts), guide_reference(commands, texts)
    if not write:
        print(f"# README.md\n\n{table}\n\n# docs/anleitung.md\n\n{reference}")
        return
    for path, markers, block in (
        (README, README_MARKERS, table),
        (GUIDE, GUIDE_MARKERS, reference),
    ):
        path.write_text(replace_between(path.read_text(), markers, block))
        print(f"written: {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
