"""Approving, withdrawing and requesting changes: one partner, one voice, one version.

The same rules serve the commands and the ✅/👍 reactions: a member decides for their own
partner only, on the current version only; the last approval publishes the text once.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from commands.core.args import CleanText, ItemId
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Bold, Doc, Line, Text, join
from commands.core.roles import Identity
from commands.pr.desk import Desk, find_release
from commands.pr.markdown import render
from commands.pr.state import ReleaseState, load_state, partner_names, status_block
from config import Partner
from storage.pr import releases as store
from storage.pr.releases import APPROVED, CHANGES_REQUESTED, PUBLISHED, WITHDRAWN, PressRelease

FINAL_PURPOSE = "pm-final"


class ApproveArgs(BaseModel):
    id: ItemId
    version: ItemId | None = None


class RejectArgs(BaseModel):
    id: ItemId
    grund: CleanText


class IdArgs(BaseModel):
    id: ItemId


@dataclass
class Outcome:
    """What an action changed: the new state, a one-line answer, and the final post if any."""

    state: ReleaseState
    line: Line
    final: Reply | None = None


def _member(desk: Desk, release: PressRelease, actor: Identity) -> Partner:
    if actor.partner is None:
        yours = desk.t("yours.coordinator" if actor.coordinator else "yours.guest")
        raise CommandError("pm.error.not_member", id=release.id, yours=yours, show_usage=False)
    return actor.partner


def _not_published(state: ReleaseState) -> None:
    if state.published is not None:
        raise CommandError(
            "pm.error.published", id=state.release.id, version=state.version, show_usage=False
        )


async def approve(
    desk: Desk,
    release_id: int,
    actor: Identity,
    *,
    via: str,
    source_event_id: str,
    version: int | None = None,
) -> Outcome:
    """Approve the current version for the actor's partner; publish when all have."""
    release = await find_release(desk, release_id, lock=True)
    partner = _member(desk, release, actor)
    if version is not None and version != release.current_version:
        raise CommandError(
            "pm.error.old_version",
            id=release.id,
            version=version,
            current=release.current_version,
            show_usage=False,
        )
    state = await load_state(desk.session, release)
    if state.approval(partner.id) is not None:
        line = desk.line(
            "pm.approve.already", id=release.id, partner=partner.name, version=state.version
        )
        return Outcome(state, line)
    _not_published(state)
    approval = await store.add_event(
        desk.session,
        release=release,
        kind=APPROVED,
        user_id=actor.user_id,
        partner_id=partner.id,
        now=desk.now,
        source_event_id=source_event_id,
        via=via,
    )
    state = state.after(approval)
    line = desk.line("pm.approve.done", id=release.id, partner=partner.name, version=state.version)
    if state.missing(desk.settings.partners):
        return Outcome(state, line)
    publication = await store.add_event(
        desk.session,
        release=release,
        kind=PUBLISHED,
        user_id=actor.user_id,
        partner_id=partner.id,
        now=desk.now,
        source_event_id=source_event_id,
        via=via,
    )
    state = state.after(publication)
    return Outcome(state, line, await final_post(desk, state))


async def withdraw(
    desk: Desk,
    release_id: int,
    actor: Identity,
    *,
    via: str,
    source_event_id: str,
) -> Outcome:
    """Withdraw the actor's partner's approval of the current version, before publication."""
    release = await find_release(desk, release_id, lock=True)
    partner = _member(desk, release, actor)
    state = await load_state(desk.session, release)
    _not_published(state)
    if state.approval(partner.id) is None:
        raise CommandError(
            "pm.error.not_approved", id=release.id, partner=partner.name, show_usage=False
        )
    withdrawal = await store.add_event(
        desk.session,
        release=release,
        kind=WITHDRAWN,
        user_id=actor.user_id,
        partner_id=partner.id,
        now=desk.now,
        source_event_id=source_event_id,
        via=via,
    )
    state = state.after(withdrawal)
    line = desk.line("pm.withdraw.done", id=release.id, partner=partner.name, version=state.version)
    return Outcome(state, line)


