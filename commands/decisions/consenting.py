"""Consent per partner: ``!beschluss zustimmen``, ``widersprechen``, and ✅/👍 reactions.

A member consents or objects for their own partner only, on the valid version only; each
consent, objection and withdrawal is an entry of the hash chain (``concerns`` names the
version). Once every partner has consented the decision is carried by all three: an
objection is refused, a removed ✅ reaction is kept (the answer says so) — a change then
goes through the coordination (``!beschluss ändern`` / ``aufheben``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.args import CleanText, ItemId
from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply
from commands.core.dates import DateFormatter
from commands.core.errors import CommandError
from commands.core.markup import Doc, Line
from commands.core.roles import Identity
from commands.decisions.cards import consent_lines
from commands.decisions.recording import open_version
from commands.decisions.standing import Consent, Mark, consent_of
from config import Partner, Settings
from storage.decisions import chain
from storage.decisions import models as store
from storage.decisions.chain import NewEntry
from storage.decisions.models import DecisionEntry, Kind


class ConsentArgs(BaseModel):
    id: ItemId


class ObjectArgs(BaseModel):
    id: ItemId
    grund: CleanText


@dataclass(frozen=True)
class Bench:
    """What the consent rules need, from a command's context or a reaction hook."""

    session: AsyncSession
    settings: Settings
    texts: Catalogue
    dates: DateFormatter
    room_id: str
    now: datetime

    @classmethod
    def of(cls, ctx: Context) -> Bench:
        return cls(ctx.session, ctx.settings, ctx.texts, ctx.dates, ctx.room_id, ctx.now)

    @property
    def today(self) -> date:
        return self.dates.local(self.now).date()

    def line(self, key: str, **params: object) -> Line:
        return self.texts.line(key, **params)


@dataclass(frozen=True)
class Outcome:
    """What an action left: the version, its consent now, and the one-line answer."""

    version: DecisionEntry
    consent: Consent
    line: Line
    carried_now: bool = False


async def load_consent(session: AsyncSession, version: DecisionEntry) -> Consent:
    return consent_of(version, await store.consents_of(session, [version.id]))


def _member(bench: Bench, actor: Identity) -> Partner:
    if actor.partner is None:
        yours = bench.texts.t("yours.coordinator" if actor.coordinator else "yours.guest")
        raise CommandError("decisions.error.not_member", yours=yours, show_usage=False)
    return actor.partner


async def _append(
    bench: Bench,
    version: DecisionEntry,
    kind: Kind,
    actor: Identity,
    partner: Partner,
    *,
    via: str,
    source_event_id: str,
    reason: str = "",
) -> DecisionEntry:
    return await chain.append(
        bench.session,
        NewEntry(
            room_id=bench.room_id,
            kind=kind.value,
            subject=version.subject,
            wording=reason,
            outcome="",
            decided_on=bench.today,
            recorded_at=bench.now,
            author=actor.user_id,
            author_partner=partner.id,
            source_event_id=source_event_id,
            decision_no=version.decision_no,
            concerns=version.id,
            via=via,
        ),
    )


async def consent(
    bench: Bench, entry_id: int, actor: Identity, *, via: str, source_event_id: str
) -> Outcome:
    """The actor's partner consents to decision ``#entry_id`` (the valid version)."""
    partner = _member(bench, actor)
    version = await open_version(bench.session, bench.texts, bench.room_id, entry_id)
    state = await load_consent(bench.session, version)
    if state.stand(partner.id).mark is Mark.CONSENTED:
        line = bench.line("decisions.consent.already", id=version.id, partner=partner.name)
        return Outcome(version, state, line)
    await _append(
        bench, version, Kind.CONSENTED, actor, partner, via=via, source_event_id=source_event_id
    )
    state = await load_consent(bench.session, version)
    line = bench.line("decisions.consent.done", id=version.id, partner=partner.name)
    return Outcome(version, state, line, carried_now=state.carried(bench.settings.partners))


async def object_to(
    bench: Bench, entry_id: int, actor: Identity, reason: str, *, source_event_id: str
) -> Outcome:
    """The actor's partner objects to decision ``#entry_id``, with a reason."""
    partner = _member(bench, actor)
    limit = bench.settings.limits.max_text_chars
    if len(reason) > limit:
        raise CommandError("decisions.error.too_long", length=len(reason), limit=limit)
    version = await open_version(bench.session, bench.texts, bench.room_id, entry_id)
    state = await load_consent(bench.session, version)
    if state.carried(bench.settings.partners):
        raise CommandError("decisions.error.carried", id=version.id, show_usage=False)
    await _append(
        bench,
        version,
        Kind.OBJECTED,
        actor,
        partner,
        via="command",
        source_event_id=source_event_id,
        reason=reason,
    )
    state = await load_consent(bench.session, version)
    line = bench.line("decisions.object.done", id=version.id, partner=partner.name, reason=reason)
    return Outcome(version, state, line)


async def withdraw(
    bench: Bench, version: DecisionEntry, actor: Identity, partner: Partner, *, source_event_id: str
) -> Outcome:
    """Take the partner's consent back (a removed ✅ reaction), unless all have consented."""
    state = await load_consent(bench.session, version)
    if state.carried(bench.settings.partners):
        line = bench.line("decisions.withdraw.kept", id=version.id, partner=partner.name)
        return Outcome(version, state, line)
    await _append(
        bench,
        version,
        Kind.WITHDRAWN,
        actor,
        partner,
        via="reaction",
        source_event_id=source_event_id,
    )
    state = await load_consent(bench.session, version)
    line = bench.line("decisions.withdraw.done", id=version.id, partner=partner.name)
    return Outcome(version, state, line)


def outcome_doc(bench: Bench, outcome: Outcome) -> Doc:
    """The answer: the line, the consent block, and what happens next."""
    doc = Doc().para(outcome.line)
    for line in consent_lines(bench.texts, bench.settings, bench.dates, outcome.consent):
        doc.para(line)
    version_id = outcome.version.id
    if outcome.carried_now:
        doc.line(bench.texts.t("decisions.consent.carried_now", id=version_id))
    elif not outcome.consent.carried(bench.settings.partners):
        doc.line(bench.texts.t("decisions.consent.next", id=version_id))
    return doc


async def consent_command(ctx: Context, args: ConsentArgs) -> Reply:
    bench = Bench.of(ctx)
    outcome = await consent(bench, args.id, ctx.sender, via="command", source_event_id=ctx.event_id)
    return Reply(outcome_doc(bench, outcome))


async def object_command(ctx: Context, args: ObjectArgs) -> Reply:
    bench = Bench.of(ctx)
    reason = args.grund.strip()
    if not reason:
        raise CommandError("error.missing_arg", arg="grund")
    outcome = await object_to(bench, args.id, ctx.sender, reason, source_event_id=ctx.event_id)
    return Reply(outcome_doc(bench, outcome))
