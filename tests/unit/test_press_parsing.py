"""The press-release parsers and renderers: deadline days, Markdown subset, word diff."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commands.core.errors import CommandError
from commands.core.markup import Deleted, Doc, Inserted, Text, plain_line
from commands.pr.deadline import parse_deadline
from commands.pr.diff import word_diff
from commands.pr.markdown import render

TODAY = date(2026, 12, 1)
OUR_TAGS = re.compile(r"</?(strong|em|ul|ol|li|br|del|ins)>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-08", date(2026, 12, 8)),
        ("8.12.2026", date(2026, 12, 8)),
        ("08.12.2026", date(2026, 12, 8)),
        ("8.12.26", date(2026, 12, 8)),
        ("08.12.", date(2026, 12, 8)),
        ("01.12.", date(2026, 12, 1)),  # today is still ahead
        ("30.11.", date(2027, 11, 30)),  # next occurrence
        ("morgen", date(2026, 12, 2)),
        (" 2027-1-5 ", date(2027, 1, 5)),
    ],
)
def test_deadline_days_as_people_write_them(text: str, expected: date) -> None:
    assert parse_deadline(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("32.13.2026", "dates.bad_date"),
        ("31.11.", "dates.bad_date"),
        ("", "dates.bad_date"),
        ("2026-02-30", "dates.bad_date"),
        ("30.11.2026", "pm.error.past_date"),
        ("2025-12-08", "pm.error.past_date"),
    ],
)
def test_bad_or_past_days_are_user_errors(text: str, key: str) -> None:
    with pytest.raises(CommandError) as caught:
        parse_deadline(text, TODAY)
    assert caught.value.key == key


@given(st.text(max_size=40))
def test_any_text_is_a_deadline_or_a_user_error(text: str) -> None:
    try:
        assert parse_deadline(text, TODAY) >= TODAY
    except CommandError as error:
        assert error.key in ("dates.bad_date", "dates.too_far", "pm.error.past_date", "dates.past")


def test_markdown_subset() -> None:
    doc = render(
        "# Überschrift\n\nErster **fetter** Absatz mit *kursiv*\nzweite Zeile\n\n"
        "- eins\n* zwei **b**\n\n1. a\n2) b\n\nSchluss 3 * 4 = 12"
    )
    assert doc.plain() == (
        "Überschrift\n\nErster fetter Absatz mit kursiv\nzweite Zeile\n\n• eins\n• zwei b\n\n"
        "1. a\n2. b\n\nSchluss 3 * 4 = 12"
    )
    html = doc.html()
    assert html.startswith("<strong>Überschrift</strong><br><br>Erster <strong>fetter</strong>")
    assert "<em>kursiv</em><br>zweite Zeile" in html
    assert "<ul><li>eins</li><li>zwei <strong>b</strong></li></ul>" in html
    assert "<ol><li>a</li><li>b</li></ol>" in html


@given(st.text(max_size=300))
def test_any_text_renders_with_no_markup_but_ours(text: str) -> None:
    doc = render(text)
    assert isinstance(doc, Doc)
    assert "<" not in OUR_TAGS.sub("", doc.html())
    assert "<" not in doc.plain() or "<" in text


def test_word_diff_marks_removed_and_added_words() -> None:
    line = word_diff("Die Stadt fördert 200 Plätze.", "Die Stadt fördert 250 neue Plätze.")
    assert plain_line(line) == "Die Stadt fördert [-200-] {+250 neue+} Plätze."
    assert Doc().para(line).html() == "Die Stadt fördert <del>200</del> <ins>250 neue</ins> Plätze."
    assert word_diff("gleich  bleibt", "gleich\nbleibt") == ()


def test_word_diff_shortens_long_unchanged_stretches() -> None:
    old = " ".join(f"w{i}" for i in range(40))
    new = old.replace("w20", "neu")
    assert plain_line(word_diff(old, new, context=3)) == (
        "… w17 w18 w19 [-w20-] {+neu+} w21 w22 w23 …"
    )


def test_word_diff_escapes_in_html() -> None:
    html = Doc().para(word_diff("<b>alt</b>", "<i>neu</i>")).html()
    assert html == "<del>&lt;b&gt;alt&lt;/b&gt;</del> <ins>&lt;i&gt;neu&lt;/i&gt;</ins>"


@given(st.text(max_size=120), st.text(max_size=120))
def test_word_diff_keeps_both_versions_recoverable(old: str, new: str) -> None:
    line = word_diff(old, new, context=10_000)
    if old.split() == new.split():
        assert line == ()
        return
    kept_old = [p.value for p in line if isinstance(p, Text | Deleted) and p.value.strip()]
    kept_new = [p.value for p in line if isinstance(p, Text | Inserted) and p.value.strip()]
    assert " ".join(kept_old).split() == old.split()
    assert " ".join(kept_new).split() == new.split()
