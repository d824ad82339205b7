"""The code stays ruff- and mypy-clean, and imports point one way (config, storage ← commands ← bot)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {
    "config": {"config"},
    "storage": {"storage"},
    "commands": {"commands", "config", "storage"},
    "bot": {"bot", "commands", "config", "storage"},
}


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_point_one_way() -> None:
    wrong = []
    for package, allowed in ALLOWED.items():
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    top = name.split(".")[0]
                    if top in ALLOWED and top not in allowed:
                        wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, wrong


def test_nio_stays_at_the_edge() -> None:
    users = sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "bot").rglob("*.py")
        if "import nio" in p.read_text() or "from nio" in p.read_text()
    )
    # people.py plays the human users in demo and tests; matrix.py is the bot's only Matrix edge.
    assert users == ["bot/matrix.py", "bot/people.py"]
