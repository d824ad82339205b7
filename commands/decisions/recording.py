"""``!beschluss <text>``, ``ändern``, ``aufheben``, ``erledigt``: each appends one entry.

Nothing is edited in place: an amendment, a revocation or a completion is a new entry
that refers to the decision it acts on, which is thereby superseded, revoked or done.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.decisions.cards import acts_on, card_purpose, detail_lines, excerpt, today
from commands.decisions.drafting import (
    AmendArgs,
    DoneArgs,
    Draft,
    RecordArgs,
    RevokeArgs,
    prepare_amend,
    prepare_record,
)
from commands.decisions.standing import Consent, consent_of
from commands.decisions.words import kind_label, status_label
from commands.meetings.schedule import Occurrence
from commands.meetings.views import schedule_of
from storage import meetings as meeting_store
from storage.decisions import chain
from storage.decisions import models as store
from storage.decisions.chain import NewEntry
from storage.decisions.models import DecisionEntry, Kind, Listed, Status
from storage.meetings import Meeting


@dataclass(frozen=True)
class MeetingLink:
    """The meeting a decision belongs to: the room's latest date that has begun."""

    meeting: Meeting
    occurrence: Occurrence


async def latest_meeting(session: AsyncSession, room_id: str, now: datetime) -> MeetingLink | None:
    """The most recent meeting of ``room_id`` that started at or before ``now``."""
    candidates, changed = await store.meetings_before(session, room_id, now)
    changes = await meeting_store.changes_of(session, sorted(changed))  # usually none to ask
    best: MeetingLink | None = None
    for meeting in candidates:
        occurrence = schedule_of(meeting, changes.get(meeting.id, [])).previous(
            now + timedelta(microseconds=1)
        )
        if occurrence is not None and (best is None or occurrence.start > best.occurrence.start):
            best = MeetingLink(meeting, occurrence)
    return best


async def agenda_text(
    session: AsyncSession, link: MeetingLink | None, top: str | None
) -> str | None:
    """``top=2`` names the meeting's second agenda item if it has one; else the text as given."""
    if top is None or link is None or not (top.isascii() and top.isdigit()):
        return top
    items = await meeting_store.agenda_of(session, link.meeting.id, link.occurrence.original)
    number = int(top)
    return f"{number}. {items[number - 1].text}" if 1 <= number <= len(items) else top


def _entry(ctx: Context, draft: Draft, link: MeetingLink | None, kind: Kind) -> NewEntry:
    return NewEntry(
        room_id=ctx.room_id,
        kind=kind.value,
        subject=draft.subject,
        wording=draft.wording,
        outcome=draft.outcome,
        decided_on=draft.decided_on,
        recorded_at=ctx.now,
        author=ctx.sender.user_id,
        author_partner=ctx.sender.partner.id if ctx.sender.partner else None,
        source_event_id=ctx.event_id,
        meeting_id=link.meeting.id if link else None,
        meeting_at=link.occurrence.start if link else None,
        agenda_item=draft.agenda_item,
        agreed=draft.agreed,
        dissent=draft.dissent,
        responsible=draft.responsible,
        deadline=draft.deadline,
    )


async def record_decision(ctx: Context, args: RecordArgs) -> Reply:
    """Records a decision; partners and coordinators only (declared in ``commands.py``)."""
    partner = ctx.sender.partner.id if ctx.sender.partner else None
    if ctx.sender.coordinator and args.zustimmung is not None:
        partner = None  # a coordinator who is also a member records a meeting's consents
    draft = prepare_record(args, ctx.settings, today(ctx), partner)
    link = await latest_meeting(ctx.session, ctx.room_id, ctx.now)
    agenda = await agenda_text(ctx.session, link, draft.agenda_item)
    new = replace(
        _entry(ctx, draft, link, Kind.RECORDED), agenda_item=agenda, author_partner=partner
    )
    entry = await chain.append(ctx.session, new)
    doc = Doc().line(ctx.t("decisions.recorded", id=entry.id, subject=entry.subject))
    if entry.wording != entry.subject:
        doc.quote(entry.wording)
    title = link.meeting.title if link else None
    consent = consent_of(entry, [])
    for line in detail_lines(ctx, entry, Status.VALID, title, consent=consent, mention=True):
        doc.para(line)
    doc.line(ctx.t("decisions.recorded_next", id=entry.id))
    _consent_next(ctx, doc, entry, consent)
    return Reply(doc, purpose=card_purpose(entry.id))


def _consent_next(ctx: Context, doc: Doc, entry: DecisionEntry, consent: Consent) -> None:
    """How the partners still missing consent: by command or ✅ on this message."""
    if not consent.carried(ctx.settings.partners):
        doc.line(ctx.t("decisions.consent.next", id=entry.id))


async def open_decision(ctx: Context, entry_id: int) -> DecisionEntry:
    """Decision ``#entry_id`` if it may still change (valid); else why not, in one sentence."""
    return await open_version(ctx.session, ctx.texts, ctx.room_id, entry_id)


