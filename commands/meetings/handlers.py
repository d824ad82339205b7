"""Handlers of ``!termin`` / ``!meeting``, ``!termine`` and ``!tagesordnung`` / ``!agenda``.

Coordinators schedule, cancel and move (see :mod:`commands.meetings.changes`); partners and
coordinators add agenda items; everyone may look. Reminders are planned from the database
(:mod:`commands.meetings.reminders`), so a change here re-plans them at once.
"""

from __future__ import annotations

from datetime import timedelta

from commands.core.context import Attachment, Context, Reply
from commands.core.dates_input import parse_minutes
from commands.core.markup import Doc, inline
from commands.core.router import NoArgs
from commands.meetings import ics
from commands.meetings.due import reminder_time, upcoming_reminders
from commands.meetings.input import (
    AgendaArgs,
    NewArgs,
    ShowArgs,
    check_series_start,
    checked,
    future_moment,
    load_meeting,
    one_line,
    pick_occurrence,
)
from commands.meetings.recurrence import parse_recurrence
from commands.meetings.reminders import plan_reminders
from commands.meetings.schedule import Occurrence
from commands.meetings.views import (
    agenda_entries,
    day_list,
    describe_rule,
    holiday_lines,
    offsets_text,
    partner_label,
    schedule_of,
    series_line,
    when_where,
    zone_of,
)
from storage import meetings as store
from storage.meetings import Meeting

HOLIDAY_HORIZON = timedelta(days=366)
LISTED = 15


async def new_meeting(ctx: Context, args: NewArgs) -> Reply:
    start = future_moment(ctx, args.datum, args.zeit)
    minutes = checked(parse_minutes, args.dauer)
    rule = None
    if args.wiederholung and args.wiederholung.strip():
        rule = checked(parse_recurrence, args.wiederholung, start, ctx.settings.timezone)
    if rule is not None:
        check_series_start(ctx, rule, start)
    meeting = await store.add_meeting(
        ctx.session,
        room_id=ctx.room_id,
        title=args.titel,
        place=args.ort,
        duration_minutes=minutes,
        start=start,
        rule=rule,
        tz=ctx.settings.timezone,
        created_by=ctx.sender.user_id,
        now=ctx.now,
    )
    schedule = schedule_of(meeting)
    plan_reminders(meeting, schedule, ctx.settings)
    first = Occurrence(start, start, ctx.now, schedule.duration)
    doc = Doc().line(ctx.t("meetings.created", id=meeting.id, title=meeting.title))
    doc.line(when_where(ctx.texts, ctx.dates, meeting, first))
    if rule is not None:
        doc.line(series_line(ctx, meeting, schedule, first))
    configured = ctx.settings.reminders.offset_deltas
    # A single meeting promises only the reminders still ahead; a series keeps them all
    # for its later dates.
    zone = ctx.settings.zone
    offsets = [o for o in configured if rule is not None or reminder_time(start, o, zone) > ctx.now]
    if offsets:
        doc.line(ctx.t("meetings.reminders", offsets=offsets_text(ctx.texts, ctx.dates, offsets)))
    elif configured:
        doc.line(ctx.t("meetings.no_reminders_ahead"))
    else:
        doc.line(ctx.t("meetings.no_reminders"))
    horizon = [
        o
        for o in schedule.upcoming(start - timedelta(seconds=1), 60)
        if o.start < start + HOLIDAY_HORIZON
    ]
    for line in holiday_lines(ctx, meeting, horizon):
        doc.line(line)
    doc.line(ctx.t("meetings.next_steps", id=meeting.id))
    return Reply(doc)


async def list_meetings(ctx: Context, _args: NoArgs) -> Reply:
    meetings = await store.active_meetings(
        ctx.session, ctx.room_id, ends_after=ctx.now - timedelta(days=1)
    )
    changes = await store.changes_of(ctx.session, [m.id for m in meetings])
    upcoming: list[tuple[Occurrence, Meeting]] = []
    for meeting in meetings:
        occurrence = schedule_of(meeting, changes[meeting.id]).running_or_next(ctx.now)
        if occurrence is not None:
            upcoming.append((occurrence, meeting))
    if not upcoming:
        return Reply(Doc().line(ctx.t("meetings.list_empty")))
    upcoming.sort(key=lambda item: (item[0].start, item[1].id))
    lines = []
    for occurrence, meeting in upcoming[:LISTED]:
        text = ctx.t(
            "meetings.list_entry",
            id=meeting.id,
            title=meeting.title,
            when=when_where(ctx.texts, ctx.dates, meeting, occurrence),
        )
        if meeting.rule:
            text += " · " + describe_rule(ctx.texts, ctx.dates, meeting.rule, meeting.start)
        lines.append(inline(text))
    doc = Doc().line(ctx.t("meetings.list_title")).items(lines)
    return Reply(doc.line(ctx.t("meetings.list_more")))


