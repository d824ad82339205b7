"""Markup escapes user text; the catalogue has the same keys and placeholders in both languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from string import Formatter
from zoneinfo import ZoneInfo

import pytest

from commands.core.catalogue import Catalogue, merged, with_usages, wordings
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
    german, english = with_usages(merged("de")), with_usages(merged("en"), "en")
    assert german.keys() == english.keys()
    for key in german:
        assert len(wordings(german[key])) == len(wordings(english[key])), key
        for de, en in zip(wordings(german[key]), wordings(english[key]), strict=True):
            fields_de = {f for _, f, _, _ in Formatter().parse(de) if f}
            fields_en = {f for _, f, _, _ in Formatter().parse(en) if f}
            assert fields_de == fields_en, key


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("de", 1, "1 Erinnerung verpasst"),
        ("de", 0, "0 Erinnerungen verpasst"),
        ("de", 2, "2 Erinnerungen verpasst"),
        ("en", 1, "1 reminder missed"),
        ("en", 21, "21 reminders missed"),
    ],
)
def test_plural_texts_follow_the_languages_plural_rules(
    language: str, count: int, expected: str
) -> None:
    texts = Catalogue(language)  # type: ignore[arg-type]
    assert texts.t("delivery.missed", count=count).startswith(expected)


def test_dates_and_durations_use_the_locales_names() -> None:
    zone = ZoneInfo("Europe/Berlin")
    de, en = DateFormatter("de", zone), DateFormatter("en", zone)
    march = datetime(2027, 3, 2, 9, 0, tzinfo=UTC)
    assert de.moment(march) == "Di., 2. März 2027, 10:00 Uhr"
    assert en.moment(march) == "Tue, 2 Mar 2027, 10:00"
    assert de.day(datetime(2026, 9, 3, 9, 0, tzinfo=UTC), weekday=False) == "3. Sept. 2026"
    assert [de.duration(timedelta(days=n)) for n in (1, 7)] == ["1 Tag", "7 Tage"]
    assert en.duration(timedelta(hours=1)) == "1 hour"
    assert de.duration(timedelta(minutes=30)) == "30 Minuten"
    assert de.short_uptime(timedelta(days=2, hours=3, minutes=4)) == "2 Tg. 3 Std. 4 Min."


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