async def open_version(
    session: AsyncSession, texts: Catalogue, room_id: str, entry_id: int
) -> DecisionEntry:
    """Decision ``#entry_id`` if it may still change (valid); else why not, in one sentence.

    Takes the chain lock first, so two people acting on one decision at once cannot
    both succeed: the second sees the first one's entry.
    """
    await chain.lock(session)
    found = await find_entry(session, room_id, entry_id)
    status = found.status
    if status is Status.NONE:
        kind = kind_label(texts, found.entry.kind, acts_on(found.entry))
        raise CommandError("decisions.error.not_a_decision", id=entry_id, kind=kind)
    if status is Status.SUPERSEDED:
        raise CommandError(
            "decisions.error.superseded", id=entry_id, by=found.successor_id, show_usage=False
        )
    if status is not Status.VALID:
        raise CommandError(
            "decisions.error.closed",
            id=entry_id,
            status=status_label(texts, status, None),
            show_usage=False,
        )
    return found.entry


async def find(ctx: Context, entry_id: int) -> Listed:
    return await find_entry(ctx.session, ctx.room_id, entry_id)


async def find_entry(session: AsyncSession, room_id: str, entry_id: int) -> Listed:
    found = await store.get_entry(session, room_id, entry_id)
    if found is None:
        raise CommandError("decisions.error.unknown", id=entry_id, show_usage=False)
    return found


async def amend_decision(ctx: Context, args: AmendArgs) -> Reply:
    target = await open_decision(ctx, args.id)
    draft = prepare_amend(args, target, ctx.settings, today(ctx))
    # Without zustimmung= the consents start afresh; that alone is no change of the text.
    compared = draft if args.zustimmung is not None else replace(draft, agreed=tuple(target.agreed))
    if _same(compared, target):
        raise CommandError("decisions.error.unchanged", id=target.id, show_usage=False)
    link = await latest_meeting(ctx.session, ctx.room_id, ctx.now)
    agenda = (
        await agenda_text(ctx.session, link, draft.agenda_item)
        if args.top is not None
        else draft.agenda_item
    )
    new = replace(
        _entry(ctx, draft, link, Kind.AMENDED),
        refers_to=target.id,
        decision_no=target.decision_no,
        agenda_item=agenda,
    )
    entry = await chain.append(ctx.session, new)
    doc = Doc().line(ctx.t("decisions.amended", old=target.id, id=entry.id))
    doc.line(entry.subject)
    if entry.wording != entry.subject:
        doc.quote(entry.wording)
    title = link.meeting.title if link else None
    consent = consent_of(entry, [])
    for line in detail_lines(ctx, entry, Status.VALID, title, consent=consent, mention=True):
        doc.para(line)
    doc.line(ctx.t("decisions.amended_next", id=entry.id))
    _consent_next(ctx, doc, entry, consent)
    return Reply(doc, purpose=card_purpose(entry.id))


def _same(draft: Draft, target: DecisionEntry) -> bool:
    return (
        draft.subject,
        draft.wording,
        draft.outcome,
        draft.responsible,
        draft.deadline,
        draft.agenda_item,
        draft.agreed,
        draft.dissent,
    ) == (
        target.subject,
        target.wording,
        target.outcome,
        target.responsible,
        target.deadline,
        target.agenda_item,
        tuple(target.agreed),
        target.dissent,
    )


def _closing(ctx: Context, target: DecisionEntry, kind: Kind, text: str) -> NewEntry:
    """A revocation or completion: it names the decision and carries only its reason or note."""
    return NewEntry(
        room_id=ctx.room_id,
        kind=kind.value,
        subject=target.subject,
        wording=text,
        outcome="",
        decided_on=today(ctx),
        recorded_at=ctx.now,
        author=ctx.sender.user_id,
        author_partner=ctx.sender.partner.id if ctx.sender.partner else None,
        source_event_id=ctx.event_id,
        refers_to=target.id,
        decision_no=target.decision_no,
    )


async def revoke_decision(ctx: Context, args: RevokeArgs) -> Reply:
    reason = args.grund.strip()
    if not reason:
        raise CommandError("error.missing_arg", arg="grund")
    if len(reason) > ctx.settings.limits.max_text_chars:
        raise CommandError(
            "decisions.error.too_long", length=len(reason), limit=ctx.settings.limits.max_text_chars
        )
    target = await open_decision(ctx, args.id)
    entry = await chain.append(ctx.session, _closing(ctx, target, Kind.REVOKED, reason))
    doc = Doc().line(ctx.t("decisions.revoked", old=target.id, id=entry.id, reason=excerpt(reason)))
    return Reply(doc.line(ctx.t("decisions.revoked_next", old=target.id)))


async def complete_decision(ctx: Context, args: DoneArgs) -> Reply:
    note = (args.vermerk or "").strip()
    if len(note) > ctx.settings.limits.max_text_chars:
        raise CommandError(
            "decisions.error.too_long", length=len(note), limit=ctx.settings.limits.max_text_chars
        )
    target = await open_decision(ctx, args.id)
    entry = await chain.append(ctx.session, _closing(ctx, target, Kind.DONE, note))
    doc = Doc().line(ctx.t("decisions.done", old=target.id, id=entry.id))
    if note:
        doc.line(ctx.t("decisions.done_note", note=excerpt(note)))
    return Reply(doc.line(ctx.t("decisions.done_next")))