async def show_meeting(ctx: Context, args: ShowArgs) -> Reply:
    meeting, schedule = await load_meeting(ctx, args.id)
    occurrence = None if meeting.cancelled else schedule.running_or_next(ctx.now)
    key = (
        "meetings.show_cancelled"
        if meeting.cancelled
        else "meetings.show_past"
        if occurrence is None
        else "meetings.show_title"
    )
    doc = Doc().line(ctx.t(key, id=meeting.id, title=meeting.title))
    shown = (
        occurrence
        or schedule.previous(ctx.now)
        or Occurrence(meeting.start, meeting.start, meeting.armed_at, schedule.duration)
    )
    moment = when_where(ctx.texts, ctx.dates, meeting, shown)
    if shown.moved:
        moment = ctx.t(
            "meetings.moved_from", when=moment, original=ctx.dates.moment(shown.original)
        )
    doc.line(moment)
    if meeting.rule and occurrence is not None:
        doc.line(series_line(ctx, meeting, schedule, occurrence))
        cancelled = sorted(
            c.original for c in schedule.changes if c.new_start is None and c.original > ctx.now
        )
        if cancelled:
            doc.line(ctx.t("meetings.changes_cancelled", days=day_list(ctx.dates, cancelled)))
    if occurrence is None:
        return Reply(doc)
    for line in holiday_lines(ctx, meeting, [occurrence]):
        doc.line(line)
    items = await store.agenda_of(ctx.session, meeting.id, occurrence.original)
    day = ctx.dates.day(occurrence.start, weekday=False)
    if items:
        doc.line(ctx.t("meetings.agenda_title", day=day))
        doc.items(agenda_entries(ctx.texts, ctx.settings, items), ordered=True)
    else:
        doc.line(ctx.t("meetings.agenda_empty", day=day, id=meeting.id))
    following = upcoming_reminders(
        schedule.occurrences,
        ctx.settings.reminders.offset_deltas,
        zone_of(meeting),
        after=ctx.now,
        count=1,
    )
    for _occurrence, offset, at in following:
        doc.line(
            ctx.t(
                "meetings.next_reminder",
                when=ctx.dates.moment(at),
                offset=ctx.dates.duration(offset),
            )
        )
    return Reply(doc.line(ctx.t("meetings.show_next", id=meeting.id)))


async def meeting_ics(ctx: Context, args: ShowArgs) -> Reply:
    meeting, schedule = await load_meeting(ctx, args.id)
    occurrence = schedule.running_or_next(ctx.now)
    items = (
        await store.agenda_of(ctx.session, meeting.id, occurrence.original)
        if occurrence is not None
        else []
    )
    title = (
        ctx.t("meetings.agenda_title", day=ctx.dates.day(occurrence.start)) if occurrence else ""
    )
    data = ics.meeting_ics(
        meeting,
        schedule,
        description=ics.agenda_description(title, [item.text for item in items]),
        now=ctx.now,
    )
    filename = f"termin-{meeting.id}.ics"
    doc = Doc().line(ctx.t("meetings.ics_done", id=meeting.id, title=meeting.title, file=filename))
    return Reply(
        doc, attachment=Attachment(filename, "text/calendar", data), purpose=f"ics:{meeting.id}"
    )


async def add_agenda_item(ctx: Context, args: AgendaArgs) -> Reply:
    meeting, schedule = await load_meeting(ctx, args.id)
    occurrence = pick_occurrence(ctx, meeting, schedule, args.am)
    partner = ctx.sender.partner
    await store.add_agenda_item(
        ctx.session,
        meeting=meeting,
        occurrence=occurrence.original,
        text=one_line(args.punkt),
        author=ctx.sender.user_id,
        partner_id=partner.id if partner else None,
        now=ctx.now,
    )
    number = await store.agenda_count(ctx.session, meeting.id, occurrence.original)
    doc = Doc().line(
        ctx.t(
            "meetings.agenda_added",
            number=number,
            id=meeting.id,
            day=ctx.dates.day(occurrence.start),
            text=one_line(args.punkt),
            partner=partner_label(ctx.texts, ctx.settings, partner.id if partner else None),
        )
    )
    return Reply(doc.line(ctx.t("meetings.agenda_added_next", id=meeting.id)))
