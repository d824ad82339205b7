"""Where each partner stands on one decision version, derived from the log (never stored).

A version starts with the consents it was recorded with (``agreed``): a partner member's
own organisation, or the partners the coordination named with ``zustimmung=`` for a
meeting. Each later consent entry of one partner (consented, objected, withdrawn) replaces
that partner's stand. Once every partner has consented the decision is carried by all;
the commands and reactions refuse to change it after that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from config import Partner
from storage.decisions.models import Kind


class Mark(Enum):
    """A partner's stand as the room sees it: the same marks as press releases."""

    CONSENTED = "✅"
    PENDING = "⏳"
    OBJECTED = "✋"


class Given(Enum):
    """How a consent came about."""

    OWN = "own"  # a member of the partner, for their organisation
    MEETING = "meeting"  # named by the coordination with zustimmung= when recording
    RECORDED = "recorded"  # recorded with the decision by another partner (before consents)


@dataclass(frozen=True)
class Fact:
    """One consent entry, as the fold needs it (from an ORM entry or an export row)."""

    entry_id: int
    kind: str
    partner_id: str
    user_id: str
    at: datetime
    reason: str = ""
    via: str | None = None


@dataclass(frozen=True)
class Stand:
    """One partner's stand on a version; ``user_id``/``at`` say who and when."""

    mark: Mark
    given: Given | None = None
    user_id: str | None = None
    at: datetime | None = None
    reason: str = ""
    entry_id: int | None = None  # the consent entry, None for a consent recorded with it
    via: str | None = None


PENDING = Stand(Mark.PENDING)


@dataclass(frozen=True)
class Consent:
    """The stands of every partner on one decision version."""

    version_id: int
    stands: dict[str, Stand]

    def stand(self, partner_id: str) -> Stand:
        return self.stands.get(partner_id, PENDING)

    def missing(self, partners: Sequence[Partner]) -> list[Partner]:
        """Partners whose consent is not (or no longer) given."""
        return [p for p in partners if self.stand(p.id).mark is not Mark.CONSENTED]

    def pending(self, partners: Sequence[Partner]) -> list[Partner]:
        """Partners who have neither consented nor objected."""
        return [p for p in partners if self.stand(p.id).mark is Mark.PENDING]

    def objecting(self, partners: Sequence[Partner]) -> list[Partner]:
        return [p for p in partners if self.stand(p.id).mark is Mark.OBJECTED]

    def carried(self, partners: Sequence[Partner]) -> bool:
        """True once every partner has consented."""
        return not self.missing(partners)


def fold(
    version_id: int,
    agreed: Iterable[str],
    author: str,
    author_partner: str | None,
    recorded_at: datetime,
    facts: Iterable[Fact],
) -> Consent:
    """The stands on a version: its recorded consents, then its consent entries in order."""
    stands: dict[str, Stand] = {}
    for partner_id in agreed:
        if author_partner is None:
            stands[partner_id] = Stand(Mark.CONSENTED, Given.MEETING, author, recorded_at)
        elif partner_id == author_partner:
            stands[partner_id] = Stand(Mark.CONSENTED, Given.OWN, author, recorded_at)
        else:
            stands[partner_id] = Stand(Mark.CONSENTED, Given.RECORDED, author, recorded_at)
    for fact in facts:
        if fact.kind == Kind.CONSENTED.value:
            mark, given = Mark.CONSENTED, Given.OWN
        elif fact.kind == Kind.OBJECTED.value:
            mark, given = Mark.OBJECTED, Given.OWN
        else:
            stands.pop(fact.partner_id, None)
            continue
        stands[fact.partner_id] = Stand(
            mark, given, fact.user_id, fact.at, fact.reason, fact.entry_id, fact.via
        )
    return Consent(version_id, stands)


class Logged(Protocol):
    """What the fold reads of a log entry: an ORM entry or a list page's plain copy."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def concerns(self) -> int | None: ...
    @property
    def agreed(self) -> list[str]: ...
    @property
    def author(self) -> str: ...
    @property
    def author_partner(self) -> str | None: ...
    @property
    def recorded_at(self) -> datetime: ...
    @property
    def wording(self) -> str: ...
    @property
    def via(self) -> str | None: ...


def fact_of(entry: Logged) -> Fact:
    return Fact(
        entry.id,
        entry.kind,
        entry.author_partner or "",
        entry.author,
        entry.recorded_at,
        entry.wording,
        entry.via,
    )


def consent_of(version: Logged, entries: Iterable[Logged]) -> Consent:
    """The consent on ``version`` given its consent entries (any order, others ignored)."""
    facts = sorted(
        (fact_of(e) for e in entries if e.concerns == version.id), key=lambda f: f.entry_id
    )
    return fold(
        version.id,
        version.agreed,
        version.author,
        version.author_partner,
        version.recorded_at,
        facts,
    )
