"""``!export infos [csv|md|json|pdf] [von=…] [bis=…]``: the room's notices as a file.

Built on the shared export mechanics (:mod:`commands.export`): one row per stored notice,
oldest first, read a chunk at a time up to the newest id at the start of the export. Each
row names the partner organisation, not the person who typed it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import aclosing
from datetime import date, datetime, time, timedelta
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
from commands.notices.handlers import concerns_label
from config import Settings
from storage import notices as store
from storage.bulk import RawRow

FORMAT = "koopbot.infos"
#: (column key, plain): plain columns never start like a spreadsheet formula.
COLUMNS = (
    ("id", True),
    ("posted_at", True),
    ("partner", False),
    ("topic", False),
    ("concerns", False),
    ("text", False),
    ("source", True),
)
BRIEF = (("id", 0.4), ("posted_at", 1.2), ("partner", 1.6), ("topic", 1.4), ("concerns", 1.4))
CHECKS = (("id", 0.4), ("posted_at", 1.2), ("source", 3.0))
ID, POSTED, PARTNER, TOPIC, CONCERNS, TEXT, SOURCE = range(7)


class Words:
    """Labels worked out once per export."""

    def __init__(self, settings: Settings, texts: Catalogue, dates: DateFormatter) -> None:
        self.settings, self.texts, self.dates = settings, texts, dates

    def moment(self, value: datetime) -> str:
        local = self.dates.local(value)
        if self.settings.language == "de":
            return f"{local.day:02d}.{local.month:02d}.{local.year} {local.hour:02d}:{local.minute:02d}"
        return f"{local.date().isoformat()} {local.hour:02d}:{local.minute:02d}"

    def partner(self, partner_id: str) -> str:
        partner = self.settings.partner(partner_id)
        return partner.name if partner else partner_id

    def concerns(self, value: str) -> str:
        return concerns_label(self.settings, value) if value else ""


class NoticeRow(ExportRow):
    """One stored notice in the shapes the formats ask for."""

    def __init__(self, row: RawRow, words: Words) -> None:
        self.row, self.words = row, words

    @property
    def record(self) -> Mapping[str, Any]:
        row = self.row
        return {
            "id": row[ID],
            "created_at": row[POSTED].isoformat(),
            "partner_id": row[PARTNER],
            "topic": row[TOPIC],
            "concerns": row[CONCERNS],
            "text": row[TEXT],
            "source_event_id": row[SOURCE],
        }

    @property
    def cells(self) -> tuple[str | int, ...]:
        row, w = self.row, self.words
        return (
            row[ID],
            w.moment(row[POSTED]),
            w.partner(row[PARTNER]),
            row[TOPIC],
            w.concerns(row[CONCERNS]),
            row[TEXT],
            row[SOURCE],
        )

    @property
    def brief(self) -> tuple[str, ...]:
        row, w = self.row, self.words
        return (
            f"#{row[ID]}",
            w.moment(row[POSTED]),
            w.partner(row[PARTNER]),
            row[TOPIC],
            w.concerns(row[CONCERNS]),
        )

    @property
    def check(self) -> tuple[str | int, ...]:
        return (self.row[ID], self.words.moment(self.row[POSTED]), self.row[SOURCE])

    @property
    def heading(self) -> str:
        return f"#{self.row[ID]} {self.words.partner(self.row[PARTNER])}"

    @property
    def body(self) -> str:
        return str(self.row[TEXT])


def _bounds(
    settings: Settings, start: date | None, end: date | None
) -> tuple[datetime | None, datetime | None]:
    """The local days ``start``–``end`` as UTC instants (the end exclusive)."""
    zone = settings.zone

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(), zone)

    return (
        midnight(start) if start else None,
        midnight(end + timedelta(days=1)) if end else None,
    )


def _span(texts: Catalogue, dates: DateFormatter, start: date | None, end: date | None) -> str:
    if start and end:
        return texts.t("notices.export.period_span", start=dates.day(start), end=dates.day(end))
    if start:
        return texts.t("notices.export.period_from", start=dates.day(start))
    if end:
        return texts.t("notices.export.period_to", end=dates.day(end))
    return texts.t("notices.export.period_all")


async def export_notices(ctx: Context, args: ExportArgs) -> Reply:
    fmt = choose_format(args.format, default="csv")
    today = ctx.dates.local(ctx.now).date()
    start, end = period(args.von, args.bis, today)
    first, after = _bounds(ctx.settings, start, end)
    session, room_id = ctx.session, ctx.room_id
    count, last_id = await store.export_bounds(session, room_id, first, after)
    if count == 0:
        raise CommandError("notices.export.empty", show_usage=False)
    words = Words(ctx.settings, ctx.texts, ctx.dates)
    texts = ctx.texts

    async def rows() -> AsyncIterator[ExportRow]:
        parts = store.stream_notices(session, room_id, first, after, last_id)
        async with aclosing(parts) as chunks:
            async for chunk in chunks:
                for row in chunk:
                    yield NoticeRow(row, words)

    def manifest() -> list[Fact]:
        return [Fact("entries", texts.t("notices.export.entries"), count)]

    def column(key: str, width: float = 1.0, plain: bool = False) -> Column:
        return Column(texts.t(f"notices.col.{key}"), width, plain)

    sheet = Sheet(
        name=f"{texts.t('notices.export.file')}-{today.isoformat()}",
        kind=FORMAT,
        title=texts.t("notices.export.title"),
        facts=[
            Fact(
                "partners",
                texts.t("notices.export.partners"),
                " · ".join(p.name for p in ctx.settings.partners),
            ),
            Fact("period", texts.t("notices.export.period"), _span(texts, ctx.dates, start, end)),
            Fact("as_of", texts.t("notices.export.as_of"), ctx.dates.moment(ctx.now)),
        ],
        columns=tuple(column(key, plain=plain) for key, plain in COLUMNS),
        brief=tuple(column(key, width) for key, width in BRIEF),
        checks=tuple(column(key, width) for key, width in CHECKS),
        check_keys=("id", "created_at", "source_event_id"),
        rows=rows,
        manifest=manifest,
        labels=Labels.of(texts),
        meta={
            "partners": [{"id": p.id, "name": p.name} for p in ctx.settings.partners],
            "room_id": room_id,
            "period": {
                "from": start.isoformat() if start else None,
                "to": end.isoformat() if end else None,
            },
            "language": ctx.settings.language,
            "timezone": ctx.settings.timezone,
        },
    )
    file = await attachment(sheet, fmt, ctx.settings)
    doc = Doc().line(
        ctx.t(
            "notices.export.done",
            format=fmt.name.upper(),
            count=count,
            when=ctx.dates.moment(ctx.now),
            file=file.filename,
        )
    )
    return Reply(doc, attachment=file, purpose="export:notices")
