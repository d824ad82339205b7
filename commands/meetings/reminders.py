"""Meeting reminders as a timed source: what is due comes from the database, never from memory.

Each run claims every due reminder through the shared policy (:mod:`commands.core.delivery`,
one :class:`storage.deliveries.Delivery` row) in the same transaction that queues its
message, so a restart or a second instance can neither double nor lose one. The message is
built from *parts*: this module adds the agenda; ``bot/app.py`` passes the others (inputs
still missing, notices since the last meeting).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from commands.contacts.lookup import room_contacts
from commands.core.catalogue import Catalogue
from commands.core.context import Reply, ScheduledPost
from commands.core.dates import DateFormatter, typed
from commands.core.delivery import Decision, Missed, Slot, claim, meeting_key, missed_summary
from commands.core.delivery import cause as delivery_cause
from commands.core.markup import Doc, Line, join
from commands.meetings.due import Due, due_reminders, next_reminder_time
from commands.meetings.public_holidays import holiday_name
from commands.meetings.schedule import Occurrence, Schedule
from commands.meetings.views import contacts_line, partner_label, schedule_of, when_where
from config import Settings
from storage import core
from storage import meetings as store
from storage.deliveries import Source
from storage.meetings import Meeting

OFFSETS_KEY = "meetings.reminder_offsets"
AGENDA_SHOWN = 15  # a reminder stays one short message; !termin <id> shows the rest

log = logging.getLogger("koopbot.reminders")


@dataclass(frozen=True)
class ReminderTopic:
    """What a reminder part may look at to add its lines."""

    session: AsyncSession
    settings: Settings
    texts: Catalogue
    dates: DateFormatter
    now: datetime
    meeting: Meeting
    occurrence: Occurrence
    previous: datetime | None  # start of the room's previous meeting ("since last time")


async def previous_sitting(
    session: AsyncSession, meeting: Meeting, schedule: Schedule, before: datetime
) -> datetime | None:
    """When the room last met before ``before``: the latest date of any of its meetings,
    a series or a one-off, not only of ``meeting``'s own series."""
    own = schedule.previous(before)
    latest = own.start if own else None
    others = [
        other
        for other in await store.room_meetings_before(session, meeting.room_id, before)
        if other.id != meeting.id
    ]
    changes = await store.changes_of(session, [other.id for other in others])
    for other in others:
        earlier = schedule_of(other, changes[other.id]).previous(before)
        if earlier is not None and (latest is None or earlier.start > latest):
            latest = earlier.start
    return latest


#: Adds lines to a reminder (agenda, missing inputs, notices since the last meeting …).
ReminderPart = Callable[[ReminderTopic], Awaitable[list[Line]]]


async def agenda_part(topic: ReminderTopic) -> list[Line]:
    """``Tagesordnung: 1. Fachkräftebedarf Logistik (Agentur)  2. …`` or how to add one."""
    items = await store.agenda_of(topic.session, topic.meeting.id, topic.occurrence.original)
    texts = topic.texts
    if not items:
        return [texts.line("reminder.agenda_empty", id=topic.meeting.id)]
    entries = [
        texts.line(
            "reminder.agenda_item",
            number=number,
            text=item.text,
            partner=partner_label(texts, topic.settings, item.partner_id),
        )
        for number, item in enumerate(items[:AGENDA_SHOWN], start=1)
    ]
    if len(items) > AGENDA_SHOWN:
        more = len(items) - AGENDA_SHOWN
        entries.append(texts.line("reminder.agenda_more", count=more, id=topic.meeting.id))
    return [texts.line("reminder.agenda", items=join(entries, "  "))]


def reminder_cause(meeting_id: int, occurrence: datetime, offset: timedelta) -> tuple[object, ...]:
    """What makes a reminder's transaction id: one per meeting occurrence and offset."""
    return delivery_cause(Source.MEETING, meeting_id, meeting_key(occurrence, offset))


def reminder_slot(meeting: Meeting, due: Due) -> Slot:
    """The claim of one due reminder: the meeting is the subject, occurrence and offset the key."""
    return Slot(
        Source.MEETING,
        meeting.id,
        meeting_key(due.occurrence.start, due.offset),
        meeting.room_id,
        due.at,
        until=due.occurrence.start,
    )


