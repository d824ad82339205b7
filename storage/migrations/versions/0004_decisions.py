"""decision log: append-only entries with a hash chain, and the chain head

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 21:00:00

Updates and deletes of ``decision_entries`` are refused by triggers on both backends
(the hash chain is the proof; the triggers stop accidents and casual edits).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
_REFUSAL = "decision_entries is append-only: add an entry instead"

_SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER decision_entries_no_update BEFORE UPDATE ON decision_entries
    BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""",
    f"""CREATE TRIGGER decision_entries_no_delete BEFORE DELETE ON decision_entries
    BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END""",
)
_POSTGRES_TRIGGERS = (
    f"""CREATE FUNCTION decision_entries_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{_REFUSAL}'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER decision_entries_no_change BEFORE UPDATE OR DELETE ON decision_entries
    FOR EACH ROW EXECUTE FUNCTION decision_entries_append_only()""",
    """CREATE TRIGGER decision_entries_no_truncate BEFORE TRUNCATE ON decision_entries
    FOR EACH STATEMENT EXECUTE FUNCTION decision_entries_append_only()""",
)


def upgrade() -> None:
    op.create_table(
        "decision_entries",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("decision_no", sa.Integer(), nullable=False),
        sa.Column("refers_to", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("meeting_at", storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("agenda_item", sa.Text(), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("agreed", sa.JSON(), nullable=False),
        sa.Column("dissent", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("responsible", sa.String(length=255), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("author", sa.String(length=255), nullable=False),
        sa.Column("author_partner", sa.String(length=32), nullable=True),
        sa.Column("source_event_id", sa.String(length=255), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_entries")),
        sa.UniqueConstraint("refers_to", name=op.f("uq_decision_entries_refers_to")),
    )
    op.create_index(op.f("ix_decision_entries_room_id"), "decision_entries", ["room_id"])
    op.create_index(op.f("ix_decision_entries_decision_no"), "decision_entries", ["decision_no"])
    chain = op.create_table(
        "decision_chain",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_decision_chain")),
    )
    op.bulk_insert(chain, [{"name": "decisions", "length": 0, "head_hash": GENESIS}])
    dialect = op.get_bind().dialect.name
    for statement in _POSTGRES_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER decision_entries_no_truncate ON decision_entries")
        op.execute("DROP TRIGGER decision_entries_no_change ON decision_entries")
        op.execute("DROP FUNCTION decision_entries_append_only()")
    else:
        op.execute("DROP TRIGGER decision_entries_no_delete")
        op.execute("DROP TRIGGER decision_entries_no_update")
    op.drop_table("decision_chain")
    op.drop_index(op.f("ix_decision_entries_decision_no"), table_name="decision_entries")
    op.drop_index(op.f("ix_decision_entries_room_id"), table_name="decision_entries")
    op.drop_table("decision_entries")
