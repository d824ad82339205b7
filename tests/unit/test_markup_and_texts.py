"""Markup escapes user text; the catalogue has the same keys and placeholders in both languages."""

from __future__ import annotations

from datetime import UTC, datetime
from string import Formatter
from zoneinfo import ZoneInfo

from commands.core.catalogue import merged, with_usages
from commands.core.dates import DateFormatter
from commands.core.markup import Bold, Doc, Mention, Text


def test_html_escapes_text_but_keeps_structure() -> None:
    doc = Doc().line("Hallo ", Bold((Text("<i>fett</i>"),)), " ", Mention("@a:test", "A & B"))
    doc.items([(Text('"><img src=x onerror=alert(1)>'),)])
    doc.table([(Text("Sektor"),)], [[(Text("<C>"),)]])
    html = doc.html()
    assert "<i>" not in html and "&lt;i&gt;fett&lt;/i&gt;" in html
    assert "<img" not in html
    assert '<a href="https://matrix.to/#/@a:test">A &amp; B</a>' in html
    assert doc.plain().splitlines()[0] == "Hallo <i>fett</i> A & B"
    assert doc.mentions() == ["@a:test"]


def test_quote_keeps_line_breaks() -> None:
    doc = Doc().quote("Zeile 1\n<b>Zeile 2</b>")
    assert doc.plain() == "> Zeile 1\n> <b>Zeile 2</b>"
    assert doc.html() == "<blockquote>Zeile 1<br>&lt;b&gt;Zeile 2&lt;/b&gt;</blockquote>"


def test_languages_have_the_same_keys_and_placeholders() -> None:
    # ``{usage:…}`` references are filled from the declarations first (as the catalogue does).
    german, english = with_usages(merged("de")), with_usages(merged("en"))
    assert german.keys() == english.keys()
    for key in german:
        fields_de = {f for _, f, _, _ in Formatter().parse(german[key]) if f}
        fields_en = {f for _, f, _, _ in Formatter().parse(english[key]) if f}
        assert fields_de == fields_en, key


def test_german_dates_across_daylight_saving() -> None:
    dates = DateFormatter("de", ZoneInfo("Europe/Berlin"))
    winter = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    summer = datetime(2027, 3, 30, 8, 0, tzinfo=UTC)
    assert dates.moment(winter) == "Di., 8. Dez. 2026, 10:00 Uhr"
    assert dates.moment(summer) == "Di., 30. März 2027, 10:00 Uhr"
    assert (
        dates.span(winter, winter.replace(hour=10, minute=30))
        == "Di., 8. Dez. 2026, 10:00–11:30 Uhr"
    )
    english = DateFormatter("en", ZoneInfo("Europe/Berlin"))
    assert english.moment(winter) == "Tue, 8 Dec 2026, 10:00"
