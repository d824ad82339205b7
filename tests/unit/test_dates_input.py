"""Dates, times and durations as people type them: pure functions with an injected today."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commands.core.dates_input import local_moment, parse_date, parse_minutes, parse_time
from commands.core.errors import ArgError

TODAY = date(2026, 12, 1)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-08", date(2026, 12, 8)),
        ("8.12.2026", date(2026, 12, 8)),
        ("08.12.2026", date(2026, 12, 8)),
        ("8.12.26", date(2026, 12, 8)),
        ("08.12.", date(2026, 12, 8)),
        ("8.12", date(2026, 12, 8)),
        ("01.12.", date(2026, 12, 1)),  # today counts as the next such day
        ("30.11.", date(2027, 11, 30)),  # already past this year: next year
        ("29.02.", date(2028, 2, 29)),  # waits for the next leap year
        (" heute ", date(2026, 12, 1)),
        ("Morgen", date(2026, 12, 2)),
        ("tomorrow", date(2026, 12, 2)),
    ],
)
def test_dates_as_people_write_them(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["32.13.2026", "31.11.2026", "2026-02-30", "8-12-2026", "", "x", "12/8"]
)
def test_impossible_dates_name_the_input(text: str) -> None:
    with pytest.raises(ArgError) as caught:
        parse_date(text, TODAY)
    assert caught.value.key == "dates.bad_date"
    assert caught.value.params["value"] == text.strip()


def test_dates_far_away_are_refused() -> None:
    with pytest.raises(ArgError) as caught:
        parse_date("08.12.2099", TODAY)
    assert caught.value.key == "dates.too_far"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00", time(10, 0)),
        ("9:30", time(9, 30)),
        ("10.30", time(10, 30)),
        ("10", time(10, 0)),
        ("10 Uhr", time(10, 0)),
        ("10.30 Uhr", time(10, 30)),
        ("10:00 uhr", time(10, 0)),
        ("10Uhr", time(10, 0)),
        ("14:05:30", time(14, 5, 30)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "10:60", "10:5", "zehn", "", "10 Uhr morgens", "٣:٠٠"])
def test_bad_times(text: str) -> None:
    with pytest.raises(ArgError) as caught:
        parse_time(text)
    assert caught.value.key == "dates.bad_time"


def test_local_moment_is_utc_and_keeps_the_wall_clock() -> None:
    assert local_moment(date(2026, 12, 8), time(10), BERLIN) == datetime(2026, 12, 8, 9, tzinfo=UTC)
    assert local_moment(date(2027, 7, 6), time(10), BERLIN) == datetime(2027, 7, 6, 8, tzinfo=UTC)


def test_a_time_skipped_by_the_spring_clock_change_is_refused() -> None:
    with pytest.raises(ArgError) as caught:
        local_moment(date(2027, 3, 28), time(2, 30), BERLIN)
    assert caught.value.key == "dates.no_such_time"
    # In the repeated autumn hour the first (summer-time) instance is meant.
    assert local_moment(date(2027, 10, 31), time(2, 30), BERLIN) == datetime(
        2027, 10, 31, 0, 30, tzinfo=UTC
    )


@pytest.mark.parametrize(("text", "minutes"), [("90", 90), ("1h30m", 90), ("2h", 120), ("45m", 45)])
def test_durations(text: str, minutes: int) -> None:
    assert parse_minutes(text) == minutes


@pytest.mark.parametrize("text", ["0", "3", "2d", "eine Stunde", "", "9" * 5000])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ArgError) as caught:
        parse_minutes(text)
    assert caught.value.key == "dates.bad_duration"


@given(st.text(max_size=30), st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_any_text_is_a_date_or_a_clear_error(text: str, today: date) -> None:
    try:
        day = parse_date(text, today)
    except ArgError as error:
        assert error.key in ("dates.bad_date", "dates.too_far")
    else:
        assert today.year - 1 <= day.year <= today.year + 5


@given(st.text(max_size=20))
def test_any_text_is_a_time_or_a_clear_error(text: str) -> None:
    try:
        parse_time(text)
    except ArgError as error:
        assert error.key == "dates.bad_time"


@given(st.text(max_size=20))
def test_any_text_is_a_duration_or_a_clear_error(text: str) -> None:
    try:
        minutes = parse_minutes(text)
    except ArgError as error:
        assert error.key == "dates.bad_duration"
    else:
        assert 5 <= minutes <= 1440


@given(st.from_regex(r"\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})?", fullmatch=True))
def test_date_shaped_text_is_a_date_or_a_clear_error(text: str) -> None:
    try:
        parse_date(text, TODAY)
    except ArgError as error:
        assert error.key in ("dates.bad_date", "dates.too_far")
