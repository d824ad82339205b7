"""Deadline reminders: a day before and on the day (09:00 local), to the partners whose
approval is still missing, mentioning their contacts. What is due when is decided here;
whether it is posted, late or missed, and its one claim, by :mod:`commands.core.delivery`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.contacts.lookup import room_contacts
from commands.core.catalogue import Catalogue
from commands.core.context import Reply, ScheduledPost
from commands.core.dates import DateFormatter, day_start
from commands.core.delivery import (
    Decision,
    Missed,
    Slot,
    at_remind_time,
    cause,
    is_due,
    missed_summary,
    settle,
)
from commands.core.markup import Doc, Line, Mention, join
from commands.pr.desk import Desk
from commands.pr.state import Mark, ReleaseState, load_state, partner_names, status_block
from config import Partner, Settings
from storage import deliveries
from storage.deliveries import Source
from storage.pr import releases as store
from storage.pr.releases import PressRelease

#: (kind, how long before the deadline day); the kind is the delivery's key.
KINDS = (("1d", timedelta(days=1)), ("due", timedelta(0)))


@dataclass(frozen=True)
class Due:
    release: PressRelease
    kind: str
    at: datetime

    def slot(self, until: datetime) -> Slot:
        return Slot(Source.PRESS, self.release.id, self.kind, self.release.room_id, self.at, until)


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
        return [
            (kind, at_remind_time(release.deadline - before, self.settings.zone))
            for kind, before in KINDS
        ]

    def deadline_end(self, release: PressRelease) -> datetime:
        """The end of the deadline day: a reminder after it is of no use any more."""
        assert release.deadline is not None
        next_day = release.deadline + timedelta(days=1)
        return day_start(next_day, self.settings.zone)

    async def pending(self, session: AsyncSession, now: datetime) -> list[Due]:
        """Reminders not yet settled, of unpublished releases, due after their creation."""
        today = self.dates.local(now).date()
        releases = await store.with_deadline_since(session, today - timedelta(days=1))
        ids = [release.id for release in releases]
        settled = await deliveries.claimed_keys(session, Source.PRESS, ids)
        published = await store.publications(session, ids)
        return [
            Due(release, kind, at)
            for release in releases
            if release.id not in published
            for kind, at in self.moments(release)
            if (release.id, kind) not in settled and at >= release.created_at
        ]

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        return min((due.at for due in await self.pending(session, now)), default=None)

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        posts: list[ScheduledPost] = []
        missed: dict[str, list[Missed]] = {}
        by_release: dict[int, list[Due]] = {}
        for due in await self.pending(session, now):
            if is_due(due.at, now):
                by_release.setdefault(due.release.id, []).append(due)
        for dues in by_release.values():
            release = dues[0].release
            state = await load_state(session, release)
            missing = state.missing(self.settings.partners)
            end = self.deadline_end(release)
            claimed = await settle(
                session,
                [due.slot(end) for due in dues],
                now,
                self.settings.reminders.grace_delta,
                wanted=bool(missing),
                extra=",".join(partner.id for partner in missing),
            )
            by_kind = {due.kind: due for due in dues}
            for slot, decision in claimed:
                due = by_kind[slot.key]
                if decision.posted:
                    posts.append(await self._post(session, state, due, decision, now))
                elif decision is Decision.MISSED:
                    missed.setdefault(release.room_id, []).append(self._missed_item(due))
        return posts + [
            missed_summary(self.texts, room, items, "pm.remind.missed_next")
            for room, items in missed.items()
        ]

    async def _post(
        self,
        session: AsyncSession,
        state: ReleaseState,
        due: Due,
        decision: Decision,
        now: datetime,
    ) -> ScheduledPost:
        release = due.release
        desk = Desk(session, self.settings, self.texts, self.dates, release.room_id, now)
        doc = await self._doc(desk, state, due, late=decision is Decision.LATE)
        reply = Reply(doc, purpose=f"pm-reminder:{release.id}:{due.kind}")
        return ScheduledPost(
            release.room_id, reply, cause(Source.PRESS, release.id, due.kind), due_at=due.at
        )

    def _missed_item(self, due: Due) -> Missed:
        release = due.release
        assert release.deadline is not None
        line = self.texts.line(
            "pm.remind.missed_item",
            id=release.id,
            title=release.title,
            day=self.dates.day(release.deadline),
            when=self.dates.moment(due.at),
        )
        return Missed(due.at, line, cause(Source.PRESS, release.id, due.kind))

    async def _doc(self, desk: Desk, state: ReleaseState, due: Due, *, late: bool) -> Doc:
        release = state.release
        assert release.deadline is not None
        key = "pm.remind.today" if due.kind == "due" else "pm.remind.tomorrow"
        day = desk.dates.day(release.deadline)
        head = desk.t(key, id=release.id, title=release.title, day=day)
        doc = Doc().line(desk.t("pm.remind.late", head=head) if late else head)
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
