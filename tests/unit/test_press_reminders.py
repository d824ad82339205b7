"""Deadline reminders with the injected clock: a day before and on the day, exactly once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.app import due_sources, event_hooks
from bot.content import txn_id
from bot.scheduler import Waker
from commands.pr.reminders import PressReminders
from storage.deliveries import Delivery
from storage.pr.releases import PressRelease
from tests.support.chat import Chat, make_settings
from tests.support.press import TEXT, draft

DAY_BEFORE = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # 09:00 in Magdeburg
ON_THE_DAY = datetime(2026, 12, 8, 8, 0, tzinfo=UTC)
WITH_DEADLINE = "!pm entwurf Gemeinsam für Fachkräfte frist=08.12.2026\n" + TEXT


def waker_for(chat: Chat) -> Waker:
    return Waker(
        None,
        [PressReminders(chat.settings)],
        chat.sessions,
        chat.clock,
        chat.posting,
        chat.outbox.push,
    )


async def wake(chat: Chat, waker: Waker) -> list[dict[str, object]]:
    """Run what is due; the bot's messages this produced."""
    before = len(chat.sent)
    await waker.wake()
    await chat.outbox.drain()
    return [m["content"] for m in chat.sent[before:]]


async def recorded(chat: Chat) -> list[tuple[str, str, str]]:
    """(kind, decision, partners reminded) of each claimed press reminder."""
    async with chat.sessions() as session:
        rows = await session.scalars(select(Delivery).order_by(Delivery.id))
        return [(r.key, r.decision, r.extra) for r in rows if r.source == "press"]


def test_the_bot_runs_the_reminders_and_the_reaction_hook() -> None:
    settings = make_settings()
    assert any(isinstance(source, PressReminders) for source in due_sources(settings))
    assert event_hooks(settings)


async def test_a_day_before_and_on_the_day_exactly_once_each(chat: Chat) -> None:
    await draft(chat, WITH_DEADLINE)
    await chat.send("stadt1", "!pm freigeben 1")
    waker = waker_for(chat)
    assert await wake(chat, waker) == []
    assert waker.next_wake == DAY_BEFORE

    chat.clock.now = DAY_BEFORE
    [reminder] = await wake(chat, waker)
    body = str(reminder["body"]).splitlines()
    assert (
        body[0] == "⏰ PM #1 „Gemeinsam für Fachkräfte“: Die Frist endet morgen, Di., 8. Dez. 2026."
    )
    assert body[1:5] == [
        "PM #1 · Version 1 · Entwurf",
        "✅ Landeshauptstadt Magdeburg",
        "⏳ Agentur für Arbeit Magdeburg",
        "⏳ Jobcenter Magdeburg",
    ]
    assert body[5] == "Freigabe ausstehend: Agentur für Arbeit Magdeburg, Jobcenter Magdeburg."
    assert body[6] == (
        "Bernd Krüger, Carla Vogt: bitte !pm 1 lesen und freigeben (!pm freigeben 1) "
        "oder Änderungen erbitten (!pm ablehnen 1 <grund>)."
    )
    assert reminder["m.mentions"] == {"user_ids": ["@agentur1:test", "@jobcenter1:test"]}
    assert "m.relates_to" not in reminder
    assert chat.sent[-1]["txn_id"] == txn_id("pm-reminder", 1, "1d")
    assert await wake(chat, waker) == []
    chat.clock.advance(hours=3)
    assert await wake(chat, waker) == []
    assert waker.next_wake == ON_THE_DAY

    chat.clock.now = ON_THE_DAY
    [reminder] = await wake(chat, waker)
    assert str(reminder["body"]).startswith(
        "⏰ PM #1 „Gemeinsam für Fachkräfte“: Die Frist endet heute, Di., 8. Dez. 2026."
    )
    assert chat.sent[-1]["txn_id"] == txn_id("pm-reminder", 1, "due")
    assert await wake(chat, waker) == []
    assert waker.next_wake is None


async def test_a_second_instance_does_not_double_a_reminder(chat: Chat) -> None:
    await draft(chat, WITH_DEADLINE)
    chat.clock.now = DAY_BEFORE
    first, second = waker_for(chat), waker_for(chat)
    assert len(await wake(chat, first)) == 1
    assert await wake(chat, second) == []
    assert await recorded(chat) == [("1d", "on_time", "stadt,agentur,jobcenter")]


async def test_an_approved_release_is_not_reminded(chat: Chat) -> None:
    await draft(chat, WITH_DEADLINE)
    waker = waker_for(chat)
    await wake(chat, waker)
    assert waker.next_wake == DAY_BEFORE
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!pm freigeben 1")
    chat.clock.now = ON_THE_DAY
    assert await wake(chat, waker) == []
    assert waker.next_wake is None


