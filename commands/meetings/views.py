"""How meetings read in the room: dates, series in words, agendas, contacts.

Shared by the ``!termin`` commands and the reminders, so both say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from commands.contacts.lookup import contact_map
from commands.core.catalogue import Catalogue
from commands.core.context import Context, mention_for
from commands.core.dates import DateFormatter, typed
from commands.core.markup import Doc, Line, join
from commands.meetings.due import UpcomingMemo
from commands.meetings.public_holidays import holiday_name
from commands.meetings.recurrence import WEEKDAYS, rule_parts
from commands.meetings.schedule import Change, Occurrence, Schedule
from config import Settings
from storage import meetings as store
from storage.meetings import AgendaItem, Meeting, MeetingException

#: The next reminders of the series ``!status`` shows, kept between its calls.
_UPCOMING = UpcomingMemo()

_PLAIN_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"}


def schedule_of(meeting: Meeting, changes: Sequence[MeetingException] = ()) -> Schedule:
    """The pure schedule of a stored meeting."""
    return Schedule(
        first=meeting.start,
        rule=meeting.rule,
        zone_name=meeting.tz,
        duration=timedelta(minutes=meeting.duration_minutes),
        armed_at=meeting.armed_at,
        changes=tuple(Change(c.original, c.new_start, c.changed_at) for c in changes),
    )


def listing(texts: Catalogue, items: Sequence[str]) -> str:
    """``a, b und c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {texts.t('meetings.and')} {items[-1]}"


def offsets_text(texts: Catalogue, dates: DateFormatter, offsets: Sequence[timedelta]) -> str:
    """``7 Tage, 1 Tag und 1 Stunde``."""
    return listing(texts, [dates.duration(offset) for offset in offsets])


def day_list(dates: DateFormatter, moments: Sequence[datetime]) -> str:
    """``12. Jan., 9. Feb., 9. März 2027``: the year after the last day of each year."""
    local = [dates.local(m) for m in moments]
    return ", ".join(
        dates.day(m, weekday=False, year=i == len(local) - 1 or local[i + 1].year != m.year)
        for i, m in enumerate(local)
    )


def when(dates: DateFormatter, occurrence: Occurrence) -> str:
    """``Di., 8. Dez. 2026, 10:00–11:30 Uhr``."""
    return dates.span(occurrence.start, occurrence.end)


def when_where(
    texts: Catalogue, dates: DateFormatter, meeting: Meeting, occurrence: Occurrence
) -> str:
    moment = when(dates, occurrence)
    if meeting.place:
        return texts.t("meetings.when_where", when=moment, place=meeting.place)
    return moment


