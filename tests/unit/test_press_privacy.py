"""Who approved a press release: organisations by default, persons with their times only
where ``privacy.show_persons`` allows it."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from config.settings import PrivacySettings
from storage.engine import session_factory
from tests.support.chat import Chat, FakeClock, make_settings

DRAFT = "!pm entwurf Fachkräfte für die Logistik\nStadt, Agentur und Jobcenter laden ein."


async def approve_all(chat: Chat) -> dict[str, Any]:
    """Draft, one rejection, then every partner approves; the published post."""
    await chat.send("stadt1", DRAFT)
    chat.clock.advance(hours=1)
    await chat.send("jobcenter1", "!pm ablehnen 1 Zahlen prüfen")
    await chat.send("agentur1", "!pm freigeben 1")
    chat.clock.advance(minutes=30)
    await chat.send("jobcenter1", "!pm freigeben 1")
    await chat.send("stadt2", "!pm freigeben 1")
    final: dict[str, Any] = chat.sent[-1]["content"]
    return final


async def test_by_default_the_record_names_organisations_with_their_times(chat: Chat) -> None:
    final = await approve_all(chat)
    body = str(final["body"]).splitlines()
    start = body.index("Freigaben:")
    assert body[start + 1 : start + 4] == [
        "• Landeshauptstadt Magdeburg: freigegeben am Di., 1. Dez. 2026, 11:30 Uhr, Version 1",
        "• Agentur für Arbeit Magdeburg: freigegeben am Di., 1. Dez. 2026, 11:00 Uhr, Version 1",
        "• Jobcenter Magdeburg: freigegeben am Di., 1. Dez. 2026, 11:30 Uhr, Version 1",
    ]
    await chat.send("koordination", "!pm verlauf 1")
    history = chat.last
    assert "· Entwurf angelegt von Landeshauptstadt Magdeburg" in history
    assert "· Änderungen erbeten von Jobcenter Magdeburg: „Zahlen prüfen“" in history
    assert "· freigegeben von Agentur für Arbeit Magdeburg" in history
    for person in ("Anna Schulz", "Bernd Krüger", "Carla Vogt", "stadt2"):
        assert person not in history and person not in str(final["body"])


async def test_persons_with_times_where_the_configuration_allows(
    sqlite_engine: AsyncEngine, clock: FakeClock
) -> None:
    settings = make_settings(privacy=PrivacySettings(show_persons=True))
    chat = Chat(settings, session_factory(sqlite_engine), clock)
    final = await approve_all(chat)
    body = str(final["body"])
    assert "Freigegeben von:" in body
    assert (
        "• Agentur für Arbeit Magdeburg: Bernd Krüger, Version 1, Di., 1. Dez. 2026, 11:00 Uhr"
        in body
    )
    await chat.send("koordination", "!pm verlauf 1")
    assert "· Entwurf angelegt von Anna Schulz (Landeshauptstadt Magdeburg)" in chat.last
    assert "· Änderungen erbeten von Carla Vogt (Jobcenter Magdeburg): „Zahlen prüfen“" in chat.last


async def test_the_english_record_names_organisations(
    sqlite_engine: AsyncEngine, clock: FakeClock
) -> None:
    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    final = await approve_all(chat)
    assert "• Jobcenter Magdeburg: approved on " in str(final["body"])
    assert "Approvals:" in str(final["body"])
    await chat.send("koordination", "!pr history 1")
    assert "draft created by Landeshauptstadt Magdeburg" in chat.last
