"""Alembic environment: runs on the connection handed over by storage.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from storage.models import Base
from storage.search import include_name

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through 'koopbot db upgrade' (storage.migrate.upgrade)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=include_name,  # the search tables and indexes (storage/search.py)
)
with context.begin_transaction():
    context.run_migrations()
