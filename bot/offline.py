"""The shell commands that work on the database alone (``koopbot export``, ``report``,
``verify-log``): a session on the migrated database, and a file that appears whole or not
at all."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from config import Settings
from storage import migrate
from storage.engine import create_engine, session_factory


@asynccontextmanager
async def offline_session(settings: Settings) -> AsyncIterator[AsyncSession]:
    """A session on the configured database, migrated first; it only reads (rolled back
    at the end) and needs only the storage settings, no homeserver."""
    engine = create_engine(settings.storage.url)
    try:
        await migrate.upgrade(engine)
        async with session_factory(engine)() as session:
            try:
                yield session
            finally:
                await session.rollback()
    finally:
        await engine.dispose()


@contextmanager
def replaced_whole(path: Path) -> Iterator[Path]:
    """Where to write ``path``'s new content: a file beside it, moved into place when the
    block ends without an error and removed otherwise, so ``path`` is never half written."""
    partial = path.with_name(path.name + ".part")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
