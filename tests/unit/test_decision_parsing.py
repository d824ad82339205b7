"""Parsing decision commands: any text gets a result or a user error, nothing else."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.core.errors import CommandError
from commands.core.router import Router, UsageError
from commands.decisions import commands as decisions
from commands.decisions.drafting import (
    AmendArgs,
    RecordArgs,
    parse_partners,
    prepare_amend,
    prepare_record,
    shorten,
    split_text,
)
from commands.decisions.words import parse_outcome
from commands.export.formats import choose_format
from commands.export.period import past_day, period
from storage.decisions.models import DecisionEntry
from tests.support.chat import make_settings

TODAY = date(2026, 12, 1)
SETTINGS = make_settings()
ROUTER = Router(decisions.commands())
TARGET = DecisionEntry(
    id=3,
    room_id="!r:test",
    decision_no=3,
    kind="recorded",
    subject="Qualifizierungsoffensive",
    wording="Alt",
    outcome="adopted",
    agreed=["stadt"],
    dissent="",
    decided_on=TODAY,
    recorded_at=datetime(2026, 12, 1, tzinfo=UTC),
    responsible="@agentur1:test",
    deadline=date(2026, 11, 30),  # already past: taken over, not checked again
    agenda_item="TOP 2",
    author="@stadt1:test",
    source_event_id="$e",
    prev_hash="0" * 64,
    hash="1" * 64,
)
WORDS = st.sampled_from(
    [
        "verantwortlich=@agentur1:test",
        "verantwortlich=anna",
        "frist=31.03.2027",
        "frist=01.01.2020",
        "frist=08.12.",
        "frist=",
        "ergebnis=vertagt",
        "ergebnis=x",
        "zustimmung=stadt,agentur",
        "zustimmung=alle",
        "zustimmung=keine",
        "datum=30.11.",
        "datum=2030-01-01",
        "top=2",
        "betreff=Kurz",
        '"Ändern der GO"',
        "#3",
        "ändern",
        "„zitiert“",
        "\n",
        "Logistik",
    ]
)
TEXTS = st.one_of(st.text(max_size=120), st.lists(WORDS, max_size=8).map(" ".join))


def check_draft(text: str) -> None:
    """The full path of ``!beschluss <text>``: route, validate, prepare."""
    try:
        invocation = ROUTER.parse("!beschluss " + text)
    except UsageError:
        return
    if invocation is None:
        return
    args = invocation.args
    try:
        if isinstance(args, AmendArgs):
            draft = prepare_amend(args, TARGET, SETTINGS, TODAY)
        elif isinstance(args, RecordArgs) and (args.text or "").strip():
            draft = prepare_record(args, SETTINGS, TODAY)
        else:
            return
    except CommandError as error:
        assert error.key
        return
    assert draft.subject and "\n" not in draft.subject and len(draft.subject) <= 200
    assert len(draft.wording) <= SETTINGS.limits.max_text_chars
    assert draft.deadline is None or draft.deadline >= TODAY or draft.deadline == TARGET.deadline
    assert draft.decided_on <= TODAY
    assert set(draft.agreed) <= {"stadt", "agentur", "jobcenter"}


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_any_decision_command_is_a_draft_or_a_user_error(text: str) -> None:
    check_draft(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=6).map(" ".join))
def test_any_amendment_is_a_draft_or_a_user_error(text: str) -> None:
    check_draft("ändern 3 " + text)


@given(st.text(max_size=40), st.text(max_size=40))
def test_any_period_is_days_or_a_user_error(start: str, end: str) -> None:
    try:
        first, last = period(start or None, end or None, TODAY)
    except CommandError as error:
        assert error.key.startswith(("dates.", "export."))
        return
    assert first is None or last is None or first <= last
    assert first is None or first <= TODAY


@given(st.text(max_size=40))
def test_any_partner_list_outcome_or_format_is_known_or_a_user_error(text: str) -> None:
    for parse in (
        lambda: parse_partners(text, SETTINGS),
        lambda: parse_outcome(text),
        lambda: choose_format(text),
    ):
        try:
            parse()
        except CommandError as error:
            assert error.key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurz", ("Kurz", "Kurz")),
        ("Betreff\nDer Wortlaut\nin zwei Zeilen", ("Betreff", "Der Wortlaut\nin zwei Zeilen")),
        ("  Betreff   mit  Lücken \n\n Text ", ("Betreff mit Lücken", "Text")),
        ("Nur eine Zeile\n  \n", ("Nur eine Zeile", "Nur eine Zeile")),
    ],
)
def test_a_first_line_above_more_text_is_the_subject(text: str, expected: tuple[str, str]) -> None:
    assert split_text(text) == expected


def test_a_long_one_line_decision_gets_a_shortened_subject() -> None:
    text = "Die Partner vereinbaren " + "eine sehr lange Maßnahme " * 10
    subject, wording = split_text(text)
    assert len(subject) <= 120 and subject.endswith("…") and wording == text.strip()
    assert shorten("x" * 300).endswith("…") and len(shorten("x" * 300)) == 120


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("01.11.", "30.11.", (date(2026, 11, 1), date(2026, 11, 30))),
        ("01.12.", "31.01.", (date(2026, 12, 1), date(2027, 1, 31))),  # across new year
        ("15.12.", None, (date(2025, 12, 15), None)),  # the most recent 15 December
        (None, "31.12.", (None, date(2026, 12, 31))),
        ("2026-01-01", "31.12.2026", (date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_periods_as_people_write_them(
    start: str | None, end: str | None, expected: tuple[date | None, date | None]
) -> None:
    assert period(start, end, TODAY) == expected


def test_a_day_without_year_in_the_past_finds_a_leap_year() -> None:
    assert past_day("29.02.", TODAY) == date(2024, 2, 29)
    assert past_day("01.12.", TODAY) == TODAY


def test_partner_lists_accept_names_short_names_and_all() -> None:
    assert parse_partners("Agentur; stadt", SETTINGS) == ("stadt", "agentur")
    assert parse_partners("alle", SETTINGS) == ("stadt", "agentur", "jobcenter")
    assert parse_partners("keine", SETTINGS) == ()
    assert parse_outcome("Geändert  Beschlossen") == "adopted_with_changes"
