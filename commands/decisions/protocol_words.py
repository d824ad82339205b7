"""The words of one Beschlussprotokoll export, worked out once and looked up for every row.

Rows are made for every entry of an export (100,000 and more). So what repeats – labels,
people, partner lists, days, the hour of a time – is worked out once per export in
:class:`Words`, keyed by the value as the database driver returned it. The positions of a
streamed row's fields (``storage.decisions.stream``) are named here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.standing import Consent, Fact, Given, Mark, fold
from commands.decisions.words import (
    author,
    kind_label,
    outcome_label,
    person,
    status_label,
)
from config import Settings
from storage.decisions.models import CONSENT_KINDS, DECISION_KINDS, Kind, Status
from storage.decisions.stream import AT, Converter

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


CONCERNS = AT["concerns"]
_WHEN = "\x00when\x00"  # the time of an entry, filled into its cached consent words
_AT = datetime(2000, 1, 1, tzinfo=UTC)  # any time: only _WHEN is shown
RECORDED = Kind.RECORDED.value
DAYS_KEPT = 64  # UTC days whose local hours are kept (Words.moment)


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
        self._outcomes: dict[str, str] = {}
        self._hours: dict[Any, tuple[str, ...]] = {}
        #: The consent entries of the export's decision versions, by the version's id.
        self.facts: dict[int, list[Fact]] = {}
        self._recorded: dict[Any, str] = {}
        self._consent_keys = {
            Given.OWN: "decisions.export.consent_own",
            Given.MEETING: "decisions.export.consent_meeting",
            Given.RECORDED: "decisions.export.consent_recorded",
        }

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
        """``01.12.2026 10:00`` on the configured wall clock.

        The local day and hour of each hour of a UTC day are worked out once per day
        (zone conversion would otherwise be a third of a long CSV export). A day on which
        the offset changes, or is not whole hours, is converted entry by entry.
        """
        day: Any
        if isinstance(value, str):  # SQLite: "2026-12-01 09:00:00.000000", in UTC
            day, hour, minute = value[:10], int(value[11:13]), value[14:16]
        else:  # PostgreSQL: an aware datetime
            moment = self.convert.time(value)
            assert moment is not None
            day, hour, minute = moment.date(), moment.hour, f"{moment.minute:02d}"
        hours = self._hours.get(day)
        if hours is None:
            if len(self._hours) >= DAYS_KEPT:  # entries come in time order: keep memory flat
                self._hours.clear()
            hours = self._hours[day] = self._local_hours(value)
        return hours[hour] + minute if hours else self._exact_moment(value)

    def _local_hours(self, value: Any) -> tuple[str, ...]:
        """``("01.12.2026 01:", …)``: the local start of each hour of the UTC day of
        ``value``, or ``()`` when the offset is not one whole number of hours all day."""
        moment = self.convert.time(value)
        assert moment is not None
        midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        offsets = {self.dates.local(midnight + timedelta(hours=h)).utcoffset() for h in range(25)}
        offset = offsets.pop()
        if offsets or offset is None or offset % timedelta(hours=1):
            return ()
        walls = (midnight + offset + timedelta(hours=h) for h in range(24))
        return tuple(f"{self.day(wall.date())} {wall.hour:02d}:" for wall in walls)

    def _exact_moment(self, value: Any) -> str:
        moment = self.convert.time(value)
        assert moment is not None
        local: datetime = self.dates.local(moment)
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

    def outcome(self, code: str) -> str:
        if code not in self._outcomes:
            self._outcomes[code] = outcome_label(self.texts, code) if code else ""
        return self._outcomes[code]

    def kind(self, kind: str, refers_to: int | None) -> str:
        if kind == RECORDED:
            return self.recorded
        return kind_label(self.texts, kind, refers_to)

    @staticmethod
    def acted_on(row: Sequence[Any]) -> int | None:
        """The entry a row acts on: ``refers_to``, or for a consent entry ``concerns``."""
        acted: int | None = row[CONCERNS] if row[KIND] in CONSENT_KINDS else row[REFERS_TO]
        return acted

    def kind_of(self, row: Sequence[Any]) -> str:
        """``Beschluss``, ``Änderung von #3``, ``Zustimmung zu #3`` … for a streamed row."""
        return self.kind(row[KIND], self.acted_on(row))

    def status(self, status: Status, successor_id: int | None) -> str:
        return self.statuses.get(status) or status_label(self.texts, status, successor_id)

    def meeting(self, row: Sequence[Any], *, brief: bool) -> str:
        """``Koordinierungsrunde (#4), 08.12.2026`` for a streamed row; in the overview
        (``brief``) without the day when it is the decision's day."""
        if row[MEETING_ID] is None:
            return ""
        title, number = row[MEETING_TITLE] or "", row[MEETING_ID]
        moment = self.convert.time(row[MEETING_AT])
        assert moment is not None
        day: date = self.dates.local(moment).date()
        if brief and day == self.convert.day(row[DECIDED_ON]):
            return self.texts.t("decisions.export.meeting_same_day", title=title, id=number)
        return self.texts.t("decisions.export.meeting", title=title, id=number, day=self.day(day))

    def consent(self, row: Sequence[Any]) -> Consent | None:
        """Where each partner stands on a decision row (None for other entries)."""
        if row[KIND] not in DECISION_KINDS:
            return None
        recorded_at = self.convert.time(row[RECORDED_AT])
        assert recorded_at is not None
        return fold(
            row[ID],
            self.convert.names(row[AGREED]),
            row[AUTHOR],
            row[AUTHOR_PARTNER],
            recorded_at,
            self.facts.get(row[ID], ()),
        )

    def agreed(self, row: Sequence[Any]) -> str:
        """The Zustimmung column: each partner's stand with who and when (decisions), the
        partner (consent entries), else nothing."""
        if row[KIND] in CONSENT_KINDS:
            partner = self.settings.partner(row[AUTHOR_PARTNER] or "")
            return partner.label if partner else str(row[AUTHOR_PARTNER] or "")
        if row[KIND] not in DECISION_KINDS:
            return ""
        if row[ID] in self.facts:
            consent = self.consent(row)
            return "; ".join(self.stand_lines(consent)) if consent is not None else ""
        # Only the consents recorded with the entry: the same words for every entry of one
        # author and partner list, but for the time (worked out once, then filled in).
        agreed = row[AGREED]
        key = (
            tuple(agreed) if isinstance(agreed, list) else agreed,
            row[AUTHOR],
            row[AUTHOR_PARTNER],
        )
        template = self._recorded.get(key)
        if template is None:
            consent = fold(0, self.convert.names(agreed), row[AUTHOR], row[AUTHOR_PARTNER], _AT, ())
            template = self._recorded[key] = "; ".join(self.stand_lines(consent, when=_WHEN))
        return (
            template.replace(_WHEN, self.moment(row[RECORDED_AT]))
            if _WHEN in template
            else template
        )

    def stand_lines(self, consent: Consent, *, when: str | None = None) -> list[str]:
        """``Stadt: zugestimmt – Anna Schulz, 01.12.2026 10:00`` for every partner, in order
        (``when`` stands in for every time, see :meth:`agreed`)."""
        lines = []
        for partner in self.settings.partners:
            stand = consent.stand(partner.id)
            label = partner.label
            if stand.mark is Mark.PENDING:
                lines.append(self.texts.t("decisions.export.consent_pending", partner=label))
                continue
            who = self.person(stand.user_id, with_id=False)
            moment = self.moment(stand.at) if stand.at is not None else ""
            if stand.mark is Mark.OBJECTED:
                key = "decisions.export.consent_objected"
            else:
                key = self._consent_keys[stand.given or Given.OWN]
            lines.append(
                self.texts.t(key, partner=label, who=who, when=when or moment, reason=stand.reason)
            )
        return lines

    def marks(self, consent: Consent) -> str:
        """``zugestimmt: Stadt, Agentur`` / ``steht aus: …`` / ``Widerspruch: …`` (overview;
        words, not emoji, so that every PDF font shows them)."""
        groups: dict[Mark, list[str]] = {mark: [] for mark in Mark}
        for partner in self.settings.partners:
            groups[consent.stand(partner.id).mark].append(partner.label)
        keys = (
            (Mark.CONSENTED, "decisions.export.brief_consented"),
            (Mark.PENDING, "decisions.export.brief_pending"),
            (Mark.OBJECTED, "decisions.export.brief_objected"),
        )
        return "\n".join(
            self.texts.t(key, partners=", ".join(groups[mark]))
            for mark, key in keys
            if groups[mark]
        )
