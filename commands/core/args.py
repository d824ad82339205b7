"""Argument types shared by commands; their validators raise :class:`ArgError` with user text."""

from __future__ import annotations

import unicodedata
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


_JOINER = "\u200d"

#: Every quotation mark a user may type: straight, German, English, French.
QUOTE_MARKS = "\"'„“”‚‘’»«›‹"


def clean_text(value: str) -> str:
    """Without control characters, bidirectional overrides and other invisible format
    characters, which can disguise text; and without the whitespace around it.

    Everything visible stays as typed, line breaks and tabs too, and so do spaces of every
    width (a no-break space would otherwise glue two words together) and the zero-width
    joiner between two emoji (👩‍💻); between letters it is dropped like the others.
    """
    kept: list[str] = []
    for index, char in enumerate(value):
        visible = char in "\n\t" or (char.isprintable() and not _is_bidi(char))
        space = unicodedata.category(char) == "Zs"
        if visible or space or (char == _JOINER and _between_emoji(kept, value[index + 1 :])):
            kept.append(char)
    return "".join(kept).strip()


def _between_emoji(before: list[str], after: str) -> bool:
    """Whether a joiner stands between two symbols (not letters, digits or spaces)."""
    return bool(before and after) and all(
        not c.isalnum() and not c.isspace() and c.isprintable() for c in (before[-1], after[0])
    )


def search_text(value: str) -> str:
    """A search term: its words, without the quotation marks around them, so that
    ``„Zukunft Magdeburg“`` finds what ``Zukunft Magdeburg`` finds. Only a text that is
    stored is kept as typed; a search term is not stored."""
    words = (word.strip(QUOTE_MARKS) for word in clean_text(value).split())
    return " ".join(word for word in words if word)


def _is_bidi(char: str) -> bool:
    return "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069"


UserId = Annotated[str, BeforeValidator(_user_id)]
ItemId = Annotated[int, BeforeValidator(_item_id)]
CleanText = Annotated[str, AfterValidator(clean_text)]
SearchText = Annotated[str, AfterValidator(search_text)]
