"""Overdue decisions in the meeting reminder: ``Beschlüsse über Frist: #9, #12``."""

from __future__ import annotations

from commands.core.markup import Line
from commands.meetings.reminders import ReminderTopic
from storage.decisions import state

SHOWN = 10


async def overdue_part(topic: ReminderTopic) -> list[Line]:
    """A :data:`~commands.meetings.reminders.ReminderPart`: valid decisions past their deadline."""
    today = topic.dates.local(topic.now).date()
    entries = await state.overdue(topic.session, topic.meeting.room_id, today)
    if not entries:
        return []
    ids = ", ".join(f"#{entry.id}" for entry in entries[:SHOWN])
    if len(entries) > SHOWN:
        ids += topic.texts.t("decisions.reminder_more", count=len(entries) - SHOWN)
    return [topic.texts.line("decisions.reminder_overdue", ids=ids)]
