"""The one claim-once record of timed posts, and the migration that made it, on both backends."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import AsyncEngine

from commands.core.delivery import cause, meeting_key
from storage import core, deliveries, migrate
from storage.base import UTCDateTime
from storage.deliveries import Delivery, Source
from storage.engine import create_engine, session_factory
from tests.support.postgres import PostgresCluster

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
OCCURRENCE = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
_NAMES = count(1)


async def test_a_post_is_claimed_once_per_source_subject_and_key(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    async def claim(source: Source, subject: int, key: str) -> bool:
        async with sessions.begin() as session:
            return await deliveries.claim(
                session,
                room_id="!r",
                source=source,
                subject_id=subject,
                key=key,
                due_at=NOW,
                decision="on_time",
                now=NOW,
                extra="x" * 400,  # cut to the column
            )

    assert await claim(Source.PRESS, 1, "1d")
    assert not await claim(Source.PRESS, 1, "1d")  # no error: the transaction goes on
    assert await claim(Source.PRESS, 1, "due")
    assert await claim(Source.ROUND, 1, "1d")  # another source, the same subject id and kind
    assert await claim(Source.PRESS, 2, "1d")
    async with sessions() as session:
        assert await deliveries.claimed_keys(session, Source.PRESS, [1]) == {(1, "1d"), (1, "due")}
        assert await deliveries.claimed_keys(session, Source.ROUND, [1, 2]) == {(1, "1d")}
        assert await deliveries.claimed_keys(session, Source.ROUND, []) == set()
        rows = list(await session.scalars(sa.select(Delivery)))
    assert len(rows) == 4 and {len(row.extra) for row in rows} == {300}


# --- the migration 0010 carries the three old records over -------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
async def at_0009(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """An empty database migrated to revision 0009 (before the one delivery table)."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.create_database(f"koopbot_before_0010_{next(_NAMES)}")
    engine = create_engine(url)
    await migrate.upgrade(engine, "0009")
    yield engine
    await engine.dispose()


def _table(name: str, *columns: sa.ColumnClause[object]) -> sa.TableClause:
    return sa.table(name, *columns)


MEETINGS = _table(
    "meetings",
    *(sa.column(c) for c in ("id", "room_id", "title", "place", "duration_minutes", "rule", "tz")),
    *(sa.column(c) for c in ("created_by", "cancelled", "sequence")),
    *(sa.column(c, UTCDateTime()) for c in ("start", "created_at", "armed_at", "settled_until")),
)
OLD_MEETING_ROWS = _table(
    "reminder_deliveries",
    *(sa.column(c) for c in ("room_id", "meeting_id", "offset_seconds", "status")),
    *(sa.column(c, UTCDateTime()) for c in ("occurrence", "due_at", "recorded_at")),
)
RELEASES = _table(
    "press_releases",
    *(sa.column(c) for c in ("id", "room_id", "title", "author", "current_version")),
    sa.column("created_at", UTCDateTime()),
    sa.column("deadline", sa.Date()),
)
OLD_PRESS_ROWS = _table(
    "press_reminders",
    *(sa.column(c) for c in ("release_id", "kind", "posted")),
    *(sa.column(c, UTCDateTime()) for c in ("due_at", "recorded_at")),
)
ROUNDS = _table(
    "sector_rounds",
    *(sa.column(c) for c in ("id", "room_id", "opened_by")),
    sa.column("opened_at", UTCDateTime()),
    sa.column("deadline", sa.Date()),
)
OLD_ROUND_ROWS = _table(
    "sector_round_reminders",
    *(sa.column(c) for c in ("round_id", "kind", "posted", "partners")),
    *(sa.column(c, UTCDateTime()) for c in ("due_at", "recorded_at")),
)


DAY, HOUR = timedelta(days=1), timedelta(hours=1)


