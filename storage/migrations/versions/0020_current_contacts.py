"""current contacts by index

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 15:20:00

Who a partner's contact is comes from the latest assignment of that partner in the room;
the assignments are kept (append-only). Reading the current ones loaded every assignment
the room ever had. ``ix_contact_assignments_room_partner`` (room, partner, id) gives the
latest per partner from the index; it begins with the room, so it replaces the room's own
index.
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_contact_assignments_room_partner",
        "contact_assignments",
        ["room_id", "partner_id", "id"],
    )
    op.drop_index("ix_contact_assignments_room_id", table_name="contact_assignments")


def downgrade() -> None:
    op.create_index("ix_contact_assignments_room_id", "contact_assignments", ["room_id"])
    op.drop_index("ix_contact_assignments_room_partner", table_name="contact_assignments")
