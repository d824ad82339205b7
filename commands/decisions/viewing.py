"""``!beschluss <nr>`` (one decision with its history) and ``!beschlüsse [suchbegriff]``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Bold, Doc, Line, Text
from commands.decisions.cards import acts_on, card_purpose, detail_lines, history_lines, today
from commands.decisions.drafting import ID_TEXT, ListArgs, RecordArgs
from commands.decisions.recording import find, record_decision
from commands.decisions.standing import Consent, consent_of
from commands.decisions.words import (
    OVERDUE,
    STATUS_WORDS,
    kind_label,
    overdue,
    person,
    status_label,
)
from config import Settings
from storage.decisions import models as store
from storage.decisions.models import Listed, Status

LIST_LIMIT = 20


def reads(args: RecordArgs) -> bool:
    """``!beschluss 3`` (show) and ``!beschluss`` alone (list), open to everyone; any other
    text records a decision. Also the declared variant's test (``commands.py``)."""
    text = (args.text or "").strip()
    return bool(ID_TEXT.fullmatch(text)) or (not text and not args.has_options())


async def decision_command(ctx: Context, args: RecordArgs) -> Reply:
    """``!beschluss``: a list without text, one decision for a number, else a new decision."""
    text = (args.text or "").strip()
    if ID_TEXT.fullmatch(text):
        if args.has_options():
            raise CommandError("decisions.error.show_options", id=text.lstrip("#"))
        return await show_decision(ctx, int(text.lstrip("#")))
    if not text and not args.has_options():
        return await list_decisions(ctx, ListArgs())
    return await record_decision(ctx, args)


async def show_decision(ctx: Context, entry_id: int) -> Reply:
    found = await find(ctx, entry_id)
    entry, status = found.entry, found.status
    history = await store.lineage(ctx.session, entry.decision_no)
    doc = Doc()
    consent: Consent | None = None
    if status is Status.NONE:
        kind = kind_label(ctx.texts, entry.kind, acts_on(entry))
        doc.line(ctx.t("decisions.show_entry_title", id=entry.id, kind=kind))
        doc.para((Bold((Text(entry.subject),)),))
        if entry.wording:
            doc.quote(entry.wording)
    else:
        label = status_label(ctx.texts, status, found.successor_id)
        doc.line(ctx.t("decisions.show_title", id=entry.id, status=label))
        doc.para((Bold((Text(entry.subject),)),))
        if entry.wording != entry.subject:
            doc.quote(entry.wording)
        consent = consent_of(entry, [listed.entry for listed in history])
        for line in detail_lines(ctx, entry, status, found.meeting_title, consent=consent):
            doc.para(line)
    if len(history) > 1:
        doc.line(ctx.t("decisions.history")).items(history_lines(ctx, history))
    if status is Status.VALID:
        doc.line(ctx.t("decisions.next.valid", id=entry.id))
        if consent is not None and not consent.carried(ctx.settings.partners):
            doc.line(ctx.t("decisions.consent.next", id=entry.id))
        return Reply(doc, purpose=card_purpose(entry.id))
    elif status is Status.SUPERSEDED:
        current = next((h for h in reversed(history) if h.status is not Status.NONE), found)
        doc.line(ctx.t("decisions.next.superseded", by=current.entry.id))
    else:
        doc.line(ctx.t("decisions.next.closed"))
    return Reply(doc)


def matches(listed: Listed, words: Sequence[str], settings: Settings, day: date) -> bool:
    """All search words match: a status word filters by status, others search the text."""
    entry, status = listed.entry, listed.status
    wanted = {STATUS_WORDS[w] for w in words if w in STATUS_WORDS}
    if not wanted and status is Status.SUPERSEDED:
        return False  # older versions live in the history of the current one
    for state in wanted:
        if state == OVERDUE:
            if not overdue(entry.deadline, status, day):
                return False
        elif status.value != state:
            return False
    haystack = " ".join(
        [
            f"#{entry.id}",
            entry.subject,
            entry.wording,
            entry.agenda_item or "",
            entry.dissent,
            entry.responsible or "",
            person(settings, entry.responsible),
        ]
    ).casefold()
    return all(word in haystack for word in words if word not in STATUS_WORDS)


async def list_decisions(ctx: Context, args: ListArgs) -> Reply:
    term = " ".join((args.suchbegriff or "").split())
    words = [word.casefold() for word in term.split()]
    day = today(ctx)
    found = [
        listed
        for listed in await store.room_decisions(ctx.session, ctx.room_id)
        if matches(listed, words, ctx.settings, day)
    ]
    if not found:
        if term:
            return Reply(Doc().line(ctx.t("decisions.list_none_found", term=term)))
        return Reply(Doc().line(ctx.t("decisions.list_empty")))
    title = (
        ctx.t("decisions.list_title_search", term=term) if term else ctx.t("decisions.list_title")
    )
    doc = Doc().line(title)
    shown = found[:LIST_LIMIT]
    given = await store.consents_of(ctx.session, [listed.entry.id for listed in shown])
    consents = {listed.entry.id: consent_of(listed.entry, given) for listed in shown}
    doc.items([_list_line(ctx, listed, day, consents[listed.entry.id]) for listed in shown])
    if len(found) > LIST_LIMIT:
        doc.line(ctx.t("decisions.list_more", shown=LIST_LIMIT, total=len(found)))
    return Reply(doc.line(ctx.t("decisions.list_next")))


def _list_line(ctx: Context, listed: Listed, day: date, consent: Consent) -> Line:
    entry, status = listed.entry, listed.status
    extra = ""
    partners = ctx.settings.partners
    if status is Status.VALID and not consent.carried(partners):
        given = len(partners) - len(consent.missing(partners))
        extra += ctx.t("decisions.list_consent", given=given, count=len(partners))
    if entry.responsible:
        extra += ctx.t("decisions.list_responsible", person=person(ctx.settings, entry.responsible))
    if entry.deadline is not None:
        key = (
            "decisions.list_overdue"
            if overdue(entry.deadline, status, day)
            else "decisions.list_deadline"
        )
        extra += ctx.t(key, day=ctx.dates.day(entry.deadline, weekday=False))
    return ctx.texts.line(
        "decisions.list_entry",
        id=entry.id,
        subject=entry.subject,
        status=status_label(ctx.texts, status, listed.successor_id),
        extra=extra,
    )
