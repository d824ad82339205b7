"""Text search in the database's own index: decisions, notices, sector inputs, press releases.

A searchable row keeps a normalised copy of its text (``search_text``: :func:`normalised`,
casefolded with ``ä ö ü ß`` written ``ae oe ue ss``), made in Python when the row is
written. A search word is normalised the same way and shortened by a plural or inflection
ending (:func:`query_word`: ``Maßnahmen`` → ``massnahm``); every word must then occur in the
text as a substring, so word parts in compounds are found too (``logistik`` finds
``Lagerlogistik``) and ``Krüger`` = ``KRUEGER``. That is everything the former casefolded
substring search found, and more (``tests/storage/test_search.py`` checks it on both
backends).

The index: on SQLite an FTS5 table with the ``trigram`` tokenizer over ``search_text``
(``decision_search``, ``notice_search``, ``input_search``, ``press_search``; external
content, kept by triggers in the writing transaction) answers words of three or more
characters; on PostgreSQL a ``pg_trgm`` GIN index on ``search_text`` serves the same
``LIKE``. Shorter words, and a SQLite build without FTS5 (logged once) or a PostgreSQL
without ``pg_trgm``, use ``LIKE`` over the column: still correct, but a scan of the room's
rows. How a list query is shaped so that its cost does not grow with the archive:
:meth:`Searchable.narrow`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    Subquery,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
)
from sqlalchemy import column as column_clause
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import ROOM
from storage.engine import run_core

log = logging.getLogger(__name__)

#: The SQLite FTS5 tables (external content, kept by triggers).
FTS_TABLES = ("decision_search", "notice_search", "input_search", "press_search")
#: Search objects the models do not describe (virtual tables with their shadow tables,
#: trigram indexes): the migrations own them and the schema comparison skips them.
OWN_OBJECTS = (
    *FTS_TABLES,
    "ix_decision_state_search",
    "ix_notices_search",
    "ix_sector_inputs_search",
    "ix_press_releases_search",
)
#: The trigram index answers words of at least this many characters.
TRIGRAM = 3
_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_ENDINGS = ("en", "e", "n", "s")
_KEEP = 5  # an ending is cut only if at least this many characters remain
_fts: dict[str, bool] = {}
#: Matches are counted up to this many (or to the end of the page asked for) and one more:
#: beyond it a list says "über 200", so a long archive is not read through for every page.
COUNT_CAP = 200
#: A select of any columns that a search narrows, returned as the same type.
Query = TypeVar("Query", bound="Select[*tuple[Any, ...]]")


def prepare_index(bind: Connection) -> str:
    """For a migration: ``pg_trgm`` (the extension is there, created if need be), ``fts5``
    (SQLite with FTS5 and its trigram tokenizer, 3.34 or later), or ``""`` with a warning
    (searches then scan with ``LIKE``). Every migration that makes search indexes asks
    this, so the search tables exist all together or not at all."""
    if bind.dialect.name == "postgresql":
        available = bind.execute(
            text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
        ).scalar()
        if not available:
            log.warning("pg_trgm is not installed: searches scan (LIKE) without an index")
            return ""
        try:
            with bind.begin_nested():
                bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except DBAPIError:
            log.warning("CREATE EXTENSION pg_trgm refused: searches scan (LIKE) without an index")
            return ""
        return "pg_trgm"
    fts5 = bind.execute(text("SELECT sqlite_compileoption_used('ENABLE_FTS5')")).scalar()
    version = tuple(int(part) for part in sqlite3.sqlite_version.split(".")[:2])
    if fts5 and version >= (3, 34):  # the trigram tokenizer
        return "fts5"
    log.warning("SQLite without FTS5 trigram tokenizer: searches scan (LIKE) without an index")
    return ""


def fts5_table(index: str, content: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """For a migration: the statements that make ``index``, an FTS5 trigram table over
    ``content``'s ``search_text`` (rowid = ``id``) kept by insert, delete and update
    triggers and filled from the rows there are; and those that drop it again."""
    triggers = {
        "insert": f"""AFTER INSERT ON {content}
    BEGIN INSERT INTO {index}(rowid, search_text) VALUES (new.id, new.search_text); END""",
        "delete": f"""AFTER DELETE ON {content}
    BEGIN INSERT INTO {index}({index}, rowid, search_text)
    VALUES ('delete', old.id, old.search_text); END""",
        "update": f"""AFTER UPDATE OF search_text ON {content}
    BEGIN INSERT INTO {index}({index}, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO {index}(rowid, search_text) VALUES (new.id, new.search_text); END""",
    }
    made = (
        f"""CREATE VIRTUAL TABLE {index} USING fts5(search_text, content='{content}',
    content_rowid='id', tokenize='trigram')""",
        *(f"CREATE TRIGGER {content}_search_{when} {body}" for when, body in triggers.items()),
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    )
    dropped = (
        *(f"DROP TRIGGER IF EXISTS {content}_search_{when}" for when in reversed(triggers)),
        f"DROP TABLE IF EXISTS {index}",
    )
    return made, dropped


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
    """``fts5`` (SQLite with the search tables) or ``like`` (PostgreSQL, or SQLite without).

    Asked of the session's bind, not of its connection: once known for a database, the
    answer costs no statement and no ``await`` (one ``session.connection()`` fewer per list)."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return "like"
    key = str(bind.engine.url)
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


@dataclass(frozen=True)
class Searchable:
    """A table a text search narrows: ``key`` is its integer key and the rowid of its FTS5
    table ``fts`` (external content over the ``text`` column, kept by triggers)."""

    fts: str
    key: Any
    text: Any

    def narrow(
        self,
        query: Query,
        engine: str,
        words: Sequence[str],
        alternatives: Mapping[str, tuple[Any, Sequence[str]]] | None = None,
    ) -> tuple[Query, ColumnElement[int]]:
        r"""``query`` (over this table) narrowed to the rows holding every one of ``words``,
        and the column that orders them newest first (descending).

        ``alternatives`` (word → column, values): a row also matches that word when the
        column holds one of the values; the values must be part of the search text, so the
        index answers them too. The index is asked for the words :func:`_indexed` chooses
        (of several, a number if there is one). With FTS5 they go into one ``MATCH`` on a
        join that the index drives in descending rowid order: a page of a common word stops
        after its rows instead of collecting every match. Other words, and the ``like``
        engine, test the column row by row; PostgreSQL's trigram index answers the ``LIKE``
        of the chosen words, and the others test ``search_text || ''``, which it does not
        cover: ``Maßnahme 4711`` reads the few rows holding 4711 instead of intersecting
        them with every row holding ``massnahm`` (1.9 ms → 0.2 ms with 100,000 decisions)."""
        chosen = alternatives or {}
        phrases: list[str] = []
        clauses: list[ColumnElement[bool]] = []
        rare = _indexed([query_word(word) for word in words])
        indexed = rare if engine == "fts5" else set()
        for word in words:
            found = query_word(word)
            column, values = chosen.get(word, (None, ()))
            if found in indexed:
                options = [found, *(normalised(value) for value in values)]
                phrases.append("(" + " OR ".join(_quoted(option) for option in options) + ")")
                continue
            tested = self.text if engine == "fts5" or found in rare else self.text.concat("")
            clause = tested.like(_pattern(found), escape="\\")
            if values:
                clause = or_(clause, column.in_(sorted(values)))
            clauses.append(clause)
        if not phrases:
            return query.where(*clauses), self.key
        index = table(self.fts, column_clause("rowid"))
        matches = literal_column(self.fts).op("MATCH")(" AND ".join(phrases))
        narrowed = query.join(index, index.c.rowid == self.key).where(matches, *clauses)
        return narrowed, index.c.rowid

    def newest_rows(
        self,
        columns: Sequence[Any],
        narrowed: Select[*tuple[Any, ...]],
        newest: ColumnElement[int],
    ) -> PageQuery:
        """A page (:meth:`PageQuery.read`) of the rows whose ids ``narrowed`` selects
        (:meth:`Searchable.narrow`), newest first, each with ``columns`` (an entity first,
        then anything the page's lines need of each row, such as correlated ``EXISTS``).

        One statement, one pass: the newest matches up to the bound, counted by a window
        function, the page cut from them and joined to the rows."""
        key = self.key
        page = paged(narrowed, newest)
        ids = page.statement.subquery()
        statement = select(*columns, ids.c.total).join(ids, ids.c.id == key).order_by(key.desc())
        return PageQuery(statement, page.capped)


#: How many built page statements each builder keeps (:class:`PageQuery`): about 32 KB
#: each, so at most 2 MB per builder however many different searches people make.
KEPT = 64


@dataclass(frozen=True)
class PageQuery:
    """A page's statement, with a last column ``total`` (the matches counted up to
    :func:`bound` and one more: a count above the bound means "more than the bound"), and
    the capped selection of matches it counts, to count again past the end.

    Built once per shape (search words and filters) and kept (``functools.lru_cache`` on
    each builder, :func:`room_page` and those of the decisions and the sector inputs: at
    most :data:`KEPT` each): building such a statement in SQLAlchemy costs about three
    times what SQLite takes to answer it. What differs between rooms, days and pages is
    bound when it runs (:data:`storage.base.ROOM`, ``params``, the page)."""

    statement: Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]]
    capped: Subquery
    #: False when it selects only columns: it then runs on the session's connection
    #: (:func:`storage.engine.run_core`), without the ORM's path.
    mapped: bool = True

    async def read(
        self, session: AsyncSession, given: Mapping[str, Any], *, offset: int, limit: int
    ) -> tuple[Sequence[Any], int]:
        """The page (``offset``, ``limit``) with the values ``given`` bound: its rows and how
        many match; a page past the end has no rows to carry the count, so that one is
        counted again."""
        params = {
            **given,
            "page_cap": bound(offset, limit) + 1,
            "page_offset": offset,
            "page_limit": limit,
        }
        if self.mapped:
            rows: Sequence[Any] = (await session.execute(self.statement, params)).all()
        else:
            rows = (await run_core(session, self.statement, params)).all()
        if rows or offset == 0:
            return rows, int(rows[0].total) if rows else 0
        counted = await session.scalar(select(func.count()).select_from(self.capped), params)
        return rows, int(counted or 0)