async def final_post(desk: Desk, state: ReleaseState) -> Reply:
    """The approved text, posted once, with who approved which version when."""
    release = state.release
    version = await store.get_version(desk.session, release.id, release.current_version)
    assert version is not None
    doc = Doc().line(desk.t("pm.final.title", id=release.id, version=version.number))
    doc.line()
    doc.para((Bold((Text(version.title),)),))
    doc.extend(render(version.text))
    doc.line()
    persons = desk.settings.privacy.show_persons
    doc.line(desk.t("pm.final.approvals" if persons else "pm.final.approvals_org"))
    doc.items(approval_lines(desk, state))
    doc.line(desk.t("pm.final.next", id=release.id))
    return Reply(doc, purpose=f"{FINAL_PURPOSE}:{release.id}")


def approval_lines(desk: Desk, state: ReleaseState) -> list[Line]:
    """``Agentur für Arbeit Magdeburg: freigegeben am Di., 1. Dez. 2026, 10:00 Uhr, Version 2``;
    with ``privacy.show_persons`` the person instead: ``…: Bernd Krüger, Version 2, …``."""
    key = "pm.final.approval" if desk.settings.privacy.show_persons else "pm.final.approval_org"
    lines = []
    for partner in desk.settings.partners:
        event = state.approval(partner.id)
        if event is not None:
            lines.append(
                desk.line(
                    key,
                    partner=partner.name,
                    person=desk.name(event.user_id),
                    version=event.version,
                    when=desk.dates.moment(event.at),
                )
            )
    return lines


def outcome_doc(desk: Desk, outcome: Outcome) -> Doc:
    """The answer to a command: the line, the state block, and what happens next."""
    doc = Doc().para(outcome.line)
    for line in status_block(desk, outcome.state):
        doc.para(line)
    missing = outcome.state.missing(desk.settings.partners)
    if outcome.final is not None:
        doc.line(desk.t("pm.approve.complete", version=outcome.state.version))
    elif missing and outcome.state.published is None:
        doc.line(desk.t("pm.approve.missing", partners=partner_names(missing)))
    return doc


async def approve_command(ctx: Context, args: ApproveArgs) -> Reply:
    desk = Desk.of(ctx)
    outcome = await approve(
        desk, args.id, ctx.sender, via="command", source_event_id=ctx.event_id, version=args.version
    )
    if outcome.final is not None:
        ctx.post(outcome.final)
    return Reply(outcome_doc(desk, outcome))


async def withdraw_command(ctx: Context, args: IdArgs) -> Reply:
    desk = Desk.of(ctx)
    outcome = await withdraw(desk, args.id, ctx.sender, via="command", source_event_id=ctx.event_id)
    return Reply(outcome_doc(desk, outcome))


async def reject_command(ctx: Context, args: RejectArgs) -> Reply:
    """Request changes with a reason; the author(s) are mentioned so they are notified."""
    desk = Desk.of(ctx)
    release = await find_release(desk, args.id, lock=True)
    partner = _member(desk, release, ctx.sender)
    state = await load_state(ctx.session, release)
    _not_published(state)
    limit = ctx.settings.limits.max_text_chars
    if len(args.grund) > limit:
        raise CommandError("pm.error.text_too_long", length=len(args.grund), limit=limit)
    request = await store.add_event(
        ctx.session,
        release=release,
        kind=CHANGES_REQUESTED,
        user_id=ctx.sender.user_id,
        partner_id=partner.id,
        now=ctx.now,
        source_event_id=ctx.event_id,
        reason=args.grund,
    )
    state = state.after(request)
    version = await store.get_version(ctx.session, release.id, release.current_version)
    authors = dict.fromkeys([release.author, version.author if version else release.author])
    line = desk.line(
        "pm.reject.done",
        id=release.id,
        partner=partner.name,
        version=state.version,
        reason=args.grund,
    )
    doc = Doc().para(line)
    for status in status_block(desk, state):
        doc.para(status)
    doc.para(
        desk.line(
            "pm.reject.next",
            id=release.id,
            authors=join([(desk.mention(author),) for author in authors]),
        )
    )
    return Reply(doc)
