"""The one policy of timed posts: pure functions, an injected now, no sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commands.core.catalogue import Catalogue
from commands.core.delivery import (
    LATE_AFTER,
    REMIND_AT,
    Decision,
    Missed,
    at_remind_time,
    cause,
    decide,
    is_due,
    meeting_key,
    missed_summary,
)
from commands.core.markup import inline
from storage.deliveries import Source

GRACE = timedelta(hours=6)
DUE = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("after", "decision"),
    [
        (timedelta(0), Decision.ON_TIME),
        (LATE_AFTER, Decision.ON_TIME),
        (LATE_AFTER + timedelta(seconds=1), Decision.LATE),
        (GRACE, Decision.LATE),
        (GRACE + timedelta(seconds=1), Decision.MISSED),
    ],
)
def test_one_post_is_on_time_late_or_missed(after: timedelta, decision: Decision) -> None:
    assert decide([(DUE, None)], DUE + after, GRACE) == [decision]


def test_late_is_sixty_seconds_for_every_source() -> None:
    assert timedelta(seconds=60) == LATE_AFTER


def test_a_post_past_its_until_is_missed_even_within_grace() -> None:
    until = DUE + timedelta(minutes=30)
    assert decide([(DUE, until)], until - timedelta(seconds=1), GRACE) == [Decision.LATE]
    assert decide([(DUE, until)], until, GRACE) == [Decision.MISSED]


def test_of_several_due_at_once_only_the_latest_postable_is_posted() -> None:
    older, newer = DUE - timedelta(days=1), DUE
    now = DUE + timedelta(minutes=5)
    assert decide([(older, None), (newer, None)], now, GRACE) == [
        Decision.SUPERSEDED,
        Decision.LATE,
    ]
    # Beyond the grace all of them are missed, none superseded.
    later = DUE + GRACE + timedelta(hours=1)
    assert decide([(older, None), (newer, None)], later, GRACE) == [Decision.MISSED] * 2


def test_nothing_to_say_is_skipped_not_missed() -> None:
    assert decide([(DUE, None), (DUE, None)], DUE + GRACE * 2, GRACE, wanted=False) == [
        Decision.SKIPPED,
        Decision.SKIPPED,
    ]
    assert not Decision.SKIPPED.posted and not Decision.MISSED.posted
    assert Decision.ON_TIME.posted and Decision.LATE.posted


def test_due_at_its_moment_not_before() -> None:
    assert is_due(DUE, DUE) and not is_due(DUE, DUE - timedelta(microseconds=1))


def test_nine_o_clock_local_follows_daylight_saving_time() -> None:
    assert REMIND_AT.hour == 9
    assert at_remind_time(date(2026, 12, 7), BERLIN) == DUE
    assert at_remind_time(date(2027, 6, 7), BERLIN) == datetime(2027, 6, 7, 7, tzinfo=UTC)


def test_the_transaction_ids_stay_as_they_were() -> None:
    occurrence = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    key = meeting_key(occurrence, timedelta(days=1))
    assert key == "2026-12-08T09:00:00+00:00/86400"
    assert cause(Source.MEETING, 1, key) == ("reminder", 1, "2026-12-08T09:00:00+00:00", 86400)
    assert cause(Source.PRESS, 3, "due") == ("pm-reminder", 3, "due")
    assert cause(Source.ROUND, 2, "half") == ("round-reminder", 2, "half")


def test_missed_posts_are_summarised_once_per_room_oldest_first() -> None:
    texts = Catalogue("de")
    items = [Missed(DUE + timedelta(hours=i), inline(f"Punkt {i}"), ("x", i)) for i in (3, 1, 2)]
    post = missed_summary(texts, "!r", items, "pm.remind.missed_next")
    assert post.room_id == "!r" and post.reply.purpose == "reminders-missed"
    assert post.cause == ("reminders-missed", "!r", ("x", 1), ("x", 2), ("x", 3))
    assert post.reply.doc.plain().splitlines() == [
        "3 Erinnerungen verpasst, während koopbot nicht erreichbar war:",
        "• Punkt 1",
        "• Punkt 2",
        "• Punkt 3",
        "!pm zeigt den Stand der Pressemitteilungen.",
    ]
    many = [Missed(DUE, inline(f"p{i}"), ("x", i)) for i in range(12)]
    lines = missed_summary(texts, "!r", many, "sectors.remind_missed_next").reply.doc.plain()
    assert lines.splitlines()[-2:] == ["… und 2 weitere", "!branchen zeigt den Stand der Runde."]
