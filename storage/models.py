"""Every table, imported in one place so Alembic and tests see the whole schema."""

from storage.base import Base
from storage.contacts import ContactAssignment
from storage.core import HandledEvent, OutboxMessage, SyncState

__all__ = ["Base", "ContactAssignment", "HandledEvent", "OutboxMessage", "SyncState"]
