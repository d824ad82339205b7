"""Series: German phrases and RRULEs, their expansion across DST, cancelled and moved dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.core.errors import ArgError
from commands.meetings.recurrence import expand, first_occurrence, parse_recurrence
from commands.meetings.schedule import Change, Schedule
from commands.meetings.views import describe_rule

BERLIN = ZoneInfo("Europe/Berlin")
ZONE = "Europe/Berlin"
# Tuesday 8 December 2026, 10:00 in Magdeburg: the second Tuesday of the month.
FIRST = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def local(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN)


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("wöchentlich", "FREQ=WEEKLY"),
        ("Jede Woche", "FREQ=WEEKLY"),
        ("jeden Dienstag", "FREQ=WEEKLY;BYDAY=TU"),
        ("dienstags", "FREQ=WEEKLY;BYDAY=TU"),
        ("weekly on Tuesday", "FREQ=WEEKLY;BYDAY=TU"),
        ("alle zwei Wochen", "FREQ=WEEKLY;INTERVAL=2"),
        ("alle 2 Wochen dienstags", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("14-tägig", "FREQ=WEEKLY;INTERVAL=2"),
        ("every two weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("jeden ersten Dienstag im Monat", "FREQ=MONTHLY;BYDAY=1TU"),
        ("jeden zweiten Dienstag im Monat", "FREQ=MONTHLY;BYDAY=2TU"),
        ("am 2. Dienstag des Monats", "FREQ=MONTHLY;BYDAY=2TU"),
        ("jeden letzten Freitag im Monat", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("every last Friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("monatlich", "FREQ=MONTHLY"),
        ("monatlich am 15.", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("jeden 15.", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("vierteljährlich", "FREQ=MONTHLY;INTERVAL=3"),
        ("alle drei Monate", "FREQ=MONTHLY;INTERVAL=3"),
        ("jährlich", "FREQ=YEARLY"),
        ("RRULE:FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=2TU"),
        ("freq=monthly;byday=-1fr;count=10", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=10"),
        # A local UNTIL becomes UTC, as RFC 5545 asks when DTSTART has a zone.
        ("FREQ=WEEKLY;UNTIL=20270630", "FREQ=WEEKLY;UNTIL=20270630T215959Z"),
        ("FREQ=WEEKLY;UNTIL=20270630T120000Z", "FREQ=WEEKLY;UNTIL=20270630T120000Z"),
    ],
)
def test_phrases_and_rrules_become_one_rrule(phrase: str, rule: str) -> None:
    assert parse_recurrence(phrase, FIRST, ZONE) == rule


def test_no_repetition() -> None:
    assert parse_recurrence("keine", FIRST, ZONE) is None
    assert parse_recurrence("einmalig", FIRST, ZONE) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("gelegentlich", "recur.unknown"),
        ("jeden Feiertag", "recur.unknown"),
        ("jeden siebten Dienstag im Monat", "recur.unknown"),
        ("FREQ=DAILY", "recur.too_often"),
        ("FREQ=MINUTELY;INTERVAL=1", "recur.too_often"),
        ("FREQ=WEEKLY;BYHOUR=10", "recur.unsupported_part"),
        ("FREQ=WEEKLY;BYMONTHDAY=3", "recur.unsupported_part"),
        ("FREQ=MONTHLY;BYDAY=6TU", "recur.bad_rrule"),
        ("FREQ=WEEKLY;BYDAY=2TU", "recur.bad_rrule"),
        ("FREQ=WEEKLY;INTERVAL=0", "recur.bad_rrule"),
        ("FREQ=WEEKLY;COUNT=100000", "recur.bad_rrule"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "recur.bad_rrule"),
        ("FREQ=WEEKLY;UNTIL=20271340", "recur.bad_rrule"),
        ("FREQ=WEEKLY;;", "recur.bad_rrule"),
        ("FREQ=SOMETIMES", "recur.bad_rrule"),
    ],
)
def test_bad_repetitions_say_what_is_wrong(text: str, key: str) -> None:
    with pytest.raises(ArgError) as caught:
        parse_recurrence(text, FIRST, ZONE)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("phrase", "words"),
    [
        ("jeden zweiten Dienstag im Monat", "jeden zweiten Dienstag im Monat"),
        ("jeden letzten Freitag im Monat", "jeden letzten Freitag im Monat"),
        ("wöchentlich", "jeden Dienstag"),
        ("alle zwei Wochen", "alle zwei Wochen am Dienstag"),
        ("monatlich", "monatlich am 8."),
        ("monatlich am 15.", "monatlich am 15."),
        ("jährlich", "jährlich am 8. Dez."),
        ("FREQ=MONTHLY;BYDAY=2TU;COUNT=6", "jeden zweiten Dienstag im Monat, 6-mal"),
        ("FREQ=WEEKLY;UNTIL=20270630", "jeden Dienstag, bis 30. Juni 2027"),
        ("FREQ=MONTHLY;BYDAY=TU,TH", "RRULE FREQ=MONTHLY;BYDAY=TU,TH"),
    ],
)
def test_series_in_words(phrase: str, words: str) -> None:
    rule = parse_recurrence(phrase, FIRST, ZONE)
    assert rule is not None
    texts, dates = Catalogue("de"), DateFormatter("de", BERLIN)
    assert describe_rule(texts, dates, rule, FIRST) == words


def test_series_in_english() -> None:
    texts, dates = Catalogue("en"), DateFormatter("en", BERLIN)
    assert describe_rule(texts, dates, "FREQ=MONTHLY;BYDAY=1TU", FIRST) == (
        "every first Tuesday of the month"
    )


def test_expansion_matches_the_spec_sample() -> None:
    schedule = Schedule(FIRST, "FREQ=MONTHLY;BYDAY=2TU", ZONE, timedelta(minutes=90), FIRST)
    dates = [local(o.start).date() for o in schedule.upcoming(FIRST - timedelta(seconds=1), 4)]
    assert dates == [date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9), date(2027, 3, 9)]


def test_a_series_at_ten_stays_at_ten_across_both_clock_changes() -> None:
    first = datetime(2027, 3, 21, 9, 0, tzinfo=UTC)  # Sunday 21 March 2027, 10:00 CET
    schedule = Schedule(first, "FREQ=WEEKLY", ZONE, timedelta(hours=1), first)
    spring = schedule.upcoming(first - timedelta(seconds=1), 3)
    assert [local(o.start).strftime("%d.%m. %H:%M") for o in spring] == [
        "21.03. 10:00",
        "28.03. 10:00",  # the last Sunday of March: clocks went forward at 02:00
        "04.04. 10:00",
    ]
    assert [o.start.hour for o in spring] == [9, 8, 8]  # UTC moves, the wall clock does not
    autumn = schedule.upcoming(datetime(2027, 10, 20, tzinfo=UTC), 2)
    assert [local(o.start).strftime("%d.%m. %H:%M") for o in autumn] == [
        "24.10. 10:00",
        "31.10. 10:00",  # the last Sunday of October: clocks went back at 03:00
    ]
    assert [o.start.hour for o in autumn] == [8, 9]


def test_cancelled_and_moved_occurrences() -> None:
    january = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
    february = datetime(2027, 2, 9, 9, 0, tzinfo=UTC)
    moved_to = datetime(2027, 2, 10, 13, 0, tzinfo=UTC)
    changed = datetime(2026, 12, 2, tzinfo=UTC)
    schedule = Schedule(
        FIRST,
        "FREQ=MONTHLY;BYDAY=2TU",
        ZONE,
        timedelta(minutes=90),
        FIRST,
        (Change(january, None, changed), Change(february, moved_to, changed)),
    )
    coming = schedule.upcoming(FIRST, 3)
    assert [o.start for o in coming] == [
        moved_to,
        datetime(2027, 3, 9, 9, tzinfo=UTC),
        coming[2].start,
    ]
    assert coming[0].original == february and coming[0].moved and coming[0].armed_at == changed
    assert schedule.find(january) is None
    assert schedule.find(february) == coming[0]
    assert schedule.find(FIRST) is not None and not schedule.find(FIRST).moved  # type: ignore[union-attr]
    assert schedule.previous(datetime(2027, 3, 1, tzinfo=UTC)) == coming[0]
    assert schedule.previous(datetime(2027, 2, 1, tzinfo=UTC)).start == FIRST  # type: ignore[union-attr]
    assert schedule.on_day(FIRST, date(2027, 1, 12)) is None
    assert schedule.on_day(FIRST, date(2027, 2, 10)) == coming[0]


def test_first_occurrence_of_rules_that_never_or_only_later_match() -> None:
    assert first_occurrence("FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=1MO", FIRST, ZONE) is None
    assert first_occurrence("FREQ=WEEKLY;UNTIL=20261201T000000Z", FIRST, ZONE) is None
    assert first_occurrence("FREQ=MONTHLY;BYDAY=1TU", FIRST, ZONE) == datetime(
        2027, 1, 5, 9, tzinfo=UTC
    )
    # 31 May 2027 is the next 31st that is the last Monday of its month (summer time).
    assert first_occurrence("FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=-1MO", FIRST, ZONE) == datetime(
        2027, 5, 31, 8, tzinfo=UTC
    )


def test_a_single_meeting_has_one_occurrence() -> None:
    schedule = Schedule(FIRST, None, ZONE, timedelta(minutes=90), FIRST)
    assert [o.start for o in schedule.occurrences(FIRST - timedelta(days=1))] == [FIRST]
    assert schedule.next(FIRST) is None
    assert schedule.running_or_next(FIRST + timedelta(minutes=30)) is not None
    assert schedule.previous(FIRST + timedelta(days=1)).start == FIRST  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_rule_or_a_clear_error(text: str) -> None:
    try:
        parse_recurrence(text, FIRST, ZONE)
    except ArgError as error:
        assert error.key.startswith("recur.")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=YEARLY", "INTERVAL=2", "BYDAY=2TU",
             "BYDAY=MO,FR", "BYMONTHDAY=31", "BYMONTHDAY=-1", "BYMONTH=2", "BYSETPOS=-1",
             "COUNT=3", "UNTIL=20280101", "WKST=SU", "BYDAY=-1SU", "BYMONTHDAY=30"]
        ),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_any_rrule_is_accepted_and_expands_or_is_refused(parts: list[str]) -> None:
    text = ";".join(parts)
    try:
        rule = parse_recurrence(text, FIRST, ZONE)
    except ArgError as error:
        assert error.key.startswith("recur.")
        return
    assert rule is not None
    found = first_occurrence(rule, FIRST, ZONE)
    if found is not None:  # the 400-year probe finds what plain expansion finds
        direct = expand(rule, FIRST, ZONE).after(local(FIRST) - timedelta(seconds=1), inc=True)
        assert found == direct.astimezone(UTC)
    schedule = Schedule(FIRST, rule, ZONE, timedelta(hours=1), FIRST)
    for occurrence in schedule.upcoming(FIRST, 3):
        assert occurrence.start > FIRST
        assert local(occurrence.start).strftime("%H:%M") == "10:00"
