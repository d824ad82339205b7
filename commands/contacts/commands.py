"""``!kontakte`` / ``!contacts``: each partner's contact and deputy."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from commands.contacts.lookup import contact_map, find_partner
from commands.core.args import UserId
from commands.core.context import Context, Reply
from commands.core.markup import Doc, Line
from commands.core.roles import Role
from commands.core.router import Command, NoArgs
from storage import contacts as store


class SetContactArgs(BaseModel):
    partner: str
    person: UserId
    vertretung: UserId | None = None


async def list_contacts(ctx: Context, _args: NoArgs) -> Reply:
    contacts = await contact_map(ctx)
    lines: list[Line] = []
    for partner in ctx.settings.partners:
        contact, deputy = contacts[partner.id]
        who = ctx.mention(contact) if contact else ctx.t("contacts.nobody")
        if deputy:
            lines.append(
                ctx.texts.line(
                    "contacts.entry_deputy",
                    partner=partner.name,
                    contact=who,
                    deputy=ctx.mention(deputy),
                )
            )
        else:
            lines.append(ctx.texts.line("contacts.entry", partner=partner.name, contact=who))
    return Reply(Doc().line(ctx.t("contacts.title")).items(lines))


async def set_contact(ctx: Context, args: SetContactArgs) -> Reply:
    partner = find_partner(ctx.settings, args.partner)
    await store.set_contact(
        ctx.session,
        room_id=ctx.room_id,
        partner_id=partner.id,
        contact=args.person,
        deputy=args.vertretung or "",
        set_by=ctx.sender.user_id,
        now=ctx.now,
    )
    if args.vertretung:
        line = ctx.texts.line(
            "contacts.set_deputy",
            partner=partner.name,
            contact=ctx.mention(args.person),
            deputy=ctx.mention(args.vertretung),
        )
    else:
        line = ctx.texts.line(
            "contacts.set", partner=partner.name, contact=ctx.mention(args.person)
        )
    return Reply(Doc().para(line).line(ctx.t("contacts.next")))


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("kontakte", "contacts"),
            handler=list_contacts,
            args=NoArgs,
            reads_only=True,
            role=Role.EVERYONE,
            help="contacts.help",
            example="!kontakte",
        ),
        Command(
            names=("kontakte", "contacts"),
            sub=("setzen", "set"),
            handler=set_contact,
            role=Role.COORDINATOR,
            help="contacts.set_help",
            example="!kontakte setzen agentur @b.krueger:example.org vertretung=@c.neu:example.org",
            args=SetContactArgs,
            positional=("partner", "person"),
            options={"deputy": "vertretung"},
        ),
    )
    return list(table)
