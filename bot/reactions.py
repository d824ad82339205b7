"""Event hooks: reactions and redactions handed to the features that act on them."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.dispatch import EventHook
from bot.events import Reaction, Redaction, RoomEvent
from commands.core.context import Reply
from commands.decisions.reactions import DecisionReactions
from commands.pr.reactions import PressReactions
from config import Settings


class Reactions(Protocol):
    """A feature's handling of reactions on the bot's messages and of their removal."""

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
    ) -> list[Reply]: ...

    async def on_redaction(
        self,
        session: AsyncSession,
        *,
        room_id: str,
        event_id: str,
        sender: str,
        redacts: str,
        now: datetime,
    ) -> list[Reply]: ...


def _hook(reactions: Reactions) -> EventHook:
    async def hook(session: AsyncSession, event: RoomEvent, now: datetime) -> list[Reply]:
        if isinstance(event, Reaction):
            return await reactions.on_reaction(
                session,
                room_id=event.room_id,
                event_id=event.event_id,
                sender=event.sender,
                target=event.target,
                key=event.key,
                now=now,
            )
        if isinstance(event, Redaction):
            return await reactions.on_redaction(
                session,
                room_id=event.room_id,
                event_id=event.event_id,
                sender=event.sender,
                redacts=event.redacts,
                now=now,
            )
        return []

    return hook


def press_hook(settings: Settings) -> EventHook:
    """✅/👍 on a press-release draft approves it; redacting that reaction withdraws."""
    return _hook(PressReactions(settings))


def decisions_hook(settings: Settings) -> EventHook:
    """✅/👍 on the bot's message about a decision consents for the sender's partner;
    redacting that reaction withdraws while not every partner has consented."""
    return _hook(DecisionReactions(settings))
