"""The sector picture: one line per partner over the rounds (trend −1/0/+1), divergences
marked, drawn as a PNG with matplotlib.

matplotlib is imported only when a picture is drawn (in a worker thread, so the event
loop does not stall), never at start: the bot's start-up time and idle memory stay as
they were (``bench/chart.py`` measures what the first picture costs). Only the Agg
canvas is used, no pyplot: no global figure state, no GUI backend.
"""

from __future__ import annotations

import asyncio
import io
import struct
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from commands.core.catalogue import Catalogue
from commands.core.context import Attachment, Context
from commands.core.dates import DateFormatter
from commands.sectors.input import Trend
from commands.sectors.wz import Section
from config import Settings
from storage import sectors as store
from storage.sectors import Round, SectorInput

#: The trend as a number on the y-axis.
VALUE = {Trend.DECLINING: -1, Trend.STABLE: 0, Trend.GROWING: 1}
#: At most this many rounds (the newest) are drawn.
ROUNDS_SHOWN = 12
WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 100
#: One picture at a time: matplotlib's font and text caches are not made for threads.
_DRAWING = threading.Lock()
#: The pictures drawn last, by what they show (a picture depends on its chart alone, and
#: a sector's chart changes only with a new input or round): ``!branche C`` asked again
#: costs no drawing. Some 40 KB each.
_DRAWN: OrderedDict[TrendChart, Png] = OrderedDict()
KEPT = 32
#: One colour and marker per partner, in the configured order (distinct also in grey).
STYLES = (("#1f4e9c", "o"), ("#c0392b", "s"), ("#2e8b57", "^"), ("#8e44ad", "D"), ("#d68910", "v"))


@dataclass(frozen=True)
class Png:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Line:
    label: str
    values: tuple[int | None, ...]  # one per round; None: no report


@dataclass(frozen=True)
class TrendChart:
    """What the picture shows, in words already (the catalogue's language)."""

    sector: str
    title: str
    ticks: tuple[str, ...]  # one x label per round
    lines: tuple[Line, ...]
    divergent: tuple[int, ...]  # indexes of rounds where partners disagree
    axis: str
    x_axis: str
    levels: tuple[str, str, str]  # the words of -1, 0, +1
    divergent_label: str


def round_values(
    settings: Settings, inputs: Sequence[SectorInput], rounds: Sequence[Round]
) -> list[tuple[Round, dict[str, Trend]]]:
    """Per round (oldest first, the newest :data:`ROUNDS_SHOWN`) each partner's trend:
    the newest input of the partner in that round counts (corrections win)."""
    by_round: dict[int, dict[str, Trend]] = {}
    for row in sorted(inputs, key=lambda r: r.id):
        if row.round_id is not None:
            by_round.setdefault(row.round_id, {})[row.partner_id] = Trend(row.trend)
    known = {p.id for p in settings.partners}
    found = [
        (round_, {p: t for p, t in by_round[round_.id].items() if p in known})
        for round_ in sorted(rounds, key=lambda r: r.id)
        if round_.id in by_round
    ]
    return found[-ROUNDS_SHOWN:]


def is_divergent(trends: dict[str, Trend]) -> bool:
    """Partners disagree when one sees growth and another decline (as ``!branchen`` says)."""
    return {Trend.GROWING, Trend.DECLINING} <= set(trends.values())


def trend_chart(
    texts: Catalogue,
    dates: DateFormatter,
    settings: Settings,
    sector: str,
    values: Sequence[tuple[Round, dict[str, Trend]]],
) -> TrendChart:
    ticks = tuple(
        texts.t("sectors.chart.tick", id=r.id, day=dates.day(r.deadline, weekday=False))
        for r, _ in values
    )
    lines = tuple(
        Line(
            p.label,
            tuple(VALUE[t[p.id]] if p.id in t else None for _, t in values),
        )
        for p in settings.partners
    )
    return TrendChart(
        sector=sector,
        title=texts.t("sectors.chart.title", sector=sector),
        ticks=ticks,
        lines=lines,
        divergent=tuple(i for i, (_, t) in enumerate(values) if is_divergent(t)),
        axis=texts.t("sectors.chart.axis"),
        x_axis=texts.t("sectors.chart.x_axis"),
        levels=(
            f"−1 {Trend.DECLINING.word(texts)}",
            f"0 {Trend.STABLE.word(texts)}",
            f"+1 {Trend.GROWING.word(texts)}",
        ),
        divergent_label=texts.t("sectors.chart.divergent"),
    )


