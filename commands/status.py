"""``!status``: version, uptime, storage backend and what is scheduled."""

from __future__ import annotations

from commands import pr
from commands.context import Context, Reply
from commands.markup import Doc
from commands.meeting_views import next_reminder_lines
from commands.roles import Role
from commands.router import Command, NoArgs


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
    upcoming = await next_reminder_lines(ctx, limit=3)
    if upcoming:
        doc.line(ctx.t("status.next")).items(upcoming)
    else:
        doc.line(ctx.t("status.next_none"))
    drafts = await pr.open_drafts(ctx)
    doc.line(ctx.t("pm.status_open", drafts=drafts) if drafts else ctx.t("status.open_none"))
    return Reply(doc)


def commands() -> list[Command]:
    return [
        Command(
            names=("status",),
            handler=show_status,
            role=Role.EVERYONE,
            help="status.help",
            example="!status",
        )
    ]
