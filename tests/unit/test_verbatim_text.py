"""Free text is kept exactly as typed: quotes of every kind, ``=``, ``name=value`` words that
are no option of the command, unicode, emoji and HTML's special characters.

Every command that stores a text is driven through the real router, dispatcher and outbox
(``tests.support.chat``); the text must come out unchanged — after the documented removal
of control and bidi characters (``commands.core.args.clean_text``) and of the whitespace
around the whole text — in what is stored, in the reply (plain body; escaped in the HTML
body) and in the decision exports (CSV, Markdown, JSON).
"""

from __future__ import annotations

import asyncio
import csv
import html
import io
import json
import re
from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.app import all_commands
from commands.core.args import QUOTE_MARKS, clean_text
from commands.core.privacy import client_data_reason
from commands.core.router import Router, UsageError
from commands.decisions.cards import excerpt
from commands.notices.handlers import preview
from commands.sectors.views import TEXT_CHARS
from config.settings import LimitSettings
from storage import migrate
from storage.decisions.models import DecisionEntry
from storage.engine import create_engine, session_factory
from storage.notices import Notice
from storage.pr.releases import PressEvent, PressVersion
from storage.sectors import SectorInput
from tests.support.chat import Chat, FakeClock, make_settings

ROUTER = Router(all_commands())
TODAY = date(2026, 12, 1)
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

#: Pieces a user may type that a parser could eat: every kind of quotation mark, ``=``,
#: words that look like options but are none, HTML's special characters, emoji, spaces.
PIECES = st.sampled_from(
    [
        '"', "'", "„", "“", "”", "‚", "‘", "’", "»", "«", "›", "‹",
        "=", "==", "a=b", "farbe=rot", "Summe=12", '=HYPERLINK("x","Klick")', "x='y'",
        "<", ">", "&", "&amp;", "<b>fett</b>", '"MINT"', "„Zukunft Magdeburg“",
        "😀", "👍🏽", "🇩🇪", "ß", "Ä", "日本", "é", "\u0301",
        " ", "  ", "\t", "\u00a0", "👩\u200d💻", "\u202e", "\x07", "\u200b",
    ]
)  # fmt: skip
WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp", "Zs")
    ),
    min_size=1,
    max_size=6,
)
LINE = st.lists(st.one_of(PIECES, WORDS), min_size=1, max_size=8).map("".join)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)


def expected(text: str) -> str:
    """What must be stored: the text without control and bidi characters, and without the
    whitespace around it."""
    return clean_text(text)


def usable(command: str, text: str) -> str:
    """``text`` as the free text of ``command``, or skip the example when it cannot be one:
    nothing but quotation marks left after cleaning (that is no text), a word that is a
    declared option (that is the rule: it starts the options), a first word that is a
    subcommand or an id to show, or what the privacy guard holds for client data."""
    value = expected(text)
    assume(value.strip(QUOTE_MARKS + " \t\n") and not re.fullmatch(r"#?\d{1,9}", value))
    assume(client_data_reason(text, TODAY) is None)
    family = ROUTER.family(command.split()[0].lstrip("!"))
    names = {
        name.casefold()
        for c in family
        for name in (*c.option_fields(), *c.options, *(s for s in c.sub))
    }
    first_line = value.partition("\n")[0]
    assume(value.split()[0].casefold() not in names)
    for word in first_line.split():
        head, equals, _ = word.partition("=")
        assume(not (equals and head.casefold() in names))
    return value


def quoted_plain(text: str) -> str:
    """A text as a quote block of the plain body."""
    return "\n".join("> " + line for line in text.splitlines())


def check_card(chat: Chat, entry: DecisionEntry) -> None:
    """A decision's card: the subject, then the wording as a quote when it differs."""
    assert entry.subject in chat.last
    if entry.wording != entry.subject:
        assert quoted_plain(entry.wording) in chat.last
    check_html(chat, entry.wording)


