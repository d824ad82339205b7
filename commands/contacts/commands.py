"""``!kontakte`` / ``!contacts``: each partner's contact and deputy.

``!kontakte setzen`` accepts only members of that partner (``!mitglieder``) and keeps the
deputy unless a new one is given (``vertretung=keine`` takes it away).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, TypeAdapter, ValidationError

from commands.contacts.lookup import contact_map, find_partner
from commands.core.args import UserId
from commands.core.context import Context, Reply
from commands.core.errors import ArgError, CommandError
from commands.core.markup import Doc, Line
from commands.core.roles import Role
from commands.core.router import Command, NoArgs
from config import Partner
from storage import contacts as store

#: What takes a deputy away instead of naming one (either language).
NO_DEPUTY = frozenset({"keine", "keiner", "none", "-"})
_USER = TypeAdapter(UserId)


def _deputy(value: object) -> str:
    """A deputy's Matrix id, or "" for ``keine``/``none`` (no deputy any more)."""
    if str(value).strip().casefold() in NO_DEPUTY:
        return ""
    try:
        return _USER.validate_python(value)
    except ValidationError:
        raise ArgError("error.not_a_user", value=str(value).strip()[:60]) from None


Deputy = Annotated[str, BeforeValidator(_deputy)]


class SetContactArgs(BaseModel):
    partner: str
    person: UserId
    #: None: keep the current deputy; "": none.
    vertretung: Deputy | None = None


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


def _require_member(ctx: Context, partner: Partner, person: str) -> None:
    if ctx.settings.membership.partner_of.get(person) != partner.id:
        raise CommandError(
            "contacts.not_member",
            show_usage=False,
            person=person,
            partner=partner.name,
            partner_id=partner.id,
        )


async def set_contact(ctx: Context, args: SetContactArgs) -> Reply:
    partner = find_partner(ctx.settings, args.partner)
    _require_member(ctx, partner, args.person)
    if args.vertretung:
        _require_member(ctx, partner, args.vertretung)
        if args.vertretung == args.person:
            raise CommandError("contacts.same_person", show_usage=False)
    notes: list[str] = []
    if args.vertretung is None:  # not given: the deputy stays, if it still can
        deputy = (await contact_map(ctx))[partner.id][1]
        if deputy == args.person:
            notes.append(ctx.t("contacts.deputy_now_contact", deputy=deputy))
            deputy = ""
        elif deputy and ctx.settings.membership.partner_of.get(deputy) != partner.id:
            notes.append(ctx.t("contacts.deputy_gone", deputy=deputy, partner=partner.name))
            deputy = ""
    else:
        deputy = args.vertretung
    await store.set_contact(
        ctx.session,
        room_id=ctx.room_id,
        partner_id=partner.id,
        contact=args.person,
        deputy=deputy,
        set_by=ctx.sender.user_id,
        now=ctx.now,
    )
    if deputy:
        line = ctx.texts.line(
            "contacts.set_deputy",
            partner=partner.name,
            contact=ctx.mention(args.person),
            deputy=ctx.mention(deputy),
        )
    else:
        line = ctx.texts.line(
            "contacts.set", partner=partner.name, contact=ctx.mention(args.person)
        )
    doc = Doc().para(line)
    for note in notes:
        doc.line(note)
    return Reply(doc.line(ctx.t("contacts.next")))


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
