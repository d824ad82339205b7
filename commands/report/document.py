"""The report as a written document (:mod:`commands.export.document`), with one sector
picture per section reported in the period's rounds (:mod:`commands.sectors.chart`)."""

from __future__ import annotations

from collections import Counter

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.words import outcome_label, person
from commands.export.document import Document, Picture
from commands.export.sheet import Column
from commands.meetings.views import partner_label
from commands.notices.handlers import preview
from commands.report.content import Report, divergent_sections
from commands.sectors.chart import alt_text, draw_async, round_values, trend_chart
from commands.sectors.input import Trend
from commands.sectors.wz import BY_LETTER
from config import Settings

NOTICE_CHARS = 160
#: At most this many sector pictures (those with the most reports, divergent ones first).
PICTURES = 8
STATES = ("valid", "done", "overdue", "revoked", "superseded")


def period_text(texts: Catalogue, dates: DateFormatter, report: Report) -> str:
    return texts.t(
        "report.period",
        start=dates.day(report.start, weekday=False),
        end=dates.day(report.end, weekday=False),
    )


def _columns(texts: Catalogue, spec: list[tuple[str, float]]) -> list[Column]:
    return [Column(texts.t(f"report.doc.col.{key}"), width) for key, width in spec]


async def report_document(
    texts: Catalogue, dates: DateFormatter, settings: Settings, report: Report
) -> Document:
    period = period_text(texts, dates, report)
    footer = texts.t("report.doc.footer", period=period, page="{page}", pages="{pages}")
    doc = Document(texts.t("report.doc.title"), footer)
    doc.fact(texts.t("report.doc.partners"), ", ".join(p.name for p in settings.partners))
    doc.fact(texts.t("report.doc.period"), period)
    doc.fact(texts.t("report.doc.room"), report.room_id or texts.t("report.doc.all_rooms"))
    doc.fact(texts.t("report.doc.as_of"), dates.moment(report.now))
    doc.para(texts.t("report.doc.intro"))
    _sittings(doc, texts, dates, settings, report)
    _decisions(doc, texts, dates, settings, report)
    _rounds(doc, texts, dates, settings, report)
    await _pictures(doc, texts, dates, settings, report)
    _notices(doc, texts, dates, settings, report)
    _press(doc, texts, dates, report)
    return doc


def _sittings(
    doc: Document, texts: Catalogue, dates: DateFormatter, settings: Settings, report: Report
) -> None:
    doc.heading(texts.t("report.doc.sittings"))
    if not report.sittings:
        doc.para(texts.t("report.doc.sittings_none"))
        return
    doc.para(texts.t("report.doc.sittings_sum", count=len(report.sittings)))
    recorded = [s for s in report.sittings if s.present is not None]
    doc.items(
        [
            texts.t(
                "report.doc.attendance_sum",
                partner=p.name,
                present=sum(1 for s in recorded if s.present and p.id in s.present),
                recorded=len(recorded),
            )
            for p in settings.partners
        ]
    )
    missing = len(report.sittings) - len(recorded)
    if missing:
        doc.para(texts.t("report.doc.attendance_unrecorded", count=missing))
    columns = _columns(texts, [("date", 1.4), ("sitting", 2.4)])
    columns += [Column(p.label, 1.1) for p in settings.partners]
    rows = []
    for sitting in report.sittings:
        marks = [
            texts.t("report.doc.unknown")
            if sitting.present is None
            else texts.t("report.doc.yes" if p.id in sitting.present else "report.doc.no")
            for p in settings.partners
        ]
        rows.append(
            (
                dates.day(sitting.occurrence.start),
                f"#{sitting.meeting.id} {sitting.meeting.title}",
                *marks,
            )
        )
    doc.table(columns, rows)


def _decisions(
    doc: Document, texts: Catalogue, dates: DateFormatter, settings: Settings, report: Report
) -> None:
    doc.heading(texts.t("report.doc.decisions"))
    if not report.decisions:
        doc.para(texts.t("report.doc.decisions_none"))
        return
    counts = Counter(report.state(d) for d in report.decisions)
    summary = ", ".join(
        texts.t(
            "report.doc.status_count", status=texts.t(f"report.doc.status.{s}"), count=counts[s]
        )
        for s in STATES
        if counts[s]
    )
    doc.para(texts.t("report.doc.decisions_sum", counts=summary))
    columns = _columns(
        texts,
        [
            ("no", 0.5),
            ("date", 1.1),
            ("subject", 3.0),
            ("outcome", 1.2),
            ("status", 1.2),
            ("responsible", 1.3),
            ("deadline", 1.0),
        ],
    )
    rows = [
        (
            f"#{d.entry.id}",
            dates.day(d.entry.decided_on, weekday=False),
            d.entry.subject,
            outcome_label(texts, d.entry.outcome),
            texts.t(f"report.doc.status.{report.state(d)}"),
            person(settings, d.entry.responsible),
            dates.day(d.entry.deadline, weekday=False) if d.entry.deadline else "",
        )
        for d in report.decisions
    ]
    doc.table(columns, rows)


