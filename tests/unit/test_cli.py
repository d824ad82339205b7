"""The command line: check-config names problems without leaking secrets; db upgrade works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "example.toml"


def test_check_config_accepts_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", "--config", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: 3 Partner, 1 Koordination")
    assert "change-me" not in out


def test_check_config_names_key_and_problem_but_no_secret(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[matrix]\nuser_id = "koopbot"\npassword = "sehr-geheim"\n[storage]\nurl = "mysql://u:pw@h/db"\n'
    )
    with pytest.raises(SystemExit) as caught:
        main(["check-config", "--config", str(bad)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "matrix.user_id: 'koopbot' is not a Matrix user id" in err
    assert "storage.url: use sqlite+aiosqlite:///FILE or postgresql+asyncpg://USER@HOST/DB" in err
    assert "sehr-geheim" not in err and "pw@" not in err


def test_config_path_from_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KOOPBOT_CONFIG", str(EXAMPLE))
    assert main(["check-config"]) == 0


def test_db_upgrade_from_the_shell(tmp_path: Path) -> None:
    config = tmp_path / "koopbot.toml"
    config.write_text(
        EXAMPLE.read_text().replace(
            "sqlite+aiosqlite:///koopbot.db", f"sqlite+aiosqlite:///{tmp_path}/k.db"
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade", "--config", str(config)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Datenbank auf Stand" in result.stdout
