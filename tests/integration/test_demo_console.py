"""``koopbot demo`` as a newcomer types it: the console in a pseudo-terminal, own Synapse.

A press release pasted over several lines and continued with ``\\`` is one message, the
calendar file the bot uploads lands on disk, a line longer than the terminal's line limit
arrives whole, a reminder arrives while the console waits for input, and ``/ende`` removes
the demo's folder and exits 0.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
#: Reminders every ten seconds from 1m55s to 3m15s before a meeting: for a meeting at the
#: next full minute at least 2m10s ahead, one of them falls due 5 to 15 s after it is set.
OFFSETS = [f"{115 + 10 * k}s" for k in range(9)]


class Terminal:
    """The demo on the slave side of a pseudo-terminal; everything it prints is collected."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.master, slave = os.openpty()
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)
        self.output = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._changed = threading.Condition()
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            with self._changed:
                if not chunk:
                    self._changed.notify_all()
                    return
                text = self._decoder.decode(chunk).replace("\r\x1b[K", "\n")
                self.output += ANSI.sub("", text).replace("\r", "")
                self._changed.notify_all()

    def expect(self, pattern: str, *, after: int = 0, timeout: float = 30) -> re.Match[str]:
        """The first match of ``pattern`` in the output from position ``after`` on."""
        compiled = re.compile(pattern, re.MULTILINE)
        with self._changed:
            found = self._changed.wait_for(
                lambda: compiled.search(self.output, after) or self.process.poll() is not None,
                timeout,
            )
            match = compiled.search(self.output, after)
        assert match is not None, f"{pattern!r} not in:\n{self.output[after:][-3000:]} ({found})"
        return match

    def type(self, text: str) -> int:
        """Send ``text`` at once (as a paste); returns where the output stands now."""
        mark = len(self.output)
        data = text.encode()
        while data:
            data = data[os.write(self.master, data) :]
        return mark


def test_console_multiline_files_live_reminder_and_end(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "dumb", "KOOPBOT_REMINDERS__OFFSETS": json.dumps(OFFSETS)}
    env.pop("KOOPBOT_CONFIG", None)
    terminal = Terminal([sys.executable, "-m", "bot", "demo"], env)
    try:
        banner = terminal.expect(r"landen in (\S+)\n", timeout=120)
        folder = Path(terminal.expect(r"Ordner der Demo: (\S+) ").group(1))
        terminal.expect(r"koordination> ")

        # A press release: pasted lines and a line continued with a backslash are one message.
        mark = terminal.type("/als stadt1\n")
        terminal.expect(r"stadt1> ", after=mark)
        mark = terminal.type(
            "!pm entwurf Ausbildungstag im Rathaus\nErste Zeile des Textes \\\n"
            "geht weiter\n- Punkt zwei\n"
        )
        terminal.expect(r"^koopbot +.*PM #1", after=mark)
        # The whole reply, down to its last line, before the next command: `!pm 1` answers
        # with the same card, and must not be taken for this one.
        terminal.expect(r"Änderungen erbitten: !pm ablehnen 1", after=mark)
        mark = terminal.type("!pm 1\n")
        mark = terminal.expect(r"!pm 1\n", after=mark).end()
        terminal.expect(r"^ {13}.*Erste Zeile des Textes\s+geht weiter", after=mark)
        terminal.expect(r"^ {13}.*Punkt zwei", after=mark)
        terminal.expect(r"Änderungen erbitten: !pm ablehnen 1", after=mark)  # its last line

        # A line longer than the terminal's own line limit (4095 characters) arrives whole.
        mark = terminal.type("!hilfe " + "x" * 4990 + "ENDE\n")
        terminal.expect(r"xENDE“ gibt es keinen Befehl", after=mark)

        # A meeting whose reminder falls due within seconds, and its calendar file on disk.
        zone = ZoneInfo("Europe/Berlin")
        now = datetime.now(zone)
        start = (now + timedelta(minutes=2, seconds=10)).replace(second=0, microsecond=0)
        start += timedelta(minutes=1)
        mark = terminal.type("/als koordination\n")
        terminal.expect(r"koordination> ", after=mark)
        mark = terminal.type(f"!termin neu {start:%d.%m.%Y} {start:%H:%M} Abstimmung Ausbildung\n")
        terminal.expect(r"^koopbot +.*#1", after=mark)
        mark = terminal.type("!termin ics 1\n")
        saved = Path(terminal.expect(r"📎 (\S+\.ics)", after=mark).group(1))
        assert saved.parent == Path(banner.group(1))
        assert saved.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")

        # Nothing typed: the reminder appears on its own, as a post of its own.
        waiting = len(terminal.output)
        terminal.expect(r"^koopbot +🔔 Heute: Abstimmung Ausbildung", after=waiting)

        mark = terminal.type("/ende\n")
        terminal.expect(r"Ordner der Demo gelöscht", after=mark)
        assert terminal.process.wait(timeout=60) == 0
        assert not folder.exists()
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
            terminal.process.wait()
        os.close(terminal.master)
