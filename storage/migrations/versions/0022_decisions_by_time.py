"""decisions by the time they were recorded

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 17:10:00

The consent reminders ask, after every change and at every wake-up, which valid decision
versions of the last days still wait for a nudge. Without an index on ``recorded_at``
that read every entry of the log: 30 ms with 100,000 entries, on the path that follows
every write, competing with the next command's reply. ``ix_decision_entries_recorded_at``
gives the last days' entries from the index.
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_decision_entries_recorded_at", "decision_entries", ["recorded_at"])


def downgrade() -> None:
    op.drop_index("ix_decision_entries_recorded_at", table_name="decision_entries")
