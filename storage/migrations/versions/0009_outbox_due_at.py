"""outbox.due_at: when a timed post was due

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 23:30:00

A reminder claimed on time but delivered later (the homeserver was away) says so when it
finally reaches the room; the outbox needs its due time for that.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite has it): a batch copy of the table would lose the partial
    # index on the unsent rows.
    op.add_column(
        "outbox", sa.Column("due_at", storage.base.UTCDateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("outbox", "due_at")
