"""The demo's console: type as one of the demo users, see the bot's answers as they arrive."""

from __future__ import annotations

import asyncio
import contextlib

from bot.demo.people import Person, body, in_reply_to


def print_turn(speaker: str, text: str) -> None:
    """One turn of the conversation: the speaker, then the text indented beside it."""
    lines = text.splitlines() or [""]
    print(f"{speaker:<13}{lines[0]}")
    for line in lines[1:]:
        print(f"{'':<13}{line}")


async def console(people: dict[str, Person], ids: dict[str, str], room_id: str) -> None:
    """Type as a demo user; the bot's answers are printed as they arrive."""
    current = "koordination"
    watcher = people["koordination"]
    watcher.listen()
    shown = len(watcher.events)
    print("Konsole: Nachrichten eingeben. /als agentur1 wechselt die Person, /ende beendet.")
    print(f"Personen: {', '.join(people)}")
    while True:
        try:
            line = await asyncio.to_thread(input, f"{current}> ")
        except EOFError:
            return
        line = line.strip()
        if line in ("/ende", "/quit", "/exit"):
            return
        if line.startswith("/als "):
            wanted = line.removeprefix("/als ").strip()
            if wanted in people:
                current = wanted
            else:
                print(f"Unbekannt: {wanted}. Möglich: {', '.join(people)}")
            continue
        if not line:
            continue
        event_id = await people[current].say(room_id, line)
        with contextlib.suppress(TimeoutError):
            await watcher.reply_to(event_id, timeout=15)
        for event in watcher.events[shown:]:
            if event.get("sender") == ids["koopbot"] and event.get("type") == "m.room.message":
                print_turn(
                    "koopbot", body(event) + ("" if in_reply_to(event) else "  (Mitteilung)")
                )
        shown = len(watcher.events)
