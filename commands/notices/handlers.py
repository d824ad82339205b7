"""``!info`` / ``!notice``: developments worth knowing, attributed to the partner.

``!info <text> [thema=…] [betrifft=…]`` records one (partner members), ``!info <id>``
shows one and ``!infos [suchbegriff]`` lists the newest (everyone). The meeting
reminder lists the notices since the previous meeting (:func:`notices_part`).
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, Field

from commands.core.args import CleanText, SearchText
from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc, Line
from commands.core.paging import Page
from commands.meetings.reminders import ReminderTopic
from commands.sectors.wz import section_or_none
from config import Settings
from storage import notices as store
from storage.notices import Notice

LISTED = 10
REMINDER_SHOWN = 10
PREVIEW_CHARS = 200
_ID = re.compile(r"#?\d{1,9}")


class InfoArgs(BaseModel):
    text: CleanText
    thema: CleanText = Field(default="", max_length=200)
    betrifft: CleanText = Field(default="", max_length=200)


class ListArgs(BaseModel):
    suchbegriff: SearchText | None = None
    seite: int | None = Field(default=None, ge=1, le=100_000)


def shows(args: InfoArgs) -> bool:
    """``!info 12`` shows notice #12 (everyone); any other text records one (members)."""
    return bool(_ID.fullmatch(args.text))


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The first line of ``text``, cut to ``limit`` characters."""
    first = " ".join(text.split())
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def concerns_label(settings: Settings, value: str) -> str:
    """``H Verkehr und Lagerei`` when ``betrifft=`` names a WZ section, else the text."""
    section = section_or_none(value) if len(value) == 1 else None
    return section.title(settings.language) if section else value


def summary(texts: Catalogue, settings: Settings, notice: Notice, *, full: bool) -> Line:
    """``#12 Landeshauptstadt Magdeburg: text · Thema: … · betrifft: …``."""
    partner = settings.partner(notice.partner_id)
    extras = ""
    if notice.topic:
        extras += texts.t("notices.topic", topic=notice.topic)
    if notice.concerns:
        extras += texts.t("notices.concerns", concerns=concerns_label(settings, notice.concerns))
    return texts.line(
        "notices.entry",
        id=notice.id,
        partner=partner.name if partner else notice.partner_id,
        text=notice.text if full else preview(notice.text),
        extras=extras,
    )


async def info(ctx: Context, args: InfoArgs) -> Reply:
    """``!info 12`` shows notice #12; any other text records a new notice."""
    if shows(args):
        return await show_notice(ctx, int(args.text.lstrip("#")))
    partner = ctx.sender.partner
    assert partner is not None  # Role.MEMBER, declared in commands.py
    limit = ctx.settings.limits.max_text_chars
    if len(args.text) > limit:
        raise CommandError("notices.error.too_long", length=len(args.text), limit=limit)
    concerns = args.betrifft
    section = section_or_none(concerns) if concerns else None
    if section is not None and len(concerns) == 1:
        concerns = section.letter
    notice = await store.add_notice(
        ctx.session,
        room_id=ctx.room_id,
        text=args.text,
        topic=args.thema,
        concerns=concerns,
        author=ctx.sender.user_id,
        partner_id=partner.id,
        now=ctx.now,
        source_event_id=ctx.event_id,
    )
    doc = Doc().line(ctx.t("notices.saved", id=notice.id, partner=partner.name))
    doc.quote(notice.text)
    extras = ""
    if notice.topic:
        extras += ctx.t("notices.topic", topic=notice.topic)
    if notice.concerns:
        extras += ctx.t("notices.concerns", concerns=concerns_label(ctx.settings, concerns))
    if extras:
        doc.line(extras.removeprefix(" · "))
    doc.line(ctx.t("notices.saved_next"))
    return Reply(doc, purpose=f"notice:{notice.id}")


async def show_notice(ctx: Context, notice_id: int) -> Reply:
    notice = await store.notice(ctx.session, ctx.room_id, notice_id)
    if notice is None:
        raise CommandError("notices.error.unknown", id=notice_id, show_usage=False)
    partner = ctx.settings.partner(notice.partner_id)
    doc = Doc().line(
        ctx.t(
            "notices.head",
            id=notice.id,
            partner=partner.name if partner else notice.partner_id,
            when=ctx.dates.moment(notice.created_at),
        )
    )
    doc.quote(notice.text)
    if notice.topic:
        doc.line(ctx.t("notices.topic_line", topic=notice.topic))
    if notice.concerns:
        doc.line(
            ctx.t("notices.concerns_line", concerns=concerns_label(ctx.settings, notice.concerns))
        )
    return Reply(doc)


async def list_notices(ctx: Context, args: ListArgs) -> Reply:
    """One page of the newest notices (``seite=``), each word of the term searched in every
    notice of the room; matches are counted up to a bound, beyond it "über"."""
    term = args.suchbegriff
    offset = Page.first_of(args.seite, LISTED)
    found, total = await store.recent_notices(ctx.session, ctx.room_id, term, LISTED, offset)
    page = Page(args.seite or 1, LISTED, total)
    if not total:
        key = "notices.none_found" if term else "notices.none"
        return Reply(Doc().line(ctx.t(key, term=term or "")))
    if not found:
        return Reply(Doc().line(ctx.t("notices.no_page", page=page.number, pages=page.pages)))
    key = ("notices.title_found" if term else "notices.title") + ("_many" if page.many else "")
    doc = Doc().line(ctx.t(key, term=term or "", count=page.counted))
    doc.items([summary(ctx.texts, ctx.settings, n, full=False) for n in found])
    if more := page.more("notices.more", len(found)):
        words = f"{term} " if term else ""
        doc.line(ctx.t(more[0], count=more[1], term=words, next=page.number + 1))
    doc.line(ctx.t("notices.list_next"))
    return Reply(doc)


async def notices_part(topic: ReminderTopic) -> list[Line]:
    """A reminder part: ``Neu seit der letzten Sitzung: Info #12, #13``.

    Since the room's previous meeting (any series or one-off meeting of the room), or
    since the meeting was created when the room has not met before.
    """
    since: datetime = topic.previous or topic.meeting.created_at
    ids = await store.notices_between(topic.session, topic.meeting.room_id, since, topic.now)
    if not ids:
        return []
    shown = ", ".join(f"#{i}" for i in ids[:REMINDER_SHOWN])
    if len(ids) > REMINDER_SHOWN:
        shown += topic.texts.t("notices.reminder_more", count=len(ids) - REMINDER_SHOWN)
    return [topic.texts.line("notices.reminder", ids=shown)]