def check_html(chat: Chat, text: str) -> None:
    formatted = chat.last_html
    assert html.escape(text, quote=True).replace("\n", "<br>") in formatted
    if "<b>" in text:  # the bot itself writes <strong>, never <b>
        assert "<b>" not in formatted


def run_examples(tmp_path: Path, check: Callable[[Chat, str], Coroutine[Any, Any, None]]) -> None:
    """Run ``check`` on generated texts against one chat on a fresh SQLite database."""
    with asyncio.Runner() as runner:
        engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'koopbot.db'}")
        runner.run(migrate.upgrade(engine))
        limits = LimitSettings(commands_per_minute=10_000)
        chat = Chat(make_settings(limits=limits), session_factory(engine), FakeClock())

        @EXAMPLES
        @given(TEXT)
        def example(text: str) -> None:
            runner.run(check(chat, text))

        try:
            example()
        finally:
            runner.run(engine.dispose())


async def last_row(chat: Chat, model: Any) -> Any:
    async with chat.sessions() as session:
        return await session.scalar(select(model).order_by(model.id.desc()).limit(1))


def decision_id(body: str) -> int:
    found = re.search(r"#(\d+)", body)
    assert found is not None, body
    return int(found.group(1))


# -- the decision log ---------------------------------------------------------------------


async def export(chat: Chat, kind: str) -> str:
    before = len(chat.homeserver.uploads)
    await chat.send("koordination", f"!export beschlüsse {kind}")
    assert len(chat.homeserver.uploads) == before + 1, chat.last
    return list(chat.homeserver.uploads.values())[-1].decode("utf-8-sig")


def csv_field(text: str) -> str:
    """A spreadsheet formula is defused with a leading apostrophe (CSV injection)."""
    return "'" + text if text[:1] in "=+-@\t\r" else text


def md_unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_\[\]<>|#+\-.])", r"\1", text).replace("  \n", "\n")


async def check_exports(chat: Chat, entries: list[DecisionEntry]) -> None:
    rows = list(csv.reader(io.StringIO(await export(chat, "csv"), newline=""), delimiter=";"))
    header = rows[0]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    records = {r["id"]: r for r in json.loads(await export(chat, "json"))["entries"]}
    markdown = md_unescape(await export(chat, "md"))
    for entry in entries:
        assert by_id[str(entry.id)]["Wortlaut"] == csv_field(entry.wording)
        assert records[entry.id]["wording"] == entry.wording
        assert records[entry.id]["subject"] == entry.subject
        assert f"\n\n{entry.wording}\n" in markdown


async def check_decisions(chat: Chat, raw: str) -> None:
    text = usable("!beschluss", raw)
    await chat.send("stadt1", f"!beschluss {raw}")
    recorded = await last_row(chat, DecisionEntry)
    assert recorded is not None and chat.last.startswith(f"Beschluss #{recorded.id} erfasst"), (
        chat.last
    )
    first, _, rest = text.partition("\n")
    if rest.strip():
        assert (recorded.subject, recorded.wording) == (" ".join(first.split()), rest.strip())
    else:
        assert recorded.wording == text
    check_card(chat, recorded)

    await chat.send("koordination", f"!beschluss ändern {recorded.id} {raw}\nNeu")
    amended = await last_row(chat, DecisionEntry)
    assert amended.kind == "amended", chat.last
    first, _, rest = expected(f"{raw}\nNeu").partition("\n")
    assert (amended.subject, amended.wording) == (" ".join(first.split()), rest.strip())
    check_card(chat, amended)

    await chat.send("koordination", f"!beschluss aufheben {amended.id} {raw}")
    revoked = await last_row(chat, DecisionEntry)
    assert revoked.kind == "revoked" and revoked.wording == text, chat.last
    assert excerpt(text) in chat.last

    await chat.send("koordination", "!beschluss Zweiter Beschluss")
    second = decision_id(chat.last)
    await chat.send("koordination", f"!beschluss erledigt {second} {raw}")
    done = await last_row(chat, DecisionEntry)
    assert done.kind == "done" and done.wording == text, chat.last
    await chat.send("gast", f"!beschluss {second}")
    assert excerpt(text) in chat.last

    await chat.send("koordination", "!beschluss Dritter Beschluss")
    third = decision_id(chat.last)
    await chat.send("agentur1", f"!beschluss widersprechen {third} {raw}")
    objection = await last_row(chat, DecisionEntry)
    assert objection.kind == "objected" and objection.wording == text, chat.last
    assert text in chat.last
    check_html(chat, text)
    await check_exports(chat, [recorded, amended, revoked, done, objection])


