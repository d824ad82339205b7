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
    # demo/people.py plays the human users in demo and tests; matrix.py is the bot's only
    # Matrix edge.
    assert users == ["bot/demo/people.py", "bot/matrix.py"]


#: The demo extra's own packages: only the demo harness (bot/demo/) may import them.
DEMO_ONLY = {"yaml", "aiohttp", "synapse"}


def test_demo_dependencies_stay_in_the_demo_package() -> None:
    wrong = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in ALLOWED or relative.parts[:2] == ("bot", "demo"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            wrong += [f"{relative} imports {n}" for n in names if n.split(".")[0] in DEMO_ONLY]
            wrong += [f"{relative} imports {n}" for n in names if n.startswith("bot.demo")]
    # The CLI starts the demo on request only, from inside ``cmd_demo``.
    assert wrong == ["bot/cli.py imports bot.demo"], wrong


def test_the_product_does_not_load_the_demo() -> None:
    """What ``koopbot run`` loads (bot.cli, then bot.app) holds neither the demo package nor
    its extra's libraries. aiohttp is matrix-nio's HTTP client, so it arrives with bot.matrix
    (a product dependency through nio) and is checked before that import only."""
    probe = (
        "import sys\n"
        "def loaded(*names):\n"
        "    return sorted(m for m in sys.modules if m.split('.')[0] in names"
        " or m == 'bot.demo' or m.startswith('bot.demo.'))\n"
        "import bot.cli\n"
        "print(loaded('yaml', 'aiohttp', 'synapse'))\n"
        "import bot.app\n"
        "print(loaded('yaml', 'synapse'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["[]", "[]"], result.stdout + result.stderr
