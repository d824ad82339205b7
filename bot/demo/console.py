"""The demo's console: type as one of the demo users, see the room live.

Conventions (the banner repeats them): a line ending in ``\\`` continues the message on the
next line, as in a shell; lines pasted together (arriving within :data:`PASTE_GAP`) are one
message; ``/als <person>`` changes the speaker, ``/ende`` ends the demo. Everything the bot
posts is printed as it arrives, also while you type (reminders, announcements), and every
file it uploads is saved into the demo's folder with its path printed beside the message.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import aiohttp

from bot.demo.people import Person, body, in_reply_to

#: Lines arriving closer together than this were pasted at once: one message.
PASTE_GAP = 0.05
#: How long the console waits for the answer to a command before taking the next line.
ANSWER_WAIT = 15.0
END = ("/ende", "/quit", "/exit")
CONTINUATION = "… "
_UNSAFE = re.compile(r"[^\w.\-]+")

try:  # line editing and the current input line, where the platform has readline
    import readline
except ImportError:  # pragma: no cover - every supported platform has it
    readline = None  # type: ignore[assignment]


def print_turn(speaker: str, text: str, out: TextIO | None = None) -> None:
    """One turn of the conversation: the speaker, then the text indented beside it."""
    stream = out or sys.stdout
    lines = text.splitlines() or [""]
    stream.write(f"{speaker:<13}{lines[0]}\n")
    for line in lines[1:]:
        stream.write(f"{'':<13}{line}\n")
    stream.flush()


@dataclass
class _Prompt:
    """What the reader thread shows before the next line."""

    speaker: str
    continued: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Set once a ``/als`` line is carried out, so the next prompt names the new speaker.
    switched: threading.Event = field(default_factory=threading.Event)

    def text(self) -> str:
        with self.lock:
            return CONTINUATION if self.continued else f"{self.speaker}> "


#: A line as it came in: when (``time.monotonic()``) and what (None: the input ended).
Arrival = tuple[float, str | None]


def _read_lines(
    loop: asyncio.AbstractEventLoop, queue: asyncio.Queue[Arrival], prompt: _Prompt
) -> None:
    """The reader thread: one ``input()`` after the other (readline reads without the
    terminal's 4095-character line limit), each line handed to the event loop."""
    while True:
        try:
            line = input(prompt.text())
        except (EOFError, KeyboardInterrupt):
            loop.call_soon_threadsafe(queue.put_nowait, (time.monotonic(), None))
            return
        with prompt.lock:
            prompt.continued = line.endswith("\\")
        switching = line.strip().startswith("/als")
        if switching:
            prompt.switched.clear()
        loop.call_soon_threadsafe(queue.put_nowait, (time.monotonic(), line))
        if line.strip() in END:
            return
        if switching:
            prompt.switched.wait(timeout=5)


class Console:
    """The interactive console over the demo room."""

    def __init__(
        self,
        people: dict[str, Person],
        ids: dict[str, str],
        room_id: str,
        files: Path,
        homeserver: str,
    ) -> None:
        self.people = people
        self.ids = ids
        self.room_id = room_id
        self.files = files
        self.homeserver = homeserver
        self.watcher = people["koordination"]
        self.prompt = _Prompt("koordination")
        self.queue: asyncio.Queue[Arrival] = asyncio.Queue()
        self._held: list[Arrival] = []  # a line read ahead that starts the next message
        self._answered: set[str] = set()
        self._printed = asyncio.Event()

    # -- output ------------------------------------------------------------------------

    def show(self, speaker: str, text: str) -> None:
        """Print a turn above the line being typed, then show that line again."""
        typing = readline is not None and sys.stdin.isatty()
        if typing:
            sys.stdout.write("\r\x1b[K")
        print_turn(speaker, text)
        if typing:
            sys.stdout.write(self.prompt.text() + readline.get_line_buffer())
            sys.stdout.flush()

    async def _show_live(self) -> None:
        """Print every message of the bot as it arrives (and save its files)."""
        self.watcher.listen()
        shown = len(self.watcher.events)
        while True:
            await asyncio.sleep(0.1)
            for event in self.watcher.events[shown:]:
                shown += 1
                if event.get("sender") != self.ids["koopbot"]:
                    continue
                if event.get("type") != "m.room.message":
                    continue
                await self._show_event(event)

    async def _show_event(self, event: dict[str, Any]) -> None:
        content = event.get("content", {})
        text = body(event)
        if content.get("msgtype") in ("m.file", "m.image") and content.get("url"):
            saved = await self._save(str(content["url"]), text)
            text = f"📎 {saved}" if saved else f"📎 {text} (nicht gespeichert)"
        answer = in_reply_to(event)
        self.show("koopbot", text + ("" if answer else "  (Mitteilung)"))
        if answer:
            self._answered.add(answer)
        self._printed.set()

    async def _save(self, url: str, name: str) -> Path | None:
        """Download ``mxc://server/id`` into the files folder; the path, or None."""
        server, _, media = url.removeprefix("mxc://").partition("/")
        address = f"{self.homeserver}/_matrix/client/v1/media/download/{server}/{media}"
        headers = {"Authorization": f"Bearer {self.watcher.client.access_token}"}
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.get(address, headers=headers) as response,
            ):
                if response.status != 200:
                    return None
                data = await response.read()
        except aiohttp.ClientError:
            return None
        self.files.mkdir(parents=True, exist_ok=True)
        path = _free_path(self.files, _UNSAFE.sub("_", name).strip("._") or "datei")
        path.write_bytes(data)
        return path

    # -- input -------------------------------------------------------------------------

    async def _line(self, timeout: float | None = None) -> Arrival:
        if self._held:
            return self._held.pop()
        if timeout is None:
            return await self.queue.get()
        return await asyncio.wait_for(self.queue.get(), timeout)

    async def next_message(self) -> str | None:
        """The next message: continued lines (``\\`` at the end) and pasted lines joined;
        None at the end of the input."""
        arrived, first = await self._line()
        if first is None or first.strip().startswith("/"):
            return first
        lines = [first]
        while True:
            continued = lines[-1].endswith("\\")
            if continued:
                lines[-1] = lines[-1][:-1]
                following = await self._line()
            else:
                try:
                    following = await self._line(PASTE_GAP)
                except TimeoutError:
                    break
            at, line = following
            # A line typed later (queued while the last reply was awaited) is a new message:
            # only lines that came in together were pasted together.
            pasted = continued or at - arrived <= PASTE_GAP
            if line is None or line.strip().startswith("/") or not pasted:
                self._held.append(following)
                break
            lines.append(line)
            arrived = at
        return "\n".join(lines)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        reader = threading.Thread(
            target=_read_lines, args=(loop, self.queue, self.prompt), daemon=True
        )
        live = asyncio.create_task(self._show_live(), name="demo-console-live")
        reader.start()
        try:
            await self._talk()
        finally:
            live.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await live

    async def _talk(self) -> None:
        while True:
            message = await self.next_message()
            if message is None:
                return
            line = message.strip()
            if line in END:
                return
            if line.startswith("/als"):
                self._switch(line.removeprefix("/als").strip())
                continue
            if not line:
                continue
            event_id = await self.people[self.prompt.speaker].say(self.room_id, message.strip())
            if line.startswith("!"):
                await self._await_answer(event_id)

    def _switch(self, wanted: str) -> None:
        if wanted in self.people:
            with self.prompt.lock:
                self.prompt.speaker = wanted
        else:
            print_turn("", f"Unbekannt: {wanted or '(niemand)'}. Möglich: {', '.join(self.people)}")
        self.prompt.switched.set()

    async def _await_answer(self, event_id: str) -> None:
        """Wait (a while) until the answer to a command is printed; ordinary chat gets none."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(ANSWER_WAIT):
                while event_id not in self._answered:
                    self._printed.clear()
                    await self._printed.wait()


def _free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name`` with a number before the suffix if that exists."""
    path = folder / name
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
    return path


def banner(people: dict[str, Person], folder: Path, files: Path, keep: bool) -> list[str]:
    """The console's conventions, shown once at the start."""
    ending = "bleibt erhalten (--keep)" if keep else "wird bei /ende gelöscht (--keep behält ihn)"
    return [
        "Konsole: Nachrichten eingeben und mit Enter senden.",
        "  Mehrere Zeilen: Zeile mit \\ beenden, die Nachricht geht in der nächsten Zeile "
        "weiter; eingefügte Zeilen gelten als eine Nachricht.",
        "  /als agentur1 wechselt die Person, /ende beendet die Demo.",
        f"  Personen: {', '.join(people)}",
        f"  Dateien des Bots (Exporte, ICS, Protokolle) landen in {files}",
        f"  Ordner der Demo: {folder} – {ending}",
    ]


async def console(
    people: dict[str, Person],
    ids: dict[str, str],
    room_id: str,
    *,
    folder: Path,
    homeserver: str,
    keep: bool,
) -> None:
    """Type as a demo user; the room is printed live, files are saved under ``folder``."""
    files = folder / "dateien"
    for line in banner(people, folder, files, keep):
        print(line)
    await Console(people, ids, room_id, files, homeserver).run()
