"""Which reminder is due when: pure functions, an injected now, no sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import takewhile
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.core.delivery import LATE_AFTER, Decision
from commands.meetings.due import (
    UpcomingMemo,
    due_reminders,
    next_reminder_time,
    reminder_time,
    upcoming_reminders,
)
from commands.meetings.schedule import Change, Schedule

BERLIN = ZoneInfo("Europe/Berlin")
ZONE = "Europe/Berlin"
DAY, HOUR = timedelta(days=1), timedelta(hours=1)
OFFSETS = [timedelta(days=7), DAY, HOUR]
GRACE = timedelta(hours=6)
CREATED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MEETING = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)  # Tue 8 Dec 2026, 10:00 in Magdeburg


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def single(start: datetime = MEETING, armed: datetime = CREATED) -> Schedule:
    return Schedule(start, None, ZONE, timedelta(minutes=90), armed)


@pytest.mark.parametrize(
    ("start", "offset", "due"),
    [
        # Sunday 28 March 2027 10:00 CEST: "1d" is Saturday 10:00 CET, 25 hours earlier.
        (utc(2027, 3, 28, 8), DAY, utc(2027, 3, 27, 9)),
        # Monday 29 March 10:00 CEST: "1d" is Sunday 10:00 CEST, on the day of the change.
        (utc(2027, 3, 29, 8), DAY, utc(2027, 3, 28, 8)),
        # Sunday 31 October 2027 10:00 CET: "1d" is Saturday 10:00 CEST, 23 hours earlier.
        (utc(2027, 10, 31, 9), DAY, utc(2027, 10, 30, 8)),
        (utc(2027, 11, 1, 9), DAY, utc(2027, 10, 31, 9)),
        (utc(2027, 4, 1, 8), timedelta(days=7), utc(2027, 3, 25, 9)),  # 7 days: 10:00 CET
        (utc(2027, 3, 28, 8), HOUR, utc(2027, 3, 28, 7)),  # hours are hours
        (utc(2027, 3, 28, 8), timedelta(days=1, hours=12), utc(2027, 3, 26, 21)),
    ],
)
def test_whole_days_count_on_the_wall_clock(
    start: datetime, offset: timedelta, due: datetime
) -> None:
    assert reminder_time(start, offset, BERLIN) == due
    if offset.days and not offset.seconds:
        assert due.astimezone(BERLIN).strftime("%H:%M") == "10:00"


def test_a_weekly_series_reminds_at_ten_the_day_before_across_dst() -> None:
    first = utc(2027, 3, 21, 9)  # Sundays at 10:00
    schedule = Schedule(first, "FREQ=WEEKLY", ZONE, HOUR, utc(2027, 3, 1))
    found = upcoming_reminders(schedule.occurrences, [DAY], BERLIN, after=utc(2027, 3, 1), count=3)
    assert [at.astimezone(BERLIN).strftime("%a %d.%m. %H:%M") for _, _, at in found] == [
        "Sat 20.03. 10:00",
        "Sat 27.03. 10:00",
        "Sat 03.04. 10:00",
    ]
    due = due_reminders(
        schedule.occurrences,
        [DAY],
        BERLIN,
        after=utc(2027, 3, 27, 8, 59),
        now=utc(2027, 3, 27, 9),
        grace=GRACE,
    )
    assert [(d.occurrence.start, d.at, d.decision) for d in due] == [
        (utc(2027, 3, 28, 8), utc(2027, 3, 27, 9), Decision.ON_TIME)
    ]


def test_reminders_due_before_the_meeting_was_created_are_never_due() -> None:
    created = MEETING - timedelta(days=2)  # too late for "7d"
    schedule = single(armed=created)
    assert next_reminder_time(schedule.occurrences, OFFSETS, BERLIN, after=created) == MEETING - DAY
    due = due_reminders(
        schedule.occurrences, OFFSETS, BERLIN, after=created, now=MEETING - DAY, grace=GRACE
    )
    assert [d.offset for d in due] == [DAY]


def test_next_reminder_time_walks_through_the_offsets() -> None:
    schedule = single()
    moments = []
    after = CREATED
    while (
        moment := next_reminder_time(schedule.occurrences, OFFSETS, BERLIN, after=after)
    ) is not None:
        moments.append(moment)
        after = moment
    # "7d" was due exactly when the meeting was created (10:00 on 1 Dec): not a reminder.
    assert moments == [MEETING - DAY, MEETING - HOUR]


def test_a_cancelled_occurrence_has_no_reminders() -> None:
    first = MEETING
    january = utc(2027, 1, 12, 9)
    schedule = Schedule(
        first, "FREQ=MONTHLY;BYDAY=2TU", ZONE, HOUR, CREATED, (Change(january, None, CREATED),)
    )
    after = MEETING
    assert next_reminder_time(schedule.occurrences, OFFSETS, BERLIN, after=after) == utc(
        2027, 2, 2, 9
    )
    due = due_reminders(
        schedule.occurrences, OFFSETS, BERLIN, after=after, now=utc(2027, 1, 13), grace=GRACE
    )
    assert due == []


def test_a_moved_occurrence_is_reminded_at_its_new_time_from_when_it_was_moved() -> None:
    moved_at = utc(2026, 12, 7, 12)
    new_start = utc(2026, 12, 9, 13)  # Wednesday 14:00
    schedule = Schedule(MEETING, None, ZONE, HOUR, CREATED, (Change(MEETING, new_start, moved_at),))
    # The "1d" reminder of the old date (7 Dec, 10:00) is gone; the new ones follow.
    assert next_reminder_time(schedule.occurrences, OFFSETS, BERLIN, after=moved_at) == utc(
        2026, 12, 8, 13
    )


@pytest.mark.parametrize(
    ("late_by", "decision"),
    [
        (timedelta(0), Decision.ON_TIME),
        (LATE_AFTER, Decision.ON_TIME),
        (LATE_AFTER + timedelta(seconds=1), Decision.LATE),
        (GRACE, Decision.LATE),
        (GRACE + timedelta(seconds=1), Decision.MISSED),
    ],
)
def test_grace_and_lateness(late_by: timedelta, decision: Decision) -> None:
    due_at = MEETING - DAY
    due = due_reminders(
        single().occurrences, [DAY], BERLIN, after=CREATED, now=due_at + late_by, grace=GRACE
    )
    assert [(d.at, d.decision) for d in due] == [(due_at, decision)]


def test_a_reminder_after_the_meeting_started_is_missed_even_within_grace() -> None:
    due = due_reminders(
        single().occurrences,
        [HOUR],
        BERLIN,
        after=CREATED,
        now=MEETING + timedelta(minutes=5),
        grace=GRACE,
    )
    assert [d.decision for d in due] == [Decision.MISSED]


def test_after_an_outage_only_the_latest_reminder_of_a_meeting_is_posted() -> None:
    now = MEETING - timedelta(minutes=30)
    due = due_reminders(single().occurrences, OFFSETS, BERLIN, after=CREATED, now=now, grace=GRACE)
    assert [(d.offset, d.decision) for d in due] == [
        (DAY, Decision.SUPERSEDED),
        (HOUR, Decision.LATE),
    ]
    assert [d.posted for d in due] == [False, True]


def test_an_outage_past_the_meeting_leaves_missed_reminders() -> None:
    now = MEETING + timedelta(days=1)
    due = due_reminders(single().occurrences, OFFSETS, BERLIN, after=CREATED, now=now, grace=GRACE)
    assert [(d.offset, d.decision) for d in due] == [
        (DAY, Decision.MISSED),
        (HOUR, Decision.MISSED),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=60 * 24 * 20), min_size=1, max_size=12),
    st.sampled_from(["FREQ=WEEKLY", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=WEEKLY;INTERVAL=2", None]),
)
def test_consecutive_wake_ups_settle_every_reminder_exactly_once(
    steps: list[int], rule: str | None
) -> None:
    """However the wake-ups fall, each reminder is settled once, none is skipped."""
    schedule = Schedule(MEETING, rule, ZONE, HOUR, CREATED)
    after = CREATED
    settled: list[tuple[datetime, timedelta]] = []
    for minutes in steps:
        now = after + timedelta(minutes=minutes)
        for due in due_reminders(
            schedule.occurrences, OFFSETS, BERLIN, after=after, now=now, grace=GRACE
        ):
            assert after < due.at <= now
            settled.append((due.occurrence.start, due.offset))
        after = now
    horizon = after + timedelta(days=8)
    occurrences = takewhile(
        lambda o: o.start <= horizon, schedule.occurrences(CREATED - timedelta(days=30))
    )
    expected = [
        (occurrence.start, offset)
        for occurrence in occurrences
        for offset in OFFSETS
        if CREATED < reminder_time(occurrence.start, offset, BERLIN) <= after
    ]
    assert sorted(settled) == sorted(expected)
    assert len(set(settled)) == len(settled)


_RULES = st.sampled_from([None, "FREQ=WEEKLY", "FREQ=DAILY;COUNT=4", "FREQ=MONTHLY;BYDAY=2TU"])
_HOURS = st.integers(min_value=0, max_value=24 * 120)


@settings(max_examples=60, deadline=None)
@given(
    rule=_RULES,
    armed_hours=st.integers(min_value=0, max_value=24 * 95),
    changes=st.lists(st.tuples(st.integers(0, 6), st.none() | _HOURS), max_size=3),
    steps=st.lists(st.integers(min_value=-24, max_value=24 * 10), min_size=1, max_size=12),
)
def test_the_kept_upcoming_reminders_are_what_a_fresh_expansion_finds(
    rule: str | None,
    armed_hours: int,
    changes: list[tuple[int, int | None]],
    steps: list[int],
) -> None:
    """``!status`` asks the memo again and again as time goes on (and, between tests,
    back); whatever it kept, it answers as :func:`upcoming_reminders` would now."""
    first = utc(2027, 3, 2, 9)  # a Tuesday, 10:00 in Magdeburg; series cross the DST change
    weekly = [first + timedelta(weeks=n) for n in range(7)]
    schedule = Schedule(
        first,
        rule,
        ZONE,
        HOUR,
        CREATED + timedelta(hours=armed_hours),
        tuple(
            Change(weekly[n], None if moved is None else first + timedelta(hours=moved), CREATED)
            for n, moved in changes
        ),
    )
    memo, after = UpcomingMemo(size=2), first - timedelta(days=9)
    for hours in steps:
        after += timedelta(hours=hours)
        fresh = upcoming_reminders(schedule.occurrences, OFFSETS, BERLIN, after=after, count=3)
        assert memo.upcoming(schedule, OFFSETS, after=after, count=3) == fresh
