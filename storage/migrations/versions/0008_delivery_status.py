"""reminder_deliveries: "on_time" instead of "sent"

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 12:00:00

A delivery row is written when a due reminder is claimed, in the transaction that queues
its message; the message may still be unsent (a crash, an outage). "sent" claimed what
only the outbox knows, so the decision is now called "on_time"; whether the message was
delivered is read from the outbox (its ``sent_at``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _rename(old: str, new: str) -> None:
    op.execute(
        sa.text("UPDATE reminder_deliveries SET status = :new WHERE status = :old").bindparams(
            old=old, new=new
        )
    )


def upgrade() -> None:
    _rename("sent", "on_time")


def downgrade() -> None:
    _rename("on_time", "sent")
