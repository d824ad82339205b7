"""The one-hop SQLite cursor (storage/sqlite_link.py) behaves as aiosqlite's own did.

Each test drives it through SQLAlchemy, as the bot does, at the edges the fused hop
changes: results longer than the rows fetched with the statement, streams that must not
load everything, errors in the middle of a statement, RETURNING, executemany and the
count of changed rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import sqlite_link
from storage.engine import create_engine


@pytest.fixture
async def numbers(tmp_path: Path) -> AsyncEngine:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'link.db'}")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE numbers (n INTEGER PRIMARY KEY, word TEXT)"))
        await connection.execute(
            text("INSERT INTO numbers (n, word) VALUES (:n, :word)"),
            [{"n": n, "word": f"w{n}"} for n in range(1, 1001)],
        )
    return engine


async def test_the_engine_runs_on_the_one_hop_link(numbers: AsyncEngine) -> None:
    async with numbers.connect() as connection:
        raw = await connection.get_raw_connection()
        assert isinstance(raw.driver_connection, sqlite_link.Link)
    await numbers.dispose()


async def test_a_result_longer_than_the_prefetch_arrives_whole_and_in_order(
    numbers: AsyncEngine,
) -> None:
    async with numbers.connect() as connection:
        rows = (await connection.execute(text("SELECT n FROM numbers ORDER BY n"))).all()
        exactly = (
            await connection.execute(
                text("SELECT n FROM numbers WHERE n <= :last"), {"last": sqlite_link.PREFETCH}
            )
        ).all()
    await numbers.dispose()
    assert [row.n for row in rows] == list(range(1, 1001))
    assert len(exactly) == sqlite_link.PREFETCH  # the edge: a full first fetch, then none


async def test_a_stream_reads_in_chunks_and_can_stop_early(numbers: AsyncEngine) -> None:
    async with numbers.connect() as connection:
        streamed = await connection.stream(text("SELECT n FROM numbers ORDER BY n"))
        seen = [row.n async for row in streamed]
        partial = await connection.stream(text("SELECT n FROM numbers ORDER BY n"))
        first = [row.n for row in await partial.fetchmany(10)]
        await partial.close()  # the sqlite3 cursor left open is closed on its thread
        after = (await connection.execute(text("SELECT count(*) FROM numbers"))).scalar()
    await numbers.dispose()
    assert seen == list(range(1, 1001))
    assert first == list(range(1, 11))
    assert after == 1000


async def test_returning_and_changed_row_counts(numbers: AsyncEngine) -> None:
    async with numbers.begin() as connection:
        changed = await connection.execute(
            text("UPDATE numbers SET word = 'x' WHERE n <= 300 RETURNING n")
        )
        returned = changed.all()
        counted = await connection.execute(text("UPDATE numbers SET word = 'y' WHERE n > 900"))
        many = await connection.execute(
            text("INSERT INTO numbers (n, word) VALUES (:n, 'new')"),
            [{"n": n} for n in range(2001, 2011)],
        )
        inserted = await connection.execute(text("INSERT INTO numbers (word) VALUES ('last')"))
    await numbers.dispose()
    assert len(returned) == 300
    assert changed.rowcount == 300  # counted as its rows were fetched, beyond the first ones
    assert counted.rowcount == 100
    assert many.rowcount == 10
    assert inserted.lastrowid == 2011


async def test_an_error_rolls_back_and_the_connection_goes_on(numbers: AsyncEngine) -> None:
    with pytest.raises(IntegrityError):
        async with numbers.begin() as connection:
            await connection.execute(text("INSERT INTO numbers (n, word) VALUES (5000, 'a')"))
            await connection.execute(text("INSERT INTO numbers (n, word) VALUES (1, 'twice')"))
    with pytest.raises(OperationalError):
        async with numbers.connect() as connection:
            await connection.execute(text("SELECT nothing FROM nowhere"))
    async with numbers.connect() as connection:
        kept = (await connection.execute(text("SELECT count(*) FROM numbers"))).scalar()
        rolled_back = (
            await connection.execute(text("SELECT count(*) FROM numbers WHERE n = 5000"))
        ).scalar()
    await numbers.dispose()
    assert (kept, rolled_back) == (1000, 0)


async def test_an_in_memory_database_keeps_its_one_connection(tmp_path: Path) -> None:
    engine = create_engine("sqlite+aiosqlite://")
    async with engine.begin() as connection:
        await connection.execute(text("CREATE TABLE t (n INTEGER)"))
        await connection.execute(text("INSERT INTO t VALUES (1)"))
    async with engine.connect() as connection:
        found = (await connection.execute(text("SELECT n FROM t"))).scalar()
    await engine.dispose()
    assert found == 1
