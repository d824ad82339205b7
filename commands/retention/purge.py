"""The retention job: a timed source that deletes expired notices and sector inputs, and
empties the bot's messages that quote them (``storage.retention``)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.context import ScheduledPost
from config import Settings, parse_duration
from storage import retention

log = logging.getLogger("koopbot.retention")


class RetentionPurge:
    """Wakes when the oldest notice or input expires; posts nothing, deletes quietly."""

    def __init__(self, settings: Settings) -> None:
        self.period: timedelta = parse_duration(settings.retention.notices_and_inputs)

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        oldest = await retention.oldest_kept(session)
        return oldest + self.period if oldest is not None else None

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        purged = await retention.delete_before(session, now - self.period)
        if purged.notices or purged.inputs or purged.pending:
            log.info(
                "retention deleted notices=%d sector_inputs=%d pending_events=%d, "
                "emptied bot messages=%d, older_than=%s",
                purged.notices,
                purged.inputs,
                purged.pending,
                purged.messages,
                self.period,
            )
        return []
