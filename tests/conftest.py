"""Shared fixtures: a chat transcript on SQLite, both storage backends, a real Synapse."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate
from storage.engine import create_engine, session_factory
from tests.support.chat import Chat, FakeClock, make_settings
from tests.support.postgres import PostgresCluster, start_postgres


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def sqlite_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'koopbot.db'}")
    await migrate.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def chat(sqlite_engine: AsyncEngine, clock: FakeClock) -> Chat:
    return Chat(make_settings(), session_factory(sqlite_engine), clock)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    cluster = start_postgres()
    yield cluster
    cluster.stop()


_DATABASES = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A migrated, empty database on each backend (a fresh PostgreSQL database per test)."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'koopbot.db'}"
    else:
        cluster: PostgresCluster = request.getfixturevalue("postgres")
        url = cluster.create_database(f"koopbot_{next(_DATABASES)}")
    engine = create_engine(url)
    await migrate.upgrade(engine)
    yield engine
    await engine.dispose()
