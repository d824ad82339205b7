"""Short durations as written in the configuration: ``7d``, ``1h``, ``30m``, ``1d12h``."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

_PART = re.compile(r"(\d+)\s*(w|d|h|m|s)", re.IGNORECASE)
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes", "s": "seconds"}


@lru_cache(maxsize=256)
def parse_duration(text: str) -> timedelta:
    """Parse ``7d``, ``1h``, ``90m`` or combinations like ``1d12h``; raise ValueError otherwise.

    Kept per text: the reminder offsets are parsed again wherever they are used (``!status``
    among them), and a timedelta cannot be changed by whoever gets it."""
    compact = text.strip().replace(" ", "")
    if not compact:
        raise ValueError("empty duration")
    total = timedelta()
    position = 0
    for match in _PART.finditer(compact):
        if match.start() != position:
            break
        total += timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})
        position = match.end()
    if position != len(compact):
        raise ValueError(f"'{text}' is not a duration like 7d, 1h or 30m")
    return total
