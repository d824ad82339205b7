"""Where a press release stands, derived from its audit (never stored as a flag)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.markup import Line
from commands.pr.desk import Desk
from config import Partner
from storage.pr import releases as store
from storage.pr.releases import (
    APPROVED,
    CHANGES_REQUESTED,
    DECIDING,
    PUBLISHED,
    PressEvent,
    PressRelease,
)


class Status(Enum):
    DRAFT = "draft"
    APPROVED = "approved"
    CHANGES = "changes"


class Mark(Enum):
    """A partner's state on the current version, as the room sees it."""

    APPROVED = "✅"
    PENDING = "⏳"
    CHANGES = "✋"


@dataclass(frozen=True)
class ReleaseState:
    """A release with the latest decision of each partner on its current version."""

    release: PressRelease
    decisions: dict[str, PressEvent]
    published: PressEvent | None

    @classmethod
    def new(cls, release: PressRelease) -> ReleaseState:
        """A release or version just written: nobody has decided on it yet."""
        return cls(release, {}, None)

    @property
    def version(self) -> int:
        return self.release.current_version

    def after(self, event: PressEvent) -> ReleaseState:
        """The state once ``event`` (just appended to the audit) is taken into account."""
        if event.kind == PUBLISHED:
            return replace(self, published=event)
        if event.kind in DECIDING and event.partner_id is not None:
            return replace(self, decisions={**self.decisions, event.partner_id: event})
        return self

    def approval(self, partner_id: str) -> PressEvent | None:
        """The event by which ``partner_id`` approved the current version, if it stands."""
        event = self.decisions.get(partner_id)
        return event if event is not None and event.kind == APPROVED else None

    def mark(self, partner_id: str) -> Mark:
        event = self.decisions.get(partner_id)
        if event is None:
            return Mark.PENDING
        if event.kind == APPROVED:
            return Mark.APPROVED
        return Mark.CHANGES if event.kind == CHANGES_REQUESTED else Mark.PENDING

    def missing(self, partners: Sequence[Partner]) -> list[Partner]:
        """Partners whose approval of the current version is still missing."""
        return [p for p in partners if self.mark(p.id) is not Mark.APPROVED]

    def status(self, partners: Sequence[Partner]) -> Status:
        if self.published is not None or not self.missing(partners):
            return Status.APPROVED
        if any(self.mark(p.id) is Mark.CHANGES for p in partners):
            return Status.CHANGES
        return Status.DRAFT


async def load_states(
    session: AsyncSession, releases: Sequence[PressRelease]
) -> list[ReleaseState]:
    """The states of several releases in two queries."""
    decided = await store.decisions(session, releases)
    published = await store.publications(session, [r.id for r in releases])
    return [ReleaseState(r, decided[r.id], published.get(r.id)) for r in releases]


async def load_state(session: AsyncSession, release: PressRelease) -> ReleaseState:
    return (await load_states(session, [release]))[0]


def status_text(desk: Desk, state: ReleaseState) -> str:
    return desk.t(f"pm.status.{state.status(desk.settings.partners).value}")


def status_block(desk: Desk, state: ReleaseState) -> list[Line]:
    """``PM #3 · Version 2 · Entwurf`` and one line per partner with ✅, ⏳ or ✋."""
    lines = [
        desk.line(
            "pm.head",
            id=state.release.id,
            version=state.version,
            status=status_text(desk, state),
        )
    ]
    for partner in desk.settings.partners:
        mark = state.mark(partner.id)
        event = state.decisions.get(partner.id)
        if mark is Mark.CHANGES and event is not None and event.reason:
            lines.append(
                desk.line(
                    "pm.partner_reason", mark=mark.value, partner=partner.name, reason=event.reason
                )
            )
        else:
            lines.append(desk.line("pm.partner", mark=mark.value, partner=partner.name))
    return lines


def partner_names(partners: Sequence[Partner], *, short: bool = False) -> str:
    return ", ".join(p.label if short else p.name for p in partners)
