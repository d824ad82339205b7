"""``!protokoll <termin-id> [md|pdf] [am=<datum>]``: the minutes of a Sitzung as a file."""

from __future__ import annotations

from pydantic import BaseModel

from commands.core.args import ItemId
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.export.document import DOCUMENT_FORMATS, document_file
from commands.export.spool import spool_dir
from commands.meetings.input import load_meeting
from commands.minutes.content import gather
from commands.minutes.document import minutes_document
from commands.minutes.sitting import pick_sitting

_ALIASES = {"markdown": "md"}


class MinutesArgs(BaseModel):
    id: ItemId
    format: str | None = None
    am: str | None = None


def document_format(text: str | None) -> str:
    """``pdf`` (the default) or ``md``."""
    wanted = (text or "pdf").strip().casefold().lstrip(".")
    wanted = _ALIASES.get(wanted, wanted)
    if wanted not in DOCUMENT_FORMATS:
        raise CommandError("minutes.bad_format", value=(text or "")[:20])
    return wanted


async def make_minutes(ctx: Context, args: MinutesArgs) -> Reply:
    fmt = document_format(args.format)
    meeting, schedule = await load_meeting(ctx, args.id)
    sitting = pick_sitting(ctx, meeting, schedule, args.am)
    minutes = await gather(ctx.session, ctx.settings, meeting, schedule, sitting, ctx.now)
    doc = minutes_document(ctx.texts, ctx.dates, ctx.settings, minutes)
    day = ctx.dates.local(sitting.start).date()
    stem = f"{ctx.t('minutes.doc.file')}-{meeting.id}-{day.isoformat()}"
    file = await document_file(doc, fmt, stem, spool_dir(ctx.settings))
    reply = Doc().line(
        ctx.t(
            "minutes.done",
            title=meeting.title,
            id=meeting.id,
            day=ctx.dates.day(sitting.start),
            draft=ctx.t("minutes.draft_mark") if minutes.draft else "",
            file=file.filename,
        )
    )
    reply.line(
        ctx.t(
            "minutes.counts",
            decisions=ctx.t("minutes.count_decisions", count=len(minutes.decisions)),
            actions=ctx.t("minutes.count_actions", count=len(minutes.actions)),
        )
    )
    if minutes.anchor:
        reply.line(ctx.t("minutes.anchor", anchor=minutes.anchor))
    else:
        reply.line(ctx.t("minutes.no_anchor"))
    reply.line(ctx.t("minutes.next", id=meeting.id))
    return Reply(reply, attachment=file, purpose=f"minutes:{meeting.id}")
