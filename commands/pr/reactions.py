"""✅/👍 on a draft message approves, removing that reaction withdraws (a convenience:
every action is also a command: ``!pm freigeben`` and ``!pm zurückziehen``).

The bot's draft message is found by the purpose stored with its outbox row ("pm:3:2"),
a reaction's approval by the reaction's event id in the audit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.context import Reply
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.core.reactions import ReactionHandler, approving
from commands.core.roles import identify
from commands.pr.approval import approve, withdraw
from commands.pr.desk import Desk, parse_purpose
from commands.pr.state import load_state
from storage.core import purpose_of
from storage.pr import releases as store
from storage.pr.releases import APPROVED


class PressReactions(ReactionHandler):
    """The reaction side of approvals; the bot wires it in as an event hook."""

    def _desk(self, session: AsyncSession, room_id: str, now: datetime) -> Desk:
        return Desk(session, self.settings, self.texts, self.dates, room_id, now)

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
        """An approving reaction on a draft message approves that version for the sender."""
        if not approving(key):
            return []
        shown = parse_purpose(await purpose_of(session, room_id, target))
        if shown is None:
            return []
        release_id, version = shown
        desk = self._desk(session, room_id, now)
        try:
            outcome = await approve(
                desk,
                release_id,
                identify(self.settings, sender),
                via="reaction",
                source_event_id=event_id,
                version=version,
            )
        except CommandError as error:
            return self._say(error)
        replies = [Reply(Doc().para(outcome.line))]
        return [*replies, outcome.final] if outcome.final is not None else replies

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
        """Removing one's approving reaction withdraws that approval, if it still counts."""
        approval = await store.event_from(session, redacts)
        if approval is None or approval.kind != APPROVED or approval.via != "reaction":
            return []  # e.g. the author's command message: redacting it changes nothing
        if approval.user_id != sender:
            return []  # only the person who reacted takes their approval back
        release = await store.get_release(session, room_id, approval.release_id, lock=True)
        if release is None or release.current_version != approval.version:
            return []  # a newer version has no approvals from old reactions anyway
        state = await load_state(session, release)
        standing = state.decisions.get(approval.partner_id or "")
        if standing is None or standing.id != approval.id:
            return []  # this partner's standing decision came later
        desk = self._desk(session, room_id, now)
        if state.published is not None:
            partner = desk.partner_name(approval.partner_id)
            return [Reply(Doc().line(desk.t("pm.reaction.kept", id=release.id, partner=partner)))]
        try:
            outcome = await withdraw(
                desk,
                release.id,
                identify(self.settings, sender),
                via="reaction",
                source_event_id=event_id,
            )
        except CommandError as error:
            return self._say(error)
        return [Reply(Doc().para(outcome.line))]
