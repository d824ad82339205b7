"""Which date of a meeting a command means: the one on ``am=<datum>``, else the latest
that has begun by the end of today (the local calendar of the configured zone)."""

from __future__ import annotations

from datetime import date, timedelta

from commands.core.context import Context
from commands.core.dates import day_start, typed
from commands.core.errors import CommandError
from commands.export.period import past_day
from commands.meetings.schedule import Occurrence, Schedule
from storage.meetings import Meeting

_TICK = timedelta(microseconds=1)


def local_today(ctx: Context) -> date:
    return ctx.dates.local(ctx.now).date()


def pick_sitting(
    ctx: Context, meeting: Meeting, schedule: Schedule, day_text: str | None
) -> Occurrence:
    """The meeting date on ``day_text``, else the latest one up to today; refused clearly
    when that day had no date of this meeting or lies ahead."""
    if meeting.cancelled and meeting.rule is None:  # a single meeting called off never met
        raise CommandError("meetings.already_cancelled", id=meeting.id, show_usage=False)
    zone, today = ctx.settings.zone, local_today(ctx)
    if day_text:
        day = past_day(day_text, today)
        if day > today:
            raise CommandError("minutes.in_future", day=ctx.dates.day(day), show_usage=False)
        found = schedule.on_day(day_start(day, zone) - _TICK, day)
        if found is not None:
            return found
        last = schedule.previous(day_start(day + timedelta(days=1), zone))
        if last is None:
            raise CommandError(
                "minutes.not_a_sitting_none",
                title=meeting.title,
                id=meeting.id,
                day=ctx.dates.day(day),
                show_usage=False,
            )
        raise CommandError(
            "minutes.not_a_sitting",
            title=meeting.title,
            id=meeting.id,
            day=ctx.dates.day(day),
            last=ctx.dates.moment(last.start),
            date=typed(ctx.dates.local(last.start).date()),
            show_usage=False,
        )
    latest = schedule.previous(day_start(today + timedelta(days=1), zone))
    if latest is not None:
        return latest
    following = schedule.next(ctx.now)
    if following is None:
        raise CommandError(
            "minutes.not_yet_none", title=meeting.title, id=meeting.id, show_usage=False
        )
    raise CommandError(
        "minutes.not_yet",
        title=meeting.title,
        id=meeting.id,
        next=ctx.dates.moment(following.start),
        show_usage=False,
    )
