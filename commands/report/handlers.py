"""``!bericht [pdf|csv] [von=…] [bis=…]``: the report to the city council as a file, and
the same for ``koopbot report`` (:func:`report_file`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply
from commands.core.dates import DateFormatter, typed
from commands.core.errors import CommandError
from commands.core.markup import Doc
from commands.export.document import pdf_bytes, write_spooled
from commands.export.period import period
from commands.export.spool import spool_dir
from commands.report.content import Report, default_period, gather
from commands.report.data import report_csv
from commands.report.document import period_text, report_document
from config import Settings

FORMATS = {"pdf": "application/pdf", "csv": "text/csv"}


class ReportArgs(BaseModel):
    format: str | None = None
    von: str | None = None
    bis: str | None = None


def report_format(text: str | None) -> str:
    wanted = (text or "pdf").strip().casefold().lstrip(".")
    if wanted not in FORMATS:
        raise CommandError("report.bad_format", value=(text or "")[:20])
    return wanted


def report_period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """``von=``/``bis=`` as days; missing ones from the last 12 months up to today."""
    first, last = period(start, end, today)
    default_start, default_end = default_period(last or today)
    first, last = first or default_start, last or default_end
    if first > last:
        raise CommandError("export.bad_period", start=typed(first), end=typed(last))
    return first, last


@dataclass(frozen=True)
class ReportFile:
    report: Report
    data: bytes
    name: str
    mimetype: str


async def report_file(
    session: AsyncSession,
    settings: Settings,
    texts: Catalogue,
    dates: DateFormatter,
    *,
    fmt: str,
    room_id: str | None,
    start: date,
    end: date,
    now: datetime,
) -> ReportFile:
    """The report of ``start``–``end`` as a PDF or its data as a CSV, in memory."""
    report = await gather(session, settings, room_id=room_id, start=start, end=end, now=now)
    if fmt == "csv":
        data = report_csv(texts, settings, report)
    else:
        doc = await report_document(texts, dates, settings, report)
        data = await asyncio.to_thread(pdf_bytes, doc)
    name = f"{texts.t('report.doc.file')}-{start.isoformat()}-{end.isoformat()}.{fmt}"
    return ReportFile(report, data, name, FORMATS[fmt])


def counts_line(texts: Catalogue, report: Report) -> str:
    return texts.t(
        "report.counts",
        sittings=texts.t("report.count.sittings", count=len(report.sittings)),
        decisions=texts.t("report.count.decisions", count=len(report.decisions)),
        rounds=texts.t("report.count.rounds", count=len(report.rounds)),
        notices=texts.t("report.count.notices", count=len(report.notices)),
        press=texts.t("report.count.press", count=len(report.press)),
    )


async def make_report(ctx: Context, args: ReportArgs) -> Reply:
    fmt = report_format(args.format)
    start, end = report_period(args.von, args.bis, ctx.dates.local(ctx.now).date())
    made = await report_file(
        ctx.session,
        ctx.settings,
        ctx.texts,
        ctx.dates,
        fmt=fmt,
        room_id=ctx.room_id,
        start=start,
        end=end,
        now=ctx.now,
    )
    file = write_spooled(made.data, made.name, made.mimetype, spool_dir(ctx.settings))
    doc = Doc().line(
        ctx.t(
            "report.done",
            period=period_text(ctx.texts, ctx.dates, made.report),
            file=file.filename,
        )
    )
    doc.line(counts_line(ctx.texts, made.report))
    doc.line(ctx.t("report.next"))
    return Reply(doc, attachment=file, purpose="report")
