"""Public holidays where the partners work (Sachsen-Anhalt), from the maintained ``holidays`` package."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays

COUNTRY, REGION = "DE", "ST"


@lru_cache(maxsize=32)
def _calendar(year: int, language: str) -> dict[date, str]:
    names = holidays.country_holidays(
        COUNTRY, subdiv=REGION, years=year, language="de" if language == "de" else "en_US"
    )
    return dict(names.items())


def holiday_name(day: date, language: str) -> str | None:
    """The name of the public holiday on ``day`` in Sachsen-Anhalt, or None."""
    return _calendar(day.year, language).get(day)
