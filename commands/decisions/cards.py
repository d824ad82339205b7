"""How one decision reads in the room: its details and its history, shared by every reply."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from commands.core.catalogue import Catalogue
from commands.core.context import Context
from commands.core.dates import DateFormatter
from commands.core.markup import Inline, Line, Text, join
from commands.decisions.standing import Consent, Given, Mark
from commands.decisions.words import (
    OUTCOMES,
    author,
    outcome_label,
    overdue,
    person,
)
from config import Settings
from storage.decisions.models import CONSENT_KINDS, DecisionEntry, Kind, Listed, Status

EXCERPT = 80
#: The purpose of the bot's messages that show one valid decision ("decision:7"): a ✅
#: reaction on such a message consents to that version.
PURPOSE = "decision"


def card_purpose(entry_id: int) -> str:
    return f"{PURPOSE}:{entry_id}"


def parse_purpose(purpose: str | None) -> int | None:
    """The decision a message with this purpose shows, None for any other message."""
    head, _, number = (purpose or "").partition(":")
    return int(number) if head == PURPOSE and number.isdigit() else None


def today(ctx: Context) -> date:
    return ctx.dates.local(ctx.now).date()


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def detail_lines(
    ctx: Context,
    entry: DecisionEntry,
    status: Status,
    meeting_title: str | None,
    *,
    consent: Consent | None = None,
    mention: bool = False,
) -> list[Line]:
    """Outcome and consent, dissent, responsible person and deadline, meeting, who and when.

    ``consent`` adds the status line and one line per partner (✅, ⏳, ✋);
    ``mention`` makes the responsible person a pill (notified) — only when recording.
    """
    texts, settings = ctx.texts, ctx.settings
    lines: list[Line] = []
    if entry.outcome in OUTCOMES:
        outcome = outcome_label(texts, entry.outcome)
        lines.append(texts.line("decisions.line.outcome", outcome=outcome))
    if consent is not None:
        lines.extend(consent_lines(texts, settings, ctx.dates, consent))
    if entry.dissent:
        lines.append(texts.line("decisions.line.dissent", text=entry.dissent))
    duty: list[Line] = []
    if entry.responsible:
        who: Inline = (
            ctx.mention(entry.responsible) if mention else Text(person(settings, entry.responsible))
        )
        duty.append(texts.line("decisions.line.responsible", person=who))
    if entry.deadline is not None:
        key = (
            "decisions.line.deadline_overdue"
            if overdue(entry.deadline, status, today(ctx))
            else "decisions.line.deadline"
        )
        duty.append(texts.line(key, day=ctx.dates.day(entry.deadline)))
    if duty:
        lines.append(join(duty, " · "))
    place: list[Line] = []
    if entry.meeting_id is not None and entry.meeting_at is not None:
        place.append(
            texts.line(
                "decisions.line.meeting",
                title=meeting_title or "",
                id=entry.meeting_id,
                day=ctx.dates.day(entry.meeting_at),
            )
        )
    if entry.agenda_item:
        place.append(texts.line("decisions.line.agenda", item=entry.agenda_item))
    if place:
        lines.append(join(place, " · "))
    lines.append(
        join(
            [
                texts.line("decisions.line.decided", day=ctx.dates.day(entry.decided_on)),
                texts.line(
                    "decisions.line.recorded",
                    who=author(texts, settings, entry.author, entry.author_partner),
                    when=ctx.dates.moment(entry.recorded_at),
                ),
            ],
            " · ",
        )
    )
    return lines


def consent_lines(
    texts: Catalogue, settings: Settings, dates: DateFormatter, consent: Consent
) -> list[Line]:
    """``Zustimmung: 1 von 3 Partnern …`` and one line per partner with ✅, ⏳ or ✋."""
    partners = settings.partners
    count = len(partners)
    given = count - len(consent.missing(partners))
    objecting = consent.objecting(partners)
    if consent.carried(partners):
        lines = [texts.line("decisions.consent.carried")]
    elif objecting:
        names = ", ".join(p.label for p in objecting)
        lines = [texts.line("decisions.consent.objected", given=given, count=count, partners=names)]
    else:
        lines = [texts.line("decisions.consent.open", given=given, count=count)]
    for partner in partners:
        stand = consent.stand(partner.id)
        when = dates.moment(stand.at) if stand.at is not None else ""
        who = person(settings, stand.user_id)
        if stand.mark is Mark.PENDING:
            lines.append(texts.line("decisions.consent.line_pending", partner=partner.name))
        elif stand.mark is Mark.OBJECTED:
            lines.append(
                texts.line(
                    "decisions.consent.line_objected",
                    partner=partner.name,
                    who=who,
                    when=when,
                    reason=stand.reason,
                )
            )
        else:
            key = {
                Given.MEETING: "decisions.consent.line_meeting",
                Given.RECORDED: "decisions.consent.line_recorded",
            }.get(stand.given or Given.OWN, "decisions.consent.line_own")
            lines.append(texts.line(key, partner=partner.name, who=who, when=when))
    return lines


def acts_on(entry: DecisionEntry) -> int | None:
    """The entry an entry acts on: ``refers_to``, or for a consent entry ``concerns``."""
    return entry.concerns if entry.kind in CONSENT_KINDS else entry.refers_to


def history_lines(ctx: Context, entries: Sequence[Listed]) -> list[Line]:
    """One line per entry of a decision's history, oldest first."""
    lines = []
    for listed in entries:
        entry = listed.entry
        kind = entry.kind
        key = f"decisions.history.{kind}"
        text = entry.wording
        if kind == Kind.DONE.value and entry.wording:
            key = "decisions.history.done_note"
        if kind in CONSENT_KINDS:
            partner = ctx.settings.partner(entry.author_partner) if entry.author_partner else None
            lines.append(
                ctx.texts.line(
                    key,
                    id=entry.id,
                    ref=entry.concerns or "",
                    when=ctx.dates.moment(entry.recorded_at),
                    who=person(ctx.settings, entry.author),
                    partner=partner.label if partner else entry.author_partner or "",
                    text=excerpt(text),
                )
            )
            continue
        lines.append(
            ctx.texts.line(
                key,
                id=entry.id,
                when=ctx.dates.moment(entry.recorded_at),
                who=author(ctx.texts, ctx.settings, entry.author, entry.author_partner),
                text=excerpt(text),
            )
        )
    return lines
