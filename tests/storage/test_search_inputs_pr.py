"""Search of sector inputs and press releases, on SQLite and PostgreSQL.

Umlauts, ß and case are folded and word parts in compounds are found (as for notices,
``test_search.py``); a press release is found by its current version only, the index
following a revision in the same transaction; a word naming a section also finds that
section's inputs; migration 0016 fills the search text of rows that existed before it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage import migrate, search, sectors
from storage.engine import session_factory
from storage.pr import releases as press

ROOM = "!r:test"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def _input(
    session: AsyncSession,
    number: int,
    text: str,
    *,
    demand: str = "",
    section: str = "C",
    room: str = ROOM,
    round_id: int | None = None,
    partner: str = "stadt",
) -> int:
    row = await sectors.add_input(
        session, room_id=room, round_id=round_id, partner_id=partner, author="@a:test",
        section=section, trend="stable", text=text, demand=demand, horizon="",
        now=NOW + timedelta(seconds=number), source_event_id=f"$i{number}",
    )  # fmt: skip
    return row.id


async def _release(session: AsyncSession, title: str, body: str, room: str = ROOM) -> int:
    release = await press.add_release(
        session, room_id=room, title=title, text=body, author="@a:test",
        author_partner="stadt", deadline=None, now=NOW, source_event_id=f"$p{title}",
    )  # fmt: skip
    return release.id


async def _revise(engine: AsyncEngine, release_id: int, title: str, body: str) -> None:
    async with session_factory(engine)() as session, session.begin():
        release = await press.get_release(session, ROOM, release_id, lock=True)
        assert release is not None
        await press.add_version(
            session, release, title=title, text=body, author="@b:test",
            author_partner="agentur", now=NOW, source_event_id=f"$rev{title}",
        )  # fmt: skip


async def _input_ids(
    session: AsyncSession, term: str, limit: int = 20, offset: int = 0, **named: str
) -> tuple[list[int], int]:
    rows, total = await sectors.search_inputs(session, ROOM, term, limit, offset, named)
    return [found.input.id for found in rows], total


async def _release_ids(session: AsyncSession, term: str) -> list[int]:
    rows, total = await press.search_releases(session, ROOM, term, 20)
    assert total == len(rows)
    return [row.id for row in rows]


async def _intact(session: AsyncSession, table: str) -> None:
    """On SQLite the FTS5 index agrees with its content table (raises if not)."""
    if session.bind.dialect.name == "sqlite":
        await session.execute(text(f"INSERT INTO {table}({table}) VALUES ('integrity-check')"))


def test_the_search_texts_are_normalised() -> None:
    assert sectors.searched_text("Straße ÜBER", "Schweißer, CNC", "C") == (
        "strasse ueber schweisser, cnc c"
    )
    assert press.searched_text("Gemeinsam für Fachkräfte", "Öl") == "gemeinsam fuer fachkraefte oel"


async def test_inputs_are_searched_with_umlauts_and_compounds(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        first = await _input(
            session, 0, "Lagerlogistik gefragt, Übergänge schwierig", demand="Schweißer, CNC",
            section="H",
        )  # fmt: skip
        for number in range(1, 206):
            await _input(session, number, f"Meldung {number}")
        await _input(session, 300, "Schweißer gesucht", room="!anders:test")
    async with session_factory(engine)() as session:
        for term in ["SCHWEISSER", "schweißer", "Schweiß", "logistik", "LAGERLOGISTIK",
                     "uebergaenge", "Übergängen", "cnc", "lager SCHWEISSER", "gefragt ÜBER"]:  # fmt: skip
            assert await _input_ids(session, term) == ([first], 1), term
        assert await _input_ids(session, "Bergbau") == ([], 0)
        # newest first, counted up to the cap and one more, paged
        page, total = await _input_ids(session, "meldung", limit=10)
        assert page == list(range(206, 196, -1)) and total == search.COUNT_CAP + 1
        page, total = await _input_ids(session, "meldung", limit=10, offset=200)
        assert page == list(range(6, 1, -1)) and total == 205
        assert await _input_ids(session, "meldung", limit=10, offset=210) == ([], 205)
        with_20 = [n + 1 for n in range(205, 0, -1) if "20" in str(n)]
        assert await _input_ids(session, "Meldung 20") == (with_20, len(with_20))
        # a word naming a section (the command passes it) finds that section's inputs too
        assert await _input_ids(session, "Logistik", Logistik="H") == ([first], 1)
        assert await _input_ids(session, "Verkehr", Verkehr="H") == ([first], 1)
        assert await _input_ids(session, "Verkehr") == ([], 0)
        assert await _input_ids(session, "Verkehr cnc", Verkehr="H") == ([first], 1)
        assert (await _input_ids(session, "Industrie", Industrie="C"))[1] == search.COUNT_CAP + 1
        await _intact(session, "input_search")


async def test_a_correction_is_named_among_the_found(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        round_ = await sectors.open_round(
            session, room_id=ROOM, opened_by="@k:test", now=NOW, deadline=NOW.date()
        )
        old = await _input(session, 1, "Aufträge", round_id=round_.id)
        new = await _input(session, 2, "Aufträge ziehen an", round_id=round_.id)
        other = await _input(session, 3, "Aufträge", round_id=round_.id, partner="agentur")
        outside = await _input(session, 4, "Aufträge")
    async with session_factory(engine)() as session:
        assert await _input_ids(session, "auftraege") == ([outside, other, new, old], 4)
        assert await sectors.corrected(session, [old, new, other, outside]) == {old}


async def test_a_press_release_is_found_by_its_current_version(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        first = await _release(
            session, "Gemeinsam für Fachkräfte", "Qualifizierungsoffensive **Lagerlogistik**"
        )
        second = await _release(session, "Pflege stärken", "Gemeinsam für die Pflege")
        await _release(session, "Fachkräfte", "Logistik", room="!anders:test")
    async with session_factory(engine)() as session:
        assert await _release_ids(session, "logistik") == [first]
        assert await _release_ids(session, "FACHKRAEFTE gemeinsam") == [first]
        assert await _release_ids(session, "gemeinsam FÜR") == [second, first]
        assert await _release_ids(session, "staerken") == [second]
    await _revise(engine, first, "Gemeinsam für Pflegekräfte", "Pflegeausbildung in Magdeburg")
    async with session_factory(engine)() as session:
        assert await _release_ids(session, "logistik") == []  # only in version 1
        assert await _release_ids(session, "Qualifizierungsoffensive") == []
        assert await _release_ids(session, "Fachkräfte") == []
        assert await _release_ids(session, "pflegekraefte") == [first]
        assert await _release_ids(session, "Ausbildung MAGDEBURG") == [first]
        assert await _release_ids(session, "pflege") == [second, first]
        await _intact(session, "press_search")


async def test_the_migration_fills_the_search_text_of_existing_rows(engine: AsyncEngine) -> None:
    async with session_factory(engine)() as session, session.begin():
        found = await _input(session, 1, "Straßenbau", demand="Schweißer", section="F")
        release_id = await _release(session, "Fachkräfte", "Lagerlogistik")
    await _revise(engine, release_id, "Fachkräfte für die Pflege", "Übergänge in Ausbildung")

    def _again(connection: Connection) -> None:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0015")
        command.upgrade(config, "head")

    async with engine.begin() as connection:
        await connection.run_sync(_again)
    async with session_factory(engine)() as session:
        stored = await session.scalar(text("SELECT search_text FROM sector_inputs"))
        assert stored == "strassenbau schweisser f"
        stored = await session.scalar(text("SELECT search_text FROM press_releases"))
        assert stored == "fachkraefte fuer die pflege uebergaenge in ausbildung"
        assert await _input_ids(session, "STRASSE schweiß") == ([found], 1)
        assert await _release_ids(session, "uebergaenge PFLEGE") == [release_id]
        assert await _release_ids(session, "lagerlogistik") == []
        await _intact(session, "input_search")
        await _intact(session, "press_search")
    async with session_factory(engine)() as session, session.begin():  # the triggers work again
        later = await _input(session, 2, "Übergänge", section="C")
        await session.flush()
        assert await _input_ids(session, "uebergaenge") == ([later], 1)