async def _fill_old_tables(engine: AsyncEngine) -> None:
    """Two meeting reminders, two press reminders, one round reminder, one sent message."""
    day, hour = DAY, HOUR
    async with engine.begin() as connection:
        await connection.execute(
            MEETINGS.insert().values(
                id=1,
                room_id="!m",
                title="Runde",
                place="",
                duration_minutes=90,
                rule=None,
                tz="Europe/Berlin",
                created_by="@k:t",
                cancelled=False,
                sequence=0,
                start=OCCURRENCE,
                created_at=NOW,
                armed_at=NOW,
                settled_until=NOW,
            )
        )
        for offset, status in ((day, "superseded"), (hour, "late")):
            await connection.execute(
                OLD_MEETING_ROWS.insert().values(
                    room_id="!m",
                    meeting_id=1,
                    occurrence=OCCURRENCE,
                    offset_seconds=int(offset.total_seconds()),
                    status=status,
                    due_at=OCCURRENCE - offset,
                    recorded_at=OCCURRENCE - hour + timedelta(minutes=20),
                )
            )
        await connection.execute(
            RELEASES.insert().values(
                id=7,
                room_id="!p",
                title="PM",
                author="@a:t",
                current_version=1,
                created_at=NOW,
                deadline=date(2026, 12, 8),
            )
        )
        for kind, posted in (("1d", False), ("due", True)):
            await connection.execute(
                OLD_PRESS_ROWS.insert().values(
                    release_id=7, kind=kind, posted=posted, due_at=NOW, recorded_at=NOW
                )
            )
        await connection.execute(
            ROUNDS.insert().values(
                id=3, room_id="!s", opened_by="@k:t", opened_at=NOW, deadline=date(2026, 12, 7)
            )
        )
        await connection.execute(
            OLD_ROUND_ROWS.insert().values(
                round_id=3,
                kind="half",
                posted=True,
                partners="agentur",
                due_at=NOW,
                recorded_at=NOW,
            )
        )
        await connection.execute(
            sa.text(
                "INSERT INTO outbox (room_id, txn_id, content, purpose, created_at, attempts) "
                "VALUES ('!m', :txn, '{}', 'reminder:1', :now, 0)"
            ).bindparams(
                sa.bindparam("now", NOW, type_=UTCDateTime()),
                txn=core.txn_id(*cause(Source.MEETING, 1, meeting_key(OCCURRENCE, hour))),
            )
        )


async def test_the_migration_carries_every_old_row_over(at_0009: AsyncEngine) -> None:
    day, hour = DAY, HOUR
    await _fill_old_tables(at_0009)
    await migrate.upgrade(at_0009)

    async with session_factory(at_0009)() as session:
        rows = list(await session.scalars(sa.select(Delivery).order_by(Delivery.id)))
        found = [
            (r.room_id, r.source, r.subject_id, r.key, r.due_at, r.decision, r.extra) for r in rows
        ]
        message = await session.scalar(sa.select(core.OutboxMessage))
    assert found == [
        ("!m", "meeting", 1, "2026-12-08T09:00:00+00:00/86400", OCCURRENCE - day, "superseded", ""),
        ("!m", "meeting", 1, "2026-12-08T09:00:00+00:00/3600", OCCURRENCE - hour, "late", ""),
        ("!p", "press", 7, "1d", NOW, "missed", ""),
        ("!p", "press", 7, "due", NOW, "on_time", ""),
        ("!s", "round", 3, "half", NOW, "on_time", "agentur"),
    ]
    assert rows[1].recorded_at == OCCURRENCE - timedelta(minutes=40)
    # The carried-over key gives the transaction id the reminder was sent with.
    assert message is not None
    assert message.txn_id == core.txn_id("reminder", 1, OCCURRENCE.isoformat(), 3600)
    assert message.txn_id == core.txn_id(*cause(Source.MEETING, 1, rows[1].key))

    async with at_0009.connect() as connection:
        tables = await connection.run_sync(lambda sync: set(sa.inspect(sync).get_table_names()))
        outbox = await connection.run_sync(
            lambda sync: {c["name"] for c in sa.inspect(sync).get_columns("outbox")}
        )
        indexes = await connection.run_sync(
            lambda sync: {i["name"] for i in sa.inspect(sync).get_indexes("outbox")}
        )
    assert not tables & {"reminder_deliveries", "press_reminders", "sector_round_reminders"}
    assert "attempts" not in outbox
    assert "ix_outbox_unsent" in indexes  # not lost to a table copy


async def test_the_downgrade_brings_the_old_records_back(at_0009: AsyncEngine) -> None:
    await _fill_old_tables(at_0009)
    await migrate.upgrade(at_0009)
    async with at_0009.begin() as connection:
        await connection.run_sync(_downgrade_to_0009)
        meeting_rows = (
            await connection.execute(
                sa.select(
                    OLD_MEETING_ROWS.c.occurrence,
                    OLD_MEETING_ROWS.c.offset_seconds,
                    OLD_MEETING_ROWS.c.status,
                ).order_by(OLD_MEETING_ROWS.c.offset_seconds)
            )
        ).all()
        press_rows = (
            await connection.execute(
                sa.select(OLD_PRESS_ROWS.c.kind, OLD_PRESS_ROWS.c.posted).order_by(
                    OLD_PRESS_ROWS.c.kind
                )
            )
        ).all()
        round_rows = (
            await connection.execute(sa.select(OLD_ROUND_ROWS.c.kind, OLD_ROUND_ROWS.c.partners))
        ).all()
    assert [tuple(row) for row in meeting_rows] == [
        (OCCURRENCE, 3600, "late"),
        (OCCURRENCE, 86400, "superseded"),
    ]
    assert [(kind, bool(posted)) for kind, posted in press_rows] == [("1d", False), ("due", True)]
    assert [tuple(row) for row in round_rows] == [("half", "agentur")]
    assert await migrate.current_revision(at_0009) == "0009"


def _downgrade_to_0009(connection: sa.Connection) -> None:
    config = migrate.alembic_config()
    config.attributes["connection"] = connection
    command.downgrade(config, "0009")
