"""Reading many rows, a chunk at a time, on either backend (exports, log verification).

On PostgreSQL the session's own connection streams (asyncpg needs no thread). On a SQLite
file the rows are read through a second, synchronous, query-only connection on the event
loop's own thread: aiosqlite runs every fetch in its worker thread, and for 100,000 rows
the hops and the rows made on one thread and used on another cost half again as much as
the reading itself (0.67 s instead of 1.0 s for the Beschlussprotokoll; bench/export.py).
Each chunk blocks the loop for a few milliseconds, and the loop runs between chunks.

The second connection sees what is committed. Bulk readers select by id up to a bound the
session read first (the decision log is append-only), so both connections agree on what
an export holds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence
from typing import Any

from sqlalchemy import Row, Select, create_engine, event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.pool import NullPool

RawRow = Row[Any]


async def chunks(
    session: AsyncSession, query: Select[Any], size: int
) -> AsyncGenerator[Sequence[RawRow], None]:
    """The rows of ``query`` in chunks of up to ``size``, as plain Core rows (no ORM)."""
    connection = await session.connection()
    url = _sqlite_file(connection)
    if url is None:
        result = await connection.stream(query.execution_options(yield_per=size))
        async for part in result.partitions(size):
            yield part
        return
    engine = _reader(url)
    try:
        with engine.connect() as reader:
            result = reader.execution_options(yield_per=size).execute(query)
            for part in result.partitions(size):
                yield part
                await asyncio.sleep(0)  # the bot's loop runs between chunks
    finally:
        engine.dispose()


def _sqlite_file(connection: AsyncConnection) -> URL | None:
    """The URL of the session's SQLite file, or None (PostgreSQL, in-memory SQLite)."""
    url = connection.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return url.set(drivername="sqlite+pysqlite")


def _reader(url: URL) -> Engine:
    engine = create_engine(url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _query_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")  # this connection never writes

    return engine
