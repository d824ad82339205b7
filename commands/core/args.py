"""Argument types shared by commands; their validators raise :class:`ArgError` with user text."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from commands.core.errors import ArgError
from config.settings import USER_ID


def _user_id(value: object) -> str:
    text = str(value).strip()
    # Clients may send a pill's plain form "Name: " or a matrix.to link; accept the link.
    if text.startswith("https://matrix.to/#/"):
        text = text.removeprefix("https://matrix.to/#/")
    if not USER_ID.match(text):
        raise ArgError("error.not_a_user", value=text[:60])
    return text


def _item_id(value: object) -> int:
    text = str(value).strip().removeprefix("#")
    if not text.isdigit() or len(text) > 9:
        raise ArgError("error.not_a_number", value=str(value)[:30])
    return int(text)


def clean_text(value: str) -> str:
    """Without control characters and bidirectional overrides, which can disguise text."""
    cleaned = "".join(ch for ch in value if ch in "\n\t" or (ch.isprintable() and not _is_bidi(ch)))
    return cleaned.strip()


def _is_bidi(char: str) -> bool:
    return "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069"


UserId = Annotated[str, BeforeValidator(_user_id)]
ItemId = Annotated[int, BeforeValidator(_item_id)]
CleanText = Annotated[str, AfterValidator(clean_text)]
