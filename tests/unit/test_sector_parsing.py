"""Sector, trend and horizon parsing: every WZ section is reachable; any text gets a result
or a clear user error, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.app import all_commands
from commands.core.errors import ArgError, CommandError
from commands.core.router import Router, UsageError
from commands.sectors.input import Trend, parse_horizon, parse_trend
from commands.sectors.wz import ALIASES, BY_LETTER, SECTIONS, find_section

ROUTER = Router(all_commands())


def test_the_21_sections_a_to_u_with_german_and_english_names() -> None:
    assert "".join(s.letter for s in SECTIONS) == "ABCDEFGHIJKLMNOPQRSTU"
    assert BY_LETTER["C"].german == "Verarbeitendes Gewerbe"
    assert BY_LETTER["H"].title("de") == "H Verkehr und Lagerei"
    assert BY_LETTER["Q"].english == "Human health and social work activities"
    assert all(letter in BY_LETTER for letter in ALIASES.values())


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("c", "C"),
        ("Verarbeitendes Gewerbe", "C"),
        ("verarbeitendes", "C"),
        ("Logistik", "H"),
        ("Pflege", "Q"),
        ("Gesundheit", "Q"),
        ("Bau", "F"),
        ("IT", "J"),
        ("Handel", "G"),
        ("Gastronomie", "I"),
        ("Industrie", "C"),
        ("Produktion", "C"),
        ("manufacturing", "C"),
        ("Erziehung", "P"),
        ("  verkehr   und lagerei ", "H"),
        ("Großhandel", "G"),  # an alias with ß, typed with ß or ss
        ("GROSSHANDEL", "G"),
    ],
)
def test_sections_by_letter_name_alias_and_clear_prefix(text: str, letter: str) -> None:
    assert find_section(text).letter == letter


def test_an_ambiguous_prefix_or_unknown_word_suggests_the_closest_sections() -> None:
    with pytest.raises(ArgError) as error:
        find_section("Gesundhiet")
    assert error.value.key == "sectors.error.unknown_close"
    assert error.value.params["close"].startswith("Q Gesundheits- und Sozialwesen")
    with pytest.raises(ArgError) as unknown:
        find_section("x")
    assert unknown.value.key == "sectors.error.unknown"
    with pytest.raises(ArgError):
        find_section("Er")  # too short to be a clear prefix (Erziehung, Erbringung …)


@pytest.mark.parametrize(
    ("text", "trend"),
    [
        ("wachsend", Trend.GROWING),
        ("Growing", Trend.GROWING),
        ("↑", Trend.GROWING),
        ("stabil", Trend.STABLE),
        ("→", Trend.STABLE),
        ("rückläufig", Trend.DECLINING),
        ("RÜCKLÄUFIG", Trend.DECLINING),
        ("ruecklaeufig", Trend.DECLINING),
        ("declining", Trend.DECLINING),
        ("↓", Trend.DECLINING),
    ],
)
def test_trends_in_german_english_and_arrows(text: str, trend: Trend) -> None:
    assert parse_trend(text) is trend


@pytest.mark.parametrize(
    ("text", "months"), [("6m", "6m"), ("12", "12m"), ("24 Monate", "24m"), ("2j", "24m")]
)
def test_horizons_are_months(text: str, months: str) -> None:
    assert parse_horizon(text) == months


@pytest.mark.parametrize("text", ["0m", "bald", "121m", "11j", ""])
def test_bad_horizons(text: str) -> None:
    with pytest.raises(ArgError):
        parse_horizon(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_sector_or_trend_text_gives_a_result_or_a_user_error(text: str) -> None:
    for parse in (find_section, parse_trend, parse_horizon):
        try:
            parse(text)
        except ArgError as error:
            assert error.key.startswith("sectors.error.")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["C", "Logistik", "wachsend", "↓", "bedarf=x", "horizont=6m", "„"]),
            st.text(max_size=15),
        ),
        max_size=6,
    )
)
def test_any_report_command_parses_or_raises_a_usage_error(words: list[str]) -> None:
    try:
        ROUTER.parse("!branche melden " + " ".join(words))
    except UsageError as problem:
        assert isinstance(problem.error, CommandError)
