"""Hostile text through every command that echoes user text: never markup in formatted_body."""

from __future__ import annotations

import re

import pytest

from tests.support.chat import Chat

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klick</a>',
    '<a href="https://matrix.to/#/@evil:example.org">Chef</a>',
    "**<b>fett</b>** <i>kursiv</i>",
]
ALLOWED_LINK = re.compile(
    r'<a href="https://matrix\.to/#/@(stadt1|stadt2|agentur1|jobcenter1|koordination|gast):test">'
)


def commands_with(text: str) -> list[tuple[str, str]]:
    return [
        ("koordination", f'!termin neu 15.12.2026 10:00 {text} ort="{text}"'),
        ("agentur1", f"!tagesordnung 1 {text}"),
        ("stadt1", f"!pm entwurf {text}\n{text}\n- {text}"),
        ("jobcenter1", f"!pm ablehnen 1 {text}"),
        ("stadt1", f"!pm überarbeiten 1\nNeu: {text}"),
        ("agentur1", f"!beschluss {text} betreff={text}"),
        ("koordination", f"!beschluss aufheben 1 {text}"),
        ("stadt1", f"!info {text} thema={text}"),
        ("agentur1", f"!branche melden C wachsend {text} bedarf={text}"),
        ("gast", f"!infos {text}"),
        ("gast", f"!beschlüsse {text}"),
        ("gast", f"!{text}"),
        ("gast", f"!hilfe {text}"),
        ("gast", "!termin 1"),
        ("gast", "!pm 1"),
        ("gast", "!branchen"),
    ]


@pytest.mark.parametrize("text", HOSTILE)
async def test_no_user_markup_reaches_the_room(chat: Chat, text: str) -> None:
    for who, command in commands_with(text):
        chat.clock.advance(seconds=5)
        await chat.send(who, command)
    assert len(chat.sent) >= len(commands_with(text))
    for message in chat.sent:
        html = message["content"].get("formatted_body", "")
        assert "<script" not in html and "<img" not in html and "<i>" not in html, html
        for link in re.findall(r"<a [^>]*>", html):
            assert ALLOWED_LINK.fullmatch(link), link
