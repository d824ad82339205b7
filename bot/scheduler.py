"""Timed work: APScheduler only wakes the bot; the database says what is due.

One job, ``wake``, is scheduled at the earliest due time of all sources. On waking, each
source writes its due posts (and its own delivery records) in one transaction, so a
restart or a second instance cannot double or lose one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

from bot.crashpoints import Crash, CrashPoint, no_crash
from bot.posting import Posting
from commands.core.context import DueSource
from storage.core import OutboxMessage
from storage.engine import SessionFactory

log = logging.getLogger("koopbot.scheduler")

RETRY_AFTER = timedelta(seconds=30)
POKE_DELAY = 0.5  # seconds; pokes within this time are coalesced into one recomputation


class Waker:
    """Runs due sources now and schedules the next wake-up."""

    def __init__(
        self,
        scheduler: AsyncIOScheduler | None,
        sources: Sequence[DueSource],
        sessions: SessionFactory,
        clock: Callable[[], datetime],
        posting: Posting,
        push: Callable[[list[OutboxMessage]], None],
        crash: Crash = no_crash,
    ) -> None:
        self.crash = crash
        self.scheduler = scheduler
        self.sources = tuple(sources)
        self.sessions = sessions
        self.clock = clock
        self.posting = posting
        self.push = push
        self.next_wake: datetime | None = None
        self._lock = asyncio.Lock()
        self._poke_task: asyncio.Task[None] | None = None
        self._stopped = False

    async def wake(self) -> None:
        """Post everything due by now, then schedule the next wake-up."""
        async with self._lock:
            if self._stopped:
                return
            failed = False
            for source in self.sources:
                try:
                    async with self.sessions() as session, session.begin():
                        posts = await source.run_due(session, self.clock())
                        rows = self.posting.timed(session, posts)
                    if rows:
                        self.crash(CrashPoint.CLAIMED)
                    self.push(rows)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    failed = True
                    log.exception(
                        "timed job %s failed; retry in %s", type(source).__name__, RETRY_AFTER
                    )
            await self._reschedule(self.clock() + RETRY_AFTER if failed else None)

    async def _reschedule(self, not_before: datetime | None = None) -> None:
        now = self.clock()
        due: list[datetime] = []
        async with self.sessions() as session:
            for source in self.sources:
                moment = await source.next_due(session, now)
                if moment is not None:
                    due.append(moment)
        self.next_wake = min(due) if due else None
        if self.scheduler is None:
            return
        if self.next_wake is None:
            if self.scheduler.get_job("wake"):
                self.scheduler.remove_job("wake")
            return
        self.scheduler.add_job(
            self.wake,
            DateTrigger(run_date=max(self.next_wake, not_before or now)),
            id="wake",
            replace_existing=True,
            misfire_grace_time=None,
            coalesce=True,
        )

    def poke(self) -> None:
        """Something changed (a meeting was created): recompute the next wake-up soon."""
        if self._stopped:
            return
        if self._poke_task is None or self._poke_task.done():
            self._poke_task = asyncio.get_running_loop().create_task(
                self._poked(), name="waker-poke"
            )

    async def _poked(self) -> None:
        # Let the command's reply go out first: the recomputation queries every source and
        # would otherwise compete with the send on the critical path of a reply.
        await asyncio.sleep(POKE_DELAY)
        async with self._lock:
            await self._reschedule()

    async def stop(self) -> None:
        """At shutdown: no more wake-ups or pokes; one under way finishes its transaction."""
        self._stopped = True
        task = self._poke_task
        if task is not None and not task.done() and not self._lock.locked():
            task.cancel()  # still in its delay: nothing started yet
        async with self._lock:  # a wake-up or recomputation under way ends first
            pass
        if task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await task
