"""Every table, imported in one place so Alembic and tests see the whole schema."""

from storage.attendance import Attendance
from storage.base import Base
from storage.contacts import ContactAssignment
from storage.core import HandledEvent, OutboxMessage, SyncState
from storage.decisions.models import DecisionChain, DecisionEntry
from storage.decisions.state import DecisionState
from storage.deliveries import Delivery
from storage.meetings import AgendaItem, Meeting, MeetingException
from storage.members import Coordinator, MemberChange, PartnerMember
from storage.notices import Notice
from storage.pending import PendingEvent
from storage.pr.releases import PressEvent, PressRelease, PressVersion
from storage.sectors import Round, SectorInput

__all__ = [
    "AgendaItem",
    "Attendance",
    "Base",
    "ContactAssignment",
    "Coordinator",
    "DecisionChain",
    "DecisionEntry",
    "DecisionState",
    "Delivery",
    "HandledEvent",
    "Meeting",
    "MeetingException",
    "MemberChange",
    "Notice",
    "OutboxMessage",
    "PartnerMember",
    "PendingEvent",
    "PressEvent",
    "PressRelease",
    "PressVersion",
    "Round",
    "SectorInput",
    "SyncState",
]
