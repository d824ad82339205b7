"""Cancelling and moving meetings: one occurrence, or with ``serie`` the whole series.

Each change is announced by the reply (with the partners' contacts mentioned) and
re-plans the reminders, which are computed from the database.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from commands.core.context import Context, Reply
from commands.core.markup import Doc
from commands.meetings.input import (
    CancelArgs,
    MoveArgs,
    check_series_start,
    future_moment,
    load_meeting,
    pick_occurrence,
    whole_series,
)
from commands.meetings.reminders import replan
from commands.meetings.schedule import Occurrence, Schedule
from commands.meetings.views import (
    holiday_lines,
    notify,
    schedule_of,
    series_line,
    when,
    when_where,
)
from storage import meetings as store
from storage.meetings import Meeting


async def cancel_meeting(ctx: Context, args: CancelArgs) -> Reply:
    meeting, schedule = await load_meeting(ctx, args.id)
    whole = whole_series(args.serie)
    if meeting.rule is None or (whole and not args.am):
        occurrence = pick_occurrence(ctx, meeting, schedule, None)
        meeting.cancelled = True
        replan(meeting, schedule, ctx.settings)
        if meeting.rule is None:
            text = ctx.t(
                "meetings.cancelled_single",
                id=meeting.id,
                when=ctx.dates.moment(occurrence.start),
                title=meeting.title,
            )
        else:
            text = ctx.t("meetings.cancelled_series", id=meeting.id, title=meeting.title)
        return Reply(await notify(ctx, Doc().line(text)))
    occurrence = pick_occurrence(ctx, meeting, schedule, args.am)
    await store.change_occurrence(
        ctx.session,
        meeting,
        original=occurrence.original,
        new_start=None,
        by=ctx.sender.user_id,
        now=ctx.now,
    )
    schedule = (await load_meeting(ctx, meeting.id))[1]
    replan(meeting, schedule, ctx.settings)
    doc = Doc().line(
        ctx.t(
            "meetings.cancelled_single",
            id=meeting.id,
            when=ctx.dates.moment(occurrence.start),
            title=meeting.title,
        )
    )
    following = schedule.next(occurrence.start)
    if following is not None:
        doc.line(ctx.t("meetings.series_goes_on", when=when(ctx.dates, following)))
    return Reply(await notify(ctx, doc))


async def move_meeting(ctx: Context, args: MoveArgs) -> Reply:
    meeting, schedule = await load_meeting(ctx, args.id)
    whole = whole_series(args.serie) and meeting.rule is not None and not args.am
    occurrence = pick_occurrence(ctx, meeting, schedule, args.am)
    start = future_moment(ctx, args.datum, args.zeit)
    if whole:
        return await _move_series(ctx, meeting, schedule, start)
    if meeting.rule is None:
        await store.remap_agenda(ctx.session, meeting.id, {meeting.start: start})
        meeting.start = start
        meeting.armed_at = ctx.now
    else:
        await store.change_occurrence(
            ctx.session,
            meeting,
            original=occurrence.original,
            new_start=start,
            by=ctx.sender.user_id,
            now=ctx.now,
        )
    schedule = (await load_meeting(ctx, meeting.id))[1]
    replan(meeting, schedule, ctx.settings)
    moved = Occurrence(start, occurrence.original, ctx.now, schedule.duration)
    doc = Doc().line(
        ctx.t(
            "meetings.moved_single",
            id=meeting.id,
            title=meeting.title,
            when=when_where(ctx.texts, ctx.dates, meeting, moved),
            old=ctx.dates.moment(occurrence.start),
        )
    )
    doc.line(ctx.t("meetings.reminders_follow"))
    for line in holiday_lines(ctx, meeting, [moved]):
        doc.line(line)
    return Reply(await notify(ctx, doc))


async def _move_series(ctx: Context, meeting: Meeting, old: Schedule, start: datetime) -> Reply:
    """Re-plan the series from ``start`` on; agendas of coming dates go along in order."""
    assert meeting.rule is not None
    check_series_start(ctx, meeting.rule, start)
    coming = [o.original for o in old.upcoming(ctx.now, 200)]
    with_agenda = await store.agenda_occurrences(ctx.session, meeting.id, ctx.now)
    await store.drop_changes_from(ctx.session, meeting.id, ctx.now)
    meeting.start = start
    meeting.armed_at = ctx.now
    schedule = schedule_of(meeting)
    new = [o.original for o in schedule.upcoming(start - timedelta(seconds=1), len(coming))]
    places = dict(zip(coming, new, strict=False))
    await store.remap_agenda(
        ctx.session, meeting.id, {old: places[old] for old in with_agenda if old in places}
    )
    replan(meeting, schedule, ctx.settings)
    first = Occurrence(start, start, ctx.now, schedule.duration)
    doc = Doc().line(
        ctx.t(
            "meetings.moved_series",
            id=meeting.id,
            title=meeting.title,
            when=when_where(ctx.texts, ctx.dates, meeting, first),
        )
    )
    doc.line(series_line(ctx, meeting, schedule, first))
    doc.line(ctx.t("meetings.reminders_follow"))
    return Reply(await notify(ctx, doc))
