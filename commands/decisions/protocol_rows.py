"""One entry of the Beschlussprotokoll in the shapes the export formats ask for.

Each shape of a row (CSV record, JSON record, overview, check list) is made only when a
format asks for it, from the words of the export (:mod:`commands.decisions.protocol_words`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from commands.decisions.protocol_words import (
    AGENDA,
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
from storage.decisions.chain import content_of, utc_text
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
            **self.consents(),
        }

    def consents(self) -> dict[str, Any]:
        """For a decision: each partner's stand (``consents``) and ``carried`` by all."""
        consent = self.words.consent(self.row)
        if consent is None:
            return {}
        partners = self.words.settings.partners
        stands = []
        for partner in partners:
            stand = consent.stand(partner.id)
            stands.append(
                {
                    "partner": partner.id,
                    "state": stand.mark.name.lower(),
                    "given": stand.given.value if stand.given is not None else None,
                    "by": stand.user_id,
                    "at": utc_text(stand.at) if stand.at is not None else None,
                    "via": stand.via,
                    "entry_id": stand.entry_id,
                    "reason": stand.reason or None,
                }
            )
        return {"consents": stands, "carried": consent.carried(partners)}

    @property
    def cells(self) -> tuple[Cell, ...]:
        r, w = self.row, self.words
        status = derive_status(r[KIND], r[SUCCESSOR_KIND])
        return (
            r[ID],
            r[ROOM],
            w.kind_of(r),
            w.day(r[DECIDED_ON]),
            self.meeting(brief=False),
            r[AGENDA] or "",
            r[SUBJECT],
            r[WORDING],
            w.outcome(r[OUTCOME]),
            w.agreed(r),
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
            decision = f"{w.kind_of(r)}: {decision}"
        result = w.outcome(r[OUTCOME])
        consent = w.consent(r)
        if consent is not None:
            result += "\n" + w.marks(consent)
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
        return f"#{r[ID]} · {self.words.kind_of(r)} · {r[SUBJECT]}"

    @property
    def body(self) -> str:
        r = self.row
        parts = [str(r[WORDING])]
        if r[DISSENT]:
            parts.append(self.words.texts.t("decisions.line.dissent", text=r[DISSENT]))
        consent = self.words.consent(r)
        if consent is not None:
            parts.extend(self.words.stand_lines(consent))
        return "\n".join(parts)

    def meeting(self, *, brief: bool) -> str:
        return self.words.meeting(self.row, brief=brief)