def alt_text(
    texts: Catalogue, values: Sequence[tuple[Round, dict[str, Trend]]], chart: TrendChart
) -> str:
    """The picture in words: each partner's values per round, and where they disagree."""
    parts = []
    for line in chart.lines:
        shown = ", ".join(
            texts.t("sectors.chart.alt_value", id=r.id, value=_signed(v))
            for (r, _), v in zip(values, line.values, strict=True)
            if v is not None
        )
        parts.append(
            texts.t("sectors.chart.alt_partner", partner=line.label, values=shown)
            if shown
            else texts.t("sectors.chart.alt_none", partner=line.label)
        )
    text = texts.t(
        "sectors.chart.alt",
        sector=chart.sector,
        rounds=", ".join(f"#{r.id}" for r, _ in values),
        lines="; ".join(parts),
    )
    if chart.divergent:
        rounds = ", ".join(f"#{values[i][0].id}" for i in chart.divergent)
        text += texts.t("sectors.chart.alt_divergent", rounds=rounds)
    return text


def _signed(value: int) -> str:
    return "+1" if value > 0 else "−1" if value < 0 else "0"


def draw(chart: TrendChart) -> Png:
    """The chart as a PNG of ``WIDTH_IN``×``HEIGHT_IN`` inches at ``DPI`` (blocking: call
    it through :func:`draw_async` from the event loop)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(chart.ticks)))
    for index in chart.divergent:
        axes.axvspan(index - 0.4, index + 0.4, color="#f5b041", alpha=0.3, linewidth=0)
    if chart.divergent:
        axes.plot([], [], color="#f5b041", alpha=0.6, linewidth=8, label=chart.divergent_label)
    count = max(len(chart.lines), 1)
    for number, line in enumerate(chart.lines):
        colour, marker = STYLES[number % len(STYLES)]
        shift = (number - (count - 1) / 2) * 0.04  # lines on the same value stay visible
        points = [
            (x, v + shift) for x, v in zip(positions, line.values, strict=True) if v is not None
        ]
        if not points:
            continue
        axes.plot(
            [x for x, _ in points],
            [y for _, y in points],
            color=colour,
            marker=marker,
            linewidth=2,
            markersize=7,
            label=line.label,
        )
    axes.set_ylim(-1.4, 1.4)
    axes.set_yticks([-1, 0, 1], list(chart.levels))
    axes.set_xlim(-0.6, max(len(positions) - 0.4, 0.6))
    axes.set_xticks(positions, list(chart.ticks), fontsize=8)
    axes.set_ylabel(chart.axis, fontsize=9)
    axes.set_xlabel(chart.x_axis, fontsize=9)
    axes.set_title(chart.title, fontsize=11)
    axes.grid(axis="y", color="#dddddd")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    figure.subplots_adjust(left=0.2, right=0.8, top=0.9, bottom=0.2)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    data = out.getvalue()
    width, height = png_size(data)
    return Png(data, width, height)


def _draw_locked(chart: TrendChart) -> Png:
    with _DRAWING:
        return draw(chart)


async def draw_async(chart: TrendChart) -> Png:
    """:func:`draw` in a worker thread, one picture at a time; a picture drawn lately for
    the same chart is reused (:data:`_DRAWN`)."""
    found = _DRAWN.get(chart)
    if found is not None:
        _DRAWN.move_to_end(chart)
        return found
    found = await asyncio.to_thread(_draw_locked, chart)
    _DRAWN[chart] = found
    while len(_DRAWN) > KEPT:
        _DRAWN.popitem(last=False)
    return found


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


async def sector_picture(
    ctx: Context, section: Section, view: store.SectionView
) -> Attachment | None:
    """``!branche``'s picture: the section over the rounds, or None without any round.
    ``view``: the section's inputs of its newest :data:`ROUNDS_SHOWN` rounds with them."""
    inputs, rounds = view.inputs, view.rounds
    values = round_values(ctx.settings, inputs, list(rounds.values()))
    if not values:
        return None
    title = section.title(ctx.settings.language)
    chart = trend_chart(ctx.texts, ctx.dates, ctx.settings, title, values)
    png = await draw_async(chart)
    return Attachment(
        ctx.t("sectors.chart.file", letter=section.letter),
        "image/png",
        data=png.data,
        image=(png.width, png.height),
        alt=alt_text(ctx.texts, values, chart),
    )
