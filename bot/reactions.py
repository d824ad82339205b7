"""Event hooks: reactions and redactions handed to the features that act on them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.dispatch import EventHook
from bot.events import Reaction, Redaction, RoomEvent
from commands.core.context import Reply
from commands.pr.reactions import PressReactions
from config import Settings


def press_hook(settings: Settings) -> EventHook:
    """✅/👍 on a press-release draft approves it; redacting that reaction withdraws."""
    reactions = PressReactions(settings)

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
