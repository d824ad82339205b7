"""The arguments of the meeting commands and how their words become dates and occurrences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, field_validator, model_validator

from commands.core.args import CleanText, ItemId
from commands.core.context import Context
from commands.core.dates_input import local_moment, parse_date, parse_time
from commands.core.errors import ArgError, CommandError
from commands.meetings.recurrence import first_occurrence
from commands.meetings.schedule import Occurrence, Schedule
from commands.meetings.views import describe_rule, schedule_of
from storage import meetings as store
from storage.meetings import Meeting

T = TypeVar("T")
Title = Annotated[CleanText, Field(min_length=1, max_length=200)]
Place = Annotated[CleanText, Field(max_length=200)]
SERIES_WORDS = {"serie", "series", "ganze serie", "whole series", "alle", "all"}


def _uhr_to_time(values: Any, after: str) -> Any:
    """``10 Uhr`` arrives as two words: give "Uhr" back to the time."""
    if isinstance(values, dict) and isinstance(values.get(after), str) and "zeit" in values:
        word, _, rest = values[after].strip().partition(" ")
        if word.casefold() == "uhr":
            values = {**values, "zeit": f"{values['zeit']} Uhr", after: rest.strip()}
            if not values[after]:
                del values[after]
    return values


def one_line(value: str) -> str:
    return " ".join(value.split())


class NewArgs(BaseModel):
    datum: str
    zeit: str
    titel: Title
    ort: Place = ""
    dauer: str = "90"
    wiederholung: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _uhr(cls, values: Any) -> Any:
        return _uhr_to_time(values, "titel")

    @field_validator("titel", "ort")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return one_line(value)


class ShowArgs(BaseModel):
    id: ItemId


class CancelArgs(BaseModel):
    id: ItemId
    serie: str | None = None
    am: str | None = None


class MoveArgs(BaseModel):
    id: ItemId
    datum: str
    zeit: str
    serie: str | None = None
    am: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _uhr(cls, values: Any) -> Any:
        return _uhr_to_time(values, "serie")


class AgendaArgs(BaseModel):
    id: ItemId
    punkt: Annotated[CleanText, Field(min_length=1, max_length=500)]
    am: str | None = None


def checked(parse: Callable[..., T], *args: Any) -> T:
    """Run a pure parser; its :class:`ArgError` becomes the user's error with usage."""
    try:
        return parse(*args)
    except ArgError as error:
        raise CommandError(error.key, **error.params) from None


def whole_series(value: str | None) -> bool:
    if value is None or not value.strip():
        return False
    if " ".join(value.split()).casefold() in SERIES_WORDS:
        return True
    raise CommandError("meetings.bad_scope", value=value.strip()[:40])


def future_moment(ctx: Context, day_text: str, time_text: str) -> datetime:
    zone = ctx.settings.zone
    day = checked(parse_date, day_text, ctx.now.astimezone(zone).date())
    at = checked(parse_time, time_text)
    moment = checked(local_moment, day, at, zone)
    if moment <= ctx.now:
        raise CommandError("meetings.in_past", when=ctx.dates.moment(moment))
    return moment


def check_series_start(ctx: Context, rule: str, start: datetime) -> None:
    """A series must start on one of its own days (else say which day would fit)."""
    first = first_occurrence(rule, start, ctx.settings.timezone)
    words = describe_rule(ctx.texts, ctx.dates, rule, start)
    if first is None:
        raise CommandError("meetings.rule_never", rule=words, day=ctx.dates.day(start))
    if first != start:
        raise CommandError(
            "meetings.rule_mismatch",
            day=ctx.dates.day(start),
            rule=words,
            next=ctx.dates.day(first),
        )


async def load_meeting(ctx: Context, meeting_id: int) -> tuple[Meeting, Schedule]:
    found = await store.meeting_with_changes(ctx.session, ctx.room_id, meeting_id)
    if found is None:
        raise CommandError("meetings.not_found", id=meeting_id, show_usage=False)
    meeting, changes = found
    return meeting, schedule_of(meeting, changes)


def pick_occurrence(
    ctx: Context, meeting: Meeting, schedule: Schedule, day_text: str | None
) -> Occurrence:
    """The occurrence a command means: the one on ``am=<datum>``, else the next one."""
    if meeting.cancelled:
        raise CommandError("meetings.already_cancelled", id=meeting.id, show_usage=False)
    if day_text:
        day = checked(parse_date, day_text, ctx.now.astimezone(ctx.settings.zone).date())
        occurrence = schedule.on_day(ctx.now, day)
        if occurrence is None:
            raise CommandError(
                "meetings.not_on_day", id=meeting.id, day=ctx.dates.day(day), show_usage=False
            )
        return occurrence
    occurrence = schedule.next(ctx.now)
    if occurrence is None:
        raise CommandError("meetings.nothing_ahead", id=meeting.id, show_usage=False)
    return occurrence
