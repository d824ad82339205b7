"""Notices, rounds and sector inputs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from storage import notices, sectors
from storage.engine import session_factory

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ROOM = "!room:test"


async def test_notices_are_stored_listed_searched_and_found_by_time(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        for number, text in enumerate(["Ansiedlung Logistik", "Schließung Werk", "ÄRGER"]):
            await notices.add_notice(
                session,
                room_id=ROOM,
                text=text,
                topic="",
                concerns="H" if number == 0 else "",
                author="@a:test",
                partner_id="stadt",
                now=NOW + timedelta(days=number),
                source_event_id=f"$e{number}",
            )
        await notices.add_notice(
            session,
            room_id="!other:test",
            text="anderer Raum",
            topic="",
            concerns="",
            author="@a:test",
            partner_id="stadt",
            now=NOW,
            source_event_id="$x",
        )
    async with sessions() as session:
        rows, total = await notices.recent_notices(session, ROOM, None, 2)
        assert [r.id for r in rows] == [3, 2] and total == 3
        found, count = await notices.recent_notices(session, ROOM, "ärger", 10)
        assert [r.text for r in found] == ["ÄRGER"] and count == 1
        assert (await notices.recent_notices(session, ROOM, "h", 10))[1] == 2  # text or concerns
        assert await notices.notice(session, ROOM, 4) is None  # another room's
        assert list(await notices.notices_between(session, ROOM, NOW, NOW + timedelta(days=1))) == [
            1,
            2,
        ]
        (first,) = (await notices.recent_notices(session, ROOM, "Logistik", 1))[0]
        assert first.created_at == NOW and first.created_at.tzinfo is not None


async def test_rounds_inputs_corrections_and_reminder_records(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        round_ = await sectors.open_round(
            session, room_id=ROOM, opened_by="@k:test", now=NOW, deadline=date(2026, 12, 7)
        )
        for trend in ("growing", "declining"):
            await sectors.add_input(
                session,
                room_id=ROOM,
                round_id=round_.id,
                partner_id="stadt",
                author="@a:test",
                section="C",
                trend=trend,
                text="x" * 4_000,
                demand="Schweißer",
                horizon="12m",
                now=NOW,
                source_event_id=f"${trend}",
            )
        await sectors.add_input(
            session,
            room_id=ROOM,
            round_id=None,
            partner_id="agentur",
            author="@b:test",
            section="C",
            trend="stable",
            text="außerhalb",
            demand="",
            horizon="",
            now=NOW,
            source_event_id="$out",
        )
    async with sessions.begin() as session:
        current = await sectors.current_round(session, ROOM)
        assert current is not None and current.deadline == date(2026, 12, 7)
        inputs = await sectors.inputs_of_round(session, current.id)
        assert [r.trend for r in inputs] == ["growing", "declining"]
        assert sectors.newest(inputs)[("stadt", "C")].trend == "declining"
        assert [r.text for r in await sectors.inputs_outside_rounds(session, ROOM)] == ["außerhalb"]
        view = await sectors.section_view(session, ROOM, "C", shown=10, rounds=12)
        assert len(view.history) == 3 and list(view.rounds) == [current.id]
        assert [r.id for r in await sectors.open_rounds(session)] == [current.id]
        sectors.close_round(current, closed_by="@k:test", now=NOW)
    async with sessions() as session:
        assert await sectors.current_round(session, ROOM) is None
        latest = await sectors.latest_round(session, ROOM)
        assert latest is not None and latest.closed_at == NOW


async def test_a_section_view_reads_the_newest_inputs_and_the_newest_rounds(
    engine: AsyncEngine,
) -> None:
    """``!branche C``: the newest inputs of the section (the list) and every input of its
    newest rounds that have one (the picture), with their rounds, whatever came before:
    one section's rounds may lie far apart, another section's inputs lie between."""
    sessions = session_factory(engine)
    c_ids: list[int] = []
    async with sessions.begin() as session:
        for number in range(20):
            opened = NOW + timedelta(days=10 * number)
            round_ = await sectors.open_round(
                session, room_id=ROOM, opened_by="@k:test", now=opened, deadline=opened.date()
            )
            sections = ["H"] if number % 3 else ["C", "H"]  # C in rounds 0, 3, 6, …
            for section in sections:
                for partner in ("stadt", "agentur"):
                    row = await sectors.add_input(
                        session, room_id=ROOM, round_id=round_.id, partner_id=partner,
                        author=f"@{partner}:test", section=section, trend="stable", text="",
                        demand="", horizon="", now=opened,
                        source_event_id=f"${number}{section}{partner}",
                    )  # fmt: skip
                    if section == "C":
                        c_ids.insert(0, row.id)  # newest first
            sectors.close_round(round_, closed_by="@k:test", now=opened)
    async with sessions() as session:
        view = await sectors.section_view(session, ROOM, "C", shown=5, rounds=2)
    assert [row.id for row in view.history] == c_ids[:5]  # the newest five, newest first
    c_rounds = sorted({row.round_id for row in view.history} | {r.round_id for r in view.inputs})
    assert {row.round_id for row in view.inputs} == set(c_rounds[-2:])  # the newest two
    assert len(view.inputs) == 4 and all(row.section == "C" for row in view.inputs)
    assert set(view.rounds) == set(c_rounds)  # every round named in the list or the picture
    async with sessions() as session:
        everything = await sectors.section_view(session, ROOM, "C", shown=100, rounds=100)
    assert len(everything.history) == 2 * 7 and len(everything.inputs) == 2 * 7


async def test_the_latest_round_comes_with_its_inputs(engine: AsyncEngine) -> None:
    """``!branchen``: the open round, else the newest, with its inputs oldest first, in one
    statement; an open round wins over a newer closed one; no round: nothing."""
    sessions = session_factory(engine)
    async with sessions() as session:
        assert await sectors.latest_round_inputs(session, ROOM) == (None, [])
    rounds: list[int] = []
    ids: list[int] = []
    async with sessions.begin() as session:
        for number in range(3):
            made = await sectors.open_round(
                session, room_id=ROOM, opened_by="@k:test", now=NOW + timedelta(days=number),
                deadline=date(2026, 12, 20),
            )  # fmt: skip
            rounds.append(made.id)
            if number != 1:
                sectors.close_round(made, closed_by="@k:test", now=NOW)
        for partner in ("stadt", "agentur", "stadt"):
            row = await sectors.add_input(
                session, room_id=ROOM, round_id=rounds[1], partner_id=partner, author="@a:test",
                section="C", trend="stable", text="", demand="", horizon="", now=NOW,
                source_event_id=f"$latest{len(ids)}",
            )  # fmt: skip
            ids.append(row.id)
    async with sessions() as session:
        found, inputs = await sectors.latest_round_inputs(session, ROOM)
        assert found is not None and found.id == rounds[1]  # open, though not the newest
        assert [row.id for row in inputs] == ids
        latest = await sectors.latest_round(session, ROOM)
        assert latest is not None and latest.id == rounds[1]
        assert await sectors.latest_round_inputs(session, "!leer:test") == (None, [])
    async with sessions.begin() as session:
        running = await session.get_one(sectors.Round, rounds[1])
        sectors.close_round(running, closed_by="@k:test", now=NOW)
    async with sessions() as session:
        found, inputs = await sectors.latest_round_inputs(session, ROOM)
        assert found is not None and (found.id, inputs) == (rounds[2], [])  # the newest
