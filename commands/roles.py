"""Who may do what (SPEC §3): configured, never guessed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from config import Partner, Settings


class Role(Enum):
    """What a command requires."""

    EVERYONE = "everyone"
    MEMBER = "member"  # a partner member
    PARTICIPANT = "participant"  # a partner member or a coordinator
    COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Identity:
    """What the configuration says about one user."""

    user_id: str
    partner: Partner | None
    coordinator: bool

    def may(self, role: Role) -> bool:
        if role is Role.EVERYONE:
            return True
        if role is Role.MEMBER:
            return self.partner is not None
        if role is Role.COORDINATOR:
            return self.coordinator
        return self.coordinator or self.partner is not None


def identify(settings: Settings, user_id: str) -> Identity:
    return Identity(user_id, settings.partner_of(user_id), user_id in settings.coordinators)
