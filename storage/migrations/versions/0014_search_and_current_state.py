"""search and current state

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 03:10:00

``decision_state``: the current state of every decision version (status, the entry that
gave it, subject, responsible, deadline, the normalised search text), written with every
append from now on (storage/decisions/state.py) and filled here from the existing chain,
in chain order, on both backends. ``koopbot verify-log`` compares it with the chain.

Search (storage/search.py): ``notices.search_text`` (filled here); on SQLite FTS5 trigram
tables over both ``search_text`` columns, kept by triggers (skipped, and searches fall back
to LIKE, if the build lacks FTS5 or the trigram tokenizer); on PostgreSQL ``pg_trgm`` GIN
indexes (skipped, with a warning, if the extension is missing or may not be created).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import search
from storage.decisions.state import Tracker
from storage.notices import searched_text

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_CHUNK = 5000
_SQLITE = (
    """CREATE VIRTUAL TABLE decision_search USING fts5(search_text, content='decision_state',
    content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER decision_state_search AFTER INSERT ON decision_state
    BEGIN INSERT INTO decision_search(rowid, search_text) VALUES (new.id, new.search_text); END""",
    """CREATE TRIGGER decision_state_search_update AFTER UPDATE OF search_text ON decision_state
    BEGIN INSERT INTO decision_search(decision_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO decision_search(rowid, search_text) VALUES (new.id, new.search_text); END""",
    "INSERT INTO decision_search(decision_search) VALUES ('rebuild')",
    """CREATE VIRTUAL TABLE notice_search USING fts5(search_text, content='notices',
    content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER notices_search_insert AFTER INSERT ON notices
    BEGIN INSERT INTO notice_search(rowid, search_text) VALUES (new.id, new.search_text); END""",
    """CREATE TRIGGER notices_search_delete AFTER DELETE ON notices
    BEGIN INSERT INTO notice_search(notice_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text); END""",
    """CREATE TRIGGER notices_search_update AFTER UPDATE ON notices
    BEGIN INSERT INTO notice_search(notice_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO notice_search(rowid, search_text) VALUES (new.id, new.search_text); END""",
    "INSERT INTO notice_search(notice_search) VALUES ('rebuild')",
)
_POSTGRES = (
    """CREATE INDEX ix_decision_state_search ON decision_state
    USING gin (search_text gin_trgm_ops)""",
    "CREATE INDEX ix_notices_search ON notices USING gin (search_text gin_trgm_ops)",
)
_NOTICES = sa.table(
    "notices",
    sa.column("id", sa.Integer()),
    sa.column("text", sa.Text()),
    sa.column("topic", sa.String()),
    sa.column("concerns", sa.String()),
    sa.column("search_text", sa.Text()),
)
_ENTRIES = sa.table(
    "decision_entries",
    sa.column("id", sa.Integer()),
    sa.column("room_id", sa.String()),
    sa.column("decision_no", sa.Integer()),
    sa.column("refers_to", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("subject", sa.String()),
    sa.column("wording", sa.Text()),
    sa.column("agenda_item", sa.Text()),
    sa.column("dissent", sa.Text()),
    sa.column("responsible", sa.String()),
    sa.column("deadline", sa.Date()),
)


def upgrade() -> None:
    state = op.create_table(
        "decision_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("decision_no", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("responsible", sa.String(length=255), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_state")),
    )
    op.create_index(op.f("ix_decision_state_room_id"), "decision_state", ["room_id"])
    op.create_index(
        "ix_decision_state_room_status", "decision_state", ["room_id", "status", "deadline"]
    )
    tracker = Tracker()
    for row in op.get_bind().execute(sa.select(_ENTRIES).order_by(_ENTRIES.c.id)):
        tracker.add(row._asdict())
    found = list(tracker.rows.values())
    for start in range(0, len(found), _CHUNK):
        op.bulk_insert(state, found[start : start + _CHUNK])
    _fill_notices()
    for statement in _search_statements():
        op.execute(statement)


def _fill_notices() -> None:
    op.add_column("notices", sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(_NOTICES.c.id, _NOTICES.c.text, _NOTICES.c.topic, _NOTICES.c.concerns)
    ).all()
    update = (
        _NOTICES.update()
        .where(_NOTICES.c.id == sa.bindparam("notice_id"))
        .values(search_text=sa.bindparam("searched"))
    )
    values = [
        {"notice_id": row.id, "searched": searched_text(row.text, row.topic, row.concerns)}
        for row in rows
    ]
    for start in range(0, len(values), _CHUNK):
        bind.execute(update, values[start : start + _CHUNK])


def _search_statements() -> tuple[str, ...]:
    kind = search.prepare_index(op.get_bind())
    return _POSTGRES if kind == "pg_trgm" else _SQLITE if kind == "fts5" else ()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_notices_search")
        op.execute("DROP INDEX IF EXISTS ix_decision_state_search")
    else:
        op.execute("DROP TRIGGER IF EXISTS decision_state_search_update")
        for trigger in ("notices_search_update", "notices_search_delete", "notices_search_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS notice_search")
        op.execute("DROP TRIGGER IF EXISTS decision_state_search")
        op.execute("DROP TABLE IF EXISTS decision_search")
    op.execute("ALTER TABLE notices DROP COLUMN search_text")  # no batch copy: plain on both
    op.drop_index("ix_decision_state_room_status", table_name="decision_state")
    op.drop_index(op.f("ix_decision_state_room_id"), table_name="decision_state")
    op.drop_table("decision_state")
