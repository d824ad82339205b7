"""search inputs and press releases

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 09:00:00

Search (storage/search.py) for ``!branche suche`` and ``!pm suche``, as 0014 made it for
decisions and notices: ``sector_inputs.search_text`` (text, demand, section letter) and
``press_releases.search_text`` (title and the current version's text), filled here from the
existing rows; on SQLite FTS5 trigram tables over both, kept by triggers (skipped, and
searches fall back to LIKE, if the build lacks FTS5 or the trigram tokenizer); on
PostgreSQL ``pg_trgm`` GIN indexes (skipped, with a warning, if the extension is missing or
may not be created).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from storage import search
from storage.pr.releases import searched_text as press_text
from storage.sectors import searched_text as input_text

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_CHUNK = 5000
_INPUTS_INDEX, _INPUTS_DROPPED = search.fts5_table("input_search", "sector_inputs")
_PRESS_INDEX, _PRESS_DROPPED = search.fts5_table("press_search", "press_releases")
_SQLITE = (*_INPUTS_INDEX, *_PRESS_INDEX)
_SQLITE_DROPPED = (*_PRESS_DROPPED, *_INPUTS_DROPPED)
_POSTGRES = (
    """CREATE INDEX ix_sector_inputs_search ON sector_inputs
    USING gin (search_text gin_trgm_ops)""",
    """CREATE INDEX ix_press_releases_search ON press_releases
    USING gin (search_text gin_trgm_ops)""",
)
_INPUTS = sa.table(
    "sector_inputs",
    sa.column("id", sa.Integer()),
    sa.column("section", sa.String()),
    sa.column("text", sa.Text()),
    sa.column("demand", sa.String()),
    sa.column("search_text", sa.Text()),
)
_RELEASES = sa.table(
    "press_releases",
    sa.column("id", sa.Integer()),
    sa.column("title", sa.String()),
    sa.column("current_version", sa.Integer()),
    sa.column("search_text", sa.Text()),
)
_VERSIONS = sa.table(
    "press_versions",
    sa.column("release_id", sa.Integer()),
    sa.column("number", sa.Integer()),
    sa.column("text", sa.Text()),
)


def upgrade() -> None:
    _fill(
        _INPUTS,
        sa.select(_INPUTS.c.id, _INPUTS.c.text, _INPUTS.c.demand, _INPUTS.c.section),
        lambda row: input_text(row["text"], row["demand"], row["section"]),
    )
    current = sa.select(_RELEASES.c.id, _RELEASES.c.title, _VERSIONS.c.text).join(
        _VERSIONS,
        (_VERSIONS.c.release_id == _RELEASES.c.id)
        & (_VERSIONS.c.number == _RELEASES.c.current_version),
    )
    _fill(_RELEASES, current, lambda row: press_text(row["title"], row["text"]))
    for statement in _search_statements():
        op.execute(statement)
    if op.get_bind().dialect.name == "postgresql":
        # Fresh statistics for the tables 0014 and this filled: without them the planner
        # sorts a room's every decision for one page (50 ms at 100,000) until autovacuum
        # analyses them; with them it walks the primary key backwards (under 1 ms).
        op.execute("ANALYZE decision_state, notices, sector_inputs, press_releases")


def _fill(
    table: sa.TableClause,
    rows: sa.Select[Any],
    searched: Callable[[sa.RowMapping], str],
) -> None:
    """Add ``search_text`` to ``table`` and write it for every row ``rows`` selects."""
    op.add_column(
        table.name, sa.Column("search_text", sa.Text(), nullable=False, server_default="")
    )
    bind = op.get_bind()
    update = (
        table.update()
        .where(table.c.id == sa.bindparam("row_id"))
        .values(search_text=sa.bindparam("searched"))
    )
    values = [
        {"row_id": row["id"], "searched": searched(row)} for row in bind.execute(rows).mappings()
    ]
    for start in range(0, len(values), _CHUNK):
        bind.execute(update, values[start : start + _CHUNK])


def _search_statements() -> tuple[str, ...]:
    kind = search.prepare_index(op.get_bind())
    return _POSTGRES if kind == "pg_trgm" else _SQLITE if kind == "fts5" else ()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_press_releases_search")
        op.execute("DROP INDEX IF EXISTS ix_sector_inputs_search")
    else:
        for statement in _SQLITE_DROPPED:
            op.execute(statement)
    # no batch copy: plain on both (SQLite 3.35+ drops an unindexed column in place)
    op.execute("ALTER TABLE press_releases DROP COLUMN search_text")
    op.execute("ALTER TABLE sector_inputs DROP COLUMN search_text")
