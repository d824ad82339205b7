"""Load settings from a TOML file plus environment, with errors that name the key."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from config.settings import OFFLINE, Settings


@dataclass(frozen=True)
class Problem:
    """One problem of the configuration, for a message in the configured language:
    where (``matrix.user_id``), what kind (``missing``, ``user_id``, …), the value given
    and the English description."""

    location: str
    kind: str
    value: str
    english: str


class ConfigError(Exception):
    """The configuration is unusable; the message names each key and its problem.

    ``problems`` are the English lines, ``details`` the same as :class:`Problem`, and
    ``language`` the language the file asks for (``de`` if it names none or an unknown one).
    """

    def __init__(
        self, problems: list[str], details: list[Problem] | None = None, language: str = "de"
    ) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
        self.details = details or [Problem("", "other", "", p) for p in problems]
        self.language = language


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
            english = f"{file}: file not found"
            problem = Problem(str(file), "file_not_found", str(file), english)
            raise ConfigError([english], [problem], _language({})) from None
        except tomllib.TOMLDecodeError as exc:
            english = f"{file}: not valid TOML ({exc})"
            problem = Problem(str(file), "toml", str(exc), english)
            raise ConfigError([english], [problem], _language({})) from None
    if offline:
        data.setdefault("matrix", {})
    token = OFFLINE.set(offline)
    try:
        return Settings(**data)  # type: ignore[arg-type]
    except ValidationError as exc:
        errors = exc.errors()
        details = [_problem(error) for error in errors]
        raise ConfigError(
            [_describe(error) for error in errors], details, _language(data)
        ) from None
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


#: The kind of a refused value, by the name of its key (the last part of its location).
_KINDS = {
    "user_id": "user_id",
    "coordinators": "user_id",
    "members": "user_id",
    "contact": "user_id",
    "deputy": "user_id",
    "display_names": "user_id",
    "homeserver": "homeserver",
    "rooms": "room",
    "url": "storage_url",
    "timezone": "timezone",
    "offsets": "duration",
    "grace": "duration",
    "notices_and_inputs": "duration",
    "outbox_alert": "duration",
    "id": "partner_id",
    "language": "language",
}


def _problem(error: ErrorDetails) -> Problem:
    location = [str(part) for part in error["loc"] if not isinstance(part, int)]
    where = ".".join(str(part) for part in error["loc"]) or "(top level)"
    english = _describe(error)
    value = error.get("input")
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    shown = value if isinstance(value, str | int | float) else ""
    kind = "other"
    if error.get("type") == "missing":
        kind = "missing"
    elif error.get("type") == "extra_forbidden":
        kind = "unknown_key"
    elif location and location[-1] == "matrix" and "password" in english:
        kind = "credentials"
    elif "used twice" in english:
        kind = "partner_twice"
    elif "member of both" in english:
        kind = "member_twice"
    elif location and shown != "":
        kind = _KINDS.get(location[-1], "other")
    return Problem(where, kind, str(shown), english)


def _language(data: dict[str, object]) -> str:
    """The language asked for by the environment or the file; German if unclear."""
    chosen = os.environ.get("KOOPBOT_LANGUAGE") or data.get("language")
    return "en" if chosen == "en" else "de"
