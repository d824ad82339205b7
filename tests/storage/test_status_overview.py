"""``storage.overview.status_overview``: the one statement of ``!status`` also names the
meetings with changed dates and the partners who reported in the open round (both backends)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from storage import sectors
from storage.engine import session_factory
from storage.meetings import add_meeting, change_occurrence
from storage.overview import RELEASES, status_overview
from storage.pr import releases as press

ROOM = "!kooperation:test"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
PARTNERS = ("stadt", "agentur", "jobcenter")


async def test_changed_meetings_and_reporting_partners_come_with_the_overview(
    engine: AsyncEngine,
) -> None:
    async with session_factory(engine)() as session:
        empty = await status_overview(session, ROOM, 3, PARTNERS, backlog=True)
    assert (empty.changed, empty.reported, empty.open_round) == (frozenset(), frozenset(), None)
    async with session_factory(engine)() as session, session.begin():
        ids = []
        for hours in (5, 20, 50):
            meeting = await add_meeting(
                session, room_id=ROOM, title=f"in {hours} h", place="", duration_minutes=60,
                start=NOW + timedelta(days=7), rule=None, tz="Europe/Berlin",
                created_by="@koordination:test", now=NOW,
            )  # fmt: skip
            meeting.next_reminder_at = NOW + timedelta(hours=hours)
            ids.append(meeting.id)
        await change_occurrence(
            session, meeting, original=NOW + timedelta(days=7), new_start=None,
            by="@koordination:test", now=NOW,
        )  # fmt: skip
        old = await sectors.open_round(
            session, room_id=ROOM, opened_by="@k:test", now=NOW, deadline=date(2026, 12, 5)
        )
        old.closed_at = NOW
        running = await sectors.open_round(
            session, room_id=ROOM, opened_by="@k:test", now=NOW, deadline=date(2026, 12, 20)
        )
        for round_id, partner in ((old.id, "stadt"), (running.id, "agentur"), (None, "jobcenter")):
            await sectors.add_input(
                session, room_id=ROOM, round_id=round_id, partner_id=partner, author="@a:test",
                section="C", trend="wachsend", text="", demand="", horizon="", now=NOW,
                source_event_id=f"$in{partner}",
            )  # fmt: skip
    async with session_factory(engine)() as session:
        plain = await status_overview(session, ROOM, 3, ())
        for backlog in (False, True):
            found = await status_overview(session, ROOM, 3, PARTNERS, backlog=backlog)
            assert [m.id for m in found.meetings] == [m.id for m in plain.meetings] == ids
            assert found.open_round is not None and found.open_round.id == running.id
            assert found.changed == {ids[2]}
            assert found.reported == {"agentur"}
            assert (found.backlog is not None) is backlog


async def test_unpublished_releases_come_with_the_approvals_their_audit_records(
    engine: AsyncEngine,
) -> None:
    async with session_factory(engine)() as session, session.begin():
        made = []
        for number in range(4):
            release = await press.add_release(
                session, room_id=ROOM, title=f"PM {number}", text="Text", author="@stadt1:test",
                author_partner="stadt", deadline=None, now=NOW, source_event_id=f"$pm{number}",
            )  # fmt: skip
            made.append(release)
        first, second, published, _ = made
        for release, kind, partner in (
            (first, press.APPROVED, "stadt"), (first, press.APPROVED, "agentur"),
            (second, press.APPROVED, "stadt"), (second, press.APPROVED, "agentur"),
            (second, press.WITHDRAWN, "agentur"), (published, press.PUBLISHED, None),
        ):  # fmt: skip
            await press.add_event(
                session, release=release, kind=kind, user_id="@x:test", partner_id=partner,
                now=NOW, source_event_id=None,
            )  # fmt: skip
        # A new version: the approvals of the first one no longer stand.
        await press.add_version(
            session, release=first, title="PM 0", text="Neu", author="@stadt1:test",
            author_partner="stadt", now=NOW, source_event_id="$v2",
        )  # fmt: skip
        await press.add_event(
            session, release=first, kind=press.APPROVED, user_id="@x:test", partner_id="jobcenter",
            now=NOW, source_event_id=None,
        )  # fmt: skip
    async with session_factory(engine)() as session:
        found = await status_overview(session, ROOM, 3, PARTNERS)
        assert [r.id for r in found.releases] == [
            r.id for r in reversed(made) if r is not published
        ]
        approved = {r.id: r.approved for r in found.releases}
        assert approved == {made[3].id: set(), second.id: {"stadt"}, first.id: {"jobcenter"}}
        # the same as the audit says, read the long way
        decided = await press.decisions(session, [r for r in made if r is not published])
        assert approved == {
            release_id: {p for p, event in latest.items() if event.kind == press.APPROVED}
            for release_id, latest in decided.items()
        }
        assert (await status_overview(session, "!leer:test", 3, PARTNERS)).releases == ()


async def test_the_overview_names_at_most_the_newest_releases(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        ids = []
        for number in range(RELEASES + 2):
            release = await press.add_release(
                session, room_id=ROOM, title=f"PM {number}", text="Text", author="@stadt1:test",
                author_partner="stadt", deadline=None, now=NOW, source_event_id=f"$pm{number}",
            )  # fmt: skip
            ids.append(release.id)
    async with session_factory(engine)() as session:
        found = await status_overview(session, ROOM, 3, PARTNERS, backlog=True)
    assert [r.id for r in found.releases] == ids[::-1][:RELEASES]