def _trend_cell(texts: Catalogue, trend: str | None) -> str:
    if trend is None:
        return "–"
    value = Trend(trend)
    return f"{value.mark} {value.word(texts)}"


def _rounds(
    doc: Document, texts: Catalogue, dates: DateFormatter, settings: Settings, report: Report
) -> None:
    doc.heading(texts.t("report.doc.rounds"))
    if not report.rounds:
        doc.para(texts.t("report.doc.rounds_none"))
        return
    language = settings.language
    for part in report.rounds:
        doc.heading(
            texts.t(
                "report.doc.round",
                id=part.round.id,
                deadline=dates.day(part.round.deadline, weekday=False),
            ),
            level=2,
        )
        letters = sorted({section for _, section in part.current})
        if not letters:
            doc.para(texts.t("report.doc.round_empty"))
            continue
        columns = [Column(texts.t("report.doc.col.sector"), 2.6)]
        columns += [Column(p.label, 1.3) for p in settings.partners]
        rows = []
        for letter in letters:
            cells = []
            for p in settings.partners:
                found = part.current.get((p.id, letter))
                cells.append(_trend_cell(texts, found.trend if found else None))
            rows.append((BY_LETTER[letter].title(language), *cells))
        doc.table(columns, rows)
        divergent = divergent_sections(settings, part)
        for letter in divergent:
            views = ", ".join(
                f"{p.label} {Trend(part.current[(p.id, letter)].trend).word(texts)}"
                for p in settings.partners
                if (p.id, letter) in part.current
            )
            doc.para(
                texts.t(
                    "report.doc.divergent", sector=BY_LETTER[letter].title(language), views=views
                )
            )
        if not divergent:
            doc.para(texts.t("report.doc.no_divergence"))


async def _pictures(
    doc: Document, texts: Catalogue, dates: DateFormatter, settings: Settings, report: Report
) -> None:
    doc.heading(texts.t("report.doc.trends"))
    rounds = [part.round for part in report.rounds]
    letters = sorted({row.section for row in report.inputs})
    pictures = []
    for letter in letters:
        inputs = [row for row in report.inputs if row.section == letter]
        values = round_values(settings, inputs, rounds)
        if values:
            pictures.append((letter, values, len(inputs)))
    if not pictures:
        doc.para(texts.t("report.doc.trends_none"))
        return
    doc.para(texts.t("report.doc.trends_intro"))
    divergent = {letter for part in report.rounds for letter in divergent_sections(settings, part)}
    pictures.sort(key=lambda p: (p[0] not in divergent, -p[2], p[0]))
    for letter, values, _count in sorted(pictures[:PICTURES], key=lambda p: p[0]):
        title = BY_LETTER[letter].title(settings.language)
        chart = trend_chart(texts, dates, settings, title, values)
        png = await draw_async(chart)
        doc.picture(Picture(png.data, png.width, png.height, alt_text(texts, values, chart)))


def _notices(
    doc: Document, texts: Catalogue, dates: DateFormatter, settings: Settings, report: Report
) -> None:
    doc.heading(texts.t("report.doc.notices"))
    if not report.notices:
        doc.para(texts.t("report.doc.notices_none"))
        return
    no_topic = texts.t("report.doc.no_topic")
    topics = Counter(n.topic.strip() or no_topic for n in report.notices)
    doc.items(
        [
            texts.t("report.doc.topic_sum", topic=topic, count=count)
            for topic, count in sorted(topics.items(), key=lambda item: (-item[1], item[0]))
        ]
    )
    columns = _columns(
        texts, [("no", 0.5), ("date", 1.1), ("partner", 1.1), ("topic", 1.3), ("text", 4.0)]
    )
    rows = [
        (
            f"#{n.id}",
            dates.day(n.created_at, weekday=False),
            partner_label(texts, settings, n.partner_id),
            n.topic or no_topic,
            preview(n.text, NOTICE_CHARS),
        )
        for n in report.notices
    ]
    doc.table(columns, rows)


def _press(doc: Document, texts: Catalogue, dates: DateFormatter, report: Report) -> None:
    doc.heading(texts.t("report.doc.press"))
    if not report.press:
        doc.para(texts.t("report.doc.press_none"))
        return
    columns = _columns(texts, [("no", 0.5), ("published", 1.4), ("title", 5.0)])
    doc.table(
        columns,
        [
            (f"#{release.id}", dates.day(at, weekday=False), release.title)
            for release, at in report.press
        ],
    )
