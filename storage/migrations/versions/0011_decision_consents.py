"""decision consents: one stand per partner, as entries of the decision log

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 02:30:00

Consents, objections and withdrawals are entries of ``decision_entries`` (kinds
``consented``, ``objected``, ``withdrawn``), so they are in the hash chain. They name the
decision version they concern (``concerns``) and how they were given (``via``: "command"
or "reaction"); both columns are hashed only when set.

Existing entries are not touched (the table is append-only and hashed): each keeps the
consent it was recorded with in ``agreed``. A decision a partner recorded before this
revision therefore still shows the partners it named as consenting, usually all three.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("decision_entries", sa.Column("concerns", sa.Integer(), nullable=True))
    op.add_column("decision_entries", sa.Column("via", sa.String(length=16), nullable=True))
    op.create_index(op.f("ix_decision_entries_concerns"), "decision_entries", ["concerns"])


def downgrade() -> None:
    op.drop_index(op.f("ix_decision_entries_concerns"), table_name="decision_entries")
    # Plain ALTER TABLE on both backends (SQLite 3.35+): a batch copy would drop the
    # append-only triggers with the old table.
    op.execute("ALTER TABLE decision_entries DROP COLUMN via")
    op.execute("ALTER TABLE decision_entries DROP COLUMN concerns")
