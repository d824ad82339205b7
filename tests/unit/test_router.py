"""The pure router: tokens, options, subcommands, validation, usage lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.app import all_commands
from commands.core.errors import CommandError
from commands.core.router import Router, UsageError


@pytest.fixture(scope="module")
def router() -> Router:
    return Router(all_commands())


def test_quotes_group_values_and_positionals_not_the_free_text(router: Router) -> None:
    invocation = router.parse(
        '!termin neu 08.12. 10:00 „Zweiter Teil“ x ort="Rathaus, Raum 3" dauer=""'
    )
    assert invocation is not None
    assert invocation.args.model_dump(include={"datum", "titel", "ort", "dauer"}) == {
        "datum": "08.12.",
        "titel": "„Zweiter Teil“ x",
        "ort": "Rathaus, Raum 3",
        "dauer": "",
    }


def test_unclosed_quote_in_a_value_is_a_user_error(router: Router) -> None:
    with pytest.raises(UsageError) as caught:
        router.parse('!termin neu 08.12. 10:00 Runde ort="Rathaus, Raum 3')
    assert caught.value.error.key == "error.unclosed_quote"


def test_not_a_command(router: Router) -> None:
    assert router.parse("Hallo") is None
    assert router.parse("! hallo") is None
    assert router.parse("!") is None


def test_subcommand_and_options_and_aliases(router: Router) -> None:
    invocation = router.parse("!contacts set agentur @b:test deputy=@c:test")
    assert invocation is not None
    assert invocation.command.full_name == "kontakte setzen"
    assert invocation.args.model_dump() == {
        "partner": "agentur",
        "person": "@b:test",
        "vertretung": "@c:test",
    }


def test_case_insensitive_names(router: Router) -> None:
    invocation = router.parse("!KONTAKTE")
    assert invocation is not None and invocation.command.name == "kontakte"


def test_unknown_option_is_named(router: Router) -> None:
    with pytest.raises(UsageError) as caught:
        router.parse("!kontakte setzen agentur @b:test farbe=rot")
    assert caught.value.error.key == "error.unknown_option"
    assert caught.value.error.params == {"option": "farbe"}


def test_usage_is_generated_from_the_declaration(router: Router) -> None:
    usages = {c.full_name: c.usage() for c in router.commands}
    assert usages["kontakte setzen"] == "!kontakte setzen <partner> <person> [vertretung=…]"
    assert usages["hilfe"] == "!hilfe [befehl]"


def test_every_command_has_german_and_english_help(router: Router) -> None:
    from commands.core.catalogue import Catalogue

    for language in ("de", "en"):
        texts = Catalogue(language)  # type: ignore[arg-type]
        for command in router.commands:
            assert texts.has(command.help), (language, command.help)
        # "status" and "export" are the same word in German and English
        assert all(len(c.names) == 2 or c.name in ("status", "export") for c in router.commands)


@given(st.text(max_size=300))
def test_any_text_parses_or_fails_politely(text: str) -> None:
    router = Router(all_commands())
    for candidate in (text, "!" + text, "!kontakte setzen " + text, "!hilfe " + text):
        try:
            router.parse(candidate)
        except UsageError as problem:
            assert isinstance(problem.error, CommandError)
