"""meetings by start

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 05:05:00

``ix_meetings_room_start``: a new decision links to the room's most recent meeting, found
among its single meetings newest first. With a thousand meetings in a room the room index
alone left a sort of all of them for every decision recorded.
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_meetings_room_start", "meetings", ["room_id", "start"])


def downgrade() -> None:
    op.drop_index("ix_meetings_room_start", table_name="meetings")
