"""``!hilfe`` / ``!help``: generated from the command declarations, so it cannot drift."""

from __future__ import annotations

from pydantic import BaseModel

from commands.core.context import Context, Reply
from commands.core.markup import Code, Doc, inline
from commands.core.roles import Role
from commands.core.router import Command


class HelpArgs(BaseModel):
    befehl: str | None = None


async def show_help(ctx: Context, args: HelpArgs) -> Reply:
    """The overview, or usage and example for one command family."""
    if args.befehl:
        return Reply(command_help(ctx, args.befehl.lstrip("!").split()[0]))
    doc = Doc().line(ctx.t("help.title"))
    doc.items(
        [
            ctx.texts.line("help.entry", usage=(Code(c.usage()),), text=ctx.t(c.help))
            for c in ctx.commands
        ]
    )
    doc.line(ctx.t("help.more"))
    doc.line(ctx.t("help.privacy"))
    return Reply(doc)


def command_help(ctx: Context, name: str) -> Doc:
    family = [c for c in ctx.commands if name.casefold() in (n.casefold() for n in c.names)]
    if not family:
        return Doc().line(ctx.t("help.unknown", name=name))
    first = family[0]
    alias = first.names[1] if len(first.names) > 1 else first.name
    doc = Doc().line(ctx.t("help.command_title", name=first.name, alias=alias))
    lines = []
    for command in family:
        lines.append(inline(Code(command.usage()), " – ", ctx.t(command.help)))
        lines.append(inline(ctx.t("help.role", role=ctx.t(f"role.{command.role.value}"))))
        lines.append(inline(ctx.t("help.example", example=command.example)))
    return doc.items(lines)


def commands() -> list[Command]:
    return [
        Command(
            names=("hilfe", "help"),
            handler=show_help,
            reads_only=True,
            role=Role.EVERYONE,
            help="help.help",
            example="!hilfe kontakte",
            args=HelpArgs,
            rest="befehl",
        )
    ]
