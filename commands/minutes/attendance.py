"""``!anwesend`` (a partner marks its organisation present) and ``!anwesenheit`` (a
coordinator records who was there). Organisations are recorded, never persons."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, Field

from commands.core.args import CleanText, ItemId
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.meetings.input import load_meeting
from commands.meetings.views import listing
from commands.minutes.sitting import pick_sitting
from config import Partner, Settings
from storage import attendance as store

_SEPARATORS = re.compile(r"[\s,;]+")
_FILLERS = {"und", "and", "sowie", "&", "+"}
_NOBODY = {"keine", "keiner", "niemand", "none", "nobody", "-", "–"}


class PresentArgs(BaseModel):
    id: ItemId
    am: str | None = None


class AttendanceArgs(BaseModel):
    id: ItemId
    partner: Annotated[CleanText, Field(min_length=1, max_length=300)]
    am: str | None = None


def named_partners(settings: Settings, text: str) -> list[Partner]:
    """The partners named in ``text`` by id, short name or full name (any case); ``keine``
    names none. An unknown word is refused, naming the possible ones."""
    found: list[Partner] = []
    rest = f" {' '.join(text.split())} ".casefold()
    for partner in sorted(settings.partners, key=lambda p: -len(p.name)):
        full = f" {partner.name.casefold()} "
        if full in rest:
            found.append(partner)
            rest = rest.replace(full, " ")
    words = [w for w in _SEPARATORS.split(rest) if w and w not in _FILLERS]
    if words and all(w in _NOBODY for w in words) and not found:
        return []
    by_word = {
        key.casefold(): partner
        for partner in settings.partners
        for key in (partner.id, partner.short_name)
        if key
    }
    for word in words:
        named = by_word.get(word)
        if named is None:
            choices = ", ".join(p.id for p in settings.partners)
            raise CommandError("minutes.unknown_partner", value=word[:40], choices=choices)
        if named not in found:
            found.append(named)
    return [p for p in settings.partners if p in found]


def names(ctx: Context, partner_ids: list[str]) -> str:
    """``Stadt, Agentur und Jobcenter`` in the configured order, or ``niemand``."""
    labels = [p.label for p in ctx.settings.partners if p.id in partner_ids]
    return listing(ctx.texts, labels) if labels else ctx.t("minutes.nobody")


async def mark_present(ctx: Context, args: PresentArgs) -> Reply:
    partner = ctx.sender.partner
    assert partner is not None  # the command is for partner members (commands.py)
    meeting, schedule = await load_meeting(ctx, args.id)
    sitting = pick_sitting(ctx, meeting, schedule, args.am)
    added = await store.mark(
        ctx.session,
        room_id=ctx.room_id,
        meeting_id=meeting.id,
        occurrence=sitting.original,
        partner_ids=[partner.id],
        by=ctx.sender.user_id,
        now=ctx.now,
        replace=False,
    )
    present = await store.present(ctx.session, meeting.id, sitting.original)
    text = ctx.t(
        "minutes.present_done" if added else "minutes.present_already",
        partner=partner.name,
        title=meeting.title,
        id=meeting.id,
        day=ctx.dates.day(sitting.start),
        present=names(ctx, present),
    )
    return Reply(Doc().line(text))


async def record_attendance(ctx: Context, args: AttendanceArgs) -> Reply:
    partners = named_partners(ctx.settings, args.partner)
    meeting, schedule = await load_meeting(ctx, args.id)
    sitting = pick_sitting(ctx, meeting, schedule, args.am)
    ids = [p.id for p in partners]
    await store.mark(
        ctx.session,
        room_id=ctx.room_id,
        meeting_id=meeting.id,
        occurrence=sitting.original,
        partner_ids=ids,
        by=ctx.sender.user_id,
        now=ctx.now,
        replace=True,
    )
    absent = [p.id for p in ctx.settings.partners if p.id not in ids]
    text = ctx.t(
        "minutes.attendance_done",
        title=meeting.title,
        id=meeting.id,
        day=ctx.dates.day(sitting.start),
        present=names(ctx, ids),
        absent=names(ctx, absent),
    )
    return Reply(Doc().line(text))
