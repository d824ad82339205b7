"""One nudge per decision whose consent is pending: per organisation, once.

Rule: a valid decision version that still lacks the consent of a partner who has not
objected is named once, at 09:00 local on the ``NUDGE_AFTER`` th day after it was
recorded, mentioning the contacts of the pending partners (the organisation, not each
member). A partner who objected is not nudged: its stand is known. What is due when is
decided here; whether it is posted, late or missed, and its one claim, by
:mod:`commands.core.delivery`. A ✅ on the nudge consents, as on the decision's message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.contacts.lookup import room_contacts
from commands.core.catalogue import Catalogue
from commands.core.context import Reply, ScheduledPost, mention_for
from commands.core.dates import DateFormatter, day_start
from commands.core.delivery import (
    REMIND_AT,
    Decision,
    Missed,
    Slot,
    at_remind_time,
    cause,
    is_due,
    missed_summary,
    settle,
)
from commands.core.markup import Doc, Mention, join
from commands.decisions.cards import card_purpose, consent_lines
from commands.decisions.standing import Consent, consent_of
from config import Partner, Settings
from storage.decisions import models as store
from storage.decisions.models import DecisionEntry
from storage.deliveries import Source

#: Days after recording (at 09:00 local) when pending partners are nudged, once.
NUDGE_AFTER = timedelta(days=3)
KEY = "consent"


@dataclass(frozen=True)
class Due:
    version: DecisionEntry
    at: datetime

    @property
    def slot(self) -> Slot:
        return Slot(Source.DECISION, self.version.id, KEY, self.version.room_id, self.at)


class ConsentReminders:
    """A DueSource: what is due is decided from the database, never from the scheduler."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.texts = Catalogue(settings.language)
        self.dates = DateFormatter(settings.language, settings.zone)

    def moment(self, recorded_at: datetime) -> datetime:
        """09:00 local on the day ``NUDGE_AFTER`` after a version recorded at
        ``recorded_at``, in UTC: the later the recording, the later the nudge."""
        day = self.dates.local(recorded_at).date() + NUDGE_AFTER
        return at_remind_time(day, self.settings.zone)

    def earliest(self, now: datetime) -> datetime:
        """Versions recorded before this are past their nudge and its grace."""
        return now - self.settings.reminders.grace_delta - NUDGE_AFTER - timedelta(days=2)

    def due_before(self, now: datetime) -> datetime:
        """Versions recorded before this have their nudge due by ``now``: the last local
        day whose 09:00 has come is ``NUDGE_AFTER`` after the days recorded before it."""
        local = self.dates.local(now)
        last = local.date() if local.time() >= REMIND_AT else local.date() - timedelta(days=1)
        first_not_due = last - NUDGE_AFTER + timedelta(days=1)
        return day_start(first_not_due, self.settings.zone)

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        """The first pending nudge's time, from the earliest pending version alone (one
        row): the nudge's time grows with the recording's."""
        first = await store.first_unclaimed_since(
            session, self.earliest(now), Source.DECISION.value, KEY
        )
        return None if first is None else self.moment(first)

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        posts: list[ScheduledPost] = []
        missed: dict[str, list[Missed]] = {}
        versions = await store.unclaimed_between(
            session, self.earliest(now), self.due_before(now), Source.DECISION.value, KEY
        )
        due = [Due(version, self.moment(version.recorded_at)) for version in versions]
        due = [item for item in due if is_due(item.at, now)]
        consents = await store.consents_of(session, [item.version.id for item in due])
        for item in due:
            state = consent_of(item.version, consents)
            pending = state.pending(self.settings.partners)
            claimed = await settle(
                session,
                [item.slot],
                now,
                self.settings.reminders.grace_delta,
                wanted=bool(pending),
                extra=",".join(partner.id for partner in pending),
            )
            for _slot, decision in claimed:
                if decision.posted:
                    posts.append(await self._post(session, item, state, pending, decision))
                elif decision is Decision.MISSED:
                    missed.setdefault(item.version.room_id, []).append(self._missed(item))
        return posts + [
            missed_summary(self.texts, room, items, "decisions.remind.missed_next")
            for room, items in missed.items()
        ]

    async def _post(
        self,
        session: AsyncSession,
        item: Due,
        state: Consent,
        pending: list[Partner],
        decision: Decision,
    ) -> ScheduledPost:
        version = item.version
        head = self.texts.t(
            "decisions.remind.head",
            id=version.id,
            subject=version.subject,
            day=self.dates.day(self.dates.local(version.recorded_at).date()),
        )
        late = decision is Decision.LATE
        doc = Doc().line(self.texts.t("reminder.late", head=head) if late else head)
        for line in consent_lines(self.texts, self.settings, self.dates, state):
            doc.para(line)
        contacts = await room_contacts(session, self.settings, version.room_id)
        people: dict[str, None] = {}
        for partner in pending:
            people.update(dict.fromkeys(p for p in contacts.get(partner.id, ("", "")) if p))
        if people:
            mentions: list[Mention] = [mention_for(self.settings, user) for user in people]
            pills = join([(mention,) for mention in mentions])
            doc.para(self.texts.line("decisions.remind.ask", people=pills, id=version.id))
        else:
            doc.line(self.texts.t("decisions.remind.ask_all", id=version.id))
        reply = Reply(doc, purpose=card_purpose(version.id))
        return ScheduledPost(
            version.room_id, reply, cause(Source.DECISION, version.id, KEY), due_at=item.at
        )

    def _missed(self, item: Due) -> Missed:
        version = item.version
        line = self.texts.line(
            "decisions.remind.missed_item",
            id=version.id,
            subject=version.subject,
            when=self.dates.moment(item.at),
        )
        return Missed(item.at, line, cause(Source.DECISION, version.id, KEY))
