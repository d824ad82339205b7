"""One entry of the Beschlussprotokoll in the shapes the export formats ask for.

Each shape of a row (CSV record, JSON record, overview, check list) is made only when a
format asks for it, from the words of the export (:mod:`commands.decisions.protocol_words`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from commands.decisions.protocol_words import (
    AGENDA,
    AGREED,
    AUTHOR,
    AUTHOR_PARTNER,
    DEADLINE,
    DECIDED_ON,
    DISSENT,
    HASH,
    ID,
    KIND,
    OUTCOME,
    PREV_HASH,
    RECORDED,
    RECORDED_AT,
    REFERS_TO,
    RESPONSIBLE,
    ROOM,
    SOURCE,
    SUBJECT,
    SUCCESSOR_ID,
    SUCCESSOR_KIND,
    WORDING,
    Words,
)
from commands.export.sheet import Cell, ExportRow
from storage.decisions.chain import content_of
from storage.decisions.models import Status, derive_status

__all__ = ["HASH", "ID", "DecisionRow", "Words"]


class DecisionRow(ExportRow):
    """A streamed entry (``storage.decisions.stream``) in the shapes of the export formats."""

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
        return self.words.meeting(self.row, brief=brief)
