"""``!status``: version, uptime, storage backend and what is scheduled."""

from __future__ import annotations

from commands.context import Context, Reply
from commands.markup import Doc
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
    doc.line(ctx.t("status.next_none"))
    doc.line(ctx.t("status.open_none"))
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
