"""One active instance per database: a PostgreSQL advisory lock (SQLite: a file lock).

The standby waits for the lock before it logs in to Matrix or opens the E2EE store, so two
processes never act as the bot at once. The lock lives as long as one dedicated database
connection; if that connection dies, PostgreSQL releases the lock and the standby takes over.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger("koopbot.lock")

LOCK_KEY = 0x6B6F6F70  # "koop"


class LockLost(RuntimeError):
    """The instance lock's connection broke: this process must stop acting as the bot."""


class InstanceLock:
    """Held while the bot is active; :meth:`watch` raises :class:`LockLost` if it goes away."""

    def __init__(self, connection: AsyncConnection | None) -> None:
        self._connection = connection

    async def watch(self, interval: float = 2.0) -> None:
        if self._connection is None:
            await asyncio.Event().wait()  # a file lock cannot be lost while the process lives
        while True:
            await asyncio.sleep(interval)
            try:
                assert self._connection is not None
                await self._connection.execute(text("SELECT 1"))
            except Exception as exc:
                raise LockLost(
                    f"lost the database connection that holds the instance lock: {exc}"
                ) from None


@asynccontextmanager
async def instance_lock(engine: AsyncEngine, *, poll: float = 1.0) -> AsyncIterator[InstanceLock]:
    """Wait until this process is the active instance, then hold that until the block ends."""
    if engine.dialect.name == "postgresql":
        async with _advisory_lock(engine, poll) as lock:
            yield lock
    else:
        async with _file_lock(engine, poll) as lock:
            yield lock


@asynccontextmanager
async def _advisory_lock(engine: AsyncEngine, poll: float) -> AsyncIterator[InstanceLock]:
    waiting_logged = False
    while True:
        try:
            connection = await engine.connect()
        except (OSError, ConnectionError) as exc:
            log.warning(
                "database not reachable for the instance lock (%s); retry", type(exc).__name__
            )
            await asyncio.sleep(poll)
            continue
        got = await connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY})
        await connection.commit()
        if got:
            break
        await connection.close()
        if not waiting_logged:
            log.info("standby: another instance holds the lock; waiting")
            waiting_logged = True
        await asyncio.sleep(poll)
    log.info("instance lock acquired: this instance is active")
    try:
        yield InstanceLock(connection)
    finally:
        with contextlib.suppress(Exception):
            await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
        with contextlib.suppress(Exception):
            await connection.close()


@asynccontextmanager
async def _file_lock(engine: AsyncEngine, poll: float) -> AsyncIterator[InstanceLock]:
    """SQLite serves one instance; a second one waits like a PostgreSQL standby."""
    database = make_url(str(engine.url)).database
    if not database or database == ":memory:":
        yield InstanceLock(None)
        return
    handle = os.open(f"{database}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        waiting_logged = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waiting_logged:
                    log.info("standby: another instance uses %s; waiting", database)
                    waiting_logged = True
                await asyncio.sleep(poll)
        yield InstanceLock(None)
    finally:
        os.close(handle)
