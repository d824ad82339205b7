"""The one exception a user sees: its text comes from the catalogue."""

from __future__ import annotations

from typing import Any


class CommandError(Exception):
    """A user mistake. ``key`` and ``params`` name a catalogue text shown in the room."""

    def __init__(self, key: str, *, show_usage: bool = True, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        self.show_usage = show_usage


class ArgError(ValueError):
    """Raised by argument validators; becomes a :class:`CommandError` with the same text."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
