"""Who belongs where at one moment: partner members and coordinators.

The configuration gives the first view; once the bot runs, the database holds the
membership (``commands.members``) and each change replaces the view in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Membership:
    """An immutable snapshot: user id → partner id, and the coordinators."""

    partner_of: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    coordinators: frozenset[str] = frozenset()

    @classmethod
    def of(cls, members: Iterable[tuple[str, str]], coordinators: Iterable[str]) -> Membership:
        """From ``(user id, partner id)`` pairs and coordinator ids."""
        return cls(MappingProxyType(dict(members)), frozenset(coordinators))

    def members_of(self, partner_id: str) -> list[str]:
        """The members of one partner, sorted."""
        return sorted(user for user, partner in self.partner_of.items() if partner == partner_id)
