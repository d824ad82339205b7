"""state index by id

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 05:05:00

``ix_decision_state_room_status`` becomes (room_id, status, id, deadline): a status filter
(``!beschlüsse gültig``, ``überfällig``) then reads a room's versions of that status newest
first straight from the index, deadline beside, and stops after its page, instead of
sorting every version of that status.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_NAME = "ix_decision_state_room_status"


def upgrade() -> None:
    op.drop_index(_NAME, table_name="decision_state")
    op.create_index(_NAME, "decision_state", ["room_id", "status", "id", "deadline"])


def downgrade() -> None:
    op.drop_index(_NAME, table_name="decision_state")
    op.create_index(_NAME, "decision_state", ["room_id", "status", "deadline"])