def test_decision_texts_are_kept_as_typed_in_log_cards_and_exports(tmp_path: Path) -> None:
    run_examples(tmp_path, check_decisions)


# -- notices, sector reports, press releases ------------------------------------------------


async def check_notice(chat: Chat, raw: str) -> None:
    text = usable("!info", raw)
    await chat.send("stadt1", f"!info {raw}")
    notice = await last_row(chat, Notice)
    assert notice is not None and notice.text == text, chat.last
    assert quoted_plain(text) in chat.last
    check_html(chat, text)
    await chat.send("gast", f"!info {notice.id}")
    assert quoted_plain(text) in chat.last


def test_notice_texts_are_kept_as_typed(tmp_path: Path) -> None:
    run_examples(tmp_path, check_notice)


async def check_sector(chat: Chat, raw: str) -> None:
    text = usable("!branche", raw)
    await chat.send("stadt1", f"!branche melden C wachsend {raw}")
    row = await last_row(chat, SectorInput)
    assert row is not None and row.text == text, chat.last
    await chat.send("gast", "!branche C")
    assert preview(text, TEXT_CHARS) in chat.last
    check_html(chat, preview(text, TEXT_CHARS))


def test_sector_report_texts_are_kept_as_typed(tmp_path: Path) -> None:
    run_examples(tmp_path, check_sector)


_MARKDOWN = re.compile(r"\*|^\s*([-*•#]|\d{1,3}[.)])", re.MULTILINE)


async def check_press(chat: Chat, raw: str) -> None:
    text = usable("!pm", raw)
    title = text.split("\n")[0].strip()
    await chat.send("stadt1", f"!pm entwurf {title}\n{raw}")
    version = await last_row(chat, PressVersion)
    assert version is not None and (version.title, version.text) == (title, text), chat.last
    release = version.release_id
    if not _MARKDOWN.search(text):  # a press text is Markdown: only plain text shows as typed
        for line in text.splitlines():
            assert line.strip() in chat.last
    await chat.send("stadt1", f"!pm überarbeiten {release}\n{raw}\nEnde")
    revised = await last_row(chat, PressVersion)
    assert revised.number == 2 and revised.text == expected(f"{raw}\nEnde"), chat.last
    await chat.send("agentur1", f"!pm ablehnen {release} {raw}")
    event = await last_row(chat, PressEvent)
    assert event.reason == text, chat.last
    assert text in chat.last
    check_html(chat, text)


def test_press_texts_and_objections_are_kept_as_typed(tmp_path: Path) -> None:
    run_examples(tmp_path, check_press)


# -- named examples -------------------------------------------------------------------------


def parsed(text: str) -> dict[str, Any]:
    invocation = ROUTER.parse(text)
    assert invocation is not None
    return invocation.args.model_dump(exclude_defaults=True)


def refused(text: str) -> tuple[str, dict[str, Any]]:
    with pytest.raises(UsageError) as caught:
        ROUTER.parse(text)
    return caught.value.error.key, caught.value.error.params


def test_only_invisible_characters_are_removed() -> None:
    typed = " 6\u00a0Monate 👩\u200d💻 Kunden\u200bnummer Kun\u200dde \u202eX\x07\u2028 "
    assert clean_text(typed) == "6\u00a0Monate 👩\u200d💻 Kundennummer Kunde X"


