"""The retention job: a timed source that deletes expired notices and sector inputs."""

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
        notices, inputs = await retention.delete_before(session, now - self.period)
        if notices or inputs:
            log.info(
                "retention deleted notices=%d sector_inputs=%d older_than=%s",
                notices,
                inputs,
                self.period,
            )
        return []
