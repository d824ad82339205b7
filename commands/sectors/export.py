"""``!export branchen [csv|md] [von=…] [bis=…]``: every sector assessment of the room as a file.

Built on the shared export mechanics (:mod:`commands.export`): one row per stored input,
corrections included and marked, so the file is the full history for the partners' files.
Each row names the partner organisation, not the person who typed it: the room holds
statements of organisations, not of people.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import date
from typing import Any

from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply
from commands.core.dates import DateFormatter
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.export.commands import ExportArgs, attachment
from commands.export.formats import choose_format
from commands.export.period import period
from commands.export.sheet import Column, ExportRow, Fact, Labels, Sheet
from commands.sectors.input import Trend
from commands.sectors.views import superseded_ids
from commands.sectors.wz import BY_LETTER
from config import Settings
from storage import sectors as store
from storage.sectors import Round, SectorInput

FORMAT = "koopbot.branchenmeldungen"
COLUMNS = (
    "id",
    "round",
    "deadline",
    "sector",
    "sector_name",
    "partner",
    "trend",
    "text",
    "demand",
    "horizon",
    "reported_at",
    "state",
)
BRIEF = (("id", 0.4), ("round", 0.6), ("sector", 2.4), ("partner", 1.2), ("trend", 0.9))
CHECKS = (("id", 0.4), ("reported_at", 1.2), ("source", 3.0))


class InputRow(ExportRow):
    """One stored assessment in the shapes the formats ask for."""

    def __init__(
        self, row: SectorInput, round_: Round | None, replaced: bool, words: Words
    ) -> None:
        self.row, self.round, self.replaced, self.words = row, round_, replaced, words

    @property
    def record(self) -> Mapping[str, Any]:
        row = self.row
        return {
            "id": row.id,
            "round_id": row.round_id,
            "deadline": self.round.deadline.isoformat() if self.round else None,
            "section": row.section,
            "partner_id": row.partner_id,
            "trend": row.trend,
            "text": row.text,
            "demand": row.demand,
            "horizon": row.horizon,
            "created_at": row.created_at.isoformat(),
            "superseded": self.replaced,
            "source_event_id": row.source_event_id,
        }

    @property
    def cells(self) -> tuple[str | int, ...]:
        row, w = self.row, self.words
        section = BY_LETTER[row.section]
        return (
            row.id,
            f"#{row.round_id}" if row.round_id else w.outside,
            w.day(self.round.deadline) if self.round else "",
            section.letter,
            section.name(w.settings.language),
            w.partner(row.partner_id),
            w.trend(row.trend),
            row.text,
            row.demand,
            w.horizon(row.horizon),
            w.moment(row),
            w.state(row, self.replaced),
        )

    @property
    def brief(self) -> tuple[str, ...]:
        row, w = self.row, self.words
        return (
            str(row.id),
            f"#{row.round_id}" if row.round_id else w.outside,
            BY_LETTER[row.section].title(w.settings.language),
            w.partner(row.partner_id),
            f"{Trend(row.trend).mark} {w.trend(row.trend)}",
        )

    @property
    def check(self) -> tuple[str | int, ...]:
        return (self.row.id, self.words.moment(self.row), self.row.source_event_id)

    @property
    def heading(self) -> str:
        row, w = self.row, self.words
        return f"#{row.id} {BY_LETTER[row.section].title(w.settings.language)} – {w.partner(row.partner_id)}"

    @property
    def body(self) -> str:
        return self.row.text


class Words:
    """Labels worked out once per export."""

    def __init__(self, settings: Settings, texts: Catalogue, dates: DateFormatter) -> None:
        self.settings, self.texts, self.dates = settings, texts, dates
        self.outside = texts.t("sectors.export.outside")

    def day(self, value: date) -> str:
        if self.settings.language == "de":
            return f"{value.day:02d}.{value.month:02d}.{value.year}"
        return value.isoformat()

    def horizon(self, stored: str | None) -> str:
        """``12m`` as stored → ``12 Monate``; nothing for no horizon."""
        if not stored:
            return ""
        return self.texts.t("sectors.export.horizon", count=int(stored.removesuffix("m")))

    def moment(self, row: SectorInput) -> str:
        local = self.dates.local(row.created_at)
        return f"{self.day(local.date())} {local.hour:02d}:{local.minute:02d}"

    def partner(self, partner_id: str) -> str:
        partner = self.settings.partner(partner_id)
        return partner.name if partner else partner_id

    def trend(self, value: str) -> str:
        return Trend(value).word(self.texts)

    def state(self, row: SectorInput, replaced: bool) -> str:
        if row.round_id is None:
            return self.outside
        return self.texts.t("sectors.export.replaced" if replaced else "sectors.export.counts")


def _within(row: SectorInput, dates: DateFormatter, start: date | None, end: date | None) -> bool:
    day = dates.local(row.created_at).date()
    return (start is None or day >= start) and (end is None or day <= end)


async def export_sectors(ctx: Context, args: ExportArgs) -> Reply:
    fmt = choose_format(args.format, default="csv")
    today = ctx.dates.local(ctx.now).date()
    start, end = period(args.von, args.bis, today)
    inputs = [
        row
        for row in await store.all_inputs(ctx.session, ctx.room_id)
        if _within(row, ctx.dates, start, end)
    ]
    if not inputs:
        raise CommandError("sectors.export.empty", show_usage=False)
    rounds = await store.rounds_of(ctx.session, sorted({r.round_id for r in inputs if r.round_id}))
    replaced = superseded_ids(inputs)
    words = Words(ctx.settings, ctx.texts, ctx.dates)
    texts = ctx.texts

    async def rows() -> AsyncIterator[ExportRow]:
        for row in inputs:
            yield InputRow(row, rounds.get(row.round_id or 0), row.id in replaced, words)

    def manifest() -> list[Fact]:
        return [Fact("entries", texts.t("sectors.export.entries"), len(inputs))]

    sheet = Sheet(
        name=f"{texts.t('sectors.export.file')}-{today.isoformat()}",
        kind=FORMAT,
        title=texts.t("sectors.export.title"),
        facts=[
            Fact(
                "partners",
                texts.t("sectors.export.partners"),
                " · ".join(p.name for p in ctx.settings.partners),
            ),
            Fact("as_of", texts.t("sectors.export.as_of"), ctx.dates.moment(ctx.now)),
        ],
        columns=tuple(Column(texts.t(f"sectors.col.{key}")) for key in COLUMNS),
        brief=tuple(Column(texts.t(f"sectors.col.{key}"), width) for key, width in BRIEF),
        checks=tuple(Column(texts.t(f"sectors.col.{key}"), width) for key, width in CHECKS),
        check_keys=("id", "created_at", "source_event_id"),
        rows=rows,
        manifest=manifest,
        labels=Labels.of(texts),
        meta={
            "partners": [{"id": p.id, "name": p.name} for p in ctx.settings.partners],
            "room_id": ctx.room_id,
            "language": ctx.settings.language,
            "timezone": ctx.settings.timezone,
        },
    )
    file = await attachment(sheet, fmt, ctx.settings)
    doc = Doc().line(
        ctx.t("sectors.export.done", format=fmt.name.upper(), count=len(inputs), file=file.filename)
    )
    return Reply(doc, attachment=file, purpose="export:sectors")
