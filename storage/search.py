"""Text search in the database's own index, for decisions and notices.

A searchable row keeps a normalised copy of its text (``search_text``: :func:`normalised`,
casefolded with ``ä ö ü ß`` written ``ae oe ue ss``), made in Python when the row is
written. A search word is normalised the same way and shortened by a plural or inflection
ending (:func:`query_word`: ``Maßnahmen`` → ``massnahm``); every word must then occur in the
text as a substring, so word parts in compounds are found too (``logistik`` finds
``Lagerlogistik``) and ``Krüger`` = ``KRUEGER``. That is everything the former casefolded
substring search found, and more (``tests/storage/test_search.py`` checks it on both
backends).

The index: on SQLite an FTS5 table with the ``trigram`` tokenizer over ``search_text``
(``decision_search``, ``notice_search``; external content, kept by triggers in the writing
transaction) answers words of three or more characters; on PostgreSQL a ``pg_trgm`` GIN
index on ``search_text`` serves the same ``LIKE``. Shorter words, and a SQLite build without
FTS5 (logged once) or a PostgreSQL without ``pg_trgm``, use ``LIKE`` over the column: still
correct, but a scan of the room's rows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, literal_column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)

#: Search objects the models do not describe (virtual tables with their shadow tables,
#: trigram indexes): the migrations own them and the schema comparison skips them.
OWN_OBJECTS = ("decision_search", "notice_search", "ix_decision_state_search", "ix_notices_search")
#: The trigram index answers words of at least this many characters.
TRIGRAM = 3
_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_ENDINGS = ("en", "e", "n", "s")
_KEEP = 5  # an ending is cut only if at least this many characters remain
_fts: dict[str, bool] = {}


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's ``include_name``: everything but :data:`OWN_OBJECTS`."""
    return not (name and name.startswith(OWN_OBJECTS))


def normalised(value: str) -> str:
    """Casefolded (``ß`` → ``ss``), umlauts as ``ae``, ``oe``, ``ue``."""
    return value.casefold().translate(_LETTERS)


def query_word(word: str) -> str:
    """A search word as it is looked for: normalised, one plural ending cut."""
    found = normalised(word)
    for ending in _ENDINGS:
        if found.endswith(ending) and len(found) - len(ending) >= _KEEP:
            return found[: -len(ending)]
    return found


async def backend(session: AsyncSession) -> str:
    """``fts5`` (SQLite with the search tables) or ``like`` (PostgreSQL, or SQLite without)."""
    connection = await session.connection()
    if connection.dialect.name != "sqlite":
        return "like"
    key = str(connection.engine.url)
    found = _fts.get(key)
    if found is None:
        found = _fts[key] = bool(
            await session.scalar(
                text("SELECT count(*) FROM sqlite_master WHERE name = 'decision_search'")
            )
        )
        if not found:
            log.warning("SQLite without FTS5 trigram search tables: searches scan (LIKE)")
    return "fts5" if found else "like"


def words_match(
    engine: str, table: str, column: Any, rowid: Any, words: Sequence[str]
) -> list[ColumnElement[Any]]:
    """Clauses "every one of ``words`` occurs in ``column``": one FTS5 query (``table``,
    whose rowid is ``rowid``) for the words it can answer, ``LIKE`` for the others."""
    wanted = [query_word(word) for word in words]
    indexed = [word for word in wanted if engine == "fts5" and len(word) >= TRIGRAM]
    clauses: list[ColumnElement[Any]] = [
        column.like(_pattern(word), escape="\\") for word in wanted if word not in indexed
    ]
    if indexed:
        query = " AND ".join('"' + word.replace('"', '""') + '"' for word in indexed)
        matching: Select[Any] = select(literal_column("rowid")).select_from(text(table))
        clauses.append(rowid.in_(matching.where(literal_column(table).op("MATCH")(query))))
    return clauses


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def compact(session: AsyncSession, table: str) -> None:
    """Merge an FTS5 table's index into one segment, dropping what deleted rows left in
    older segments (after the retention purge). A no-op without the search tables."""
    if await backend(session) == "fts5":
        await session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
