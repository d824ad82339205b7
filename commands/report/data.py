"""The data behind the report as one CSV table: one row per fact (an attendance, a
decision, an assessment, a notice, a press release), as German spreadsheets open it
(:mod:`commands.export.csv_format`: BOM, ``;``, CRLF, every field quoted, formulas defused)."""

from __future__ import annotations

import codecs

from commands.core.catalogue import Catalogue
from commands.core.dates import typed
from commands.decisions.words import outcome_label
from commands.export.csv_format import NEWLINE
from commands.export.csv_text import line
from commands.report.content import Report, divergent_sections
from commands.sectors.input import Trend
from commands.sectors.wz import BY_LETTER
from config import Settings

HEADERS = ("area", "date", "no", "subject", "partner", "value", "status")


def report_rows(texts: Catalogue, settings: Settings, report: Report) -> list[tuple[str, ...]]:
    zone = settings.zone
    rows: list[tuple[str, ...]] = []
    for sitting in report.sittings:
        day = typed(sitting.occurrence.start.astimezone(zone).date())
        for partner in settings.partners:
            if sitting.present is None:
                value = texts.t("report.doc.unknown")
            else:
                key = "report.doc.yes" if partner.id in sitting.present else "report.doc.no"
                value = texts.t(key)
            rows.append(
                (
                    texts.t("report.csv.sitting"),
                    day,
                    str(sitting.meeting.id),
                    sitting.meeting.title,
                    partner.name,
                    value,
                    "",
                )
            )
    for decision in report.decisions:
        entry = decision.entry
        rows.append(
            (
                texts.t("report.csv.decision"),
                typed(entry.decided_on),
                str(entry.id),
                entry.subject,
                "",
                outcome_label(texts, entry.outcome),
                texts.t(f"report.doc.status.{report.state(decision)}"),
            )
        )
    for part in report.rounds:
        divergent = set(divergent_sections(settings, part))
        order = {p.id: n for n, p in enumerate(settings.partners)}
        ordered = sorted(part.current.items(), key=lambda i: (i[0][1], order.get(i[0][0], 99)))
        for (partner_id, letter), row in ordered:
            named = settings.partner(partner_id)
            rows.append(
                (
                    texts.t("report.csv.round"),
                    typed(part.round.deadline),
                    str(part.round.id),
                    BY_LETTER[letter].title(settings.language),
                    named.name if named else partner_id,
                    Trend(row.trend).word(texts),
                    texts.t("report.csv.divergent") if letter in divergent else "",
                )
            )
    for notice in report.notices:
        author = settings.partner(notice.partner_id)
        rows.append(
            (
                texts.t("report.csv.notice"),
                typed(notice.created_at.astimezone(zone).date()),
                str(notice.id),
                notice.topic,
                author.name if author else notice.partner_id,
                " ".join(notice.text.split()),
                "",
            )
        )
    for release, at in report.press:
        rows.append(
            (
                texts.t("report.csv.press"),
                typed(at.astimezone(zone).date()),
                str(release.id),
                release.title,
                "",
                texts.t("report.csv.published"),
                "",
            )
        )
    return rows


def report_csv(texts: Catalogue, settings: Settings, report: Report) -> bytes:
    header = line([texts.t(f"report.csv.{key}") for key in HEADERS])
    records = [line(row) for row in report_rows(texts, settings, report)]
    return codecs.BOM_UTF8 + NEWLINE.join([header, *records, ""]).encode("utf-8")
