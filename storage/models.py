"""Every table, imported in one place so Alembic and tests see the whole schema."""

from storage.base import Base
from storage.contacts import ContactAssignment
from storage.core import HandledEvent, OutboxMessage, SyncState
from storage.decisions import DecisionChain, DecisionEntry
from storage.meetings import AgendaItem, Meeting, MeetingException, ReminderDelivery
from storage.notices import Notice
from storage.pending import PendingEvent
from storage.press import PressEvent, PressRelease, PressVersion
from storage.press_reminders import PressReminder
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
