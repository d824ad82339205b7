"""The minutes of a Sitzung as a written document (Markdown or PDF,
:mod:`commands.export.document`)."""

from __future__ import annotations

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.words import outcome_label, person, status_label
from commands.export.document import Document
from commands.export.sheet import Column
from commands.meetings.views import partner_label
from commands.minutes.content import Minutes
from commands.notices.handlers import preview
from config import Settings
from storage.decisions.models import Listed

NOTICE_CHARS = 300
#: (catalogue key, width share) of the open actions' table.
ACTION_COLUMNS = (("no", 0.5), ("task", 3.4), ("responsible", 1.6), ("deadline", 1.2), ("state", 1))


def decision_line(texts: Catalogue, dates: DateFormatter, settings: Settings, d: Listed) -> str:
    """``#7 Qualifizierungsoffensive – beschlossen, gültig; verantwortlich: …; Frist: …``."""
    entry = d.entry
    text = texts.t(
        "minutes.doc.decision",
        id=entry.id,
        subject=entry.subject,
        outcome=outcome_label(texts, entry.outcome),
        status=status_label(texts, d.status, d.successor_id),
    )
    if entry.responsible:
        text += texts.t("minutes.doc.responsible", person=person(settings, entry.responsible))
    if entry.deadline:
        text += texts.t("minutes.doc.deadline", day=dates.day(entry.deadline))
    return text


def minutes_document(
    texts: Catalogue, dates: DateFormatter, settings: Settings, minutes: Minutes
) -> Document:
    meeting, occurrence = minutes.meeting, minutes.occurrence
    title = texts.t(
        "minutes.doc.title_draft" if minutes.draft else "minutes.doc.title", title=meeting.title
    )
    footer = texts.t(
        "minutes.doc.footer",
        title=meeting.title,
        day=dates.day(occurrence.start, weekday=False),
        page="{page}",
        pages="{pages}",
    )
    doc = Document(title, footer)
    doc.fact(texts.t("minutes.doc.meeting"), f"#{meeting.id} {meeting.title}")
    doc.fact(texts.t("minutes.doc.date"), dates.span(occurrence.start, occurrence.end))
    if meeting.place:
        doc.fact(texts.t("minutes.doc.place"), meeting.place)
    if minutes.recorded:
        doc.fact(texts.t("minutes.doc.present"), ", ".join(p.name for p in minutes.present))
        absent = ", ".join(p.name for p in minutes.absent) or texts.t("minutes.nobody")
        doc.fact(texts.t("minutes.doc.absent"), absent)
    else:
        doc.fact(texts.t("minutes.doc.present"), texts.t("minutes.doc.not_recorded"))
    doc.fact(texts.t("minutes.doc.as_of"), dates.moment(minutes.now))
    doc.fact(texts.t("minutes.doc.anchor"), minutes.anchor or texts.t("minutes.doc.anchor_none"))
    if minutes.draft:
        doc.para(texts.t("minutes.doc.draft", end=dates.moment(occurrence.end)), strong=True)
    doc.heading(texts.t("minutes.doc.agenda"))
    if not minutes.points:
        doc.para(texts.t("minutes.doc.agenda_none"))
    for point in minutes.points:
        doc.heading(
            texts.t(
                "minutes.doc.item",
                number=point.number,
                text=point.item.text,
                partner=partner_label(texts, settings, point.item.partner_id),
            ),
            level=2,
        )
        if point.decisions:
            doc.items([decision_line(texts, dates, settings, d) for d in point.decisions])
        else:
            doc.para(texts.t("minutes.doc.item_none"))
    if minutes.other:
        doc.heading(texts.t("minutes.doc.other"))
        lines = []
        for d in minutes.other:
            line = decision_line(texts, dates, settings, d)
            if d.entry.agenda_item:
                line += texts.t("minutes.doc.on_item", item=d.entry.agenda_item)
            lines.append(line)
        doc.items(lines)
    key = "minutes.doc.notices_first" if minutes.first else "minutes.doc.notices"
    doc.heading(texts.t(key, since=dates.day(minutes.since)))
    if minutes.notices:
        doc.items(
            [
                texts.t(
                    "minutes.doc.notice",
                    id=n.id,
                    partner=partner_label(texts, settings, n.partner_id),
                    day=dates.day(n.created_at, weekday=False),
                    topic=texts.t("minutes.doc.topic", topic=n.topic) if n.topic else "",
                    text=preview(n.text, NOTICE_CHARS),
                )
                for n in minutes.notices
            ]
        )
    else:
        doc.para(texts.t("minutes.doc.notices_none"))
    doc.heading(texts.t("minutes.doc.actions"))
    if minutes.actions:
        doc.table(
            [Column(texts.t(f"minutes.col.{key}"), width) for key, width in ACTION_COLUMNS],
            [
                (
                    f"#{a.decision.entry.id}",
                    a.decision.entry.subject,
                    person(settings, a.decision.entry.responsible) or texts.t("minutes.none"),
                    dates.day(a.decision.entry.deadline, weekday=False)
                    if a.decision.entry.deadline
                    else texts.t("minutes.none"),
                    texts.t("minutes.state.overdue" if a.overdue else "minutes.state.open"),
                )
                for a in minutes.actions
            ],
        )
    else:
        doc.para(texts.t("minutes.doc.actions_none"))
    return doc