def test_quotes_and_a_formula_stay_in_a_decision() -> None:
    text = 'Jobmesse „Zukunft Magdeburg“ und "MINT" =HYPERLINK("x","Klick")'
    assert parsed(f"!beschluss {text}") == {"text": text}
    assert parsed(f"!beschluss {text} frist=31.03.2027") == {"text": text, "frist": "31.03.2027"}


def test_inner_whitespace_and_lines_are_kept_only_the_edges_go() -> None:
    assert parsed("!info  Zwei  Leerzeichen\tund Tab  thema=Ansiedlung\n\n  eingerückt ") == {
        "text": "Zwei  Leerzeichen\tund Tab\n\n  eingerückt",
        "thema": "Ansiedlung",
    }


def test_an_undeclared_name_with_equals_is_text_a_declared_one_an_option() -> None:
    assert parsed("!info a=b und Summe=12 betrifft=H") == {
        "text": "a=b und Summe=12",
        "betrifft": "H",
    }


def test_a_horizon_of_two_words_is_understood_quoted_or_not() -> None:
    for horizon in ("horizont=6 Monate", 'horizont="6 Monate"', "horizon=6 Monate"):
        assert parsed(f"!branche melden C wachsend Aufträge ziehen an {horizon}") == {
            "sektor": parsed("!branche C")["sektor"],
            "trend": parsed("!branche melden C wachsend x")["trend"],
            "text": "Aufträge ziehen an",
            "horizont": "6m",
        }


def test_a_stray_word_after_an_option_is_refused_not_added_to_the_text() -> None:
    assert refused("!branche melden C wachsend Aufträge horizont=6 Wochen") == (
        "error.words_after_option",
        {"option": "horizont", "value": "6", "words": "Wochen"},
    )
    assert refused('!branche melden C wachsend Aufträge horizont="6 Monate" mehr') == (
        "error.words_after_option",
        {"option": "horizont", "value": '"6 Monate"', "words": "mehr"},
    )
    assert refused("!beschluss Text frist=31.03.2027 frist=30.06.2027")[0] == (
        "error.duplicate_option"
    )
    assert refused("!info Text thema=Ansiedlung farbe=rot") == (
        "error.unknown_option",
        {"option": "farbe"},
    )


def test_an_option_value_runs_to_the_next_option() -> None:
    assert parsed(
        "!termin neu 08.12.2026 10:00 Runde „Fachkräfte“ ort=Rathaus, Raum 3 "
        "wiederholung=FREQ=WEEKLY;BYDAY=TU"
    ) == {
        "datum": "08.12.2026",
        "zeit": "10:00",
        "titel": "Runde „Fachkräfte“",
        "ort": "Rathaus, Raum 3",
        "wiederholung": "FREQ=WEEKLY;BYDAY=TU",
    }


def test_nothing_but_quotation_marks_is_no_text() -> None:
    assert parsed('!beschluss "" frist=31.03.2027') == {"frist": "31.03.2027"}  # asked for
    assert refused("!info „“") == ("error.missing_arg", {"arg": "text"})


def test_a_search_term_or_command_in_quotes_finds_the_words() -> None:
    assert parsed("!beschlüsse „Zukunft Magdeburg“") == {"suchbegriff": "Zukunft Magdeburg"}
    assert parsed("!infos »Logistik«") == {"suchbegriff": "Logistik"}
    assert parsed('!hilfe "termin"') == {"befehl": "termin"}


async def test_the_stray_word_is_explained_in_the_room_and_nothing_is_stored(chat: Chat) -> None:
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an horizont=6 Wochen")
    assert chat.last.splitlines() == [
        "Nach „horizont=6“ steht noch „Wochen“. Einen Wert mit Leerzeichen setzen Sie in "
        'Anführungszeichen (horizont="…"), Ihren Text vor die Angaben.',
        "Aufruf: !branche melden <sektor> <trend> <text> [bedarf=…] [horizont=…]",
    ]
    assert await last_row(chat, SectorInput) is None
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an horizont=6 Monate")
    row = await last_row(chat, SectorInput)
    assert (row.text, row.horizon) == ("Aufträge ziehen an", "6m")
