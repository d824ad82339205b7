"""Current state and search, on SQLite and PostgreSQL.

The current-state records (``decision_state``) follow every append, single or bulk, and
``verify-log`` catches a record that disagrees with the chain. The indexed search finds
everything the former search (a casefolded substring over the listed text, in Python)
found, on generated logs with umlauts, ß, case, compounds and fragments; status filters
select exactly what they did. ``!infos`` searches every notice, not only the newest 2,000.
The migration fills both from existing rows.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text as text_clause
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from commands.decisions.viewing import list_filter
from commands.decisions.words import STATUS_WORDS, overdue, person
from config import Settings
from storage import migrate, notices, search
from storage.decisions import chain, state
from storage.decisions import models as store
from storage.decisions.chain import Problem
from storage.decisions.models import Listed, Status
from storage.engine import session_factory
from tests.support.chat import make_settings
from tests.support.decisions import add_entries, new_entry, run_sql

SETTINGS = make_settings()
ROOMS = (f"!search{n}:test" for n in itertools.count())
DAY = date(2026, 12, 1)
VOCABULARY = [
    "Maßnahme", "MASSNAHMEN", "Lagerlogistik", "Übergang", "übergänge", "Straße", "STRASSE",
    "Krüger", "krueger", "Jobcenter", "für", "Ärger", "#3", "a", "ab", "x_y", "50%", "ÖL",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(VOCABULARY), max_size=4).map(" ".join)
PEOPLE = st.sampled_from(["@stadt1:test", "@agentur1:test", "@fremd:test"])


async def _listed_ids(
    session: AsyncSession, chosen: state.Filter, *, offset: int, limit: int
) -> tuple[list[int], int]:
    page, total = await state.listed_page(session, chosen, offset=offset, limit=limit)
    return [shown.id for shown in page], total


def former_match(listed: Listed, words: Sequence[str], settings: Settings, day: date) -> bool:
    """The search as it was before the current-state records (``viewing.matches``)."""
    entry, status = listed.entry, listed.status
    wanted = {STATUS_WORDS[w] for w in words if w in STATUS_WORDS}
    if not wanted and status is Status.SUPERSEDED:
        return False
    for chosen in wanted:
        if chosen == state.OVERDUE:
            if not overdue(entry.deadline, status, day):
                return False
        elif status.value != chosen:
            return False
    haystack = " ".join(
        [
            f"#{entry.id}",
            entry.subject,
            entry.wording,
            entry.agenda_item or "",
            entry.dissent,
            entry.responsible or "",
            person(settings, entry.responsible),
        ]
    ).casefold()
    return all(word in haystack for word in words if word not in STATUS_WORDS)


@st.composite
def logs(draw: st.DrawFn) -> list[dict[str, object]]:
    """Up to eight entries; later ones may amend, revoke or close the one before."""
    drafted: list[dict[str, object]] = []
    for number in range(draw(st.integers(1, 8))):
        kind = "recorded" if number == 0 else draw(
            st.sampled_from(["recorded", "amended", "revoked", "done"])
        )  # fmt: skip
        drafted.append(
            {
                "kind": kind,
                "back": None if kind == "recorded" else 1,
                "subject": draw(TEXT) or "Betreff",
                "wording": draw(TEXT),
                "dissent": draw(TEXT),
                "agenda_item": draw(st.none() | TEXT),
                "responsible": draw(st.none() | PEOPLE),
                "deadline": draw(st.none() | st.dates(date(2026, 11, 1), date(2027, 1, 1))),
            }
        )
    return drafted


def queries() -> st.SearchStrategy[str]:
    word = st.sampled_from(VOCABULARY).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.lower(), w[1:], w[:-1], w[1:4]])
    )
    status = st.sampled_from(["", *STATUS_WORDS])
    person_name = st.sampled_from(["", "bernd", "KRÜGER", "anna", "fremd"])
    return st.tuples(st.lists(word, max_size=2), status, person_name).map(
        lambda parts: " ".join(w for w in (*parts[0], parts[1], parts[2]) if w.strip())
    )


async def _write(engine: AsyncEngine, room: str, log: list[dict[str, object]], bulk: bool) -> None:
    async with session_factory(engine)() as session, session.begin():
        first, _ = await chain.head(session)
        entries = []
        for index, drafted in enumerate(log):
            fields = dict(drafted)
            back = fields.pop("back")
            number = first + index + 1
            target = None if back is None else number - 1
            entries.append(
                new_entry(number, room_id=room, refers_to=target, decision_no=None, **fields)
            )
        if bulk:
            await chain.append_many(session, entries)
        else:
            for entry in entries:
                await chain.append(session, entry)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(log=logs(), terms=st.lists(queries(), min_size=1, max_size=4), bulk=st.booleans())
async def test_the_indexed_search_finds_all_the_former_search_found(
    engine: AsyncEngine, log: list[dict[str, object]], terms: list[str], bulk: bool
) -> None:
    room = next(ROOMS)
    await _write(engine, room, log, bulk)
    async with session_factory(engine)() as session:
        listed = await store.room_decisions(session, room)
        for term in terms:
            words = [word.casefold() for word in term.split()]
            former = [item.entry.id for item in listed if former_match(item, words, SETTINGS, DAY)]
            chosen = list_filter(room, term, SETTINGS, DAY)
            found, total = await _listed_ids(session, chosen, offset=0, limit=1000)
            assert set(former) <= set(found), term
            assert total == len(found) and found == sorted(found, reverse=True)
            if not chosen.words:  # status filters alone select exactly what they did
                assert found == former, term
        verdict = await chain.verify(session)
        await session.rollback()
    assert verdict.intact


async def test_the_state_follows_amendments_revocations_and_completions(
    engine: AsyncEngine,
) -> None:
    await add_entries(engine, 4)
    async with session_factory(engine)() as session, session.begin():
        await chain.append(session, new_entry(5, kind="amended", refers_to=1, decision_no=1))
        await chain.append(session, new_entry(6, kind="revoked", refers_to=2, decision_no=2))
        await chain.append(session, new_entry(7, kind="done", refers_to=3, decision_no=3))
    room = "!kooperation:test"
    async with session_factory(engine)() as session:
        for term, expected in [
            ("", [5, 4, 3, 2]),
            ("gültig", [5, 4]),
            ("ersetzt", [1]),
            ("aufgehoben", [2]),
            ("erledigt", [3]),
        ]:
            found, _ = await _listed_ids(
                session, list_filter(room, term, SETTINGS, DAY), offset=0, limit=20
            )
            assert found == expected, term
        late = list_filter(room, "überfällig", SETTINGS, date(2027, 4, 1))
        assert (await _listed_ids(session, late, offset=0, limit=20))[0] == [5, 4]
        page, total = await _listed_ids(
            session, list_filter(room, "", SETTINGS, DAY), offset=2, limit=2
        )
        assert (page, total) == ([3, 2], 4)
        search.COUNT_CAP = 2  # counted up to the cap (or the page's end) and one more
        try:
            everything = list_filter(room, "", SETTINGS, DAY)
            assert await _listed_ids(session, everything, offset=0, limit=1) == ([5], 3)
            assert await _listed_ids(session, everything, offset=2, limit=2) == ([3, 2], 4)
        finally:
            search.COUNT_CAP = 200
        assert (await chain.verify(session)).intact
        await session.rollback()


async def test_a_kept_page_statement_binds_the_room_the_day_and_the_page(
    engine: AsyncEngine,
) -> None:
    """A list's statement is built once per shape and kept; what it reads is bound each
    time: the same kept statement gives each room its own decisions, each day its own
    overdue ones, each page its own slice and count."""
    here, there = next(ROOMS), next(ROOMS)
    async with session_factory(engine)() as session, session.begin():
        first, _ = await chain.head(session)
        await chain.append_many(
            session,
            [new_entry(first + n, room_id=here if n <= 5 else there) for n in range(1, 9)],
        )
    ids = list(range(first + 1, first + 9))
    mine, theirs = ids[:5][::-1], ids[5:][::-1]
    async with session_factory(engine)() as session, session.begin():
        await notices.add_notice(
            session, room_id=here, text="Meldung", topic="", concerns="", author="@a:test",
            partner_id="stadt", now=datetime(2026, 12, 1, tzinfo=UTC), source_event_id="$kept",
        )  # fmt: skip
    before = state._page.cache_info()
    async with session_factory(engine)() as session:
        for room, expected in [(here, mine), (there, theirs), (here, mine)]:
            chosen = list_filter(room, "", SETTINGS, DAY)
            assert await _listed_ids(session, chosen, offset=0, limit=9) == (
                expected,
                len(expected),
            )
        for day, expected in [(DAY, []), (date(2027, 4, 1), mine), (DAY, [])]:
            chosen = list_filter(here, "überfällig", SETTINGS, day)
            assert await _listed_ids(session, chosen, offset=0, limit=9) == (
                expected,
                len(expected),
            )
        everything = list_filter(here, "", SETTINGS, DAY)
        assert await _listed_ids(session, everything, offset=1, limit=2) == (mine[1:3], 5)
        assert await _listed_ids(session, everything, offset=4, limit=2) == (mine[4:], 5)
        assert await _listed_ids(session, everything, offset=6, limit=2) == ([], 5)
        found = [
            await notices.recent_notices(session, room, "meldung", 3) for room in (here, there)
        ]
        await session.rollback()
    after = state._page.cache_info()
    assert after.misses - before.misses <= 2  # the list and the overdue filter, at most
    assert after.hits - before.hits >= 7
    assert [len(rows) for rows, _ in found] == [1, 0]


async def test_verify_log_catches_a_state_that_disagrees_with_the_chain(
    engine: AsyncEngine,
) -> None:
    await add_entries(engine, 3)
    async with session_factory(engine)() as session, session.begin():
        await chain.append(session, new_entry(4, kind="revoked", refers_to=2, decision_no=2))
    # The tampering adds up: the lowest id differing so far is named.
    for tampering, first in [
        ("UPDATE decision_state SET status = 'valid', successor_id = NULL WHERE id = 2", 2),
        ("UPDATE decision_state SET search_text = 'anders' WHERE id = 3", 2),
        ("DELETE FROM decision_state WHERE id = 1", 1),
        ("INSERT INTO decision_state (id, room_id, decision_no, status, subject, search_text) "
         "VALUES (9, '!x:test', 9, 'valid', 'x', 'x')", 1),
    ]:  # fmt: skip
        await run_sql(engine, tampering)
        async with session_factory(engine)() as session:
            verdict = await chain.verify(session)
            await session.rollback()
        assert (verdict.problem, verdict.entry_id, verdict.entries) == (Problem.STATE, first, 4)


async def test_every_notice_is_searched_with_umlauts_and_compounds(engine: AsyncEngine) -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    texts = ["Schließung Straßenbau Übergänge", *(f"Meldung {n}" for n in range(2004))]
    async with session_factory(engine)() as session, session.begin():
        for number, text in enumerate(texts):
            await notices.add_notice(
                session, room_id="!r:test", text=text, topic="Ärger" if number == 0 else "",
                concerns="", author="@a:test", partner_id="stadt",
                now=now + timedelta(seconds=number), source_event_id=f"$n{number}",
            )  # fmt: skip
    async with session_factory(engine)() as session:
        for term in ["STRASSE", "strassenbau", "Straßen", "schliess", "ÜBERGÄNGE", "uebergaenge",
                     "aerger", "ÄRGER", "bau", "ließ Straße"]:  # fmt: skip
            found, total = await notices.recent_notices(session, "!r:test", term, 5)
            assert ([row.id for row in found], total) == ([1], 1), term
        with_one = [n + 2 for n in reversed(range(2004)) if "1" in str(n)]  # ids, newest first
        found, total = await notices.recent_notices(session, "!r:test", "meldung 1", 3)
        assert ([row.id for row in found], total) == (with_one[:3], search.COUNT_CAP + 1)
        found, total = await notices.recent_notices(session, "!r:test", "meldung 1", 3, 1269)
        assert ([row.id for row in found], total) == (with_one[1269:], len(with_one))
        assert (await notices.recent_notices(session, "!r:test", "meldung 1", 3, 1300))[1] == 1272
        assert (await notices.recent_notices(session, "!r:test", "Bergbau", 3))[1] == 0


async def test_the_migration_fills_state_and_search_from_existing_rows(
    engine: AsyncEngine,
) -> None:
    await add_entries(engine, 3, subject="Lagerlogistik für Übergänge")
    async with session_factory(engine)() as session, session.begin():
        await chain.append(session, new_entry(4, kind="done", refers_to=2, decision_no=2))
        await notices.add_notice(
            session, room_id="!r:test", text="Straßenbau", topic="", concerns="",
            author="@a:test", partner_id="stadt", now=datetime(2026, 12, 1, tzinfo=UTC),
            source_event_id="$n",
        )  # fmt: skip

    def _again(connection: Connection) -> None:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
        command.upgrade(config, "head")

    async with engine.begin() as connection:
        await connection.run_sync(_again)
    async with session_factory(engine)() as session:
        assert (await chain.verify(session)).intact
        await session.rollback()
        chosen = list_filter("!kooperation:test", "logistik erledigt", SETTINGS, DAY)
        assert (await _listed_ids(session, chosen, offset=0, limit=20))[0] == [2]
        chosen = list_filter("!kooperation:test", "UEBERGAENGE", SETTINGS, DAY)
        assert (await _listed_ids(session, chosen, offset=0, limit=20))[0] == [3, 2, 1]
        assert (await notices.recent_notices(session, "!r:test", "strasse", 3))[1] == 1


async def test_the_index_is_asked_for_the_number_and_the_other_words_are_tested(
    engine: AsyncEngine,
) -> None:
    """``Maßnahme 4711``: the index answers the rare word (a number), the common word is
    tested on the rows it finds – with FTS5 one ``MATCH`` for ``4711``; on PostgreSQL a
    ``LIKE`` on ``search_text`` (which the trigram index covers) for ``4711`` and one on
    ``search_text || ''`` (which it does not) for ``massnahm``. Without a number every long
    word goes to the index. (With 100,000 decisions on PostgreSQL, vacuumed: 1.9 ms for
    the statement when the index intersected both words, 0.2 ms now.)"""
    await add_entries(engine, 3)
    async with session_factory(engine)() as session:
        engine_name = await search.backend(session)
        await session.rollback()
    params = {"room_id": "!kooperation:test", "today": DAY}
    params |= {"page_cap": 201, "page_offset": 0, "page_limit": 20}
    for term, asked, tested in [("Maßnahme 4711", ["4711"], ["massnahm"]),
                                ("Maßnahme Logistik", ["massnahm", "logistik"], [])]:  # fmt: skip
        chosen = list_filter("!kooperation:test", term, SETTINGS, DAY)
        statement = state._page(engine_name, chosen.shape).statement.params(**params)
        compiled = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
        plain = set(re.findall(r"\.search_text LIKE '%([^%']+)%'", compiled))
        concatenated = set(re.findall(r"\|\| ''\) LIKE '%([^%']+)%'", compiled))
        if engine.dialect.name == "sqlite":
            (matched,) = re.findall(r"MATCH '([^']*)'", compiled)
            indexed, untouched = set(re.findall(r'"([^"]+)"', matched)), plain | concatenated
        else:
            indexed, untouched = plain, concatenated
        assert (indexed, untouched) == (set(asked), set(tested)), compiled
    async with session_factory(engine)() as session:
        numbered = list_filter("!kooperation:test", "Maßnahme 3", SETTINGS, DAY)
        assert await _listed_ids(session, numbered, offset=0, limit=9) == ([3], 1)
        await session.rollback()


async def test_a_person_is_found_by_the_person_index_with_text_and_filters(
    engine: AsyncEngine,
) -> None:
    """``!beschlüsse krüger``: Bernd Krüger's versions (responsible ``@agentur1:test``) and
    those whose text holds the word, newest first, counted, paged, with status filters and
    further words – read from ``ix_decision_state_room_person`` (room, responsible, id),
    not by asking the search index for the user id, whose trigrams every id shares."""
    room = next(ROOMS)
    log: list[dict[str, object]] = []
    for number in range(40):
        log.append(
            {
                "kind": "recorded",
                "back": None,
                "subject": "Lagerlogistik" if number % 4 == 0 else "Betreff",
                "wording": "Herr Krüger berichtet" if number == 21 else "",
                "dissent": "",
                "agenda_item": None,
                "responsible": "@agentur1:test" if number % 3 == 0 else "@stadt1:test",
                "deadline": date(2026, 11, 1) if number % 2 == 0 else None,
            }
        )
    log.append({**log[-1], "kind": "amended", "back": 1})  # 39 (Krüger's) superseded by 40
    await _write(engine, room, log, bulk=False)
    async with session_factory(engine)() as session:
        first = min(item.entry.id for item in await store.room_decisions(session, room))
        ids = {number: first + number for number in range(41)}
        # Krüger's (every third, 39 superseded by 40) and 21, whose wording names him.
        numbers = [n for n in range(40, -1, -1) if (n % 3 == 0 and n != 39) or n in (21, 40)]
        krueger = [ids[n] for n in numbers]
        page_one = list_filter(room, "Krüger", SETTINGS, DAY)
        assert await _listed_ids(session, page_one, offset=0, limit=10) == (
            krueger[:10],
            len(krueger),
        )
        page_two = list_filter(room, "krüger", SETTINGS, DAY)
        assert await _listed_ids(session, page_two, offset=10, limit=10) == (
            krueger[10:],
            len(krueger),
        )
        late = [i for i in krueger if (i - first) % 2 == 0 and i - first != 40]  # 40: no date
        overdue_ones = list_filter(room, "überfällig krüger", SETTINGS, DAY)
        assert await _listed_ids(session, overdue_ones, offset=0, limit=50) == (late, len(late))
        stored = [i for i in krueger if (i - first) % 4 == 0 and i - first != 40]
        in_storage = list_filter(room, "krüger lagerlogistik", SETTINGS, DAY)
        assert await _listed_ids(session, in_storage, offset=0, limit=50) == (stored, len(stored))
        if engine.dialect.name == "sqlite":
            bound = {**page_two.params, "page_cap": 201, "page_offset": 0, "page_limit": 10}
            statement = state._page("fts5", page_two.shape).statement.params(**bound)
            compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
            plan = await session.execute(text_clause(f"EXPLAIN QUERY PLAN {compiled}"))
            assert any("ix_decision_state_room_person" in row[-1] for row in plan), compiled
        await session.rollback()
