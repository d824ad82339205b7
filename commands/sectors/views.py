"""``!branchen`` (the current round side by side), ``!branche <sektor>`` (its history) and
``!branche suche <suchbegriff>`` (every input of the room searched, newest first).

Participation is named per partner organisation ("ausstehend: Jobcenter Magdeburg"),
never per person: the room holds statements of organisations, not of people.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from pydantic import BaseModel, Field

from commands.core.args import SearchText
from commands.core.catalogue import Catalogue
from commands.core.context import Context, Reply
from commands.core.dates import DateFormatter
from commands.core.errors import CommandError
from commands.core.markup import Doc, Line, inline
from commands.core.paging import Page
from commands.notices.handlers import preview
from commands.sectors.chart import ROUNDS_SHOWN, sector_picture
from commands.sectors.input import SectorArgs, Trend
from commands.sectors.wz import BY_LETTER, NAMES
from config import Partner, Settings
from storage import sectors as store
from storage.sectors import Round, SectorInput

HISTORY_SHOWN = 20
SEARCH_LISTED = 10
DEMAND_CHARS = 80
TEXT_CHARS = 280
PENDING = "⏳"


def missing_partners(settings: Settings, inputs: Sequence[SectorInput]) -> list[Partner]:
    """Partners without any input in ``inputs`` (the organisations, never people)."""
    reported = {row.partner_id for row in inputs}
    return [p for p in settings.partners if p.id not in reported]


def round_title(
    texts: Catalogue, dates: DateFormatter, round_: Round, missing: list[Partner]
) -> str:
    """``Branchenrunde #2 (Frist 7. Dez. 2026) – ausstehend: Jobcenter Magdeburg``."""
    head = texts.t(
        "sectors.round_title", id=round_.id, deadline=dates.day(round_.deadline, weekday=False)
    )
    if round_.closed_at is not None:
        head += texts.t("sectors.round_closed", when=dates.day(round_.closed_at, weekday=False))
    if missing:
        head += texts.t("sectors.pending", partners=", ".join(p.name for p in missing))
    else:
        head += texts.t("sectors.all_reported")
    return head


def disagreements(
    texts: Catalogue, settings: Settings, current: dict[tuple[str, str], SectorInput]
) -> list[str]:
    """``⚠ Uneinig: C Verarbeitendes Gewerbe – Stadt wachsend, Agentur rückläufig``."""
    lines: list[str] = []
    for letter in sorted({section for _, section in current}):
        rows = [current[(p.id, letter)] for p in settings.partners if (p.id, letter) in current]
        trends = {Trend(row.trend) for row in rows}
        if {Trend.GROWING, Trend.DECLINING} <= trends:
            views = ", ".join(
                f"{_label(settings, row.partner_id)} {Trend(row.trend).word(texts)}" for row in rows
            )
            lines.append(
                texts.t(
                    "sectors.disagree",
                    sector=BY_LETTER[letter].title(settings.language),
                    views=views,
                )
            )
    return lines


def _label(settings: Settings, partner_id: str) -> str:
    partner = settings.partner(partner_id)
    return partner.label if partner else partner_id


def cell(row: SectorInput | None, pending: bool) -> Line:
    """``↑ (Schweißer, CNC)``; ⏳ when the partner has not reported at all; – otherwise."""
    if row is None:
        return inline(PENDING if pending else "–")
    mark = Trend(row.trend).mark
    if row.demand:
        return inline(f"{mark} ({preview(row.demand, DEMAND_CHARS)})")
    return inline(mark)


def sector_table(
    doc: Doc, texts: Catalogue, settings: Settings, inputs: Sequence[SectorInput], *, in_round: bool
) -> Doc:
    """Sectors down, partners across; the newest input per partner and sector counts."""
    current = store.newest(inputs)
    missing = {p.id for p in missing_partners(settings, inputs)} if in_round else set()
    for line in disagreements(texts, settings, current):
        doc.line(line)
    letters = sorted({section for _, section in current})
    header = [inline(texts.t("sectors.column_sector"))]
    header += [inline(p.label) for p in settings.partners]
    rows = [
        [
            inline(BY_LETTER[letter].title(settings.language)),
            *(cell(current.get((p.id, letter)), p.id in missing) for p in settings.partners),
        ]
        for letter in letters
    ]
    return doc.table(header, rows)


async def overview(ctx: Context, _args: object) -> Reply:
    """``!branchen``: the open (or last) round; without any round, the inputs outside rounds."""
    round_, inputs = await store.latest_round_inputs(ctx.session, ctx.room_id)
    if round_ is not None:
        missing = missing_partners(ctx.settings, inputs)
        doc = Doc().line(round_title(ctx.texts, ctx.dates, round_, missing))
        if not inputs:
            return Reply(doc.line(ctx.t("sectors.round_empty")))
        sector_table(doc, ctx.texts, ctx.settings, inputs, in_round=round_.closed_at is None)
        doc.line(ctx.t("sectors.overview_next"))
        return Reply(doc)
    inputs = await store.inputs_outside_rounds(ctx.session, ctx.room_id)
    if not inputs:
        return Reply(Doc().line(ctx.t("sectors.none")))
    doc = Doc().line(ctx.t("sectors.outside_title"))
    sector_table(doc, ctx.texts, ctx.settings, inputs, in_round=False)
    doc.line(ctx.t("sectors.outside_next"))
    return Reply(doc)


