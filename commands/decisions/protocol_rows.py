"""One entry of the Beschlussprotokoll in the shapes the export formats ask for.

Rows are made for every entry of an export (100,000 and more). So what repeats – labels,
people, partner lists, days – is worked out once per export in :class:`Words`, keyed by the
value as the database driver returned it, and each shape of a row (CSV cells, JSON record,
overview, check list) is made only when a format asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from commands.decisions.words import (
    author,
    kind_label,
    outcome_label,
    partner_labels,
    person,
    status_label,
)
from commands.export import Cell, ExportRow
from commands.i18n import Catalogue, DateFormatter
from config import Settings
from storage.decision_chain import content_of
from storage.decision_stream import AT, Converter
from storage.decisions import Kind, Status, derive_status

(
    ID, ROOM, REFERS_TO, KIND, MEETING_ID, MEETING_AT, AGENDA, SUBJECT, WORDING, OUTCOME,
    AGREED, DISSENT, DECIDED_ON, RECORDED_AT, RESPONSIBLE, DEADLINE, AUTHOR, AUTHOR_PARTNER,
    SOURCE, PREV_HASH, HASH, SUCCESSOR_ID, SUCCESSOR_KIND, MEETING_TITLE,
) = (
    AT[name]
    for name in (
        "id", "room_id", "refers_to", "kind", "meeting_id", "meeting_at", "agenda_item",
        "subject", "wording", "outcome", "agreed", "dissent", "decided_on", "recorded_at",
        "responsible", "deadline", "author", "author_partner", "source_event_id", "prev_hash",
        "hash", "successor_id", "successor_kind", "meeting_title",
    )
)  # fmt: skip


RECORDED = Kind.RECORDED.value


class Words:
    """The words of one export, worked out once and looked up for every row."""

    def __init__(self, settings: Settings, texts: Catalogue, dates: DateFormatter) -> None:
        self.settings, self.texts, self.dates = settings, texts, dates
        self.convert = Converter()
        self.german = settings.language == "de"
        self.empty = texts.t("export.empty_cell")
        self.recorded = kind_label(texts, Kind.RECORDED.value, None)
        self.statuses: dict[Status, str] = {
            status: status_label(texts, status, None)
            for status in Status
            if status is not Status.SUPERSEDED
        }
        self._days: dict[Any, str] = {}
        self._people: dict[tuple[str, bool], str] = {}
        self._authors: dict[tuple[str, str | None], str] = {}
        self._partners: dict[Any, str] = {}
        self._outcomes: dict[str, str] = {}

    def day(self, value: Any) -> str:
        """``01.12.2026`` (English: ``2026-12-01``) for a day as the driver gives it."""
        if value is None:
            return ""
        text = self._days.get(value)
        if text is None:
            day = self.convert.day(value)
            assert day is not None
            text = f"{day.day:02d}.{day.month:02d}.{day.year}" if self.german else str(day)
            self._days[value] = text
        return text

    def moment(self, value: Any) -> str:
        """``01.12.2026 10:00`` on the configured wall clock."""
        moment = self.convert.time(value)
        assert moment is not None
        local = self.dates.local(moment)
        return f"{self.day(local.date())} {local.hour:02d}:{local.minute:02d}"

    def person(self, user_id: str | None, *, with_id: bool) -> str:
        if not user_id:
            return ""
        key = (user_id, with_id)
        if key not in self._people:
            self._people[key] = person(self.settings, user_id, with_id=with_id)
        return self._people[key]

    def author(self, user_id: str, partner_id: str | None) -> str:
        key = (user_id, partner_id)
        if key not in self._authors:
            self._authors[key] = author(
                self.texts, self.settings, user_id, partner_id, with_id=True
            )
        return self._authors[key]

    def partners(self, value: Any) -> str:
        """``Stadt, Agentur, Jobcenter`` for the stored list of partner ids."""
        key = tuple(value) if isinstance(value, list) else value
        if key not in self._partners:
            ids = self.convert.names(value)
            self._partners[key] = partner_labels(self.texts, self.settings, ids) if ids else ""
        return self._partners[key]

    def outcome(self, code: str) -> str:
        if code not in self._outcomes:
            self._outcomes[code] = outcome_label(self.texts, code) if code else ""
        return self._outcomes[code]

    def kind(self, kind: str, refers_to: int | None) -> str:
        if kind == RECORDED:
            return self.recorded
        return kind_label(self.texts, kind, refers_to)

    def status(self, status: Status, successor_id: int | None) -> str:
        return self.statuses.get(status) or status_label(self.texts, status, successor_id)


class DecisionRow(ExportRow):
    """A streamed entry (``storage.decision_stream``) in the shapes of the export formats."""

    __slots__ = ("row", "words")

    def __init__(self, row: Sequence[Any], words: Words) -> None:
        self.row, self.words = row, words

    @property
    def status(self) -> Status:
        return derive_status(self.row[KIND], self.row[SUCCESSOR_KIND])

    @property
    def record(self) -> Mapping[str, Any]:
        values = self.words.convert.values(self.row)
        return {
            **content_of(values),
            "prev_hash": values["prev_hash"],
            "hash": values["hash"],
            "status": self.status.value,
            "successor_id": values["successor_id"],
            "meeting_title": values["meeting_title"],
        }

    @property
    def cells(self) -> tuple[Cell, ...]:
        r, w = self.row, self.words
        status = derive_status(r[KIND], r[SUCCESSOR_KIND])
        return (
            r[ID],
            r[ROOM],
            w.kind(r[KIND], r[REFERS_TO]),
            w.day(r[DECIDED_ON]),
            self.meeting(brief=False),
            r[AGENDA] or "",
            r[SUBJECT],
            r[WORDING],
            w.outcome(r[OUTCOME]),
            w.partners(r[AGREED]),
            r[DISSENT],
            w.status(status, r[SUCCESSOR_ID]),
            w.person(r[RESPONSIBLE], with_id=True),
            w.day(r[DEADLINE]),
            w.author(r[AUTHOR], r[AUTHOR_PARTNER]),
            w.moment(r[RECORDED_AT]),
            r[SOURCE],
            r[HASH],
            r[PREV_HASH],
        )

    @property
    def brief(self) -> tuple[str, ...]:
        r, w = self.row, self.words
        texts = w.texts
        when = [w.day(r[DECIDED_ON]), self.meeting(brief=True)]
        if r[AGENDA]:
            when.append(texts.t("decisions.export.agenda", item=r[AGENDA]))
        decision = r[SUBJECT]
        if r[KIND] != RECORDED:
            decision = f"{w.kind(r[KIND], r[REFERS_TO])}: {decision}"
        result = w.outcome(r[OUTCOME])
        agreed = w.partners(r[AGREED])
        if agreed:
            result += "\n" + texts.t("decisions.line.agreed", partners=agreed)
        return (
            str(r[ID]),
            "\n".join(part for part in when if part),
            decision,
            result.strip() or w.empty,
            w.status(self.status, r[SUCCESSOR_ID]),
            w.person(r[RESPONSIBLE], with_id=False),
            w.day(r[DEADLINE]),
        )

    @property
    def check(self) -> tuple[Cell, ...]:
        return (self.row[ID], self.row[HASH], self.row[SOURCE])

    @property
    def heading(self) -> str:
        r = self.row
        return f"#{r[ID]} · {self.words.kind(r[KIND], r[REFERS_TO])} · {r[SUBJECT]}"

    @property
    def body(self) -> str:
        r = self.row
        if not r[DISSENT]:
            return str(r[WORDING])
        dissent = self.words.texts.t("decisions.line.dissent", text=r[DISSENT])
        return f"{r[WORDING]}\n{dissent}"

    def meeting(self, *, brief: bool) -> str:
        """``Koordinierungsrunde (#4), 08.12.2026``; in the overview without a repeated day."""
        r, w = self.row, self.words
        if r[MEETING_ID] is None:
            return ""
        title, number = r[MEETING_TITLE] or "", r[MEETING_ID]
        moment = w.convert.time(r[MEETING_AT])
        assert moment is not None
        day: date = w.dates.local(moment).date()
        if brief and day == w.convert.day(r[DECIDED_ON]):
            return w.texts.t("decisions.export.meeting_same_day", title=title, id=number)
        return w.texts.t("decisions.export.meeting", title=title, id=number, day=w.day(day))
