"""members

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 02:30:00

Partner members and coordinators kept in the database, and the audit of every change.
The tables start empty: at its next start the bot copies the configured members in once
(``commands.members.roster``); from then on the database rules.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_members",
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("partner_id", sa.String(length=32), nullable=False),
        sa.Column("added_by", sa.String(length=255), nullable=False),
        sa.Column("added_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_partner_members")),
    )
    op.create_table(
        "coordinators",
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("added_by", sa.String(length=255), nullable=False),
        sa.Column("added_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_coordinators")),
    )
    op.create_table(
        "member_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("partner_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("changed_by", sa.String(length=255), nullable=False),
        sa.Column("changed_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_changes")),
    )


def downgrade() -> None:
    op.drop_table("member_changes")
    op.drop_table("coordinators")
    op.drop_table("partner_members")