def newest_of(
    parts: Sequence[tuple[Select[*tuple[Any, ...]], ColumnElement[int]]],
) -> tuple[Select[*tuple[Any, ...]], ColumnElement[int]]:
    """The rows any of ``parts`` selects (each a narrowed select over the same columns,
    with its newest-first column, as :meth:`Searchable.narrow` returns them), for
    :func:`paged`: each part's newest up to the bound (``page_cap``), joined by ``UNION``.
    The newest matches of all parts are among those, and each part stops early on its own
    index."""
    capped = [
        select(part.order_by(newest.desc()).limit(_bound("page_cap")).subquery())
        for part, newest in parts
    ]
    either = union(*capped).subquery()
    return select(either), either.c.id


def paged(narrowed: Select[*tuple[Any, ...]], newest: ColumnElement[int]) -> PageQuery:
    """A page of what ``narrowed`` selects, newest first, with a last column ``total``: the
    newest matches up to :func:`bound` and one more, counted by a window function. Where
    the page starts and how long it is are bound when it runs (:meth:`PageQuery.read`)."""
    capped = narrowed.order_by(newest.desc()).limit(_bound("page_cap")).subquery()
    page = (
        select(capped, func.count().over().label("total"))
        .order_by(capped.c.id.desc())
        .offset(_bound("page_offset"))
        .limit(_bound("page_limit"))
    )
    return PageQuery(page, capped)


