"""``!kontakte`` / ``!contacts``: each partner's contact and deputy."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from commands.args import UserId
from commands.context import Context, Reply
from commands.errors import CommandError
from commands.markup import Doc, Line
from commands.roles import Role
from commands.router import Command, NoArgs
from config import Partner, Settings
from storage import contacts as store


class SetContactArgs(BaseModel):
    partner: str
    person: UserId
    vertretung: UserId | None = None


async def contact_map(ctx: Context) -> dict[str, tuple[str, str]]:
    """partner id → (contact, deputy): configuration, overridden by what coordinators set."""
    return await room_contacts(ctx.session, ctx.settings, ctx.room_id)


async def room_contacts(
    session: AsyncSession, settings: Settings, room_id: str
) -> dict[str, tuple[str, str]]:
    """:func:`contact_map` for timed posts, which have no command context."""
    current = {p.id: (p.contact, p.deputy) for p in settings.partners}
    for partner_id, row in (await store.current_contacts(session, room_id)).items():
        if partner_id in current:
            current[partner_id] = (row.contact, row.deputy)
    return current


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


def find_partner(settings: Settings, text: str) -> Partner:
    """A partner by id, short name or a clear prefix of its name."""
    wanted = text.strip().casefold()
    for partner in settings.partners:
        if wanted in (partner.id, partner.label.casefold(), partner.name.casefold()):
            return partner
    matches = [
        p
        for p in settings.partners
        if p.name.casefold().startswith(wanted) or wanted in p.name.casefold()
    ]
    if len(matches) == 1 and wanted:
        return matches[0]
    raise CommandError(
        "error.unknown_partner", value=text, choices=", ".join(p.id for p in settings.partners)
    )


def commands() -> list[Command]:
    return [
        Command(
            names=("kontakte", "contacts"),
            handler=list_contacts,
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
    ]
