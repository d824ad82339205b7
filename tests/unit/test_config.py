"""Configuration: the example file is valid, errors name the key, the environment overrides."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from config import ConfigError, load_settings
from config.durations import parse_duration

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "example.toml"


def test_example_configuration_is_valid_and_complete() -> None:
    settings = load_settings(EXAMPLE)
    assert [p.id for p in settings.partners] == ["stadt", "agentur", "jobcenter"]
    documented = EXAMPLE.read_text()
    for key in (
        "language",
        "timezone",
        "coordinators",
        "homeserver",
        "store_path",
        "offsets",
        "grace",
        "max_message_chars",
        "outbox_alert",
        "notices_and_inputs",
        "display_names",
        "short_name",
        "deputy",
    ):
        assert key in documented, key  # fmt: skip


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOOPBOT_MATRIX__PASSWORD", "from-env")
    monkeypatch.setenv("KOOPBOT_LANGUAGE", "en")
    monkeypatch.setenv("KOOPBOT_STORAGE__URL", "postgresql+asyncpg://koopbot@127.0.0.1/koopbot")
    settings = load_settings(EXAMPLE)
    assert settings.matrix.password == "from-env"
    assert settings.language == "en"
    assert settings.storage.backend == "PostgreSQL"
    assert settings.matrix.user_id == "@koopbot:example.org"  # the rest stays from the file


def _errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return caught.value.problems


def test_errors_name_key_and_problem(tmp_path: Path) -> None:
    problems = _errors(
        tmp_path,
        """
language = "fr"
timezone = "Mars/Olympus"
coordinators = ["koordination"]
[matrix]
user_id = "@bot:example.org"
password = "x"
[reminders]
offsets = ["7 Tage"]
""",
    )
    text = "\n".join(problems)
    assert "language:" in text
    assert "timezone: 'Mars/Olympus' is not a known time zone" in text
    assert "coordinators.0: 'koordination' is not a Matrix user id" in text
    assert "reminders.offsets:" in text


def test_a_member_of_two_partners_is_refused(tmp_path: Path) -> None:
    problems = _errors(
        tmp_path,
        """
[matrix]
password = "x"
[[partners]]
id = "stadt"
name = "Stadt"
members = ["@a:example.org"]
[[partners]]
id = "agentur"
name = "Agentur"
members = ["@a:example.org"]
""",
    )
    assert any("@a:example.org is a member of both 'stadt' and 'agentur'" in p for p in problems)


def test_missing_credentials_and_unknown_keys(tmp_path: Path) -> None:
    problems = _errors(tmp_path, '[matrix]\nuser_id = "@b:example.org"\nfarbe = "rot"\n')
    assert any(p.startswith("matrix.farbe: unknown key") for p in problems)
    problems = _errors(tmp_path, '[matrix]\nuser_id = "@b:example.org"\n')
    assert any("set matrix.password or matrix.access_token" in p for p in problems)


def test_the_outbox_alert_is_a_positive_duration(tmp_path: Path) -> None:
    assert load_settings(EXAMPLE).limits.outbox_alert_delta == timedelta(minutes=10)
    head = '[matrix]\npassword = "x"\n[limits]\n'
    for value, problem in (("0m", "longer than zero"), ("zehn", "not a duration")):
        problems = _errors(tmp_path, f'{head}outbox_alert = "{value}"\n')
        assert any(p.startswith("limits.outbox_alert:") and problem in p for p in problems)


def test_missing_file_and_broken_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "none.toml")
    assert any("not valid TOML" in p for p in _errors(tmp_path, "language = "))


def test_redacted_settings_hide_secrets() -> None:
    settings = load_settings(EXAMPLE).model_copy(update={})
    settings.matrix.password = "geheim"
    settings.storage.url = "postgresql+asyncpg://koopbot:geheim@127.0.0.1/koopbot"
    assert "geheim" not in str(settings.redacted())


@pytest.mark.parametrize(
    ("text", "minutes"), [("7d", 7 * 1440), ("1h", 60), ("90m", 90), ("1d12h", 2160)]
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text).total_seconds() == minutes * 60


@pytest.mark.parametrize("text", ["", "7", "d7", "1x", "7 Tage"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)
