"""``!export beschlüsse [csv|md|json|pdf] [von=…] [bis=…]``: the protocol as a file in the room."""

from __future__ import annotations

from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.decisions.cards import today
from commands.decisions.protocol import decision_protocol
from commands.export.commands import ExportArgs, attachment
from commands.export.formats import choose_format
from commands.export.period import period


async def export_decisions(ctx: Context, args: ExportArgs) -> Reply:
    fmt = choose_format(args.format)
    start, end = period(args.von, args.bis, today(ctx))
    protocol = await decision_protocol(
        ctx.session,
        ctx.settings,
        ctx.texts,
        ctx.dates,
        room_id=ctx.room_id,
        start=start,
        end=end,
        now=ctx.now,
        exported_by=ctx.sender.user_id,
        room_name=ctx.runtime.room_name(ctx.room_id),
    )
    if protocol.count == 0:
        raise CommandError("decisions.export.empty", show_usage=False)
    file = await attachment(protocol.sheet, fmt, ctx.settings)
    tally = protocol.tally
    doc = Doc().line(
        ctx.t(
            "decisions.export.done",
            format=fmt.name.upper(),
            count=tally.count,
            first=tally.first_id,
            last=tally.last_id,
            when=ctx.dates.moment(ctx.now),
            file=file.filename,
        )
    )
    doc.line(ctx.t("decisions.export.hash", hash=tally.last_hash, last=tally.last_id))
    return Reply(doc, attachment=file, purpose="export:decisions")
