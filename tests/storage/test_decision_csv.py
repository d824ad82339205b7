"""The fast CSV path of the Beschlussprotokoll writes exactly what the generic path writes.

``Sheet.records`` makes each CSV record straight from the streamed row, with the repeating
fields looked up already escaped (``commands/decisions/protocol_csv.py``). Generated logs –
every kind of entry, meetings, free text with quotes, formula starts, umlauts and line
breaks, times across the DST change – must come out byte for byte as ``csv_text.line``
makes them from ``cells``, on SQLite and on PostgreSQL (whose driver returns other types).
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.protocol import decision_protocol
from commands.decisions.protocol_words import Words
from commands.export.csv_text import line
from storage.decisions import chain
from storage.decisions.chain import NewEntry
from storage.engine import session_factory
from storage.meetings import add_meeting
from tests.support.chat import make_settings

SETTINGS = make_settings()
ROOMS = (f"!csv{n}:test" for n in itertools.count())  # one room per generated log
TEXT = st.text(st.sampled_from([*"ab \"ßäÜ=+-@;,\n'", "„", "“", "€"]), min_size=0, max_size=12)
PEOPLE = st.sampled_from(["@stadt1:test", "@agentur1:test", "@fremd:test", '@"x":test'])
#: Around the end of summer time 2026 (25 October, 01:00 UTC) and over midnight.
MOMENTS = st.datetimes(datetime(2026, 10, 24, 21), datetime(2026, 10, 26, 3)).map(
    lambda moment: moment.replace(tzinfo=UTC)
)


@st.composite
def entries(draw: st.DrawFn) -> list[dict[str, object]]:
    """Up to eight entries; later ones may amend, revoke or close an earlier one."""
    drafted: list[dict[str, object]] = []
    for number in range(draw(st.integers(1, 8))):
        kind = "recorded" if number == 0 else draw(
            st.sampled_from(["recorded", "amended", "revoked", "done"])
        )  # fmt: skip
        drafted.append(
            {
                "kind": kind,
                "refers_to": None if kind == "recorded" else number,  # the one before it
                "subject": draw(TEXT) or "Betreff",
                "wording": draw(TEXT) or "Wortlaut",
                "outcome": draw(st.sampled_from(["adopted", "rejected", "postponed", ""])),
                "decided_on": date(2026, 10, 1) + timedelta(days=draw(st.integers(0, 60))),
                "recorded_at": draw(MOMENTS),
                "author": draw(PEOPLE),
                "author_partner": draw(st.sampled_from(["stadt", "jobcenter", None])),
                "agreed": tuple(draw(st.sets(st.sampled_from(["stadt", "agentur", "x"])))),
                "dissent": draw(TEXT),
                "responsible": draw(st.none() | PEOPLE),
                "deadline": draw(st.none() | st.dates(date(2026, 1, 1), date(2028, 1, 1))),
                "agenda_item": draw(st.none() | TEXT),
                "in_meeting": draw(st.booleans()),
            }
        )
    return drafted


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(log=entries(), meeting_title=TEXT)
async def test_fast_csv_records_equal_the_generic_ones(
    engine: AsyncEngine, log: list[dict[str, object]], meeting_title: str
) -> None:
    room = next(ROOMS)
    async with session_factory(engine)() as session, session.begin():
        meeting = await add_meeting(
            session, room_id=room, title=meeting_title, place="", duration_minutes=60,
            start=datetime(2026, 10, 25, 0, 30, tzinfo=UTC), rule=None, tz="Europe/Berlin",
            created_by="@koordination:test", now=datetime(2026, 10, 1, tzinfo=UTC),
        )  # fmt: skip
        first, _ = await chain.head(session)
        for index, drafted in enumerate(log):
            fields = dict(drafted)
            in_meeting = fields.pop("in_meeting")
            refers_to = fields.pop("refers_to")
            await chain.append(
                session,
                NewEntry(
                    room_id=room,
                    source_event_id=f'$e{index}"{room}',
                    refers_to=None if refers_to is None else first + int(str(refers_to)),
                    meeting_id=meeting.id if in_meeting else None,
                    meeting_at=meeting.start if in_meeting else None,
                    **fields,  # type: ignore[arg-type]
                ),
            )
    async with session_factory(engine)() as session:
        protocol = await decision_protocol(
            session, SETTINGS, Catalogue("de"), DateFormatter("de", SETTINGS.zone),
            room_id=room, start=None, end=None, now=datetime(2026, 12, 1, tzinfo=UTC),
            exported_by=None,
        )  # fmt: skip
        sheet = protocol.sheet
        assert sheet.records is not None
        check = [index for index, column in enumerate(sheet.columns) if not column.plain]
        generic = [line(row.cells, check) async for row in sheet.rows()]
        fast = [record async for chunk in sheet.records() for record in chunk]
    assert fast == generic
    assert len(fast) == len(log) == protocol.tally.count


#: Offset changes in 2026 (UTC): Berlin, Lord Howe (half an hour), St. John's.
CHANGES = [
    datetime(2026, 3, 29, 1), datetime(2026, 10, 25, 1), datetime(2026, 4, 4, 15),
    datetime(2026, 10, 3, 15, 30), datetime(2026, 3, 8, 5, 30), datetime(2026, 11, 1, 4, 30),
]  # fmt: skip
NEAR_CHANGES = st.builds(
    lambda change, delta: change + delta,
    st.sampled_from(CHANGES),
    st.timedeltas(timedelta(hours=-36), timedelta(hours=36)),
)


@settings(max_examples=400, deadline=None)
@given(
    moment=NEAR_CHANGES | st.datetimes(datetime(1990, 1, 1), datetime(2040, 1, 1)),
    zone=st.sampled_from(
        ["Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "UTC"]
    ),
)
def test_times_shown_by_the_day_table_equal_an_exact_conversion(
    moment: datetime, zone: str
) -> None:
    """``Words.moment`` reuses the local hours of a UTC day; DST days, half-hour zones and
    half-hour DST shifts (Lord Howe) fall back to converting each entry."""
    dates = DateFormatter("de", ZoneInfo(zone))
    words = Words(SETTINGS, Catalogue("de"), dates)
    aware = moment.replace(tzinfo=UTC)
    expected = dates.local(aware).strftime("%d.%m.%Y %H:%M")
    neighbour = aware + timedelta(hours=5)  # fills the table for the day first, sometimes
    words.moment(neighbour.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f"))
    assert words.moment(moment.strftime("%Y-%m-%d %H:%M:%S.%f")) == expected  # SQLite
    assert words.moment(aware) == expected  # PostgreSQL
