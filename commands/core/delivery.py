"""The one policy of timed posts: when a post is due, late or missed, and its claim.

Meeting, press-release and round reminders decide only *what* is due when (a
:class:`Slot`) and what the message says. Here is decided, from an injected ``now``,
what happens to a due post: posted on time, posted late (older than ``LATE_AFTER``,
marked in its head line), missed (older than ``reminders.grace`` or past its
``until``: summarised once per room) or superseded (a newer post of the same subject
is due at the same time and said it). The decision is claimed once in
:mod:`storage.deliveries`, in the transaction that queues the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.context import Reply, ScheduledPost
from commands.core.markup import Doc, Line
from storage import core
from storage import deliveries as store
from storage.deliveries import Delivery, Source

#: A post that leaves later than this after its due time says so ("(verspätet)"); the
#: outbox (``bot.outbox``) uses it too, for a post queued on time but delivered late.
LATE_AFTER = timedelta(seconds=60)
#: The local time of day of the reminders that belong to a calendar day (deadlines).
REMIND_AT = time(9, 0)
#: At most this many missed posts are listed in a summary; the rest are counted.
MISSED_SHOWN = 10


class Decision(StrEnum):
    """What was decided for a due post when it was claimed. Whether a posted one was
    delivered is the outbox's fact (its ``sent_at``, see :func:`delivered_at`)."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"
    SUPERSEDED = "superseded"
    SKIPPED = "skipped"  # nothing to say any more (every partner had answered)

    @property
    def posted(self) -> bool:
        return self in (Decision.ON_TIME, Decision.LATE)


@dataclass(frozen=True)
class Slot:
    """One timed post of one subject: its claim key, when it is due, until when it helps."""

    source: Source
    subject_id: int
    key: str
    room_id: str
    at: datetime
    until: datetime | None = None  # past this moment the post is useless (meeting started)


def at_remind_time(day: date, zone: ZoneInfo) -> datetime:
    """``REMIND_AT`` on the local calendar ``day``, in UTC (daylight saving time aware)."""
    return datetime.combine(day, REMIND_AT, zone).astimezone(UTC)


def is_due(at: datetime, now: datetime) -> bool:
    return at <= now


def decide(
    times: Sequence[tuple[datetime, datetime | None]],
    now: datetime,
    grace: timedelta,
    *,
    wanted: bool = True,
) -> list[Decision]:
    """Decisions for the due posts of one subject, each given as (due at, until).

    A post is still worth posting within ``grace`` of its due time and before its
    ``until``; of several such, only the latest is posted (late if older than
    ``LATE_AFTER``), the others are superseded. Without any postable one all are missed.
    ``wanted`` False (nothing to say) skips them all.
    """
    if not wanted:
        return [Decision.SKIPPED] * len(times)
    postable = [
        index
        for index, (at, until) in enumerate(times)
        if now - at <= grace and (until is None or now < until)
    ]
    latest = max(postable, key=lambda index: times[index][0], default=None)
    decisions: list[Decision] = []
    for index, (at, _until) in enumerate(times):
        if index == latest:
            decisions.append(Decision.LATE if now - at > LATE_AFTER else Decision.ON_TIME)
        else:
            decisions.append(Decision.SUPERSEDED if latest is not None else Decision.MISSED)
    return decisions


async def claim(
    session: AsyncSession, slot: Slot, decision: Decision, now: datetime, extra: str = ""
) -> bool:
    """Record ``decision`` for ``slot``; False if it was settled before (do nothing then)."""
    return await store.claim(
        session,
        room_id=slot.room_id,
        source=slot.source,
        subject_id=slot.subject_id,
        key=slot.key,
        due_at=slot.at,
        decision=decision.value,
        now=now,
        extra=extra,
    )


async def settle(
    session: AsyncSession,
    slots: Sequence[Slot],
    now: datetime,
    grace: timedelta,
    *,
    wanted: bool = True,
    extra: str = "",
) -> list[tuple[Slot, Decision]]:
    """Decide and claim the due ``slots`` of one subject; the ones this caller claimed.

    ``extra`` is recorded with the posted ones (e.g. which partners were reminded).
    """
    decisions = decide([(slot.at, slot.until) for slot in slots], now, grace, wanted=wanted)
    claimed: list[tuple[Slot, Decision]] = []
    for slot, decision in zip(slots, decisions, strict=True):
        if await claim(session, slot, decision, now, extra if decision.posted else ""):
            claimed.append((slot, decision))
    return claimed


def meeting_key(occurrence: datetime, offset: timedelta) -> str:
    """The claim key of a meeting reminder: its occurrence (ISO, UTC) and offset seconds."""
    return f"{occurrence.isoformat()}/{int(offset.total_seconds())}"


def cause(source: Source, subject_id: int, key: str) -> tuple[object, ...]:
    """What makes a timed post's transaction id: as since the first release, so that a
    resend after an upgrade is still deduplicated by the homeserver."""
    if source is Source.MEETING:
        occurrence, seconds = key.rsplit("/", 1)
        return ("reminder", subject_id, occurrence, int(seconds))
    if source is Source.PRESS:
        return ("pm-reminder", subject_id, key)
    if source is Source.DECISION:
        return ("decision-reminder", subject_id, key)
    return ("round-reminder", subject_id, key)


async def delivered_at(session: AsyncSession, delivery: Delivery) -> datetime | None:
    """When a claimed post reached the room: its outbox message's ``sent_at`` (None while
    unsent, and for one that was not posted)."""
    found = cause(Source(delivery.source), delivery.subject_id, delivery.key)
    return await core.delivered_at(session, core.txn_id(*found))


@dataclass(frozen=True)
class Missed:
    """A missed post as a summary lists it: its line, and its cause (for the summary's id)."""

    at: datetime
    line: Line
    cause: tuple[object, ...]


def missed_summary(
    texts: Catalogue, room_id: str, items: list[Missed], next_key: str
) -> ScheduledPost:
    """One message per room and source for the posts missed while the bot was away,
    oldest first; ``next_key`` names the command that shows what comes next."""
    items = sorted(items, key=lambda item: item.at)
    count = len(items)
    doc = Doc().line(texts.t("delivery.missed", count=count))
    doc.items([item.line for item in items[:MISSED_SHOWN]])
    if count > MISSED_SHOWN:
        doc.line(texts.t("delivery.missed_more", count=count - MISSED_SHOWN))
    doc.line(texts.t(next_key))
    summary_cause = ("reminders-missed", room_id, *(item.cause for item in items))
    return ScheduledPost(room_id, Reply(doc, purpose="reminders-missed"), cause=summary_cause)
