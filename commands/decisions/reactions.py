"""✅/👍 on the bot's message about a decision consents for the sender's partner; removing
that reaction withdraws the consent while not every partner has consented.

Once a decision is carried by all partners, a removed reaction changes nothing and the
answer says so: the joint decision stands, a change goes through the coordination. The
bot's message is found by the purpose stored with its outbox row ("decision:7"), a
reaction's consent by the reaction's event id in the log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.context import Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.core.reactions import ReactionHandler, approving
from commands.core.roles import identify
from commands.decisions.cards import parse_purpose
from commands.decisions.consenting import Bench, consent, load_consent, withdraw
from commands.decisions.recording import open_version
from storage.core import purpose_of
from storage.decisions import models as store
from storage.decisions.models import Kind


class DecisionReactions(ReactionHandler):
    """The reaction side of consents; the bot wires it in as an event hook."""

    def _bench(self, session: AsyncSession, room_id: str, now: datetime) -> Bench:
        return Bench(session, self.settings, self.texts, self.dates, room_id, now)

    async def on_reaction(
        self,
        session: AsyncSession,
        *,
        room_id: str,
        event_id: str,
        sender: str,
        target: str,
        key: str,
        now: datetime,
    ) -> list[Reply]:
        """An approving reaction on a decision's message consents for the sender's partner."""
        if not approving(key):
            return []
        entry_id = parse_purpose(await purpose_of(session, room_id, target))
        if entry_id is None:
            return []
        bench = self._bench(session, room_id, now)
        try:
            outcome = await consent(
                bench,
                entry_id,
                identify(self.settings, sender),
                via="reaction",
                source_event_id=event_id,
            )
        except CommandError as error:
            return self._say(error)
        doc = Doc().para(outcome.line)
        if outcome.carried_now:
            doc.line(self.texts.t("decisions.consent.carried_now", id=outcome.version.id))
        return [Reply(doc)]

    async def on_redaction(
        self,
        session: AsyncSession,
        *,
        room_id: str,
        event_id: str,
        sender: str,
        redacts: str,
        now: datetime,
    ) -> list[Reply]:
        """Removing one's ✅ reaction withdraws that consent, if it still stands."""
        given = await store.consent_entry(session, redacts)
        if given is None or given.kind != Kind.CONSENTED.value or given.via != "reaction":
            return []  # e.g. a command message: redacting it changes nothing
        if given.author != sender or given.concerns is None or given.room_id != room_id:
            return []  # only the person who reacted takes their consent back
        actor = identify(self.settings, sender)
        partner = self.settings.partner(given.author_partner) if given.author_partner else None
        if partner is None:
            return []
        bench = self._bench(session, room_id, now)
        try:
            version = await open_version(session, self.texts, room_id, given.concerns)
        except CommandError:
            return []  # amended, revoked or done since: the consent belongs to the past
        state = await load_consent(session, version)
        if state.stand(partner.id).entry_id != given.id:
            return []  # this partner's stand was changed later
        outcome = await withdraw(bench, version, actor, partner, source_event_id=event_id)
        return [Reply(Doc().para(outcome.line))]