def _bound(name: str) -> ColumnElement[int]:
    return bindparam(name, type_=Integer)


@lru_cache(maxsize=KEPT)
def room_page(
    searchable: Searchable, entity: Any, engine: str, words: tuple[str, ...]
) -> PageQuery:
    """The page statement of the ``entity`` rows of the bound room (``storage.base.ROOM``)
    that hold every one of ``words`` (the notices' and the press releases' lists), kept
    per shape."""
    narrowed, newest = searchable.narrow(
        select(searchable.key).where(entity.room_id == ROOM), engine, words
    )
    return searchable.newest_rows([entity], narrowed, newest)


def bound(offset: int, limit: int) -> int:
    """How far a list's matches are counted: :data:`COUNT_CAP`, or the end of the page."""
    return max(COUNT_CAP, offset + limit)


def _indexed(found: Sequence[str]) -> set[str]:
    """The words the FTS5 index answers: three characters or more, and of several only
    those with a digit if there are any. A number (``4711``) is rare; a trigram ``AND``
    with a common word costs as much as walking that word's rows, so the other words are
    then checked on the few rows the number finds."""
    long = [word for word in found if len(word) >= TRIGRAM]
    numbers = [word for word in long if any(letter.isdigit() for letter in word)]
    return set(numbers or long)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


async def compact(session: AsyncSession, table: str) -> None:
    """Merge an FTS5 table's index into one segment, dropping what deleted rows left in
    older segments (after the retention purge). A no-op without the search tables."""
    if await backend(session) == "fts5":
        await session.execute(text(f"INSERT INTO {table}({table}) VALUES ('optimize')"))
