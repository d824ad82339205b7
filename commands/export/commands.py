"""The ``!export`` family: ``ExportArgs``, ``NAMES`` and ``PERIOD_OPTIONS`` that every export
declares, :func:`attachment`, and the plain ``!export`` that lists them."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from commands.core.args import CleanText
from commands.core.context import Attachment, Context, Reply
from commands.core.markup import Code, Doc, Line
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


class TableExportArgs(ExportArgs):
    """An export of a table, written as CSV unless another format is named."""

    format: str | None = "csv"


def formats_of(command: Command[Any]) -> tuple[list[str], str]:
    """The formats an export command takes (a ``Literal`` field names them; otherwise every
    one of :data:`FORMATS`) and the one written when none is named."""
    field = command.args.model_fields.get("format")
    if field is None:
        return [], ""
    named = [str(value) for value in get_args(field.annotation) if isinstance(value, str)]
    default = field.default if isinstance(field.default, str) else "pdf"
    return (named or list(FORMATS)), default


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
    doc.items([_entry(ctx, c) for c in kinds])
    doc.line(ctx.t("export.formats"))
    return Reply(doc)


def _entry(ctx: Context, command: Command[Any]) -> Line:
    formats, default = formats_of(command)
    return ctx.texts.line(
        "export.entry",
        usage=(Code(ctx.texts.usage(command)),),
        text=ctx.t(command.help),
        role=ctx.t(f"role.{command.role.value}"),
        formats=", ".join(formats),
        default=default,
    )


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
