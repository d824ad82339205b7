"""What a sector report says: the section, the trend, the horizon (parsed, with user texts).

Trends are stored as ``growing`` / ``stable`` / ``declining`` and shown as ↑ → ↓.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field

from commands.core.args import CleanText
from commands.core.catalogue import Catalogue
from commands.core.errors import ArgError
from commands.sectors.wz import Section, find_section


class Trend(Enum):
    GROWING = "growing"
    STABLE = "stable"
    DECLINING = "declining"

    @property
    def mark(self) -> str:
        return _MARKS[self]

    def word(self, texts: Catalogue) -> str:
        """``wachsend`` / ``growing``."""
        return texts.t(f"sectors.trend.{self.value}")


_MARKS = {Trend.GROWING: "↑", Trend.STABLE: "→", Trend.DECLINING: "↓"}
_TREND_WORDS: dict[str, Trend] = {
    **dict.fromkeys(
        (
            "wachsend",
            "steigend",
            "wachsen",
            "zunehmend",
            "positiv",
            "aufwärts",
            "growing",
            "rising",
            "increasing",
            "up",
            "↑",
            "+",
            "⬆",
        ),
        Trend.GROWING,
    ),
    **dict.fromkeys(("stabil", "gleich", "gleichbleibend", "stable", "→", "=", "➡"), Trend.STABLE),
    **dict.fromkeys(
        (
            "rückläufig",
            "ruecklaeufig",
            "rucklaufig",
            "sinkend",
            "fallend",
            "schrumpfend",
            "abnehmend",
            "negativ",
            "abwärts",
            "declining",
            "falling",
            "shrinking",
            "decreasing",
            "down",
            "↓",
            "-",
            "⬇",
        ),
        Trend.DECLINING,
    ),
}
#: Words of degree around a trend word (``"leicht rückläufig"``, ``wachsend stark``): the
#: trend is understood, the degree belongs in the text.
_DEGREES = frozenset(
    {"stark", "leicht", "etwas", "deutlich", "sehr", "kaum", "moderat", "eher", "schwach"}
    | {"strongly", "slightly", "somewhat", "clearly", "very", "strong", "slight"}
)
_HORIZON = re.compile(
    r"(\d{1,3})\s*(m|mon\.?|monat|monate|monaten|month|months|j|jahr|jahre|jahren|y|year|years)?",
    re.ASCII | re.I,
)
MAX_HORIZON_MONTHS = 120


def parse_trend(value: object) -> Trend:
    """``wachsend``, ``growing``, ``↑`` … → :class:`Trend`; else an :class:`ArgError`."""
    if isinstance(value, Trend):
        return value
    text = str(value).strip()
    words = [w for w in text.casefold().split() if w not in _DEGREES]
    found = _TREND_WORDS.get(words[0]) if len(words) == 1 else None
    if found is None:
        degree = text.casefold() in _DEGREES
        key = "sectors.error.degree_first" if degree else "sectors.error.bad_trend"
        raise ArgError(key, value=text[:40])
    return found


def parse_horizon(value: object) -> str:
    """``6m``, ``12 Monate``, ``2j`` → months as ``6m`` / ``12m`` / ``24m``.

    A number and its unit may stand apart (``horizont=6 Monate``): the router gives an
    unquoted option every word up to the next option."""
    text = str(value).strip()
    match = _HORIZON.fullmatch(text)
    if match is None:
        raise ArgError("sectors.error.bad_horizon", value=text[:40])
    number = int(match.group(1))
    unit = (match.group(2) or "m").casefold()
    months = number * 12 if unit[0] in "jy" else number
    if not 1 <= months <= MAX_HORIZON_MONTHS:
        raise ArgError("sectors.error.bad_horizon", value=text[:40])
    return f"{months}m"


def _section(value: object) -> Section:
    if isinstance(value, Section):
        return value
    return find_section(str(value))


SectorArg = Annotated[Section, BeforeValidator(_section)]
TrendArg = Annotated[Trend, BeforeValidator(parse_trend)]
HorizonArg = Annotated[str, BeforeValidator(parse_horizon)]


class ReportArgs(BaseModel):
    """``!branche melden <sektor> <trend> <text> [bedarf=…] [horizont=…]``."""

    sektor: SectorArg
    trend: TrendArg
    text: CleanText
    bedarf: CleanText = Field(default="", max_length=300)
    horizont: HorizonArg | None = None


class SectorArgs(BaseModel):
    """``!branche <sektor>``."""

    sektor: SectorArg
