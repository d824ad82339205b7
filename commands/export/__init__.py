"""``!export`` / ``!export``: a command family whose first word chooses what to export.

The mechanics are shared: a feature describes its export as a
:class:`~commands.export.sheet.Sheet`, and every format (CSV, Markdown, JSON, PDF)
writes any sheet, streamed. To add an export (e.g. ``!export branchen``):

1. build a ``Sheet`` from storage (see ``commands/decisions/protocol.py``);
2. declare ``Command(names=NAMES, sub=("branchen", "sectors"), handler=…,
   role=Role.COORDINATOR, args=ExportArgs, positional=("format",),
   options=PERIOD_OPTIONS)`` in the feature's ``commands()``;
3. in the handler: ``fmt = choose_format(args.format)``, ``start, end = period(args.von,
   args.bis, today)``, then ``Reply(doc, attachment=await attachment(sheet, fmt))``.

The plain ``!export`` lists every export declared this way, so it needs no change.
"""

from __future__ import annotations

from pydantic import BaseModel

from commands.args import CleanText
from commands.context import Attachment, Context, Reply
from commands.export.formats import FORMATS, Format, choose_format, filename, render
from commands.export.period import past_day, period
from commands.export.sheet import Cell, Column, ExportRow, Fact, Labels, Sheet
from commands.markup import Code, Doc
from commands.roles import Role
from commands.router import Command

NAMES = ("export",)
PERIOD_OPTIONS = {"from": "von", "to": "bis"}


class ExportArgs(BaseModel):
    """What every export takes: a format and a period."""

    format: str | None = None
    von: str | None = None
    bis: str | None = None


class WhatArgs(BaseModel):
    was: CleanText | None = None


async def attachment(sheet: Sheet, fmt: Format) -> Attachment:
    """The sheet written in ``fmt``, as a file for the reply."""
    return Attachment(filename(sheet, fmt), fmt.mimetype, await render(sheet, fmt))


async def list_exports(ctx: Context, args: WhatArgs) -> Reply:
    """``!export`` alone, or with a word no export has: what can be exported, and by whom."""
    doc = Doc()
    if args.was:
        doc.line(ctx.t("export.unknown", what=args.was.split()[0][:40]))
    doc.line(ctx.t("export.title"))
    kinds = [c for c in ctx.commands if c.names == NAMES and c.sub]
    doc.items(
        [
            ctx.texts.line(
                "export.entry",
                usage=(Code(c.usage()),),
                text=ctx.t(c.help),
                role=ctx.t(f"role.{c.role.value}"),
            )
            for c in kinds
        ]
    )
    doc.line(ctx.t("export.formats", formats=", ".join(FORMATS)))
    return Reply(doc)


def commands() -> list[Command]:
    return [
        Command(
            names=NAMES,
            handler=list_exports,
            reads_only=True,
            role=Role.EVERYONE,
            help="export.help",
            example="!export",
            args=WhatArgs,
            rest="was",
        )
    ]


__all__ = [
    "FORMATS",
    "NAMES",
    "PERIOD_OPTIONS",
    "Cell",
    "Column",
    "ExportArgs",
    "ExportRow",
    "Fact",
    "Format",
    "Labels",
    "Sheet",
    "attachment",
    "choose_format",
    "commands",
    "past_day",
    "period",
]
