"""meeting series

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 13:20:00

``ix_meetings_series``: a new decision links to the room's most recent meeting, looked for
among its latest five singles and all its series. Without an index of the series, finding
them meant reading every meeting of the room that had begun (a thousand in the archive
benchmark) for every decision recorded. Partial: it holds only the series.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_meetings_series",
        "meetings",
        ["room_id", "start"],
        sqlite_where=sa.text("rule IS NOT NULL"),
        postgresql_where=sa.text("rule IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_meetings_series", table_name="meetings")
