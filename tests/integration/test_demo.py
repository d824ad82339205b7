"""``koopbot demo --scenario``, as a newcomer runs it: own Synapse, every feature, exit 0."""

from __future__ import annotations

import asyncio
import subprocess
import sys


async def test_the_demo_scenario_plays_every_feature_and_exits_0() -> None:
    command = [sys.executable, "-m", "bot", "demo", "--scenario"]
    result = await asyncio.to_thread(
        subprocess.run, command, capture_output=True, text=True, timeout=280
    )
    assert result.returncode == 0, result.stderr[-3000:]
    transcript = result.stdout
    assert "Homeserver: http://127.0.0.1:" in transcript  # loopback only
    for answer in (
        "Nächste Erinnerungen:",  # !status
        "Kalenderdatei für Termin #1",  # !termin ics
        "PM #1 · Version 2",  # revised press release
        "Branchenrunde #1 gestartet",  # sectors
        "⚠ Uneinig: C Verarbeitendes Gewerbe",  # disagreement flagged
    ):
        assert answer in transcript, answer
    assert "Traceback" not in transcript + result.stderr
