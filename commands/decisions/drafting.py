"""The arguments of the decision commands and their checks, pure (no storage, no clock).

:func:`prepare_record` and :func:`prepare_amend` turn validated arguments into a
:class:`Draft` or raise :class:`CommandError` with one clear sentence: nothing is
stored before every check has passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, Field

from commands.contacts.lookup import find_partner
from commands.core.args import CleanText, ItemId, SearchText
from commands.core.dates import typed
from commands.core.dates_input import parse_date
from commands.core.errors import ArgError, CommandError
from commands.decisions.words import ADOPTED, CLEARING, parse_outcome
from commands.export.period import past_day
from config import Settings
from config.settings import USER_ID
from storage.decisions.models import DecisionEntry

SUBJECT_LIMIT = 200
SUBJECT_CUT = 120  # a one-line decision longer than this gets a shortened subject
AGENDA_LIMIT = 300
ID_TEXT = re.compile(r"#?\d{1,9}")
_PARTNER_SEPARATORS = re.compile(r"[,;/+\s]+")
_NAME_SEPARATORS = re.compile(r"[,;/+]+")


class RecordArgs(BaseModel):
    """``!beschluss <text> [verantwortlich=…] [frist=…] …``; the text may be an id to show."""

    text: CleanText | None = None
    verantwortlich: str | None = None
    frist: str | None = None
    ergebnis: str | None = None
    top: CleanText | None = None
    zustimmung: str | None = None
    dissens: CleanText | None = None
    datum: str | None = None
    betreff: CleanText | None = None

    def has_options(self) -> bool:
        return any(value is not None for name, value in self if name != "text")


#: English option names.
RECORD_OPTIONS = {
    "responsible": "verantwortlich",
    "deadline": "frist",
    "outcome": "ergebnis",
    "item": "top",
    "agreed": "zustimmung",
    "dissent": "dissens",
    "date": "datum",
    "subject": "betreff",
}


class AmendArgs(RecordArgs):
    id: ItemId
    text: CleanText


class RevokeArgs(BaseModel):
    id: ItemId
    grund: CleanText


class DoneArgs(BaseModel):
    id: ItemId
    vermerk: CleanText | None = None


class ListArgs(BaseModel):
    suchbegriff: SearchText | None = None
    seite: int | None = Field(default=None, ge=1, le=100_000)


@dataclass(frozen=True)
class Draft:
    """A checked decision, ready to be appended to the log."""

    subject: str
    wording: str
    outcome: str
    responsible: str | None
    deadline: date | None
    agenda_item: str | None
    agreed: tuple[str, ...]
    dissent: str
    decided_on: date


def shorten(text: str, limit: int = SUBJECT_CUT) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with ``…``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def split_text(text: str) -> tuple[str, str]:
    """(subject, wording): a first line above more text is the subject."""
    first, _, rest = text.strip().partition("\n")
    if rest.strip():
        return " ".join(first.split()), rest.strip()
    return shorten(text), text.strip()


def parse_person(text: str) -> str | None:
    """A Matrix user id (or a matrix.to link); ``keine`` clears."""
    value = text.strip().removeprefix("https://matrix.to/#/")
    if value.casefold() in CLEARING:
        return None
    if not USER_ID.match(value):
        raise CommandError("error.not_a_user", value=value[:60])
    return value


def parse_partners(text: str, settings: Settings) -> tuple[str, ...]:
    """``stadt,agentur`` / ``alle`` / ``keine`` → partner ids in configuration order.

    Ids, short names and names, in any case: ``"Jobcenter Magdeburg, STADT"`` too; an
    unknown one is refused naming the choices.
    """
    words = [w for w in _PARTNER_SEPARATORS.split(text.strip()) if w]
    if len(words) == 1 and words[0].casefold() in {"alle", "all"}:
        return tuple(p.id for p in settings.partners)
    if not words or (len(words) == 1 and words[0].casefold() in CLEARING):
        return ()
    chosen: set[str] = set()
    for piece in (p.strip() for p in _NAME_SEPARATORS.split(text)):
        if not piece:
            continue
        try:
            chosen.add(find_partner(settings, piece).id)  # a whole name: "Jobcenter Magdeburg"
        except CommandError:
            chosen.update(find_partner(settings, word).id for word in piece.split())
    return tuple(p.id for p in settings.partners if p.id in chosen)


def record_consent(text: str | None, settings: Settings, partner_id: str | None) -> tuple[str, ...]:
    """The consents a new decision (or version) is recorded with (see :func:`prepare_record`)."""
    named = parse_partners(text, settings) if text is not None else None
    if partner_id is None:
        return named or ()
    if named is not None and set(named) - {partner_id}:
        partner = settings.partner(partner_id)
        raise CommandError(
            "decisions.error.consent_for_others",
            partner=partner.name if partner else partner_id,
            show_usage=False,
        )
    return (partner_id,)


def parse_deadline(text: str, today: date) -> date | None:
    if text.strip().casefold() in CLEARING:
        return None
    try:
        day = parse_date(text, today)
    except ArgError as error:
        raise CommandError(error.key, **error.params) from None
    if day < today:
        raise CommandError("decisions.error.deadline_past", day=typed(day))
    return day


def parse_decided_on(text: str | None, today: date) -> date:
    if text is None:
        return today
    day = past_day(text, today)
    if day > today:
        raise CommandError("decisions.error.date_future", day=typed(day))
    return day


def check_sizes(settings: Settings, subject: str, *texts: str) -> None:
    if not subject:
        raise CommandError("decisions.error.no_text")
    if len(subject) > SUBJECT_LIMIT:
        raise CommandError("decisions.error.subject_too_long", limit=SUBJECT_LIMIT)
    limit = settings.limits.max_text_chars
    for text in texts:
        if len(text) > limit:
            raise CommandError("decisions.error.too_long", length=len(text), limit=limit)


def prepare_record(
    args: RecordArgs, settings: Settings, today: date, partner_id: str | None = None
) -> Draft:
    """A new decision from ``!beschluss``; every user mistake is a :class:`CommandError`.

    Recorded by a member of ``partner_id`` it carries that partner's consent only; by the
    coordination (``partner_id`` None) the consents named with ``zustimmung=`` (the
    partners present in a meeting), else none.
    """
    text = (args.text or "").strip()
    if not text:
        raise CommandError("decisions.error.no_text")
    subject, wording = split_text(text)
    if args.betreff is not None:
        subject = " ".join(args.betreff.split())
    outcome = parse_outcome(args.ergebnis) if args.ergebnis is not None else ADOPTED
    agreed = record_consent(args.zustimmung, settings, partner_id)
    draft = Draft(
        subject=subject,
        wording=wording,
        outcome=outcome,
        responsible=parse_person(args.verantwortlich) if args.verantwortlich else None,
        deadline=parse_deadline(args.frist, today) if args.frist is not None else None,
        agenda_item=_agenda(args.top),
        agreed=agreed,
        dissent=args.dissens or "",
        decided_on=parse_decided_on(args.datum, today),
    )
    check_sizes(settings, draft.subject, draft.wording, draft.dissent)
    return draft


def prepare_amend(args: AmendArgs, target: DecisionEntry, settings: Settings, today: date) -> Draft:
    """A new version of ``target``: what is not given is taken over from it, except consent.

    A new wording has not been agreed yet: the version carries the consents named with
    ``zustimmung=`` (the partners present in a meeting), else every consent is pending.
    A one-line text replaces the subject too when the old subject was the old text.
    """
    text = (args.text or "").strip()
    if not text:
        raise CommandError("decisions.error.no_text")
    first, _, rest = text.partition("\n")
    if rest.strip():
        subject, wording = " ".join(first.split()), rest.strip()
    elif target.subject == shorten(target.wording):
        subject, wording = shorten(text), text  # the subject was the text: it follows it
    else:
        subject, wording = target.subject, text  # a subject of its own is kept
    if args.betreff is not None:
        subject = " ".join(args.betreff.split())
    draft = Draft(
        subject=subject,
        wording=wording,
        outcome=parse_outcome(args.ergebnis) if args.ergebnis is not None else target.outcome,
        responsible=(
            parse_person(args.verantwortlich)
            if args.verantwortlich is not None
            else target.responsible
        ),
        deadline=(parse_deadline(args.frist, today) if args.frist is not None else target.deadline),
        agenda_item=_agenda(args.top) if args.top is not None else target.agenda_item,
        agreed=record_consent(args.zustimmung, settings, None),
        dissent=args.dissens if args.dissens is not None else target.dissent,
        decided_on=parse_decided_on(args.datum, today),
    )
    check_sizes(settings, draft.subject, draft.wording, draft.dissent)
    return draft


def _agenda(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    value = " ".join(text.split())
    if len(value) > AGENDA_LIMIT:
        raise CommandError("decisions.error.agenda_too_long", limit=AGENDA_LIMIT)
    return value
