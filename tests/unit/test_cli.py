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
    assert "matrix.user_id: „koopbot“ ist keine Matrix-Kennung – Form @name:example.org." in err
    assert "storage.url: „mysql://u:pw@h/db“" not in err  # the URL may hold a password
    assert "storage.url:" in err and "sqlite+aiosqlite:///DATEI" in err
    assert "Value error" not in err
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


def _config(tmp_path: Path, text: str) -> Path:
    config = tmp_path / "koopbot.toml"
    config.write_text(text)
    return config


def test_check_config_refuses_what_cannot_run_and_says_how_to_fix_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, '[matrix]\npassword = "geheim"\n')
    with pytest.raises(SystemExit) as caught:
        main(["check-config", "--config", str(config)])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert "OK" not in captured.out
    for wanted in (
        "Es ist kein Partner eingetragen – je Partner einen Abschnitt [[partners]]",
        "Es ist keine Koordination eingetragen",
        "Es ist kein Raum eingetragen",
        'matrix.user_id fehlt – die Kennung des Bots, z. B. "@koopbot:example.org"',
        "matrix.homeserver fehlt",
        "config/example.toml",
    ):
        assert wanted in captured.err, wanted


def test_check_config_speaks_the_configured_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(
        tmp_path,
        'language = "en"\ntimezone = "Mars/Olympus"\n[matrix]\npassword = "x"\n'
        'user_id = "koopbot"\n',
    )
    with pytest.raises(SystemExit):
        main(["check-config", "--config", str(config)])
    err = capsys.readouterr().err
    assert err.startswith("The configuration is invalid:")
    assert "timezone: “Mars/Olympus” is not a time zone – e.g. Europe/Berlin." in err
    assert "matrix.user_id: “koopbot” is not a Matrix user id" in err


def test_export_still_loads_without_matrix_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, f'[storage]\nurl = "sqlite+aiosqlite:///{tmp_path}/k.db"\n')
    out = tmp_path / "b.csv"
    assert (
        main(["export", "decisions", "--format", "csv", "--out", str(out), "--config", str(config)])
        == 0
    )


def test_db_upgrade_is_quiet_unless_verbose(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        EXAMPLE.read_text().replace(
            "sqlite+aiosqlite:///koopbot.db", f"sqlite+aiosqlite:///{tmp_path}/k.db"
        ),
    )
    command = [sys.executable, "-m", "bot", "db", "upgrade", "--config", str(config)]
    quiet = subprocess.run(command, capture_output=True, text=True)
    assert quiet.returncode == 0, quiet.stderr
    assert "alembic" not in quiet.stderr and "INFO" not in quiet.stderr
    (tmp_path / "k.db").unlink()
    verbose = subprocess.run([*command, "-v"], capture_output=True, text=True)
    assert verbose.returncode == 0, verbose.stderr
    assert "INFO alembic" in verbose.stderr


def test_run_names_the_homeserver_it_cannot_reach(tmp_path: Path) -> None:
    text = EXAMPLE.read_text()
    text = text.replace("sqlite+aiosqlite:///koopbot.db", f"sqlite+aiosqlite:///{tmp_path}/k.db")
    text = text.replace('store_path = "./store"', f'store_path = "{tmp_path}/store"')
    text = text.replace("https://matrix.example.org", "http://127.0.0.1:9")
    config = _config(tmp_path, text)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--config", str(config)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        seen = []
        for line in process.stderr:
            seen.append(line)
            if "failed" in line:
                break
        assert "cannot reach http://127.0.0.1:9" in "".join(seen), "".join(seen)
    finally:
        process.kill()  # still retrying its login: nothing to finish
        process.wait(timeout=30)
