"""Deadline reminders: a day before and on the day (09:00 local), to the partners whose
approval is still missing, mentioning their contacts. Each is posted exactly once: the
delivery record is written in the transaction that queues the post, under a unique key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.contacts.lookup import room_contacts
from commands.core.catalogue import Catalogue
from commands.core.context import Reply, ScheduledPost
from commands.core.dates import DateFormatter
from commands.core.markup import Doc, Line, Mention, join
from commands.pr.desk import Desk
from commands.pr.state import Mark, ReleaseState, load_state, partner_names, status_block
from config import Partner, Settings
from storage.pr import releases as store
from storage.pr import reminders as reminder_store
from storage.pr.releases import PressRelease

REMIND_AT = time(9, 0)
#: (kind, how long before the deadline day); the kind is part of the delivery record.
KINDS = (("1d", timedelta(days=1)), ("due", timedelta(0)))
LATE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class Due:
    release: PressRelease
    kind: str
    at: datetime


class PressReminders:
    """A DueSource: what is due is decided from the database, never from the scheduler."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.texts = Catalogue(settings.language)
        self.dates = DateFormatter(settings.language, settings.zone)

    def moments(self, release: PressRelease) -> list[tuple[str, datetime]]:
        """When each reminder of ``release`` is due, in UTC (09:00 local, DST-aware)."""
        if release.deadline is None:
            return []
        zone = self.settings.zone
        return [
            (kind, datetime.combine(release.deadline - before, REMIND_AT, zone).astimezone(UTC))
            for kind, before in KINDS
        ]

    async def pending(self, session: AsyncSession, now: datetime) -> list[Due]:
        """Reminders not yet recorded, of unpublished releases, due after their creation."""
        today = self.dates.local(now).date()
        releases = await store.with_deadline_since(session, today - timedelta(days=1))
        ids = [release.id for release in releases]
        recorded = await reminder_store.reminders_recorded(session, ids)
        published = await store.publications(session, ids)
        return [
            Due(release, kind, at)
            for release in releases
            if release.id not in published
            for kind, at in self.moments(release)
            if (release.id, kind) not in recorded and at >= release.created_at
        ]

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        return min((due.at for due in await self.pending(session, now)), default=None)

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        posts: list[ScheduledPost] = []
        grace = self.settings.reminders.grace_delta
        for due in await self.pending(session, now):
            if due.at > now:
                continue
            state = await load_state(session, due.release)
            relevant = now - due.at <= grace and bool(state.missing(self.settings.partners))
            await reminder_store.record_reminder(
                session,
                release_id=due.release.id,
                kind=due.kind,
                due_at=due.at,
                now=now,
                posted=relevant,
            )
            if relevant:
                desk = Desk(
                    session, self.settings, self.texts, self.dates, due.release.room_id, now
                )
                doc = await self._doc(desk, state, due)
                reply = Reply(doc, purpose=f"pm-reminder:{due.release.id}:{due.kind}")
                cause = ("pm-reminder", due.release.id, due.kind)
                posts.append(ScheduledPost(due.release.room_id, reply, cause, due_at=due.at))
        return posts

    async def _doc(self, desk: Desk, state: ReleaseState, due: Due) -> Doc:
        release = state.release
        assert release.deadline is not None
        key = "pm.remind.today" if due.kind == "due" else "pm.remind.tomorrow"
        day = desk.dates.day(release.deadline)
        doc = Doc().line(desk.t(key, id=release.id, title=release.title, day=day))
        if desk.now - due.at > LATE_AFTER:
            doc.line(desk.t("pm.remind.late"))
        for line in status_block(desk, state):
            doc.para(line)
        partners = self.settings.partners
        pending = [p for p in partners if state.mark(p.id) is Mark.PENDING]
        asked = [p for p in partners if state.mark(p.id) is Mark.CHANGES]
        if pending:
            people = await self._contacts(desk, pending)
            doc.para(desk.line("pm.remind.missing", partners=partner_names(pending)))
            if people:
                doc.para(desk.line("pm.remind.ask", people=people, id=release.id))
            else:
                doc.line(desk.t("pm.remind.ask_all", id=release.id))
        if asked:
            doc.para(desk.line("pm.remind.changes", partners=partner_names(asked)))
            doc.para(
                desk.line("pm.remind.revise", people=desk.mention(release.author), id=release.id)
            )
        return doc

    async def _contacts(self, desk: Desk, partners: list[Partner]) -> Line:
        """Pills for the contacts (and deputies) of ``partners``, as set in this room."""
        contacts = await room_contacts(desk.session, desk.settings, desk.room_id)
        people: dict[str, None] = {}
        for partner in partners:
            people.update(dict.fromkeys(p for p in contacts[partner.id] if p))
        mentions: list[Mention] = [desk.mention(user) for user in people]
        return join([(mention,) for mention in mentions])
