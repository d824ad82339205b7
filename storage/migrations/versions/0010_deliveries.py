"""deliveries: one claim-once record for every timed post; outbox.attempts dropped

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 10:00:00

Meeting reminders (``reminder_deliveries``), press-release reminders (``press_reminders``)
and round reminders (``sector_round_reminders``) each had their own record. They become one
table, unique per (source, subject_id, key); every existing row is carried over:

- meeting: key ``<occurrence, ISO 8601 UTC>/<offset seconds>`` (the parts of its transaction
  id), the decision is the old status;
- press and round: key is the kind; ``posted`` true becomes "on_time", false "missed"; a
  round's reminded partners go to ``extra``.

``outbox.attempts`` was never read: dropped with a plain ``ALTER TABLE … DROP COLUMN``
(SQLite ≥ 3.35 has it); a batch copy of the table would lose the partial index
``ix_outbox_unsent``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _iso_utc(column: str) -> str:
    """SQL for ``datetime.isoformat()`` of a stored UTC moment (whole seconds)."""
    if op.get_bind().dialect.name == "postgresql":
        return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || '+00:00'"
    return f"strftime('%Y-%m-%dT%H:%M:%S', {column}) || '+00:00'"


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("due_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("extra", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint("source", "subject_id", "key", name=op.f("uq_deliveries_source")),
    )
    columns = "room_id, source, subject_id, key, due_at, decision, recorded_at, extra"
    op.execute(
        f"INSERT INTO deliveries ({columns}) "
        f"SELECT room_id, 'meeting', meeting_id, "
        f"{_iso_utc('occurrence')} || '/' || CAST(offset_seconds AS VARCHAR(16)), "
        f"due_at, status, recorded_at, '' FROM reminder_deliveries ORDER BY id"
    )
    op.execute(
        f"INSERT INTO deliveries ({columns}) "
        f"SELECT r.room_id, 'press', p.release_id, p.kind, p.due_at, "
        f"CASE WHEN p.posted THEN 'on_time' ELSE 'missed' END, p.recorded_at, '' "
        f"FROM press_reminders p JOIN press_releases r ON r.id = p.release_id ORDER BY p.id"
    )
    op.execute(
        f"INSERT INTO deliveries ({columns}) "
        f"SELECT r.room_id, 'round', s.round_id, s.kind, s.due_at, "
        f"CASE WHEN s.posted THEN 'on_time' ELSE 'missed' END, s.recorded_at, s.partners "
        f"FROM sector_round_reminders s JOIN sector_rounds r ON r.id = s.round_id ORDER BY s.id"
    )
    op.drop_table("reminder_deliveries")
    op.drop_table("press_reminders")
    op.drop_table("sector_round_reminders")
    op.drop_column("outbox", "attempts")


def downgrade() -> None:
    # NOT NULL needs a value for the existing rows; 0001 had no server default.
    op.add_column("outbox", sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "reminder_deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("room_id", sa.String(length=255), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("occurrence", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("offset_seconds", sa.Integer(), nullable=False),
        sa.Column("due_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_reminder_deliveries_meeting_id_meetings"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_deliveries")),
        sa.UniqueConstraint(
            "meeting_id",
            "occurrence",
            "offset_seconds",
            name=op.f("uq_reminder_deliveries_meeting_id"),
        ),
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
    if op.get_bind().dialect.name == "postgresql":
        occurrence = "CAST(split_part(key, '/', 1) AS TIMESTAMPTZ)"
        offset = "CAST(split_part(key, '/', 2) AS INTEGER)"
        posted = "decision IN ('on_time', 'late')"
    else:  # SQLite keeps naive UTC as 'YYYY-MM-DD HH:MM:SS.ffffff'
        occurrence = "replace(substr(key, 1, 19), 'T', ' ') || '.000000'"
        offset = "CAST(substr(key, instr(key, '/') + 1) AS INTEGER)"
        posted = "CASE WHEN decision IN ('on_time', 'late') THEN 1 ELSE 0 END"
    op.execute(
        "INSERT INTO reminder_deliveries "
        "(room_id, meeting_id, occurrence, offset_seconds, due_at, status, recorded_at) "
        f"SELECT room_id, subject_id, {occurrence}, {offset}, due_at, "
        "CASE WHEN decision = 'skipped' THEN 'missed' ELSE decision END, recorded_at "
        "FROM deliveries WHERE source = 'meeting' ORDER BY id"
    )
    op.execute(
        "INSERT INTO press_reminders (release_id, kind, due_at, recorded_at, posted) "
        f"SELECT subject_id, key, due_at, recorded_at, {posted} "
        "FROM deliveries WHERE source = 'press' ORDER BY id"
    )
    op.execute(
        "INSERT INTO sector_round_reminders (round_id, kind, due_at, recorded_at, posted, partners) "
        f"SELECT subject_id, key, due_at, recorded_at, {posted}, extra "
        "FROM deliveries WHERE source = 'round' ORDER BY id"
    )
    op.drop_table("deliveries")
