"""How one decision reads in the room: its details and its history, shared by every reply."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from commands.core.context import Context
from commands.core.markup import Inline, Line, Text, join
from commands.decisions.words import (
    OUTCOMES,
    author,
    outcome_label,
    overdue,
    partner_labels,
    person,
)
from storage.decisions.models import DecisionEntry, Kind, Listed, Status

EXCERPT = 80


def today(ctx: Context) -> date:
    return ctx.dates.local(ctx.now).date()


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def detail_lines(
    ctx: Context,
    entry: DecisionEntry,
    status: Status,
    meeting_title: str | None,
    *,
    mention: bool = False,
) -> list[Line]:
    """Outcome and agreement, dissent, responsible person and deadline, meeting, who and when.

    ``mention`` makes the responsible person a pill (notified) — only when recording.
    """
    texts, settings = ctx.texts, ctx.settings
    lines: list[Line] = []
    if entry.outcome in OUTCOMES:
        parts = [texts.line("decisions.line.outcome", outcome=outcome_label(texts, entry.outcome))]
        if entry.agreed:
            agreed = partner_labels(texts, settings, entry.agreed)
            parts.append(texts.line("decisions.line.agreed", partners=agreed))
        lines.append(join(parts, " · "))
    if entry.dissent:
        lines.append(texts.line("decisions.line.dissent", text=entry.dissent))
    duty: list[Line] = []
    if entry.responsible:
        who: Inline = (
            ctx.mention(entry.responsible) if mention else Text(person(settings, entry.responsible))
        )
        duty.append(texts.line("decisions.line.responsible", person=who))
    if entry.deadline is not None:
        key = (
            "decisions.line.deadline_overdue"
            if overdue(entry.deadline, status, today(ctx))
            else "decisions.line.deadline"
        )
        duty.append(texts.line(key, day=ctx.dates.day(entry.deadline)))
    if duty:
        lines.append(join(duty, " · "))
    place: list[Line] = []
    if entry.meeting_id is not None and entry.meeting_at is not None:
        place.append(
            texts.line(
                "decisions.line.meeting",
                title=meeting_title or "",
                id=entry.meeting_id,
                day=ctx.dates.day(entry.meeting_at),
            )
        )
    if entry.agenda_item:
        place.append(texts.line("decisions.line.agenda", item=entry.agenda_item))
    if place:
        lines.append(join(place, " · "))
    lines.append(
        join(
            [
                texts.line("decisions.line.decided", day=ctx.dates.day(entry.decided_on)),
                texts.line(
                    "decisions.line.recorded",
                    who=author(texts, settings, entry.author, entry.author_partner),
                    when=ctx.dates.moment(entry.recorded_at),
                ),
            ],
            " · ",
        )
    )
    return lines


def history_lines(ctx: Context, entries: Sequence[Listed]) -> list[Line]:
    """One line per entry of a decision's history, oldest first."""
    lines = []
    for listed in entries:
        entry = listed.entry
        kind = entry.kind
        key = f"decisions.history.{kind}"
        text = entry.wording
        if kind == Kind.DONE.value and entry.wording:
            key = "decisions.history.done_note"
        lines.append(
            ctx.texts.line(
                key,
                id=entry.id,
                when=ctx.dates.moment(entry.recorded_at),
                who=author(ctx.texts, ctx.settings, entry.author, entry.author_partner),
                text=excerpt(text),
            )
        )
    return lines
