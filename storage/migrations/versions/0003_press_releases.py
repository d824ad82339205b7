"""press releases: drafts, version snapshots, append-only audit, deadline reminders

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 20:31:04.000051
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_PUBLISHED = sa.text("kind = 'published'")


def upgrade() -> None:
    op.create_table(
        "press_releases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=False),
        sa.Column("author_partner", sa.String(length=32), nullable=True),
        sa.Column("created_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_press_releases")),
    )
    op.create_index(op.f("ix_press_releases_room_id"), "press_releases", ["room_id"])

    op.create_table(
        "press_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=False),
        sa.Column("author_partner", sa.String(length=32), nullable=True),
        sa.Column("created_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["press_releases.id"],
            name=op.f("fk_press_versions_release_id_press_releases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_press_versions")),
        sa.UniqueConstraint("release_id", "number", name=op.f("uq_press_versions_release_id")),
    )

    op.create_table(
        "press_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("partner_id", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("source_event_id", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["press_releases.id"],
            name=op.f("fk_press_events_release_id_press_releases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_press_events")),
    )
    op.create_index(op.f("ix_press_events_release_id"), "press_events", ["release_id"])
    op.create_index(op.f("ix_press_events_source_event_id"), "press_events", ["source_event_id"])
    # Published once per release, enforced by the database (partial unique index).
    op.create_index(
        "uq_press_events_published",
        "press_events",
        ["release_id"],
        unique=True,
        sqlite_where=_PUBLISHED,
        postgresql_where=_PUBLISHED,
    )

    op.create_table(
        "press_reminders",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("release_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("due_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("posted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["release_id"],
            ["press_releases.id"],
            name=op.f("fk_press_reminders_release_id_press_releases"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_press_reminders")),
        sa.UniqueConstraint("release_id", "kind", name=op.f("uq_press_reminders_release_id")),
    )


def downgrade() -> None:
    op.drop_table("press_reminders")
    op.drop_index("uq_press_events_published", table_name="press_events")
    op.drop_index(op.f("ix_press_events_source_event_id"), table_name="press_events")
    op.drop_index(op.f("ix_press_events_release_id"), table_name="press_events")
    op.drop_table("press_events")
    op.drop_table("press_versions")
    op.drop_index(op.f("ix_press_releases_room_id"), table_name="press_releases")
    op.drop_table("press_releases")
