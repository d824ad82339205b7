"""Round reminders: at half-time and a day before the deadline (09:00 local), to the partners
that have not reported yet, mentioning their contacts. Each is posted exactly once: the
delivery record is written in the transaction that queues the post, under a unique key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commands.contacts.lookup import room_contacts
from commands.core.catalogue import Catalogue
from commands.core.context import Reply, ScheduledPost, mention_for
from commands.core.dates import DateFormatter
from commands.core.markup import Doc, Line, join
from commands.sectors.views import missing_partners
from config import Settings
from storage import sectors as store
from storage.sectors import Round

DAY_BEFORE_AT = time(9, 0)


@dataclass(frozen=True)
class Due:
    round: Round
    kind: str  # "half" | "1d"
    at: datetime


def round_end(round_: Round, settings: Settings) -> datetime:
    """The end of the deadline day in the configured zone, in UTC."""
    next_day = round_.deadline + timedelta(days=1)
    return datetime.combine(next_day, time(0, 0), settings.zone).astimezone(UTC)


def moments(round_: Round, settings: Settings) -> list[tuple[str, datetime]]:
    """When each reminder of ``round_`` is due. Half-time is left out when the day-before
    reminder comes first (a short round); nothing is due before the round was opened."""
    end = round_end(round_, settings)
    half = round_.opened_at + (end - round_.opened_at) / 2
    day_before = datetime.combine(
        round_.deadline - timedelta(days=1), DAY_BEFORE_AT, settings.zone
    ).astimezone(UTC)
    found = [("half", half)] if half < day_before else []
    found.append(("1d", day_before))
    return [(kind, at) for kind, at in found if at > round_.opened_at]


class RoundReminders:
    """A DueSource: what is due is decided from the database, never from the scheduler."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.texts = Catalogue(settings.language)
        self.dates = DateFormatter(settings.language, settings.zone)

    async def pending(self, session: AsyncSession) -> list[Due]:
        rounds = await store.open_rounds(session)
        recorded = await store.reminders_recorded(session, [r.id for r in rounds])
        return [
            Due(round_, kind, at)
            for round_ in rounds
            for kind, at in moments(round_, self.settings)
            if (round_.id, kind) not in recorded
        ]

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        return min((due.at for due in await self.pending(session)), default=None)

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        posts: list[ScheduledPost] = []
        grace = self.settings.reminders.grace_delta
        for due in await self.pending(session):
            if due.at > now:
                continue
            inputs = await store.inputs_of_round(session, due.round.id)
            missing = missing_partners(self.settings, inputs)
            relevant = (
                bool(missing)
                and now - due.at <= grace
                and now < round_end(due.round, self.settings)
            )
            await store.record_reminder(
                session,
                round_id=due.round.id,
                kind=due.kind,
                due_at=due.at,
                now=now,
                posted=relevant,
                partners=",".join(p.id for p in missing) if relevant else "",
            )
            if relevant:
                doc = await self._doc(session, due, [p.id for p in missing])
                reply = Reply(doc, purpose=f"round-reminder:{due.round.id}:{due.kind}")
                cause = ("round-reminder", due.round.id, due.kind)
                posts.append(ScheduledPost(due.round.room_id, reply, cause, due_at=due.at))
        return posts

    async def _doc(self, session: AsyncSession, due: Due, missing: list[str]) -> Doc:
        texts, settings = self.texts, self.settings
        day = self.dates.day(due.round.deadline)
        key = "sectors.remind_half" if due.kind == "half" else "sectors.remind_tomorrow"
        doc = Doc().line(texts.t(key, id=due.round.id, day=day))
        contacts = await room_contacts(session, settings, due.round.room_id)
        entries: list[Line] = []
        for partner in settings.partners:
            if partner.id not in missing:
                continue
            contact, deputy = contacts.get(partner.id, ("", ""))
            people = [(mention_for(settings, p),) for p in (contact, deputy) if p]
            if people:
                entries.append(
                    texts.line("sectors.remind_partner", partner=partner.name, people=join(people))
                )
            else:
                entries.append(texts.line("sectors.remind_partner_nobody", partner=partner.name))
        doc.para(texts.line("sectors.remind_missing", partners=join(entries, "; ")))
        doc.line(texts.t("sectors.remind_how"))
        return doc
