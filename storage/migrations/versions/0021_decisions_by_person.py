"""decisions by person

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 16:40:00

``!beschlüsse <Name>`` finds the decisions of the people whose display name holds the word.
Their user ids are part of the search text, so the trigram index answered them, but a
user id's trigrams (``:te``, ``est``) are in every responsible person's id: with 100,000
decisions the index walked long lists for every person search (0.9 ms in SQLite alone).
``ix_decision_state_room_person`` (room, responsible, id) gives a person's versions of a
room newest first, as the status filters have theirs (``ix_decision_state_room_status``).
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_decision_state_room_person", "decision_state", ["room_id", "responsible", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_decision_state_room_person", table_name="decision_state")