async def test_late_reminders_are_marked_and_too_late_ones_summarised(chat: Chat) -> None:
    await draft(chat, WITH_DEADLINE)
    waker = waker_for(chat)
    chat.clock.now = DAY_BEFORE + timedelta(hours=7)  # beyond the 6 h grace: missed
    [summary] = await wake(chat, waker)
    assert str(summary["body"]).splitlines() == [
        "1 Erinnerung verpasst, während koopbot nicht erreichbar war:",
        "• PM #1 „Gemeinsam für Fachkräfte“, Frist Di., 8. Dez. 2026 "
        "(Erinnerung Mo., 7. Dez. 2026, 09:00 Uhr)",
        "!pm zeigt den Stand der Pressemitteilungen.",
    ]
    assert "m.relates_to" not in summary
    assert await wake(chat, waker) == []  # summarised once
    assert waker.next_wake == ON_THE_DAY
    chat.clock.now = ON_THE_DAY + timedelta(hours=2)  # within the grace: posted, marked late
    [reminder] = await wake(chat, waker)
    body = str(reminder["body"]).splitlines()
    assert body[0] == (
        "⏰ PM #1 „Gemeinsam für Fachkräfte“: Die Frist endet heute, Di., 8. Dez. 2026. (verspätet)"
    )
    assert body[1] == "PM #1 · Version 1 · Entwurf"
    assert await recorded(chat) == [
        ("1d", "missed", ""),
        ("due", "late", "stadt,agentur,jobcenter"),
    ]
    assert waker.next_wake is None


async def test_a_reminder_a_minute_late_is_marked_like_a_meetings(chat: Chat) -> None:
    await draft(chat, WITH_DEADLINE)
    waker = waker_for(chat)
    chat.clock.now = DAY_BEFORE + timedelta(seconds=60)  # LATE_AFTER: still on time
    [reminder] = await wake(chat, waker)
    assert not str(reminder["body"]).splitlines()[0].endswith("(verspätet)")
    chat.clock.now = ON_THE_DAY + timedelta(seconds=61)
    [reminder] = await wake(chat, waker)
    assert str(reminder["body"]).splitlines()[0].endswith("(verspätet)")
    assert [decision for _, decision, _ in await recorded(chat)] == ["on_time", "late"]


async def test_no_reminder_for_a_moment_before_the_draft_existed(chat: Chat) -> None:
    chat.clock.now = DAY_BEFORE + timedelta(hours=1)
    await draft(chat, WITH_DEADLINE)
    waker = waker_for(chat)
    assert await wake(chat, waker) == []
    assert waker.next_wake == ON_THE_DAY


async def test_changes_requested_mention_the_author_and_current_contacts(chat: Chat) -> None:
    await draft(chat, WITH_DEADLINE)
    await chat.send("koordination", "!mitglied hinzufügen agentur @neu:test")
    await chat.send("koordination", "!kontakte setzen agentur @neu:test vertretung=@agentur1:test")
    await chat.send("jobcenter1", "!pm ablehnen 1 Zahlen prüfen")
    chat.clock.now = DAY_BEFORE
    [reminder] = await wake(chat, waker_for(chat))
    body = str(reminder["body"]).splitlines()
    assert body[5:] == [
        "Freigabe ausstehend: Landeshauptstadt Magdeburg, Agentur für Arbeit Magdeburg.",
        "Anna Schulz, neu, Bernd Krüger: bitte !pm 1 lesen und freigeben (!pm freigeben 1) "
        "oder Änderungen erbitten (!pm ablehnen 1 <grund>).",
        "Änderungen erbeten von: Jobcenter Magdeburg.",
        "Anna Schulz: bitte überarbeiten (!pm überarbeiten 1).",
    ]
    assert reminder["m.mentions"] == {"user_ids": ["@stadt1:test", "@neu:test", "@agentur1:test"]}


def test_reminder_times_follow_daylight_saving_time() -> None:
    reminders = PressReminders(make_settings())
    summer = PressRelease(deadline=date(2027, 6, 8))
    winter = PressRelease(deadline=date(2027, 1, 12))
    assert reminders.moments(summer) == [
        ("1d", datetime(2027, 6, 7, 7, 0, tzinfo=UTC)),
        ("due", datetime(2027, 6, 8, 7, 0, tzinfo=UTC)),
    ]
    assert reminders.moments(winter)[1] == ("due", datetime(2027, 1, 12, 8, 0, tzinfo=UTC))
    assert reminders.moments(PressRelease(deadline=None)) == []
