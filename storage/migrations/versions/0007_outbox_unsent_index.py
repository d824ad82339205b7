"""outbox: a partial index on the unsent rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00

The outbox keeps every message sent for years; the few still unsent are read at start-up
(in id order) and counted per room, with the oldest's age, by ``!status``. The index holds
only those rows, so it stays small however long the table grows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_UNSENT = sa.text("sent_at IS NULL")


def upgrade() -> None:
    op.create_index(
        "ix_outbox_unsent",
        "outbox",
        ["id"],
        sqlite_where=_UNSENT,
        postgresql_where=_UNSENT,
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent", table_name="outbox")
