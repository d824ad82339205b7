"""Reminders through the real Waker, dispatcher and outbox on a real database; the clock is injected."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import late_note
from bot.content import txn_id
from bot.scheduler import Waker
from commands.core.delivery import delivered_at
from commands.core.markup import Line, inline
from commands.meetings.reminders import (
    MeetingReminders,
    ReminderPart,
    ReminderTopic,
    agenda_part,
)
from config import ReminderSettings, Settings
from storage.core import OutboxMessage
from storage.deliveries import Delivery
from storage.engine import session_factory
from storage.meetings import Meeting
from tests.support.chat import Chat, FakeClock, make_settings

SERIES = (
    '!termin neu 08.12.2026 10:00 Koordinierungsrunde ort="Rathaus, Raum 3" '
    'wiederholung="jeden zweiten Dienstag im Monat"'
)
CONTACTS = {"@stadt1:test", "@agentur1:test", "@jobcenter1:test"}


def waker_for(
    chat: Chat, settings: Settings | None = None, parts: list[ReminderPart] | None = None
) -> Waker:
    source = MeetingReminders(
        settings or chat.settings, parts if parts is not None else [agenda_part]
    )
    return Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)


async def wake(chat: Chat, waker: Waker) -> list[dict[str, Any]]:
    """Run the due sources now; return what the bot posted."""
    before = len(chat.sent)
    await waker.wake()
    await chat.outbox.drain()
    return [m["content"] for m in chat.sent[before:]]


async def until_next(chat: Chat, waker: Waker) -> list[dict[str, Any]]:
    """Move the clock to the next wake-up and run it (as APScheduler would)."""
    assert waker.next_wake is not None
    chat.clock.now = waker.next_wake
    return await wake(chat, waker)


async def deliveries(chat: Chat) -> list[tuple[int, datetime, int, str]]:
    """(meeting, occurrence, offset seconds, decision) of each claimed meeting reminder."""
    async with chat.sessions() as session:
        rows = await session.scalars(select(Delivery).order_by(Delivery.id))
        found = []
        for row in rows:
            assert row.source == "meeting"
            occurrence, seconds = row.key.rsplit("/", 1)
            found.append(
                (row.subject_id, datetime.fromisoformat(occurrence), int(seconds), row.decision)
            )
        return found


async def test_the_reminder_reads_as_the_spec_shows(chat: Chat) -> None:
    waker = waker_for(chat)
    await wake(chat, waker)
    assert waker.next_wake is None
    await chat.send("koordination", SERIES)
    await chat.send("agentur1", "!tagesordnung 1 Fachkräftebedarf Logistik")
    await chat.send("stadt1", "!tagesordnung 1 Ansiedlung Sülzegrund")
    await wake(chat, waker)
    assert waker.next_wake == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # Mon 10:00, "1d"
    (reminder,) = await until_next(chat, waker)
    assert reminder["body"].splitlines() == [
        "🔔 Morgen: Koordinierungsrunde (#1)",
        "Di., 8. Dez. 2026, 10:00–11:30 Uhr · Rathaus, Raum 3",
        "Tagesordnung: 1. Fachkräftebedarf Logistik (Agentur)  2. Ansiedlung Sülzegrund (Stadt)",
        "Anna Schulz (Stadt), Bernd Krüger (Agentur), Carla Vogt (Jobcenter)",
    ]
    assert "m.relates_to" not in reminder  # a top-level message, not a reply
    assert set(reminder["m.mentions"]["user_ids"]) == CONTACTS
    assert (
        '<a href="https://matrix.to/#/@agentur1:test">Bernd Krüger</a>'
        in reminder["formatted_body"]
    )
    assert chat.sent[-1]["txn_id"] == txn_id("reminder", 1, "2026-12-08T09:00:00+00:00", 86400)
    async with chat.sessions() as session:
        row = await session.scalar(select(OutboxMessage).order_by(OutboxMessage.id.desc()))
    assert row is not None and row.purpose == "reminder:1" and row.event_id


async def test_a_series_is_reminded_once_per_date_and_offset(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", SERIES)
    await wake(chat, waker)
    heads = []
    for _ in range(5):
        posted = await until_next(chat, waker)
        heads += [(chat.clock.now, p["body"].splitlines()[0]) for p in posted]
    assert heads == [
        (datetime(2026, 12, 7, 9, tzinfo=UTC), "🔔 Morgen: Koordinierungsrunde (#1)"),
        (datetime(2026, 12, 8, 8, tzinfo=UTC), "🔔 Heute: Koordinierungsrunde (#1)"),
        (datetime(2027, 1, 5, 9, tzinfo=UTC), "🔔 In 7 Tagen: Koordinierungsrunde (#1)"),
        (datetime(2027, 1, 11, 9, tzinfo=UTC), "🔔 Morgen: Koordinierungsrunde (#1)"),
        (datetime(2027, 1, 12, 8, tzinfo=UTC), "🔔 Heute: Koordinierungsrunde (#1)"),
    ]
    assert {status for *_, status in await deliveries(chat)} == {"on_time"}
    assert len(await deliveries(chat)) == 5


async def test_two_wake_ups_at_the_same_moment_post_one_reminder(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await wake(chat, waker)
    assert waker.next_wake is not None
    chat.clock.now = waker.next_wake
    before = len(chat.sent)
    await asyncio.gather(waker.wake(), waker.wake())
    await chat.outbox.drain()
    await waker.wake()
    await chat.outbox.drain()
    assert [m["content"]["body"].splitlines()[0] for m in chat.sent[before:]] == [
        "🔔 Morgen: Runde (#1)"
    ]


async def test_a_second_instance_on_the_same_database_does_not_double(
    engine: AsyncEngine, clock: FakeClock
) -> None:
    """Two bots on one database (both backends), both waking at the due time: one reminder."""
    first = Chat(make_settings(), session_factory(engine), clock)
    second = Chat(make_settings(), session_factory(engine), clock)
    await first.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    wakers = [waker_for(first), waker_for(second)]
    for waker in wakers:
        await waker.wake()
    clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    for _ in range(3):
        await asyncio.gather(*(waker.wake() for waker in wakers))
    await asyncio.gather(first.outbox.drain(), second.outbox.drain())
    posted = [m["content"]["body"].splitlines()[0] for m in first.sent[1:] + second.sent]
    assert posted == ["🔔 Morgen: Runde (#1)"]
    assert await deliveries(first) == [(1, datetime(2026, 12, 8, 9, tzinfo=UTC), 86400, "on_time")]
    async with first.sessions() as session:
        rows = await session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.purpose == "reminder:1")
        )
    assert rows == 1


async def test_cancelling_removes_pending_reminders(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", SERIES)
    await wake(chat, waker)
    await chat.send("koordination", "!termin absagen 1")  # 8 Dec
    await wake(chat, waker)
    assert waker.next_wake == datetime(2027, 1, 5, 9, tzinfo=UTC)
    chat.clock.now = datetime(2026, 12, 8, 12, tzinfo=UTC)
    assert await wake(chat, waker) == []
    await chat.send("koordination", "!termin absagen 1 serie")
    await wake(chat, waker)
    assert waker.next_wake is None
    chat.clock.now = datetime(2027, 3, 1, tzinfo=UTC)
    assert await wake(chat, waker) == []
    assert await deliveries(chat) == []


async def test_moving_reschedules_the_reminders(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await chat.send("koordination", "!termin verschieben 1 10.12.2026 14:00")
    await wake(chat, waker)
    (early,) = await until_next(chat, waker)
    assert chat.clock.now == datetime(2026, 12, 3, 13, tzinfo=UTC)  # 7 days before, 14:00
    assert early["body"].splitlines()[0] == "🔔 In 7 Tagen: Runde (#1)"
    (reminder,) = await until_next(chat, waker)
    assert chat.clock.now == datetime(2026, 12, 9, 13, tzinfo=UTC)  # not 7 Dec 10:00
    assert reminder["body"].splitlines()[:2] == [
        "🔔 Morgen: Runde (#1)",
        "Do., 10. Dez. 2026, 14:00–15:30 Uhr",
    ]


async def test_after_an_outage_a_reminder_within_grace_is_posted_late_once(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await chat.send("agentur1", "!tagesordnung 1 Logistik")
    chat.clock.now = datetime(2026, 12, 8, 8, 20, tzinfo=UTC)  # down since before "1d"; 9:20
    waker = waker_for(chat)  # a new process
    (reminder,) = await wake(chat, waker)
    assert reminder["body"].splitlines()[0] == "🔔 Heute: Runde (#1) (verspätet)"
    assert await deliveries(chat) == [
        (1, datetime(2026, 12, 8, 9, tzinfo=UTC), 86400, "superseded"),
        (1, datetime(2026, 12, 8, 9, tzinfo=UTC), 3600, "late"),
    ]
    assert await wake(chat, waker_for(chat)) == []  # and another restart: nothing again


async def test_older_reminders_are_summarised_once_as_missed(chat: Chat) -> None:
    await chat.send("koordination", SERIES)
    await chat.send("koordination", "!termin neu 09.12.2026 10:00 Branchenrunde")
    chat.clock.now = datetime(2026, 12, 10, 12, tzinfo=UTC)
    (summary,) = await wake(chat, waker_for(chat))
    assert summary["body"].splitlines() == [
        "5 Erinnerungen verpasst, während koopbot nicht erreichbar war:",
        "• #2 Branchenrunde, Mi., 9. Dez. 2026, 10:00 Uhr (7 Tage vorher)",
        "• #1 Koordinierungsrunde, Di., 8. Dez. 2026, 10:00 Uhr (1 Tag vorher)",
        "• #1 Koordinierungsrunde, Di., 8. Dez. 2026, 10:00 Uhr (1 Stunde vorher)",
        "• #2 Branchenrunde, Mi., 9. Dez. 2026, 10:00 Uhr (1 Tag vorher)",
        "• #2 Branchenrunde, Mi., 9. Dez. 2026, 10:00 Uhr (1 Stunde vorher)",
        "!termine zeigt, was als Nächstes ansteht.",
    ]
    assert "m.relates_to" not in summary
    assert await wake(chat, waker_for(chat)) == []
    assert [status for *_, status in await deliveries(chat)] == ["missed"] * 5


async def test_a_failed_send_is_retried_and_still_posted_once(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await wake(chat, waker)
    chat.homeserver.failures = 3
    posted = await until_next(chat, waker)
    assert [p["body"].splitlines()[0] for p in posted] == ["🔔 Morgen: Runde (#1)"]


async def test_a_claimed_reminder_counts_as_delivered_only_once_its_send_succeeded(
    chat: Chat,
) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await wake(chat, waker)
    assert waker.next_wake is not None
    chat.clock.now = waker.next_wake
    await waker.wake()  # claimed and queued; the outbox has not sent it yet
    async with chat.sessions() as session:
        (delivery,) = await session.scalars(select(Delivery))
        assert delivery.decision == "on_time"
        assert await delivered_at(session, delivery) is None
    chat.homeserver.failures = 2
    chat.clock.advance(minutes=5)
    await chat.outbox.drain()
    async with chat.sessions() as session:
        (delivery,) = await session.scalars(select(Delivery))
        assert await delivered_at(session, delivery) == chat.clock.now


@pytest.mark.parametrize(
    ("outage", "late"), [(timedelta(seconds=50), False), (timedelta(minutes=3), True)]
)
async def test_a_reminder_that_reaches_the_room_late_says_when_it_was_due(
    chat: Chat, outage: timedelta, late: bool
) -> None:
    chat.outbox.late_note = late_note(chat.settings)
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await wake(chat, waker)
    assert waker.next_wake is not None
    chat.clock.now = waker.next_wake
    await waker.wake()  # claimed on time; the homeserver is away for ``outage``
    chat.clock.advance(seconds=outage.total_seconds())
    await chat.outbox.drain()
    lines = chat.last.splitlines()
    assert lines[0] == "🔔 Morgen: Runde (#1)"  # decided on time
    note = "⏱ Verspätet zugestellt: fällig war Mo., 7. Dez. 2026, 10:00 Uhr."
    assert (lines[-1] == note) is late
    assert (note in chat.last_html) is late


async def test_an_empty_agenda_says_how_to_add_to_it_and_holidays_are_flagged(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 06.01.2027 10:00 Runde")
    await wake(chat, waker)
    chat.clock.now = datetime(2027, 1, 5, 9, tzinfo=UTC)
    (reminder,) = await wake(chat, waker)
    assert reminder["body"].splitlines()[1:4] == [
        "Mi., 6. Jan. 2027, 10:00–11:30 Uhr",
        "⚠ Feiertag in Sachsen-Anhalt: Heilige Drei Könige. Verschieben? "
        "!termin verschieben 1 <datum> <zeit> am=06.01.2027",
        "Tagesordnung: noch leer – !tagesordnung 1 <punkt>",
    ]


async def test_later_features_add_their_parts(chat: Chat) -> None:
    seen: list[ReminderTopic] = []

    async def inputs(topic: ReminderTopic) -> list[Line]:
        seen.append(topic)
        return [inline("Noch offen: Branchenrunde – ausstehend: Jobcenter Magdeburg")]

    waker = waker_for(chat, parts=[agenda_part, inputs])
    await chat.send("koordination", SERIES)
    chat.clock.now = datetime(2027, 1, 11, 9, tzinfo=UTC)
    posted = await wake(chat, waker)  # also summarises December's reminders as missed
    (reminder,) = [p for p in posted if p["body"].startswith("🔔")]
    lines = reminder["body"].splitlines()
    assert lines[2:4] == [
        "Tagesordnung: noch leer – !tagesordnung 1 <punkt>",
        "Noch offen: Branchenrunde – ausstehend: Jobcenter Magdeburg",
    ]
    topic = seen[-1]
    assert topic.occurrence.start == datetime(2027, 1, 12, 9, tzinfo=UTC)
    assert topic.previous == datetime(2026, 12, 8, 9, tzinfo=UTC)
    assert topic.meeting.id == 1 and topic.now == chat.clock.now


async def test_contacts_set_in_the_room_are_the_ones_mentioned(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!mitglied hinzufügen agentur @neu:test")
    await chat.send("koordination", "!kontakte setzen agentur @neu:test")
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await wake(chat, waker)
    (reminder,) = await until_next(chat, waker)
    assert set(reminder["m.mentions"]["user_ids"]) == {
        "@stadt1:test",
        "@neu:test",
        "@jobcenter1:test",
    }


async def test_changed_offsets_are_followed_after_a_restart(chat: Chat) -> None:
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    await wake(chat, waker_for(chat))  # the running bot records its offsets
    chat.clock.now = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)  # down over the "1d" reminder
    changed = make_settings(reminders=ReminderSettings(offsets=["2h"], grace="6h"))
    waker = waker_for(chat, settings=changed)  # restarted with other offsets
    (late,) = await wake(chat, waker)
    assert late["body"].splitlines()[0] == "🔔 Morgen: Runde (#1) (verspätet)"
    assert waker.next_wake == datetime(2026, 12, 8, 7, tzinfo=UTC)
    (reminder,) = await until_next(chat, waker)
    assert reminder["body"].splitlines()[0] == "🔔 Heute: Runde (#1)"


async def test_reminders_in_english(sqlite_engine: AsyncEngine, clock: FakeClock) -> None:
    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    waker = waker_for(chat)
    await chat.send("koordination", "!meeting new 08.12.2026 10:00 Round")
    assert chat.last.splitlines()[0] == "Meeting #1 scheduled: Round"
    await wake(chat, waker)
    (reminder,) = await until_next(chat, waker)
    assert reminder["body"].splitlines()[:3] == [
        "🔔 Tomorrow: Round (#1)",
        "Tue, 8 Dec 2026, 10:00–11:30",
        "Agenda: still empty – !agenda 1 <item>",
    ]


async def test_a_long_agenda_is_cut_short_in_the_reminder(chat: Chat) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    for number in range(1, 18):
        await chat.send("stadt1", f"!tagesordnung 1 Punkt {number}")
    await wake(chat, waker)
    (reminder,) = await until_next(chat, waker)
    agenda = reminder["body"].splitlines()[2]
    assert agenda.startswith("Tagesordnung: 1. Punkt 1 (Stadt)  2. Punkt 2 (Stadt)")
    assert agenda.endswith("15. Punkt 15 (Stadt)  … und 2 weitere (!termin 1)")


async def test_a_meeting_that_cannot_be_expanded_does_not_stop_the_others(
    chat: Chat, caplog: Any
) -> None:
    waker = waker_for(chat)
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Kaputt wiederholung=wöchentlich")
    await chat.send("koordination", "!termin neu 08.12.2026 10:00 Runde")
    async with chat.sessions() as session, session.begin():
        broken = await session.get(Meeting, 1)
        assert broken is not None
        broken.rule = "FREQ=WEEKLY;BYDAY=XX"  # damaged in the database
    chat.clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    posted = await wake(chat, waker)
    assert [p["body"].splitlines()[0] for p in posted] == ["🔔 Morgen: Runde (#2)"]
    assert "meeting #1 cannot be expanded" in caplog.text
    assert waker.next_wake == datetime(2026, 12, 8, 8, 0, tzinfo=UTC)
