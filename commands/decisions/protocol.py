"""The Beschlussprotokoll as an export :class:`~commands.export.Sheet`.

Used by ``!export beschlüsse`` (upload into the room) and ``koopbot export decisions``
(written to a file). The entries are read in chain order, a chunk at a time, up to the
chain length at the start of the export, so the file is one consistent state of the
log however long it takes to write. JSON entries carry exactly the hashed content, so
anyone can recompute every hash from the file (docs/export-schema.md).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from contextlib import aclosing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.protocol_csv import CsvWords
from commands.decisions.protocol_rows import HASH, ID, DecisionRow, Words
from commands.decisions.standing import fact_of
from commands.decisions.words import person
from commands.export.sheet import Column, ExportRow, Fact, Labels, Sheet
from config import Settings
from storage.bulk import RawRow
from storage.decisions import chain
from storage.decisions import stream as store
from storage.decisions.chain import GENESIS, HASHED_FIELDS, OPTIONAL_FIELDS, utc_text
from storage.decisions.models import Status
from storage.decisions.stream import Selection

FORMAT = "koopbot.beschlussprotokoll"
#: (catalogue key of the header, PDF width share) of the full table (CSV).
COLUMNS = (
    "id",
    "room",
    "kind",
    "decided_on",
    "meeting",
    "agenda",
    "subject",
    "wording",
    "outcome",
    "agreed",
    "dissent",
    "status",
    "responsible",
    "deadline",
    "author",
    "recorded_at",
    "source",
    "hash",
    "prev_hash",
)
#: Columns whose values never start like a formula (ids, dates, labels, hashes).
PLAIN = frozenset(
    {"id", "room", "kind", "decided_on", "outcome", "status", "deadline"}
    | {"recorded_at", "source", "hash", "prev_hash"}
)
BRIEF = (("id", 0.5), ("when", 1.6), ("decision", 3.6), ("outcome", 1.5), ("status", 1.2))
BRIEF_END = (("responsible", 1.4), ("deadline", 0.9))
CHECKS = (("id", 0.4), ("hash", 3.6), ("source", 3.0))
CHECK_KEYS = ("id", "hash", "source_event_id")


@dataclass
class Tally:
    """What the manifest says, counted while the rows stream."""

    count: int = 0
    first_id: int | None = None
    last_id: int | None = None
    last_hash: str = GENESIS

    def reset(self) -> None:
        self.count, self.first_id, self.last_id, self.last_hash = 0, None, None, GENESIS

    def add(self, chunk: Sequence[RawRow]) -> None:
        """Count a chunk of streamed entries (in chain order)."""
        if chunk:
            self.count += len(chunk)
            self.first_id = chunk[0][ID] if self.first_id is None else self.first_id
            self.last_id, self.last_hash = chunk[-1][ID], chunk[-1][HASH]


@dataclass(frozen=True)
class Protocol:
    sheet: Sheet
    count: int
    tally: Tally


async def decision_protocol(
    session: AsyncSession,
    settings: Settings,
    texts: Catalogue,
    dates: DateFormatter,
    *,
    room_id: str | None,
    start: date | None,
    end: date | None,
    now: datetime,
    exported_by: str | None,
    room_name: str | None = None,
) -> Protocol:
    """The protocol of ``room_id`` (None: every room) for decisions dated ``start``–``end``;
    ``room_name`` shows the room by its name where the homeserver told it."""
    length, head_hash = await chain.head(session)
    selection = Selection(room_id, start, end, length)
    count = await store.count_selected(session, selection)
    words = Words(settings, texts, dates)
    for given in await store.consents_selected(session, selection):
        words.facts.setdefault(given.concerns or 0, []).append(fact_of(given))
    csv = CsvWords(words)
    tally = Tally()

    async def chunks() -> AsyncGenerator[Sequence[RawRow], None]:
        tally.reset()  # every pass counts afresh; all passes see the same entries
        async with aclosing(store.stream_selected(session, selection)) as parts:
            async for chunk in parts:
                tally.add(chunk)
                yield chunk

    async def stream() -> AsyncIterator[ExportRow]:
        async with aclosing(chunks()) as parts:
            async for chunk in parts:
                for row in chunk:
                    yield DecisionRow(row, words)

    async def records() -> AsyncIterator[list[str]]:
        async with aclosing(chunks()) as parts:
            async for chunk in parts:
                yield [csv.line(row) for row in chunk]

    def manifest() -> list[Fact]:
        def fact(key: str, value: Any) -> Fact:
            return Fact(key, texts.t(f"decisions.manifest.{key}"), value)

        return [
            fact("entries", tally.count),
            fact("first_id", tally.first_id),
            fact("last_id", tally.last_id),
            fact("final_hash", tally.last_hash),
            fact("chain_length", length),
            fact("chain_head", head_hash),
            Fact(
                "exported_at",
                texts.t("decisions.manifest.exported_local"),
                utc_text(now),
                shown=dates.filed(now),
            ),
            fact("algorithm", texts.t("decisions.manifest.algorithm_text")),
        ]

    sheet = Sheet(
        name=f"{texts.t('decisions.export.file')}-{dates.local(now).date().isoformat()}",
        kind=FORMAT,
        title=texts.t("decisions.export.title"),
        facts=_facts(settings, texts, dates, room_id, start, end, now, exported_by, room_name),
        columns=tuple(
            Column(texts.t(f"decisions.col.{key}"), plain=key in PLAIN) for key in COLUMNS
        ),
        brief=tuple(
            Column(texts.t(f"decisions.col.{key}"), width) for key, width in BRIEF + BRIEF_END
        ),
        checks=tuple(Column(texts.t(f"decisions.col.{key}"), width) for key, width in CHECKS),
        check_keys=CHECK_KEYS,
        rows=stream,
        records=records,
        manifest=manifest,
        labels=Labels.of(texts, texts_title=texts.t("decisions.export.texts_title")),
        meta={
            "partners": [{"id": p.id, "name": p.name} for p in settings.partners],
            "room_id": room_id,
            "period": {
                "from": start.isoformat() if start else None,
                "to": end.isoformat() if end else None,
            },
            "exported_at": utc_text(now),
            "exported_by": exported_by,
            "language": settings.language,
            "timezone": settings.timezone,
            "hash": {
                "algorithm": "sha256",
                "fields": [*HASHED_FIELDS, "prev_hash"],
                "optional": list(OPTIONAL_FIELDS),
            },
        },
    )
    return Protocol(sheet, count, tally)


def _facts(
    settings: Settings,
    texts: Catalogue,
    dates: DateFormatter,
    room_id: str | None,
    start: date | None,
    end: date | None,
    now: datetime,
    exported_by: str | None,
    room_name: str | None = None,
) -> list[Fact]:
    if start and end:
        span = texts.t("decisions.export.period_span", start=dates.day(start), end=dates.day(end))
    elif start:
        span = texts.t("decisions.export.period_from", start=dates.day(start))
    elif end:
        span = texts.t("decisions.export.period_to", end=dates.day(end))
    else:
        span = texts.t("decisions.export.period_all")
    facts = [
        Fact(
            "partners",
            texts.t("decisions.export.partners"),
            " · ".join(p.name for p in settings.partners),
        ),
        Fact("period", texts.t("decisions.export.period"), span),
        Fact(
            "room",
            texts.t("decisions.export.room"),
            _room(texts, room_id, room_name),
        ),
        Fact("as_of", texts.t("decisions.export.as_of"), dates.moment(now)),
    ]
    if exported_by:
        facts.append(
            Fact("by", texts.t("decisions.export.by"), person(settings, exported_by, with_id=True))
        )
    return facts


def _room(texts: Catalogue, room_id: str | None, room_name: str | None) -> str:
    """``Kooperation Magdeburg (!abc:server)``; the id alone if the name is not known."""
    if room_id is None:
        return texts.t("decisions.export.all_rooms")
    if room_name:
        return texts.t("decisions.export.room_named", name=room_name, id=room_id)
    return room_id


__all__ = ["Protocol", "Status", "decision_protocol"]
