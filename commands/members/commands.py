"""``!mitglieder`` / ``!members`` (who belongs where, and its history) and ``!mitglied
hinzufügen|entfernen`` / ``!member add|remove`` (coordinators change it, without a restart).

A partner is named by id or name as in ``!kontakte setzen``; the word ``koordination``
(``coordination``) names the coordination instead. A person belongs to at most one partner:
moving someone is removing, then adding (a typo in the partner moves nobody). The last
coordinator cannot be removed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from commands.contacts.lookup import contact_map, find_partner
from commands.core.args import UserId
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc, Line
from commands.core.roles import Role
from commands.core.router import Command, NoArgs
from commands.members import roster
from config import Partner
from storage import members as store

#: What names the coordination instead of a partner (either language).
COORDINATION_WORDS = frozenset({"koordination", "coordination"})
HISTORY_LIMIT = 30


class MemberArgs(BaseModel):
    partner: str
    person: UserId


def _group(ctx: Context, text: str) -> Partner | None:
    """The partner ``text`` names, or None for the coordination."""
    if text.strip().casefold() in COORDINATION_WORDS:
        return None
    try:
        return find_partner(ctx.settings, text)
    except CommandError:
        choices = [p.id for p in ctx.settings.partners] + [ctx.t("members.word")]
        raise CommandError(
            "members.unknown_group", value=text[:60], choices=", ".join(choices)
        ) from None


def _label(ctx: Context, user_id: str) -> str:
    """``Anna Schulz (@a.schulz:example.org)`` with a configured name, else the id."""
    name = ctx.settings.display_names.get(user_id)
    return f"{name} ({user_id})" if name else user_id


def _group_label(ctx: Context, partner_id: str) -> str:
    if partner_id == store.COORDINATION:
        return ctx.t("members.coordination")
    partner = ctx.settings.partner(partner_id)
    return partner.label if partner is not None else partner_id


async def list_members(ctx: Context, _args: NoArgs) -> Reply:
    membership = ctx.settings.membership
    groups = [(p.name, membership.members_of(p.id)) for p in ctx.settings.partners]
    groups.append((ctx.t("members.coordination"), sorted(membership.coordinators)))
    lines: list[Line] = []
    for name, people in groups:
        shown = ", ".join(_label(ctx, user) for user in people) or ctx.t("members.nobody")
        lines.append(ctx.texts.line("members.entry", group=name, people=shown))
    doc = Doc().line(ctx.t("members.title")).items(lines)
    return Reply(doc.line(ctx.t("members.next")))


async def member_history(ctx: Context, _args: NoArgs) -> Reply:
    changes, total = await store.history(ctx.session, limit=HISTORY_LIMIT)
    if not changes:
        return Reply(Doc().line(ctx.t("members.history_empty")))
    lines: list[Line] = []
    for change in changes:
        if change.changed_by == store.CONFIGURATION:
            key = "members.history_seed"
        else:
            key = "members.history_add" if change.action == store.ADD else "members.history_remove"
        lines.append(
            ctx.texts.line(
                key,
                when=ctx.dates.moment(change.changed_at),
                group=_group_label(ctx, change.partner_id),
                person=_label(ctx, change.user_id),
                by=_label(ctx, change.changed_by),
            )
        )
    doc = Doc().line(ctx.t("members.history_title")).items(lines)
    if total > len(changes):
        doc.line(ctx.t("members.history_more", count=total - len(changes)))
    return Reply(doc)


async def add_member(ctx: Context, args: MemberArgs) -> Reply:
    partner = _group(ctx, args.partner)
    person = args.person
    await roster.ensure_seeded(ctx.session, ctx.settings, ctx.now)
    if partner is None:
        if await store.is_coordinator(ctx.session, person):
            raise CommandError(
                "members.already_coordinator", show_usage=False, person=_label(ctx, person)
            )
    else:
        current = await store.partner_of(ctx.session, person)
        if current == partner.id:
            raise CommandError(
                "members.already",
                show_usage=False,
                person=_label(ctx, person),
                partner=partner.name,
            )
        if current is not None:
            raise CommandError(
                "members.elsewhere",
                show_usage=False,
                person=person,
                other=_group_label(ctx, current),
                other_id=current,
            )
    await store.add(
        ctx.session,
        partner_id=partner.id if partner is not None else store.COORDINATION,
        user_id=person,
        by=ctx.sender.user_id,
        now=ctx.now,
    )
    await roster.refresh(ctx.session, ctx.settings)
    if partner is None:
        line = ctx.texts.line("members.added_coordinator", person=ctx.mention(person))
    else:
        line = ctx.texts.line("members.added", person=ctx.mention(person), partner=partner.name)
    return Reply(Doc().para(line).line(ctx.t("members.after")))


async def remove_member(ctx: Context, args: MemberArgs) -> Reply:
    partner = _group(ctx, args.partner)
    person = args.person
    await roster.ensure_seeded(ctx.session, ctx.settings, ctx.now)
    if partner is None:
        if not await store.is_coordinator(ctx.session, person):
            raise CommandError(
                "members.not_coordinator", show_usage=False, person=_label(ctx, person)
            )
        if await store.coordinator_count(ctx.session) <= 1:
            raise CommandError(
                "members.last_coordinator",
                show_usage=False,
                person=_label(ctx, person),
                word=ctx.t("members.word"),
            )
    elif await store.partner_of(ctx.session, person) != partner.id:
        raise CommandError(
            "members.not_member", show_usage=False, person=_label(ctx, person), partner=partner.name
        )
    await store.remove(
        ctx.session,
        partner_id=partner.id if partner is not None else store.COORDINATION,
        user_id=person,
        by=ctx.sender.user_id,
        now=ctx.now,
    )
    await roster.refresh(ctx.session, ctx.settings)
    label = _label(ctx, person)
    if partner is None:
        return Reply(Doc().line(ctx.t("members.removed_coordinator", person=label)))
    doc = Doc().line(ctx.t("members.removed", person=label, partner=partner.name))
    contact, deputy = (await contact_map(ctx))[partner.id]
    for key, holder in (("members.still_contact", contact), ("members.still_deputy", deputy)):
        if holder == person:
            doc.line(ctx.t(key, person=label, partner=partner.name, partner_id=partner.id))
    return Reply(doc.line(ctx.t("members.after")))


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type.
    table = (
        Command(
            names=("mitglieder", "members"),
            handler=list_members,
            args=NoArgs,
            reads_only=True,
            role=Role.EVERYONE,
            help="members.help",
            example="!mitglieder",
        ),
        Command(
            names=("mitglieder", "members"),
            sub=("verlauf", "history"),
            handler=member_history,
            args=NoArgs,
            reads_only=True,
            role=Role.COORDINATOR,
            help="members.history_help",
            example="!mitglieder verlauf",
        ),
        Command(
            names=("mitglied", "member"),
            sub=("hinzufügen", "add"),
            handler=add_member,
            args=MemberArgs,
            positional=("partner", "person"),
            role=Role.COORDINATOR,
            help="members.add_help",
            example="!mitglied hinzufügen jobcenter @d.weber:example.org",
        ),
        Command(
            names=("mitglied", "member"),
            sub=("entfernen", "remove"),
            handler=remove_member,
            args=MemberArgs,
            positional=("partner", "person"),
            role=Role.COORDINATOR,
            help="members.remove_help",
            example="!mitglied entfernen agentur @c.neu:example.org",
        ),
    )
    return list(table)