def superseded_ids(inputs: Sequence[SectorInput]) -> set[int]:
    """Inputs of a round replaced by a newer one of the same partner and sector."""
    counted = {
        (row.round_id, row.partner_id, row.section): row.id
        for row in sorted(inputs, key=lambda r: r.id)
        if row.round_id is not None
    }
    return {
        row.id
        for row in inputs
        if row.round_id is not None
        and counted[(row.round_id, row.partner_id, row.section)] != row.id
    }


def entry(
    texts: Catalogue,
    dates: DateFormatter,
    settings: Settings,
    row: SectorInput,
    rounds: Container[int | None],
    replaced: bool,
    *,
    with_section: bool = False,
) -> Line:
    """``Runde #2 · 1. Dez. 2026 · Stadt ↑ wachsend – text · Bedarf: … · Horizont: 12 Monate``;
    ``with_section`` names the section first (``C Verarbeitendes Gewerbe · Runde #2 · …``)."""
    if row.round_id is not None and row.round_id in rounds:
        where = texts.t("sectors.history_round", id=row.round_id)
    else:
        where = texts.t("sectors.history_outside")
    trend = Trend(row.trend)
    extras = ""
    if row.demand:
        extras += texts.t("sectors.demand", demand=preview(row.demand, DEMAND_CHARS))
    if row.horizon:
        extras += texts.t("sectors.horizon", months=row.horizon.removesuffix("m"))
    if replaced:
        extras += texts.t("sectors.replaced")
    return texts.line(
        "sectors.search_entry" if with_section else "sectors.history_entry",
        id=row.id,
        sector=BY_LETTER[row.section].title(settings.language),
        where=where,
        day=dates.day(row.created_at, weekday=False),
        partner=_label(settings, row.partner_id),
        mark=trend.mark,
        trend=trend.word(texts),
        text=preview(row.text, TEXT_CHARS),
        extras=extras,
    )


async def history(ctx: Context, args: SectorArgs) -> Reply:
    """``!branche C``: this sector across rounds, newest first, corrections marked."""
    section = args.sektor
    view = await store.section_view(
        ctx.session, ctx.room_id, section.letter, shown=HISTORY_SHOWN, rounds=ROUNDS_SHOWN
    )
    rows = view.history
    title = section.title(ctx.settings.language)
    if not rows:
        return Reply(Doc().line(ctx.t("sectors.history_none", sector=title)))
    replaced = superseded_ids(rows)
    doc = Doc().line(ctx.t("sectors.history_title", sector=title))
    doc.items(
        [entry(ctx.texts, ctx.dates, ctx.settings, r, view.rounds, r.id in replaced) for r in rows]
    )
    if len(rows) == HISTORY_SHOWN:
        doc.line(ctx.t("sectors.history_more", letter=section.letter))
    return Reply(doc, attachment=await sector_picture(ctx, section, view))


class SearchArgs(BaseModel):
    suchbegriff: SearchText
    seite: int | None = Field(default=None, ge=1, le=100_000)


def section_words(term: str) -> dict[str, str]:
    """The words of ``term`` that name a WZ section (``Logistik`` → H, ``Pflege`` → Q):
    such a word also finds every input of that section."""
    return {word: NAMES[word.casefold()] for word in term.split() if word.casefold() in NAMES}


async def search(ctx: Context, args: SearchArgs) -> Reply:
    """``!branche suche Schweißer``: one page (``seite=``) of the room's inputs holding every
    word of the term in their text, demand or section, newest first; matches are counted up
    to a bound, beyond it "über"."""
    term = args.suchbegriff
    if not term:  # nothing but quotation marks
        raise CommandError("error.missing_arg", arg="suchbegriff")
    offset = Page.first_of(args.seite, SEARCH_LISTED)
    rows, total = await store.search_inputs(
        ctx.session, ctx.room_id, term, SEARCH_LISTED, offset, section_words(term)
    )
    page = Page(args.seite or 1, SEARCH_LISTED, total)
    if not total:
        return Reply(Doc().line(ctx.t("sectors.search_none", term=term)))
    if not rows:
        return Reply(
            Doc().line(ctx.t("sectors.search_no_page", page=page.number, pages=page.pages))
        )
    key = "sectors.search_title_many" if page.many else "sectors.search_title"
    doc = Doc().line(ctx.t(key, term=term, count=page.counted))
    in_rounds = {found.input.round_id for found in rows if found.in_round}
    doc.items(
        [
            entry(
                ctx.texts,
                ctx.dates,
                ctx.settings,
                found.input,
                in_rounds,
                found.replaced,
                with_section=True,
            )
            for found in rows
        ]
    )
    if more := page.more("sectors.search_more", len(rows)):
        doc.line(ctx.t(more[0], count=more[1], term=term, next=page.number + 1))
    doc.line(ctx.t("sectors.search_next"))
    return Reply(doc)
