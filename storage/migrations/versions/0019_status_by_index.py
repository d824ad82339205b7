"""status by index

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 14:05:00

``!status`` asks in one statement for the room's meetings with a reminder ahead and, in
the open input round, which partners reported. Both read more as the archive grows: the
meetings were found through the room index (every meeting the room ever had, then sorted),
and the inputs of a round had no index at all (a scan of every input, per partner).

- ``ix_meetings_reminders``: partial, only the meetings with a reminder ahead, by room and
  the time of that reminder.
- ``ix_sector_inputs_round_partner``: a round's inputs by partner.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_AHEAD = sa.text("next_reminder_at IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_meetings_reminders",
        "meetings",
        ["room_id", "next_reminder_at"],
        sqlite_where=_AHEAD,
        postgresql_where=_AHEAD,
    )
    op.create_index("ix_sector_inputs_round_partner", "sector_inputs", ["round_id", "partner_id"])


def downgrade() -> None:
    op.drop_index("ix_sector_inputs_round_partner", table_name="sector_inputs")
    op.drop_index("ix_meetings_reminders", table_name="meetings")
