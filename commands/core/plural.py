"""A text with one wording per plural category, chosen by Babel's plural rules.

German and English know two categories (``one`` for exactly 1, ``other`` for the rest);
the catalogue picks the wording from the ``count`` parameter, so no feature writes
``if count == 1`` and no key is doubled into ``…_one`` and ``…_many``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.plural import PluralRule


@dataclass(frozen=True)
class Plural:
    """``Plural(one="1 Eintrag", other="{count} Einträge")``."""

    one: str
    other: str

    def wordings(self) -> tuple[str, str]:
        return (self.one, self.other)

    def choose(self, language: str, count: int) -> str:
        return self.one if _rule(language)(count) == "one" else self.other


#: A catalogue entry: one wording, or one per plural category.
Entry = str | Plural


@cache
def _rule(language: str) -> PluralRule:
    return Locale.parse(language).plural_form
