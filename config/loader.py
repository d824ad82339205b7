"""Load settings from a TOML file plus environment, with errors that name the key."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import ValidationError

from config.settings import OFFLINE, Settings


class ConfigError(Exception):
    """The configuration is unusable; the message names each key and its problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_settings(path: Path | str | None = None, *, offline: bool = False) -> Settings:
    """Read ``path`` (or ``$KOOPBOT_CONFIG``), apply ``KOOPBOT_<SECTION>__<KEY>`` overrides, validate.

    ``offline``: for commands that only use the database (``koopbot export``, ``koopbot
    verify-log``); the ``[matrix]`` section and its password or token may then be missing.
    """
    chosen = path or os.environ.get("KOOPBOT_CONFIG")
    data: dict[str, object] = {}
    if chosen:
        file = Path(chosen)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError([f"{file}: file not found"]) from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([f"{file}: not valid TOML ({exc})"]) from None
    if offline:
        data.setdefault("matrix", {})
    token = OFFLINE.set(offline)
    try:
        return Settings(**data)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise ConfigError([_describe(error) for error in exc.errors()]) from None
    finally:
        OFFLINE.reset(token)


def _describe(error: object) -> str:
    assert isinstance(error, dict)
    location = ".".join(str(part) for part in error.get("loc", ())) or "(top level)"
    message = str(error.get("msg", "invalid"))
    message = message.removeprefix("Value error, ")
    if error.get("type") == "missing":
        message = "required key is missing"
    elif error.get("type") == "extra_forbidden":
        message = "unknown key (see config/example.toml)"
    return f"{location}: {message}"
