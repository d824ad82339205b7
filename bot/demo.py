"""``koopbot demo``: a throwaway Synapse, the bot, the partners, and a console to talk as them."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

from bot.app import running_bot
from bot.homeserver import run_homeserver
from bot.people import Person, body, in_reply_to
from bot.scenario import SCENARIO
from config import MatrixSettings, Partner, Settings, StorageSettings

ROOM_NAME = "Kooperation Aus- und Weiterbildung Magdeburg"
PEOPLE = {
    "koordination": "Dana Weber",
    "stadt1": "Anna Schulz",
    "agentur1": "Bernd Krüger",
    "jobcenter1": "Carla Vogt",
}
PARTNERS = (
    ("stadt", "Landeshauptstadt Magdeburg", "Stadt", "stadt1"),
    ("agentur", "Agentur für Arbeit Magdeburg", "Agentur", "agentur1"),
    ("jobcenter", "Jobcenter Magdeburg", "Jobcenter", "jobcenter1"),
)


def demo_settings(
    homeserver: str, ids: dict[str, str], password: str, room_id: str, folder: Path, language: str
) -> Settings:
    """The configuration a real deployment would write in its TOML file."""
    return Settings(
        language=language,  # type: ignore[arg-type]
        coordinators=[ids["koordination"]],
        matrix=MatrixSettings(
            homeserver=homeserver,
            user_id=ids["koopbot"],
            password=password,
            device_id="KOOPBOTDEMO",
            store_path=str(folder / "store"),
            rooms=[room_id],
            sync_timeout=10_000,
        ),
        storage=StorageSettings(url=f"sqlite+aiosqlite:///{folder / 'koopbot.db'}"),
        partners=[
            Partner(id=pid, name=name, short_name=short, members=[ids[user]], contact=ids[user])
            for pid, name, short, user in PARTNERS
        ],
        display_names={ids[user]: name for user, name in PEOPLE.items()},
    )


def _print_turn(speaker: str, text: str) -> None:
    lines = text.splitlines() or [""]
    print(f"{speaker:<13}{lines[0]}")
    for line in lines[1:]:
        print(f"{'':<13}{line}")


async def run_demo(*, scenario: bool, base_dir: Path | None, language: str = "de") -> int:
    folder = base_dir or Path(tempfile.mkdtemp(prefix="koopbot-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(9)
    print(f"Starte Synapse auf 127.0.0.1 (Dateien in {folder}) …", flush=True)
    async with run_homeserver(folder / "synapse") as homeserver:
        names = ["koopbot", *PEOPLE]
        ids = await homeserver.register_many({name: password for name in names})
        people = {name: Person(homeserver.url, ids[name], password) for name in PEOPLE}
        try:
            return await _with_people(
                people, homeserver.url, ids, password, folder, scenario, language
            )
        finally:
            for person in people.values():
                await person.close()
            if base_dir is None and scenario:
                shutil.rmtree(folder, ignore_errors=True)


async def _with_people(
    people: dict[str, Person],
    url: str,
    ids: dict[str, str],
    password: str,
    folder: Path,
    scenario: bool,
    language: str,
) -> int:
    for person in people.values():
        await person.login()
    coordinator = people["koordination"]
    room_id = await coordinator.create_room(
        ROOM_NAME, invite=[ids[n] for n in PEOPLE if n != "koordination"]
    )
    for name, person in people.items():
        if name != "koordination":
            await person.join(room_id)
    settings = demo_settings(url, ids, password, room_id, folder, language)
    (folder / "koopbot.toml").write_text(_toml(settings))
    async with running_bot(settings) as bot:
        await coordinator.invite(room_id, ids["koopbot"])
        await coordinator.wait_for(
            lambda e: (
                e.get("type") == "m.room.member"
                and e.get("state_key") == ids["koopbot"]
                and e.get("content", {}).get("membership") == "join"
            ),
            timeout=60,
        )
        _print_login(url, ids, password, room_id, folder)
        if scenario:
            return await _play(people, ids, room_id)
        if sys.stdin is not None and sys.stdin.isatty():
            await _console(people, ids, room_id)
            return 0
        print("Kein Terminal an der Eingabe: der Bot läuft, bis er mit Strg+C beendet wird.")
        await bot.serve()
        return 0


def _print_login(url: str, ids: dict[str, str], password: str, room_id: str, folder: Path) -> None:
    print()
    print(f"Homeserver: {url}   Raum: {ROOM_NAME} ({room_id})")
    print(f"Anmelden mit einem Matrix-Client (z. B. Element), Passwort für alle: {password}")
    for name, display in PEOPLE.items():
        print(f"  {ids[name]:<32} {display}")
    print(f"Konfiguration des Bots: {folder / 'koopbot.toml'}")
    print()


async def _play(people: dict[str, Person], ids: dict[str, str], room_id: str) -> int:
    watcher = people["koordination"]
    failures = 0
    for speaker, template in SCENARIO:
        text = template.format(**ids)
        _print_turn(speaker, text)
        event_id = await people[speaker].say(room_id, text)
        try:
            reply = await watcher.reply_to(event_id, timeout=30)
        except TimeoutError:
            failures += 1
            _print_turn("koopbot", "(keine Antwort innerhalb von 30 s)")
            continue
        _print_turn("koopbot", body(reply))
        print()
    return 1 if failures else 0


async def _console(people: dict[str, Person], ids: dict[str, str], room_id: str) -> None:
    """Type as a demo user; the bot's answers are printed as they arrive."""
    current = "koordination"
    watcher = people["koordination"]
    watcher.listen()
    shown = len(watcher.events)
    print("Konsole: Nachrichten eingeben. /als agentur1 wechselt die Person, /ende beendet.")
    print(f"Personen: {', '.join(PEOPLE)}")
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
                _print_turn(
                    "koopbot", body(event) + ("" if in_reply_to(event) else "  (Mitteilung)")
                )
        shown = len(watcher.events)


def _toml(settings: Settings) -> str:
    lines = [
        f'language = "{settings.language}"',
        f'timezone = "{settings.timezone}"',
        f"coordinators = {settings.coordinators!r}".replace("'", '"'),
        "",
        "[matrix]",
        f'homeserver = "{settings.matrix.homeserver}"',
        f'user_id = "{settings.matrix.user_id}"',
        'password = ""  # set KOOPBOT_MATRIX__PASSWORD',
        f'device_id = "{settings.matrix.device_id}"',
        f'store_path = "{settings.matrix.store_path}"',
        f"rooms = {settings.matrix.rooms!r}".replace("'", '"'),
        "",
        "[storage]",
        f'url = "{settings.storage.url}"',
    ]
    for partner in settings.partners:
        lines += [
            "",
            "[[partners]]",
            f'id = "{partner.id}"',
            f'name = "{partner.name}"',
            f'short_name = "{partner.short_name}"',
            f"members = {partner.members!r}".replace("'", '"'),
            f'contact = "{partner.contact}"',
        ]
    return "\n".join(lines) + "\n"
