"""notices, sector input rounds, sector inputs and round reminders

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 21:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("concerns", sa.String(length=200), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=False),
        sa.Column("partner_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index(op.f("ix_notices_room_id"), "notices", ["room_id"])

    op.create_table(
        "sector_rounds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("opened_by", sa.String(length=255), nullable=False),
        sa.Column("opened_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("closed_at", storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sector_rounds")),
    )
    op.create_index(op.f("ix_sector_rounds_room_id"), "sector_rounds", ["room_id"])

    op.create_table(
        "sector_inputs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("partner_id", sa.String(length=32), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=False),
        sa.Column("section", sa.String(length=1), nullable=False),
        sa.Column("trend", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("demand", sa.String(length=300), nullable=False),
        sa.Column("horizon", sa.String(length=16), nullable=False),
        sa.Column("created_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["sector_rounds.id"],
            name=op.f("fk_sector_inputs_round_id_sector_rounds"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sector_inputs")),
    )
    op.create_index(op.f("ix_sector_inputs_room_id"), "sector_inputs", ["room_id"])

    op.create_table(
        "sector_round_reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("due_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("posted", sa.Boolean(), nullable=False),
        sa.Column("partners", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["sector_rounds.id"],
            name=op.f("fk_sector_round_reminders_round_id_sector_rounds"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sector_round_reminders")),
        sa.UniqueConstraint("round_id", "kind", name=op.f("uq_sector_round_reminders_round_id")),
    )


def downgrade() -> None:
    op.drop_table("sector_round_reminders")
    op.drop_index(op.f("ix_sector_inputs_room_id"), table_name="sector_inputs")
    op.drop_table("sector_inputs")
    op.drop_index(op.f("ix_sector_rounds_room_id"), table_name="sector_rounds")
    op.drop_table("sector_rounds")
    op.drop_index(op.f("ix_notices_room_id"), table_name="notices")
    op.drop_table("notices")
