"""``!hilfe`` / ``!help``: generated from the command declarations, so it cannot drift."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from commands.core.args import SearchText
from commands.core.context import Context, Reply
from commands.core.markup import Code, Doc, inline
from commands.core.roles import Role
from commands.core.router import Command, spellings


class HelpArgs(BaseModel):
    befehl: SearchText | None = None  # ``!hilfe „termin“`` asks for !termin


async def show_help(ctx: Context, args: HelpArgs) -> Reply:
    """The overview, or usage and example for one command family."""
    if args.befehl:
        return Reply(command_help(ctx, args.befehl.lstrip("!").split()[0]))
    doc = Doc().line(ctx.t("help.title"))
    entries = []
    for c in ctx.commands:
        entries.append(
            ctx.texts.line("help.entry", usage=(Code(ctx.texts.usage(c)),), text=ctx.t(c.help))
        )
        entries += [
            ctx.texts.line(
                "help.entry", usage=(Code(ctx.texts.variant_usage(c, v)),), text=ctx.t(v.help)
            )
            for v in c.variants
        ]
    doc.items(entries)
    doc.line(ctx.t("help.more"))
    doc.line(ctx.t("help.privacy"))
    return Reply(doc)


#: ``!hilfe datenschutz``: the privacy note on its own.
PRIVACY_TOPICS = ("datenschutz", "privacy", "dsgvo", "sozialdaten")


def command_help(ctx: Context, name: str) -> Doc:
    typed = spellings(name)
    if typed & set(PRIVACY_TOPICS):
        return Doc().line(ctx.t("help.privacy")).line(ctx.t("help.privacy_more"))
    family = [c for c in ctx.commands if typed & {s for n in c.names for s in spellings(n)}]
    if not family:
        return Doc().line(ctx.t("help.unknown", name=name))
    first = family[0]
    alias = first.names[1] if len(first.names) > 1 else first.name
    doc = Doc().line(ctx.t("help.command_title", name=first.name, alias=alias))
    lines = []
    for command in family:
        # Each declared form with the role the dispatcher checks for it (``Command.variants``).
        forms = [(ctx.texts.usage(command), command.help, command.role, command.example)]
        forms += [
            (ctx.texts.variant_usage(command, v), v.help, v.role, v.example)
            for v in command.variants
        ]
        for usage, help_key, role, example in forms:
            lines.append(inline(Code(usage), " – ", ctx.t(help_key)))
            lines.append(inline(ctx.t("help.role", role=ctx.t(f"role.{role.value}"))))
            lines.append(inline(ctx.t("help.example", example=example)))
    return doc.items(lines)


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("hilfe", "help"),
            handler=show_help,
            reads_only=True,
            role=Role.EVERYONE,
            help="help.help",
            example="!hilfe kontakte",
            args=HelpArgs,
            rest="befehl",
        ),
    )
    return list(table)
