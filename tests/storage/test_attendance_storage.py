"""Attendance per organisation and the minutes' read queries on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import attendance, meetings
from storage import minutes as queries
from storage.attendance import Attendance
from storage.decisions import chain
from storage.decisions.chain import NewEntry
from storage.engine import session_factory

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SITTING = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
ROOM = "!raum:test"


async def test_marking_adds_once_and_a_coordinators_record_replaces(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        meeting = await meetings.add_meeting(
            session, room_id=ROOM, title="Runde", place="", duration_minutes=90, start=SITTING,
            rule=None, tz="Europe/Berlin", created_by="@k:test", now=NOW,
        )  # fmt: skip
        common: dict[str, Any] = {
            "room_id": ROOM,
            "meeting_id": meeting.id,
            "occurrence": SITTING,
            "now": NOW,
        }
        added = await attendance.mark(
            session, partner_ids=["agentur"], by="@a:test", replace=False, **common
        )
        again = await attendance.mark(
            session, partner_ids=["agentur"], by="@a:test", replace=False, **common
        )
        assert (added, again) == (["agentur"], [])
        await attendance.mark(
            session, partner_ids=["stadt", "jobcenter"], by="@k:test", replace=True, **common
        )
        assert sorted(await attendance.present(session, meeting.id, SITTING)) == [
            "jobcenter",
            "stadt",
        ]
        assert await attendance.present(session, meeting.id, SITTING + timedelta(days=1)) == []
        found = await attendance.between(session, ROOM, SITTING, SITTING + timedelta(hours=1))
        assert sorted(row.partner_id for row in found) == ["jobcenter", "stadt"]
        assert await attendance.between(session, "!anderer:test", SITTING, NOW + timedelta(1)) == []
        meeting_id = meeting.id
    with pytest.raises(IntegrityError):  # one row per organisation and date, always
        async with sessions.begin() as session:
            session.add(
                Attendance(
                    room_id=ROOM, meeting_id=meeting_id, occurrence=SITTING, partner_id="stadt",
                    recorded_by="@k:test", recorded_at=NOW,
                )
            )  # fmt: skip


async def test_the_minutes_queries_find_a_sittings_decisions_and_open_actions(
    engine: AsyncEngine,
) -> None:
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        meeting = await meetings.add_meeting(
            session, room_id=ROOM, title="Runde", place="", duration_minutes=90, start=SITTING,
            rule=None, tz="Europe/Berlin", created_by="@k:test", now=NOW,
        )  # fmt: skip
        base: dict[str, Any] = {
            "room_id": ROOM, "kind": "recorded", "wording": "w", "outcome": "adopted",
            "decided_on": date(2026, 12, 1), "recorded_at": SITTING, "author": "@k:test",
            "author_partner": None, "source_event_id": "$e",
        }  # fmt: skip
        await chain.append(
            session,
            NewEntry(
                subject="Am Termin", meeting_id=meeting.id, meeting_at=SITTING,
                agenda_item="1. Punkt", responsible="@a:test", deadline=date(2026, 12, 5), **base,
            ),
        )  # fmt: skip
        await chain.append(session, NewEntry(subject="Am selben Tag", **base))
        await chain.append(
            session,
            NewEntry(**{**base, "subject": "Später", "decided_on": date(2026, 12, 3),
                        "recorded_at": SITTING + timedelta(days=2)}, deadline=date(2027, 1, 1)),
        )  # fmt: skip
    async with sessions() as session:
        sitting = await queries.sitting_decisions(
            session, ROOM, meeting.id, SITTING, date(2026, 12, 1)
        )
        assert [d.entry.subject for d in sitting] == ["Am Termin", "Am selben Tag"]
        last = await queries.last_entry(session, SITTING + timedelta(hours=1))
        assert last is not None and last.subject == "Am selben Tag"
        actions = await queries.open_actions(session, ROOM, last.id)
        assert [d.entry.subject for d in actions] == ["Am Termin"]
        every = await queries.open_actions(session, ROOM, None)
        assert [d.entry.subject for d in every] == ["Am Termin", "Später"]
        dated = await queries.decisions_dated(session, None, date(2026, 12, 2), date(2026, 12, 31))
        assert [d.entry.subject for d in dated] == ["Später"]
