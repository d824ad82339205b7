"""Round reminders and the meeting-reminder parts, through the real Waker with an injected clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.app import due_sources, reminder_parts
from bot.scheduler import Waker
from commands.meetings.reminders import MeetingReminders
from commands.sectors.reminders import RoundReminders, moments
from config import ReminderSettings
from storage.deliveries import Delivery
from storage.sectors import Round
from tests.support.chat import Chat, make_settings

HALF_TIME = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # opened 1 Dec 10:00, ends 7 Dec 24:00
DAY_BEFORE = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)  # 09:00 in Magdeburg


def round_waker(chat: Chat) -> Waker:
    return Waker(
        None,
        [RoundReminders(chat.settings)],
        chat.sessions,
        chat.clock,
        chat.posting,
        chat.outbox.push,
    )


async def wake(chat: Chat, waker: Waker) -> list[dict[str, Any]]:
    before = len(chat.sent)
    await waker.wake()
    await chat.outbox.drain()
    return [m["content"] for m in chat.sent[before:]]


async def recorded(chat: Chat) -> list[tuple[str, str, str]]:
    """(kind, decision, partners reminded) of each claimed round reminder."""
    async with chat.sessions() as session:
        rows = await session.scalars(select(Delivery).order_by(Delivery.id))
        return [(r.key, r.decision, r.extra) for r in rows if r.source == "round"]


def test_the_bot_runs_round_reminders_and_the_reminder_parts() -> None:
    settings = make_settings()
    assert any(isinstance(source, RoundReminders) for source in due_sources(settings))
    names = [part.__name__ for part in reminder_parts()]
    assert "round_part" in names and "notices_part" in names


def test_a_short_round_gets_only_the_day_before_reminder() -> None:
    settings = make_settings()
    opened = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    long = Round(opened_at=opened, deadline=date(2026, 12, 7))
    assert moments(long, settings) == [("half", HALF_TIME), ("1d", DAY_BEFORE)]
    short = Round(opened_at=opened, deadline=date(2026, 12, 3))
    assert moments(short, settings) == [("1d", datetime(2026, 12, 2, 8, 0, tzinfo=UTC))]
    today = Round(opened_at=opened, deadline=date(2026, 12, 1))
    assert moments(today, settings) == []


async def test_half_time_and_a_day_before_exactly_once_to_the_missing_partners(
    chat: Chat,
) -> None:
    waker = round_waker(chat)
    await chat.send("koordination", "!runde start 07.12.2026")
    assert await wake(chat, waker) == []
    assert waker.next_wake == HALF_TIME
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an")

    chat.clock.now = HALF_TIME
    (half,) = await wake(chat, waker)
    assert half["body"].splitlines() == [
        "⏳ Branchenrunde #1: Halbzeit – die Frist endet Mo., 7. Dez. 2026.",
        "Ausstehend: Agentur für Arbeit Magdeburg (Bernd Krüger); Jobcenter Magdeburg (Carla Vogt)",
        "Bitte melden mit: !branche melden <sektor> <trend> <text> – Stand: !branchen",
    ]
    assert "m.relates_to" not in half
    assert set(half["m.mentions"]["user_ids"]) == {"@agentur1:test", "@jobcenter1:test"}
    assert await wake(chat, waker) == []  # never twice
    assert waker.next_wake == DAY_BEFORE

    await chat.send("agentur1", "!branche melden C rückläufig Kurzarbeit")
    await chat.send("koordination", "!mitglied entfernen stadt @stadt2:test")
    await chat.send("koordination", "!mitglied hinzufügen jobcenter @stadt2:test")
    await chat.send(
        "koordination", "!kontakte setzen jobcenter @jobcenter1:test vertretung=@stadt2:test"
    )
    chat.clock.now = DAY_BEFORE + timedelta(minutes=3)  # later than LATE_AFTER: marked
    (tomorrow,) = await wake(chat, waker)
    assert tomorrow["body"].splitlines()[:2] == [
        "⏳ Branchenrunde #1: Die Frist endet morgen, Mo., 7. Dez. 2026. (verspätet)",
        "Ausstehend: Jobcenter Magdeburg (Carla Vogt, stadt2)",
    ]
    assert set(tomorrow["m.mentions"]["user_ids"]) == {"@jobcenter1:test", "@stadt2:test"}
    assert await wake(chat, waker) == []
    assert waker.next_wake is None
    assert await recorded(chat) == [
        ("half", "on_time", "agentur,jobcenter"),
        ("1d", "late", "jobcenter"),
    ]


async def test_a_second_instance_does_not_repeat_a_reminder(chat: Chat) -> None:
    await chat.send("koordination", "!runde start 07.12.2026")
    chat.clock.now = HALF_TIME
    first, second = round_waker(chat), round_waker(chat)
    assert len(await wake(chat, first)) == 1
    assert await wake(chat, second) == []


async def test_no_reminder_when_everyone_reported_or_the_round_is_closed(chat: Chat) -> None:
    waker = round_waker(chat)
    await chat.send("koordination", "!runde start 07.12.2026")
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!branche melden H stabil Keine Änderung")
    chat.clock.now = HALF_TIME
    assert await wake(chat, waker) == []
    assert await recorded(chat) == [("half", "skipped", "")]  # nothing to say: not missed
    await chat.send("koordination", "!runde schließen")
    await wake(chat, waker)
    assert waker.next_wake is None


async def test_a_reminder_found_too_late_is_summarised_as_missed(chat: Chat) -> None:
    waker = round_waker(chat)
    await chat.send("koordination", "!runde start 07.12.2026")
    chat.clock.now = HALF_TIME + timedelta(hours=7)  # beyond the 6 h grace: the bot was down
    (summary,) = await wake(chat, waker)
    assert summary["body"].splitlines() == [
        "1 Erinnerung verpasst, während koopbot nicht erreichbar war:",
        "• Branchenrunde #1, Frist Mo., 7. Dez. 2026 (Erinnerung Fr., 4. Dez. 2026, 17:00 Uhr)",
        "!branchen zeigt den Stand der Runde.",
    ]
    assert await wake(chat, waker) == []  # once
    assert await recorded(chat) == [("half", "missed", "")]


async def test_after_an_outage_over_both_only_the_newer_reminder_is_posted(chat: Chat) -> None:
    """A short outage over half-time and the day before: one reminder, the older superseded."""
    waker = round_waker(chat)
    await chat.send("koordination", "!runde start 04.12.2026")  # half-time 2 Dec 23:00 UTC
    chat.clock.now = datetime(2026, 12, 3, 8, 30, tzinfo=UTC)  # 09:30, 30 min after "1d"
    (reminder,) = await wake(chat, waker)
    assert reminder["body"].splitlines()[0] == (
        "⏳ Branchenrunde #1: Die Frist endet morgen, Fr., 4. Dez. 2026. (verspätet)"
    )
    assert await recorded(chat) == [
        ("half", "superseded", ""),
        ("1d", "late", "stadt,agentur,jobcenter"),
    ]


async def test_a_reminder_after_the_deadline_is_missed_even_within_grace(chat: Chat) -> None:
    settings = make_settings(reminders=ReminderSettings(grace="3d"))
    chat = Chat(settings, chat.sessions, chat.clock)
    waker = round_waker(chat)
    await chat.send("koordination", "!runde start 07.12.2026")
    chat.clock.now = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)  # the round has ended
    (summary,) = await wake(chat, waker)
    assert summary["body"].splitlines()[0] == (
        "2 Erinnerungen verpasst, während koopbot nicht erreichbar war:"
    )
    assert [decision for _, decision, _ in await recorded(chat)] == ["missed", "missed"]


async def test_the_meeting_reminder_names_the_open_round_and_the_new_notices(
    chat: Chat,
) -> None:
    waker = Waker(
        None,
        [MeetingReminders(chat.settings, reminder_parts())],
        chat.sessions,
        chat.clock,
        chat.posting,
        chat.outbox.push,
    )
    await chat.send(
        "koordination", "!termin neu 02.12.2026 10:00 Koordinierungsrunde wiederholung=wöchentlich"
    )
    await chat.send("jobcenter1", "!info Vor der ersten Sitzung")
    await chat.send("koordination", "!runde start 07.12.2026")
    posts: list[dict[str, Any]] = []
    posted_second = False
    while waker.next_wake is None or waker.next_wake <= datetime(2026, 12, 8, 9, 0, tzinfo=UTC):
        if waker.next_wake is not None:
            chat.clock.now = waker.next_wake
        if not posted_second and chat.clock.now > datetime(2026, 12, 2, 12, 0, tzinfo=UTC):
            await chat.send("stadt1", "!info Nach der ersten Sitzung")
            await chat.send("agentur1", "!info Noch eine")
            await chat.send("stadt1", "!branche melden C wachsend x")
            posted_second = True
        posts += await wake(chat, waker)
    heads = ("🔔 Heute: Koordinierungsrunde", "🔔 Morgen: Koordinierungsrunde")
    shown = [p for p in posts if p["body"].startswith(heads)]
    # The first meeting has no previous one: notices since the meeting was created.
    assert [p["body"].splitlines()[2:5] for p in shown] == [
        [
            "Tagesordnung: noch leer – !tagesordnung 1 <punkt>",
            "Noch offen: Branchenrunde – ausstehend: Landeshauptstadt Magdeburg, Agentur für "
            "Arbeit Magdeburg, Jobcenter Magdeburg (Frist 7. Dez.)",
            "Neu seit der letzten Sitzung: Info #1",
        ],
        [
            "Tagesordnung: noch leer – !tagesordnung 1 <punkt>",
            "Noch offen: Branchenrunde – ausstehend: Agentur für Arbeit Magdeburg, Jobcenter "
            "Magdeburg (Frist 7. Dez.)",
            "Neu seit der letzten Sitzung: Info #2, #3",
        ],
    ]
    # The 7-day reminder of the second meeting came right after the first: nothing new yet.
    week = next(p for p in posts if p["body"].startswith("🔔 In 7 Tagen"))
    assert "Neu seit der letzten Sitzung" not in week["body"]
