"""Round reminders: at half-time and a day before the deadline (09:00 local), to the partners
that have not reported yet, mentioning their contacts. What is due when is decided here;
whether it is posted, late or missed, and its one claim, by :mod:`commands.core.delivery`.
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
    Decision,
    Missed,
    Slot,
    at_remind_time,
    cause,
    is_due,
    missed_summary,
    settle,
)
from commands.core.markup import Doc, Line, join
from commands.sectors.views import missing_partners
from config import Settings
from storage import deliveries
from storage import sectors as store
from storage.deliveries import Source
from storage.sectors import Round


@dataclass(frozen=True)
class Due:
    round: Round
    kind: str  # "half" | "1d"
    at: datetime

    def slot(self, until: datetime) -> Slot:
        return Slot(Source.ROUND, self.round.id, self.kind, self.round.room_id, self.at, until)


def round_end(round_: Round, settings: Settings) -> datetime:
    """The end of the deadline day in the configured zone, in UTC."""
    next_day = round_.deadline + timedelta(days=1)
    return day_start(next_day, settings.zone)


def moments(round_: Round, settings: Settings) -> list[tuple[str, datetime]]:
    """When each reminder of ``round_`` is due. Half-time is left out when the day-before
    reminder comes first (a short round); nothing is due before the round was opened."""
    end = round_end(round_, settings)
    half = round_.opened_at + (end - round_.opened_at) / 2
    day_before = at_remind_time(round_.deadline - timedelta(days=1), settings.zone)
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
        settled = await deliveries.claimed_keys(session, Source.ROUND, [r.id for r in rounds])
        return [
            Due(round_, kind, at)
            for round_ in rounds
            for kind, at in moments(round_, self.settings)
            if (round_.id, kind) not in settled
        ]

    async def next_due(self, session: AsyncSession, now: datetime) -> datetime | None:
        return min((due.at for due in await self.pending(session)), default=None)

    async def run_due(self, session: AsyncSession, now: datetime) -> list[ScheduledPost]:
        posts: list[ScheduledPost] = []
        missed: dict[str, list[Missed]] = {}
        by_round: dict[int, list[Due]] = {}
        for due in await self.pending(session):
            if is_due(due.at, now):
                by_round.setdefault(due.round.id, []).append(due)
        for dues in by_round.values():
            round_ = dues[0].round
            inputs = await store.inputs_of_round(session, round_.id)
            missing = [partner.id for partner in missing_partners(self.settings, inputs)]
            end = round_end(round_, self.settings)
            claimed = await settle(
                session,
                [due.slot(end) for due in dues],
                now,
                self.settings.reminders.grace_delta,
                wanted=bool(missing),
                extra=",".join(missing),
            )
            by_kind = {due.kind: due for due in dues}
            for slot, decision in claimed:
                due = by_kind[slot.key]
                if decision.posted:
                    doc = await self._doc(session, due, missing, late=decision is Decision.LATE)
                    reply = Reply(doc, purpose=f"round-reminder:{round_.id}:{due.kind}")
                    post_cause = cause(Source.ROUND, round_.id, due.kind)
                    posts.append(ScheduledPost(round_.room_id, reply, post_cause, due_at=due.at))
                elif decision is Decision.MISSED:
                    missed.setdefault(round_.room_id, []).append(self._missed_item(due))
        return posts + [
            missed_summary(self.texts, room, items, "sectors.remind_missed_next")
            for room, items in missed.items()
        ]

    def _missed_item(self, due: Due) -> Missed:
        line = self.texts.line(
            "sectors.remind_missed_item",
            id=due.round.id,
            day=self.dates.day(due.round.deadline),
            when=self.dates.moment(due.at),
        )
        return Missed(due.at, line, cause(Source.ROUND, due.round.id, due.kind))

    async def _doc(self, session: AsyncSession, due: Due, missing: list[str], *, late: bool) -> Doc:
        texts, settings = self.texts, self.settings
        day = self.dates.day(due.round.deadline)
        key = "sectors.remind_half" if due.kind == "half" else "sectors.remind_tomorrow"
        head = texts.t(key, id=due.round.id, day=day)
        doc = Doc().line(texts.t("sectors.remind_late", head=head) if late else head)
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