class MeetingReminders:
    """The :class:`commands.core.context.DueSource` of meeting reminders."""

    def __init__(
        self,
        settings: Settings,
        parts: Sequence[ReminderPart] = (agenda_part,),
        *,
        batch: int = 200,
    ) -> None:
        self.settings = settings
        self.parts = tuple(parts)
        self.batch = batch
        self.offsets = settings.reminders.offset_deltas
        self.grace = settings.reminders.grace_delta
        self.texts = Catalogue(settings.language)
        self.dates = DateFormatter(settings.language, settings.zone)
        self._offsets_checked = False

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        return await store.earliest_reminder(session)

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        posts: list[ScheduledPost] = []
        if not self._offsets_checked:
            posts += await self._follow_offset_change(session, now)
            self._offsets_checked = True
        settled, _ = await self._settle(session, now, self.offsets, self.batch)
        return posts + settled

    async def _settle(
        self, session: AsyncSession, now: datetime, offsets: Sequence[timedelta], limit: int
    ) -> tuple[list[ScheduledPost], int]:
        """Claim and build every reminder due by ``now`` of up to ``limit`` meetings.

        Returns the posts and how many meetings were looked at (the caller may go on).
        """
        meetings = await store.due_meetings(session, now, limit)
        changes = await store.changes_of(session, [m.id for m in meetings])
        posts: list[tuple[datetime, ScheduledPost]] = []
        missed: dict[str, list[Missed]] = {}
        for meeting in meetings:
            schedule = schedule_of(meeting, changes[meeting.id])
            zone = ZoneInfo(meeting.tz)
            try:
                dues = due_reminders(
                    schedule.occurrences,
                    offsets,
                    zone,
                    after=meeting.settled_until,
                    now=now,
                    grace=self.grace,
                )
                following = next_reminder_time(schedule.occurrences, offsets, zone, after=now)
            except Exception:  # one meeting that cannot be expanded must not stop all others
                log.exception("meeting #%s cannot be expanded; its reminders stop", meeting.id)
                meeting.next_reminder_at = None
                continue
            for due in dues:
                if not await claim(session, reminder_slot(meeting, due), due.decision, now):
                    continue  # another instance (or an earlier run) settled it
                if due.posted:
                    posts.append(
                        (due.at, await self._reminder(session, meeting, schedule, due, now))
                    )
                elif due.decision is Decision.MISSED:
                    missed.setdefault(meeting.room_id, []).append(self._missed_item(meeting, due))
            meeting.settled_until = now
            meeting.next_reminder_at = following
        ordered = [post for _, post in sorted(posts, key=lambda item: item[0])]
        summaries = [
            missed_summary(self.texts, room, items, "reminder.missed_next")
            for room, items in missed.items()
        ]
        return ordered + summaries, len(meetings)

    async def _reminder(
        self, session: AsyncSession, meeting: Meeting, schedule: Schedule, due: Due, now: datetime
    ) -> ScheduledPost:
        texts, dates = self.texts, self.dates
        occurrence = due.occurrence
        days = (dates.local(occurrence.start).date() - dates.local(now).date()).days
        key = (
            "reminder.today"
            if days <= 0
            else "reminder.tomorrow"
            if days == 1
            else "reminder.in_days"
        )
        head = texts.t(key, title=meeting.title, id=meeting.id, days=days)
        if due.decision is Decision.LATE:
            head = texts.t("reminder.late", head=head)
        doc = Doc().line(head).line(when_where(texts, dates, meeting, occurrence))
        local_day = dates.local(occurrence.start).date()
        holiday = holiday_name(local_day, self.settings.language)
        if holiday:
            doc.line(
                texts.t(
                    "reminder.holiday",
                    name=holiday,
                    id=meeting.id,
                    date=typed(local_day),
                )
            )
        previous = await previous_sitting(session, meeting, schedule, occurrence.start)
        topic = ReminderTopic(
            session=session,
            settings=self.settings,
            texts=texts,
            dates=dates,
            now=now,
            meeting=meeting,
            occurrence=occurrence,
            previous=previous,
        )
        for part in self.parts:
            for line in await part(topic):
                doc.para(line)
        contacts = await room_contacts(session, self.settings, meeting.room_id)
        doc.para(contacts_line(texts, self.settings, contacts))
        return ScheduledPost(
            meeting.room_id,
            Reply(doc, purpose=f"reminder:{meeting.id}"),
            cause=reminder_cause(meeting.id, occurrence.start, due.offset),
            due_at=due.at,
        )

    def _missed_item(self, meeting: Meeting, due: Due) -> Missed:
        """A reminder that came too late to be useful, as the room's summary lists it."""
        line = self.texts.line(
            "reminder.missed_item",
            id=meeting.id,
            title=meeting.title,
            when=self.dates.moment(due.occurrence.start),
            offset=self.dates.duration(due.offset),
        )
        return Missed(due.at, line, reminder_cause(meeting.id, due.occurrence.start, due.offset))

    async def _follow_offset_change(
        self, session: AsyncSession, now: datetime
    ) -> list[ScheduledPost]:
        """After the configured offsets changed: settle what the old ones made due, then re-plan."""
        current = ",".join(str(int(o.total_seconds())) for o in self.offsets)
        stored = await core.get_state(session, OFFSETS_KEY)
        if stored == current:
            return []
        posts: list[ScheduledPost] = []
        if stored is not None:
            old = [timedelta(seconds=int(s)) for s in stored.split(",") if s]
            while True:
                batch, looked_at = await self._settle(session, now, old, self.batch)
                posts += batch
                if looked_at < self.batch:
                    break
            active = await store.active_meetings(
                session, None, ends_after=now - timedelta(days=1), limit=1_000_000
            )
            changes = await store.changes_of(session, [m.id for m in active])
            for meeting in active:
                schedule = schedule_of(meeting, changes[meeting.id])
                meeting.settled_until = max(meeting.settled_until, now)
                meeting.next_reminder_at = next_reminder_time(
                    schedule.occurrences, self.offsets, ZoneInfo(meeting.tz), after=now
                )
        await core.set_state(session, OFFSETS_KEY, current)
        return posts


def plan_reminders(meeting: Meeting, schedule: Schedule, settings: Settings) -> None:
    """Set ``next_reminder_at`` after a meeting was created or changed.

    Counted from ``settled_until``, so a reminder that just became due is not skipped.
    """
    meeting.next_reminder_at = (
        None
        if meeting.cancelled
        else next_reminder_time(
            schedule.occurrences,
            settings.reminders.offset_deltas,
            ZoneInfo(meeting.tz),
            after=meeting.settled_until,
        )
    )


def replan(meeting: Meeting, schedule: Schedule, settings: Settings) -> None:
    """After a meeting (or one of its dates) was cancelled or moved: calendars learn of the
    change through a new iCalendar SEQUENCE, and the reminders follow the new ``schedule``."""
    meeting.sequence += 1
    plan_reminders(meeting, schedule, settings)