def describe_rule(texts: Catalogue, dates: DateFormatter, rule: str, first: datetime) -> str:
    """A series in words: ``jeden zweiten Dienstag im Monat``; otherwise the RRULE itself."""
    parts = rule_parts(rule)
    local = dates.local(first)
    interval = int(parts.get("INTERVAL", "1"))
    core = _core(texts, dates, parts, interval, local) if set(parts) <= _PLAIN_PARTS else None
    text = core or texts.t("recur.raw", rule=rule)
    if "COUNT" in parts:
        text = texts.t("recur.count", rule=text, n=parts["COUNT"])
    if "UNTIL" in parts:
        until = datetime.strptime(parts["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        text = texts.t("recur.until", rule=text, day=dates.day(until, weekday=False))
    return text


def _core(
    texts: Catalogue, dates: DateFormatter, parts: dict[str, str], n: int, local: datetime
) -> str | None:
    freq = parts["FREQ"]
    number = texts.t(f"number.{n}") if texts.has(f"number.{n}") else str(n)
    days = parts.get("BYDAY", WEEKDAYS[local.weekday()]).split(",")
    if freq == "WEEKLY":
        names = [texts.t(f"weekday.{day}") for day in days]
        if n == 1:
            key = "recur.weekly" if len(names) == 1 else "recur.weekly_days"
            return texts.t(key, weekday=names[0], days=listing(texts, names))
        return texts.t("recur.every_weeks", n=number, weekday=listing(texts, names))
    if freq == "MONTHLY" and "BYDAY" not in parts:
        day = parts.get("BYMONTHDAY", str(local.day))
        key = "recur.monthly_day" if n == 1 else "recur.every_months_day"
        return texts.t(key, day=day, n=number) if "," not in day else None
    if freq == "MONTHLY" and "BYMONTHDAY" not in parts and len(days) == 1:
        ordinal, weekday = days[0][:-2], days[0][-2:]
        if not texts.has(f"ordinal.{ordinal.lstrip('+')}"):
            return None
        key = "recur.monthly_nth" if n == 1 else "recur.every_months_nth"
        return texts.t(
            key,
            ordinal=texts.t(f"ordinal.{ordinal.lstrip('+')}"),
            weekday=texts.t(f"weekday.{weekday}"),
            n=number,
        )
    if freq == "YEARLY" and n == 1 and set(parts) <= {"FREQ", "INTERVAL", "COUNT", "UNTIL"}:
        return texts.t("recur.yearly", day=dates.day(local, weekday=False, year=False))
    return None


def display_name(settings: Settings, user_id: str) -> str:
    """The configured name, else the user id's local part (no pill: nobody is notified)."""
    return mention_for(settings, user_id).name


def partner_label(texts: Catalogue, settings: Settings, partner_id: str | None) -> str:
    partner = settings.partner(partner_id) if partner_id else None
    return partner.label if partner else texts.t("meetings.coordination")


def agenda_entries(texts: Catalogue, settings: Settings, items: Sequence[AgendaItem]) -> list[Line]:
    """``Fachkräftebedarf Logistik – Bernd Krüger (Agentur)`` per item."""
    return [
        texts.line(
            "meetings.agenda_entry",
            text=item.text,
            author=display_name(settings, item.author),
            partner=partner_label(texts, settings, item.partner_id),
        )
        for item in items
    ]


def contacts_line(
    texts: Catalogue, settings: Settings, contacts: dict[str, tuple[str, str]]
) -> Line:
    """Every partner's contact (or else deputy) as a pill, so their clients notify them."""
    people = []
    for partner in settings.partners:
        contact, deputy = contacts.get(partner.id, ("", ""))
        person = contact or deputy
        if person:
            people.append(
                texts.line(
                    "reminder.contact",
                    person=mention_for(settings, person),
                    partner=partner.label,
                )
            )
    return join(people)


def zone_of(meeting: Meeting) -> ZoneInfo:
    return ZoneInfo(meeting.tz)


def series_line(ctx: Context, meeting: Meeting, schedule: Schedule, after: Occurrence) -> str:
    words = describe_rule(ctx.texts, ctx.dates, meeting.rule or "", meeting.start)
    following = schedule.upcoming(after.start, 3)
    if not following:
        return ctx.t("meetings.series_last", rule=words)
    return ctx.t(
        "meetings.series", rule=words, next=day_list(ctx.dates, [o.start for o in following])
    )


def holiday_lines(ctx: Context, meeting: Meeting, occurrences: list[Occurrence]) -> list[str]:
    lines = []
    for occurrence in occurrences:
        day = ctx.dates.local(occurrence.start).date()
        name = holiday_name(day, ctx.settings.language)
        if name:
            lines.append(
                ctx.t(
                    "meetings.holiday",
                    day=ctx.dates.day(day),
                    name=name,
                    id=meeting.id,
                    date=typed(day),
                )
            )
    return lines[:3]


async def notify(ctx: Context, doc: Doc) -> Doc:
    """Mention every partner's contact under an announced change."""
    people = contacts_line(ctx.texts, ctx.settings, await contact_map(ctx))
    return doc.para(ctx.texts.line("meetings.notify", people=people)) if people else doc


async def next_reminder_lines(
    ctx: Context,
    meetings: Sequence[Meeting],
    limit: int = 3,
    changed: Collection[int] | None = None,
) -> list[Line]:
    """The next reminders of ``meetings`` (those whose reminders come next, see
    ``storage.overview``) for ``!status``: ``Mo., 7. Dez. 2026, 10:00 Uhr: #4 … (1 Tag vorher)``.
    ``changed``, if known, names the meetings with changed occurrences (only those are read)."""
    found: list[tuple[datetime, Meeting, timedelta]] = []
    asked = [m.id for m in meetings if changed is None or m.id in changed]
    changes = await store.changes_of(ctx.session, asked)
    for meeting in meetings:
        schedule = schedule_of(meeting, changes.get(meeting.id, []))
        for _occurrence, offset, at in _UPCOMING.upcoming(
            schedule,
            ctx.settings.reminders.offset_deltas,
            after=max(ctx.now, meeting.settled_until),
            count=limit,
        ):
            found.append((at, meeting, offset))
    found.sort(key=lambda item: (item[0], item[1].id))
    return [
        ctx.texts.line(
            "meetings.status_entry",
            when=ctx.dates.moment(at),
            id=meeting.id,
            title=meeting.title,
            offset=ctx.dates.duration(offset),
        )
        for at, meeting, offset in found[:limit]
    ]
