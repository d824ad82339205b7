"""How decisions read: outcomes, statuses, kinds, people and partners, in either language."""

from __future__ import annotations

from datetime import date

from commands.core.catalogue import Catalogue
from commands.core.errors import CommandError
from config import Settings
from storage.decisions.models import Status
from storage.decisions.state import OVERDUE

ADOPTED, ADOPTED_WITH_CHANGES, REJECTED, POSTPONED = (
    "adopted",
    "adopted_with_changes",
    "rejected",
    "postponed",
)
OUTCOMES = (ADOPTED, ADOPTED_WITH_CHANGES, REJECTED, POSTPONED)
_OUTCOME_WORDS = {
    "beschlossen": ADOPTED,
    "angenommen": ADOPTED,
    "adopted": ADOPTED,
    "geändert beschlossen": ADOPTED_WITH_CHANGES,
    "geaendert beschlossen": ADOPTED_WITH_CHANGES,
    "geändert": ADOPTED_WITH_CHANGES,
    "geaendert": ADOPTED_WITH_CHANGES,
    "adopted with changes": ADOPTED_WITH_CHANGES,
    "abgelehnt": REJECTED,
    "rejected": REJECTED,
    "vertagt": POSTPONED,
    "postponed": POSTPONED,
}
#: Search words that filter by status (``!beschlüsse überfällig``).
STATUS_WORDS: dict[str, str] = {
    "gültig": Status.VALID.value,
    "gueltig": Status.VALID.value,
    "offen": Status.VALID.value,
    "valid": Status.VALID.value,
    "open": Status.VALID.value,
    "erledigt": Status.DONE.value,
    "done": Status.DONE.value,
    "aufgehoben": Status.REVOKED.value,
    "revoked": Status.REVOKED.value,
    "ersetzt": Status.SUPERSEDED.value,
    "superseded": Status.SUPERSEDED.value,
    "überfällig": OVERDUE,
    "ueberfaellig": OVERDUE,
    "überschritten": OVERDUE,
    "overdue": OVERDUE,
}
CLEARING = {"keine", "keiner", "niemand", "none", "nobody", "-", "–"}


def parse_outcome(text: str) -> str:
    """``beschlossen``, ``geändert beschlossen``, ``abgelehnt``, ``vertagt`` (or English)."""
    found = _OUTCOME_WORDS.get(" ".join(text.split()).casefold())
    if found is None:
        raise CommandError("decisions.error.bad_outcome", value=text.strip()[:40])
    return found


def outcome_label(texts: Catalogue, outcome: str) -> str:
    return texts.t(f"decisions.outcome.{outcome if outcome in OUTCOMES else 'none'}")


def status_label(texts: Catalogue, status: Status, successor_id: int | None) -> str:
    """gültig / erledigt / aufgehoben / ersetzt durch #n."""
    return texts.t(f"decisions.status.{status.value}", by=successor_id or "")


def kind_label(texts: Catalogue, kind: str, refers_to: int | None) -> str:
    """Beschluss / Änderung von #3 / Aufhebung von #3 / Erledigung von #3."""
    return texts.t(f"decisions.kind.{kind}", ref=refers_to or "")


def person(settings: Settings, user_id: str | None, *, with_id: bool = False) -> str:
    """A person's configured display name, else their user id's local part.

    ``with_id`` (for files) adds the user id: ``Bernd Krüger (@b.krueger:example.org)``.
    """
    if not user_id:
        return ""
    name = settings.display_names.get(user_id) or user_id.split(":", 1)[0].lstrip("@")
    return f"{name} ({user_id})" if with_id else name


def author(
    texts: Catalogue,
    settings: Settings,
    user_id: str,
    partner_id: str | None,
    *,
    with_id: bool = False,
) -> str:
    """``Anna Schulz (Landeshauptstadt Magdeburg)`` or ``… (Koordination)``."""
    partner = settings.partner(partner_id) if partner_id else None
    where = partner.name if partner else texts.t("yours.coordinator")
    name = person(settings, user_id, with_id=with_id)
    return texts.t("decisions.who_file" if with_id else "decisions.who", name=name, partner=where)


def overdue(deadline: date | None, status: Status, today: date) -> bool:
    return deadline is not None and status is Status.VALID and deadline < today
