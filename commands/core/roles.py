"""Who may do what (partner member, coordinator, anyone else): from the current membership
(the database, seeded from the configuration; ``commands.members``), never guessed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from commands.core.catalogue import Catalogue
from config import Partner, Settings


class Role(Enum):
    """What a command requires."""

    EVERYONE = "everyone"
    MEMBER = "member"  # a partner member
    PARTICIPANT = "participant"  # a partner member or a coordinator
    COORDINATOR = "coordinator"


@dataclass(frozen=True)
class Identity:
    """What the current membership says about one user."""

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
    """The user's roles now: read from the in-memory membership, no database round trip."""
    return Identity(user_id, settings.partner_of(user_id), settings.is_coordinator(user_id))


def refusal_text(texts: Catalogue, sender: Identity, role: Role, command: str) -> str:
    """The one refusal sentence: which role ``!command`` needs, which role the sender has."""
    if sender.partner is not None:
        key = "yours.both" if sender.coordinator else "yours.member"
        yours = texts.t(key, partner=sender.partner.name)
    else:
        yours = texts.t("yours.coordinator" if sender.coordinator else "yours.guest")
    needed = texts.t(f"refusal.{role.value}", command=command)
    return texts.t("refusal", needed=needed, yours=yours, name=command.split()[0])
