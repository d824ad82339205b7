"""Every table, imported in one place so Alembic and tests see the whole schema."""

from storage.base import Base
from storage.contacts import ContactAssignment
from storage.core import HandledEvent, OutboxMessage, SyncState
from storage.decisions.models import DecisionChain, DecisionEntry
from storage.meetings import AgendaItem, Meeting, MeetingException, ReminderDelivery
from storage.notices import Notice
from storage.pending import PendingEvent
from storage.pr.releases import PressEvent, PressRelease, PressVersion
from storage.pr.reminders import PressReminder
from storage.sectors import Round, RoundReminder, SectorInput

__all__ = [
    "AgendaItem",
    "Base",
    "ContactAssignment",
    "DecisionChain",
    "DecisionEntry",
    "HandledEvent",
    "Meeting",
    "MeetingException",
    "Notice",
    "OutboxMessage",
    "PendingEvent",
    "PressEvent",
    "PressRelease",
    "PressReminder",
    "PressVersion",
    "ReminderDelivery",
    "Round",
    "RoundReminder",
    "SectorInput",
    "SyncState",
]
