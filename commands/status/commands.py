"""``!status``: version, uptime, storage backend and what is scheduled; for coordinators
also how many of the room's messages still wait in the outbox."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from commands.core.context import Context, Reply
from commands.core.markup import Doc
from commands.core.roles import Role
from commands.core.router import Command, NoArgs
from commands.meetings.views import next_reminder_lines
from commands.pr.viewing import open_drafts
from commands.sectors.views import round_title
from storage.core import Backlog
from storage.overview import status_overview

NEXT_REMINDERS = 3


async def show_status(ctx: Context, _args: NoArgs) -> Reply:
    runtime = ctx.runtime
    doc = Doc().line(
        ctx.t(
            "status.title",
            version=runtime.version,
            uptime=ctx.dates.short_uptime(ctx.now - runtime.started_at),
        )
    )
    doc.line(ctx.t("status.storage", backend=runtime.backend))
    # The outbox is asked only for coordinators, and within the same one statement, which
    # also says which meetings have changed dates, who reported in the open round and who
    # approved the unpublished press releases.
    partners = tuple(partner.id for partner in ctx.settings.partners)
    overview = await status_overview(
        ctx.session, ctx.room_id, NEXT_REMINDERS, partners, backlog=ctx.sender.coordinator
    )
    if overview.backlog is not None:
        doc.line(backlog_text(ctx, overview.backlog))
    upcoming = await next_reminder_lines(
        ctx, overview.meetings, limit=NEXT_REMINDERS, changed=overview.changed
    )
    if upcoming:
        doc.line(ctx.t("status.next")).items(upcoming)
    else:
        doc.line(ctx.t("status.next_none"))
    round_ = overview.open_round
    if round_ is not None:
        missing = [p for p in ctx.settings.partners if p.id not in overview.reported]
        doc.line(round_title(ctx.texts, ctx.dates, round_, missing))
    drafts = open_drafts(ctx, overview.releases)
    if drafts:
        doc.line(ctx.t("pm.status_open", drafts=drafts))
    elif round_ is None:
        doc.line(ctx.t("status.open_none"))
    return Reply(doc)


def backlog_text(ctx: Context, backlog: Backlog) -> str:
    """``Ausgang: 3 Nachrichten warten, die älteste seit 12 Min.`` or ``Ausgang: leer``."""
    if backlog.oldest is None or backlog.waiting == 0:
        return ctx.t("status.outbox_empty")
    age = ctx.dates.short_uptime(max(ctx.now - backlog.oldest, timedelta()))
    return ctx.t("status.outbox", count=backlog.waiting, age=age)


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("status",),
            handler=show_status,
            args=NoArgs,
            reads_only=True,
            role=Role.EVERYONE,
            help="status.help",
            example="!status",
        ),
    )
    return list(table)
