"""``!beschluss <nr>`` (one decision with its history) and ``!beschlüsse [suchbegriff]``."""

from __future__ import annotations

from datetime import date

from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Bold, Doc, Line, Text
from commands.core.paging import Page
from commands.decisions.cards import acts_on, card_purpose, detail_lines, history_lines, today
from commands.decisions.drafting import ID_TEXT, ListArgs, RecordArgs
from commands.decisions.recording import record_decision
from commands.decisions.standing import Consent, consent_of
from commands.decisions.words import (
    STATUS_WORDS,
    kind_label,
    overdue,
    person,
    status_label,
)
from config import Settings
from storage import search
from storage.decisions import models as store
from storage.decisions import state
from storage.decisions.models import Status

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
    """One entry with its status and its decision's history (one statement)."""
    shown = await store.with_lineage(ctx.session, ctx.room_id, entry_id)
    if shown is None:
        raise CommandError("decisions.error.unknown", id=entry_id, show_usage=False)
    found, history = shown
    entry, status = found.entry, found.status
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


async def list_decisions(ctx: Context, args: ListArgs) -> Reply:
    """One page of the room's decisions, newest first, filtered by status words and text.

    The selection runs in the database on the current-state records, and the page's
    entries and their consents come with it: one statement with the count
    (:func:`storage.decisions.state.listed_page`).
    """
    term = " ".join((args.suchbegriff or "").split())
    day = today(ctx)
    chosen = list_filter(ctx.room_id, term, ctx.settings, day)
    offset = Page.first_of(args.seite, LIST_LIMIT)
    shown, total = await state.listed_page(ctx.session, chosen, offset=offset, limit=LIST_LIMIT)
    page = Page(args.seite or 1, LIST_LIMIT, total)
    if not total:
        if term:
            return Reply(Doc().line(ctx.t("decisions.list_none_found", term=term)))
        return Reply(Doc().line(ctx.t("decisions.list_empty")))
    if not shown:
        return Reply(
            Doc().line(ctx.t("decisions.list_no_page", page=page.number, pages=page.pages))
        )
    title = (
        ctx.t("decisions.list_title_search", term=term) if term else ctx.t("decisions.list_title")
    )
    doc = Doc().line(title)
    doc.items([_list_line(ctx, row, day, consent_of(row.entry, row.consents)) for row in shown])
    first, last = offset + 1, offset + len(shown)
    if page.number < page.pages:
        more = f"{term} " if term else ""
        key = "decisions.list_more_many" if page.many else "decisions.list_more"
        doc.line(
            ctx.t(key, first=first, last=last, total=page.counted, term=more, next=page.number + 1)
        )
    elif page.number > 1:
        doc.line(ctx.t("decisions.list_last_page", first=first, last=last, total=total))
    return Reply(doc.line(ctx.t("decisions.list_next")))


def list_filter(room_id: str, term: str, settings: Settings, day: date) -> state.Filter:
    """What ``!beschlüsse <term>`` selects: status words filter, other words search the
    text; a word also finds the decisions of the people whose display name holds it."""
    words = [word.casefold() for word in term.split()]
    statuses = frozenset(STATUS_WORDS[w] for w in words if w in STATUS_WORDS)
    searched = tuple(dict.fromkeys(w for w in words if w not in STATUS_WORDS))
    people = {
        word: frozenset(
            user
            for user, name in settings.display_names.items()
            if search.query_word(word) in search.normalised(name)
        )
        for word in searched
    }
    return state.Filter(room_id, statuses, day, searched, people)


def _list_line(ctx: Context, shown: state.Shown, day: date, consent: Consent) -> Line:
    status, entry = shown.status, shown.entry
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
        status=status_label(ctx.texts, status, shown.successor_id),
        extra=extra,
    )
