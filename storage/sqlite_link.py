"""aiosqlite with one thread hop per statement.

aiosqlite runs every sqlite3 call on the connection's own thread and hands the result
back through the event loop: a hop costs a thread wake-up and a loop wake-up (here
0.1–0.15 ms each). SQLAlchemy's adapter makes four per statement – open a cursor,
execute, fetch the rows, close the cursor – so a command of five statements spent more
time hopping than SQLite spent on its work, and a write's reply waited for it.

:class:`Link` is aiosqlite's connection with a cursor that does all four in one hop:
the statement runs, its first rows (up to :data:`PREFETCH`) are fetched and an
exhausted cursor is closed on the connection's thread. Only a longer result (a stream
of the whole decision log) hops again for its further rows, so streams keep their
memory flat. Everything else – the thread, the queue, commit and rollback – is
aiosqlite's own. SQLAlchemy takes it through ``create_async_engine(async_creator=…)``.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import aiosqlite

#: Rows fetched together with the statement; more are fetched in chunks of this size.
PREFETCH = 256

_T = TypeVar("_T")
_Description = tuple[tuple[Any, ...], ...] | None


class Link(aiosqlite.Connection):
    """An aiosqlite connection whose cursors execute, fetch and close in one hop."""

    def cursor(self) -> Cursor:  # type: ignore[override]
        return Cursor(self)

    async def on_thread(self, function: Callable[..., _T], *args: Any) -> _T:
        """``function(*args)`` on the connection's thread: one hop."""
        result = await self._execute(function, *args)  # type: ignore[no-untyped-call]
        return cast(_T, result)


class Cursor:
    """The cursor SQLAlchemy's aiosqlite adapter drives, a hop per statement.

    The sqlite3 cursor lives on the connection's thread; it stays open only while a
    result has rows that were not fetched yet.
    """

    arraysize = 1

    def __init__(self, link: Link) -> None:
        self._link = link
        self._open: sqlite3.Cursor | None = None
        self._rows: deque[Any] = deque()
        self.description: _Description = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> Cursor:
        await self._hop(_execute, self._link._conn, sql, parameters or ())
        return self

    async def executemany(self, sql: str, parameters: Any) -> Cursor:
        await self._hop(_execute_many, self._link._conn, sql, parameters)
        return self

    async def fetchone(self) -> Any:
        if not self._rows and self._open is not None:
            await self._more(PREFETCH)
        return self._rows.popleft() if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        wanted = size or self.arraysize
        if len(self._rows) < wanted and self._open is not None:
            await self._more(max(wanted - len(self._rows), PREFETCH))
        return [self._rows.popleft() for _ in range(min(wanted, len(self._rows)))]

    async def fetchall(self) -> list[Any]:
        if self._open is not None:
            await self._more(None)
        rows = list(self._rows)
        self._rows.clear()
        return rows

    async def close(self) -> None:
        self._rows.clear()
        if self._open is not None:
            cursor, self._open = self._open, None
            await self._link.on_thread(cursor.close)

    async def _hop(self, run: Callable[..., _Outcome], *args: Any) -> None:
        await self.close()
        outcome = await self._link.on_thread(run, *args)
        self.description, self.rowcount, self.lastrowid = outcome[:3]
        self._rows.extend(outcome[3])
        self._open = outcome[4]

    async def _more(self, size: int | None) -> None:
        assert self._open is not None
        rows, self.rowcount, self._open = await self._link.on_thread(_fetch, self._open, size)
        self._rows.extend(rows)


_Outcome = tuple[_Description, int, int | None, list[Any], sqlite3.Cursor | None]


def _execute(connection: sqlite3.Connection, sql: str, parameters: Any) -> _Outcome:
    """On the connection's thread: run, fetch the first rows, close if that was all."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql, parameters)
        rows = cursor.fetchmany(PREFETCH) if cursor.description else []
    except BaseException:
        cursor.close()
        raise
    outcome = (cursor.description, cursor.rowcount, cursor.lastrowid, rows)
    if len(rows) < PREFETCH:
        cursor.close()
        return (*outcome, None)
    return (*outcome, cursor)


def _execute_many(connection: sqlite3.Connection, sql: str, parameters: Any) -> _Outcome:
    cursor = connection.cursor()
    try:
        cursor.executemany(sql, parameters)
        return (cursor.description, cursor.rowcount, cursor.lastrowid, [], None)
    finally:
        cursor.close()


def _fetch(
    cursor: sqlite3.Cursor, size: int | None
) -> tuple[list[Any], int, sqlite3.Cursor | None]:
    """On the connection's thread: the next rows (all when ``size`` is None), and the
    count of changed rows so far (a long ``RETURNING`` counts as its rows are fetched)."""
    rows = cursor.fetchall() if size is None else cursor.fetchmany(size)
    if size is None or len(rows) < size:
        counted = cursor.rowcount
        cursor.close()
        return rows, counted, None
    return rows, cursor.rowcount, cursor


def connector(database: str, **arguments: Any) -> Callable[[], Link]:
    """What ``create_async_engine(async_creator=…)`` calls for each new connection."""

    def connect() -> Link:
        link = Link(lambda: sqlite3.connect(database, **arguments), iter_chunk_size=64)
        link._thread.daemon = True  # as SQLAlchemy's own aiosqlite connect does
        return link

    return connect
