"""Input rounds: ``!runde start <frist>``, ``!runde schließen``, and reporting into them.

A round's deadline is a *day* in the configured zone (stored as a date); the round runs
until the end of that day and stays open for late reports until a coordinator closes it.
"""

from __future__ import annotations

from pydantic import BaseModel

from commands.contacts.lookup import contact_map
from commands.core.args import CleanText
from commands.core.context import Context, Reply
from commands.core.dates_input import parse_date
from commands.core.errors import ArgError, CommandError
from commands.core.markup import Doc, Line, join
from commands.meetings.reminders import ReminderTopic
from commands.sectors.input import ReportArgs
from commands.sectors.views import missing_partners
from config import Partner
from storage import sectors as store


class StartArgs(BaseModel):
    frist: CleanText


async def start_round(ctx: Context, args: StartArgs) -> Reply:
    today = ctx.dates.local(ctx.now).date()
    try:
        deadline = parse_date(args.frist, today)
    except ArgError as error:
        raise CommandError(error.key, **error.params) from None
    if deadline < today:
        raise CommandError("sectors.error.deadline_past", day=ctx.dates.day(deadline))
    running = await store.current_round(ctx.session, ctx.room_id)
    if running is not None:
        raise CommandError("sectors.error.round_open", id=running.id, show_usage=False)
    round_ = await store.open_round(
        ctx.session,
        room_id=ctx.room_id,
        opened_by=ctx.sender.user_id,
        now=ctx.now,
        deadline=deadline,
    )
    day = ctx.dates.day(deadline)
    contacts = await contact_map(ctx)
    people: list[Line] = [
        (ctx.mention(person),)
        for partner in ctx.settings.partners
        for person in contacts.get(partner.id, ("", ""))[:1]
        if person
    ]
    announcement = Doc().line(ctx.t("sectors.announce", id=round_.id, day=day))
    announcement.line(ctx.t("sectors.announce_how"))
    if people:
        announcement.para(ctx.texts.line("sectors.announce_people", people=join(people)))
    ctx.post(Reply(announcement, purpose=f"round:{round_.id}"))
    doc = Doc().line(ctx.t("sectors.started", id=round_.id, day=day))
    doc.line(ctx.t("sectors.started_next"))
    return Reply(doc)


async def close_round(ctx: Context, _args: object) -> Reply:
    running = await store.current_round(ctx.session, ctx.room_id)
    if running is None:
        raise CommandError("sectors.error.no_round", show_usage=False)
    inputs = await store.inputs_of_round(ctx.session, running.id)
    store.close_round(running, closed_by=ctx.sender.user_id, now=ctx.now)
    missing = missing_partners(ctx.settings, inputs)
    doc = Doc().line(ctx.t("sectors.closed", id=running.id))
    if missing:
        doc.line(ctx.t("sectors.closed_missing", partners=_names(missing)))
    else:
        doc.line(ctx.t("sectors.closed_complete"))
    doc.line(ctx.t("sectors.closed_next"))
    return Reply(doc)


def _names(partners: list[Partner]) -> str:
    return ", ".join(p.name for p in partners)


async def report(ctx: Context, args: ReportArgs) -> Reply:
    """``!branche melden C wachsend …``: into the open round, or outside any round."""
    partner = ctx.sender.partner
    assert partner is not None  # Role.MEMBER
    limit = ctx.settings.limits.max_text_chars
    if len(args.text) > limit:
        raise CommandError("sectors.error.too_long", length=len(args.text), limit=limit)
    running = await store.current_round(ctx.session, ctx.room_id)
    earlier = await store.inputs_of_round(ctx.session, running.id) if running else []
    replaced = store.newest(earlier).get((partner.id, args.sektor.letter))
    row = await store.add_input(
        ctx.session,
        room_id=ctx.room_id,
        round_id=running.id if running else None,
        partner_id=partner.id,
        author=ctx.sender.user_id,
        section=args.sektor.letter,
        trend=args.trend.value,
        text=args.text,
        demand=args.bedarf,
        horizon=args.horizont or "",
        now=ctx.now,
        source_event_id=ctx.event_id,
    )
    sector = args.sektor.title(ctx.settings.language)
    params = {
        "id": row.id,
        "sector": sector,
        "partner": partner.label,
        "mark": args.trend.mark,
        "trend": args.trend.word(ctx.texts),
    }
    if running is None:
        doc = Doc().line(ctx.t("sectors.saved_outside", **params))
    elif replaced is not None:
        doc = Doc().line(
            ctx.t("sectors.saved_correction", round=running.id, old=replaced.id, **params)
        )
    else:
        doc = Doc().line(ctx.t("sectors.saved", round=running.id, **params))
    if args.bedarf:
        doc.line(ctx.t("sectors.demand_line", demand=args.bedarf))
    if args.horizont:
        doc.line(ctx.t("sectors.horizon_line", months=args.horizont.removesuffix("m")))
    doc.line(ctx.t("sectors.saved_next", letter=args.sektor.letter))
    return Reply(doc)


async def round_part(topic: ReminderTopic) -> list[Line]:
    """A reminder part: ``Noch offen: Branchenrunde – ausstehend: Jobcenter Magdeburg (Frist 7. Dez.)``."""
    running = await store.current_round(topic.session, topic.meeting.room_id)
    if running is None:
        return []
    inputs = await store.inputs_of_round(topic.session, running.id)
    missing = missing_partners(topic.settings, inputs)
    deadline = topic.dates.day(running.deadline, weekday=False, year=False)
    if not missing:
        return [topic.texts.line("sectors.reminder_complete", id=running.id, deadline=deadline)]
    return [topic.texts.line("sectors.reminder_open", partners=_names(missing), deadline=deadline)]
