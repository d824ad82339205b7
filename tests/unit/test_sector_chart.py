"""The sector picture: a PNG of the declared size, sent as ``m.image`` with its words as
alt text beside ``!branche``'s history; matplotlib stays out of the bot's start."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
from collections import OrderedDict
from dataclasses import replace

import pytest
from PIL import Image

from commands.sectors import chart as charts
from commands.sectors.chart import (
    DPI,
    HEIGHT_IN,
    WIDTH_IN,
    Line,
    Png,
    TrendChart,
    draw,
    draw_async,
    png_size,
)
from tests.support.chat import Chat

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chart(divergent: tuple[int, ...] = (0,)) -> TrendChart:
    return TrendChart(
        sector="C Verarbeitendes Gewerbe",
        title="C Verarbeitendes Gewerbe: Einschätzung der Partner je Runde",
        ticks=("#1\n7. Dez. 2026", "#2\n14. Dez. 2026", "#3\n4. Jan. 2027"),
        lines=(
            Line("Stadt", (1, 0, 0)),
            Line("Agentur", (-1, 0, None)),
            Line("Jobcenter", (None, 1, 1)),
        ),
        divergent=divergent,
        axis="Trend (−1 rückläufig, 0 stabil, +1 wachsend)",
        x_axis="Branchenrunde (Frist)",
        levels=("−1 rückläufig", "0 stabil", "+1 wachsend"),
        divergent_label="uneinig",
    )


def test_the_picture_is_a_png_of_the_declared_size_with_the_lines_drawn() -> None:
    png = draw(chart())
    assert png.data[:8] == PNG_SIGNATURE and png.data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png.data[16:24])
    assert (width, height) == (int(WIDTH_IN * DPI), int(HEIGHT_IN * DPI)) == (png.width, png.height)
    image = Image.open(io.BytesIO(png.data)).convert("RGB")
    assert image.size == (width, height)
    colours = {colour for _count, colour in image.getcolors(maxcolors=1_000_000) or []}
    assert (0x1F, 0x4E, 0x9C) in colours  # the first partner's line
    assert (0xC0, 0x39, 0x2B) in colours  # the second partner's line
    shaded = draw(chart(divergent=()))
    assert shaded.data != png.data  # the divergence is marked in the picture


async def test_a_chart_drawn_lately_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[TrendChart] = []

    def counting(shown: TrendChart) -> Png:
        drawn.append(shown)
        return Png(bytes(len(drawn)), 1, 1)

    monkeypatch.setattr(charts, "_draw_locked", counting)
    monkeypatch.setattr(charts, "_DRAWN", OrderedDict())
    monkeypatch.setattr(charts, "KEPT", 2)
    first, changed, third = chart(), chart(divergent=()), replace(chart(), title="E")
    assert await draw_async(first) is await draw_async(chart())  # equal chart: one drawing
    assert (await draw_async(changed)).data == bytes(2)  # a new input changes the chart
    await draw_async(first)  # used lately: kept
    await draw_async(third)  # the oldest (``changed``) makes room
    await draw_async(changed)
    assert drawn == [first, changed, third, changed]


def test_png_size_refuses_what_is_no_png() -> None:
    try:
        png_size(b"GIF89a" + bytes(30))
    except ValueError as error:
        assert "PNG" in str(error)
    else:
        raise AssertionError("a GIF passed as PNG")


async def test_sector_history_comes_with_the_picture_and_its_words(chat: Chat) -> None:
    await chat.send("koordination", "!runde start 07.12.2026")
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an")
    await chat.send("agentur1", "!branche melden C rückläufig Kurzarbeit angezeigt")
    await chat.send("koordination", "!runde schließen")
    chat.clock.advance(days=7)
    await chat.send("koordination", "!runde start 14.12.2026")
    await chat.send("stadt1", "!branche melden C stabil Auftragslage ruhig")
    await chat.send("agentur1", "!branche melden C rückläufig Kurzarbeit")
    await chat.send("agentur1", "!branche melden C stabil Doch stabil")  # the correction counts
    await chat.send("jobcenter1", "!branche melden C wachsend Mehr Anfragen")
    event = await chat.send("gast", "!branche C")
    reply = chat.replies_to(event)[0]["body"].splitlines()
    assert reply[0] == "Verlauf C Verarbeitendes Gewerbe (neueste zuerst):"
    image = chat.sent[-1]["content"]
    assert image["msgtype"] == "m.image" and image["filename"] == "branche-C-verlauf.png"
    assert image["body"] == (
        "Diagramm C Verarbeitendes Gewerbe, Runden #1, #2 (−1 rückläufig, 0 stabil, "
        "+1 wachsend): Stadt Runde #1 +1, Runde #2 0; Agentur Runde #1 −1, Runde #2 0; "
        "Jobcenter Runde #2 +1. Uneinig in Runde #1."
    )
    data = chat.homeserver.uploads[image["url"]]
    assert data[:8] == PNG_SIGNATURE
    assert image["info"] == {
        "mimetype": "image/png",
        "size": len(data),
        "w": png_size(data)[0],
        "h": png_size(data)[1],
    }


async def test_reports_outside_rounds_give_no_picture(chat: Chat) -> None:
    await chat.send("stadt1", "!branche melden C wachsend Aufträge ziehen an")
    event = await chat.send("gast", "!branche C")
    assert chat.sent[-1]["content"] == chat.replies_to(event)[0]
    assert not any(m["content"]["msgtype"] == "m.image" for m in chat.sent)


def test_the_bot_starts_without_matplotlib() -> None:
    code = "import sys, bot.app, bot.cli; print('matplotlib' in sys.modules)"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "False"
