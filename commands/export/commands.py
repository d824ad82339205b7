"""The ``!export`` family: ``ExportArgs``, ``NAMES`` and ``PERIOD_OPTIONS`` that every export
declares, :func:`attachment`, and the plain ``!export`` that lists them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from commands.core.args import CleanText
from commands.core.context import Attachment, Context, Reply
from commands.core.markup import Code, Doc
from commands.core.roles import Role
from commands.core.router import Command
from commands.export.formats import FORMATS, Format
from commands.export.sheet import Sheet
from commands.export.spool import spool_dir, spooled
from config import Settings

NAMES = ("export",)
PERIOD_OPTIONS = {"from": "von", "to": "bis"}


class ExportArgs(BaseModel):
    """What every export takes: a format and a period."""

    format: str | None = None
    von: str | None = None
    bis: str | None = None


class WhatArgs(BaseModel):
    was: CleanText | None = None


async def attachment(sheet: Sheet, fmt: Format, settings: Settings) -> Attachment:
    """The sheet written in ``fmt``, as a file for the reply: streamed into the spool folder
    (``commands.export.spool``), uploaded from there."""
    return await spooled(sheet, fmt, spool_dir(settings))


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
                usage=(Code(ctx.texts.usage(c)),),
                text=ctx.t(c.help),
                role=ctx.t(f"role.{c.role.value}"),
            )
            for c in kinds
        ]
    )
    doc.line(ctx.t("export.formats", formats=", ".join(FORMATS)))
    return Reply(doc)


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=NAMES,
            handler=list_exports,
            reads_only=True,
            role=Role.EVERYONE,
            help="export.help",
            example="!export",
            args=WhatArgs,
            rest="was",
        ),
    )
    return list(table)
