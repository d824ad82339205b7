"""``koopbot demo``: a throwaway Synapse, the bot, the partners, and a console to talk as them.

The demo harness, kept apart from the product: ``koopbot run`` never imports this package.
homeserver.py writes the Synapse configuration and runs it (needs the ``demo`` extra:
matrix-synapse, pyyaml, aiohttp), people.py plays the humans with matrix-nio clients,
scenario.py is the scripted session, console.py lets you type as the demo users.
"""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import running_bot, utc_now
from bot.demo.console import console
from bot.demo.homeserver import run_homeserver
from bot.demo.people import Person
from bot.demo.scenario import play
from commands.core.dates import typed
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


async def run_demo(
    *, scenario: bool, base_dir: Path | None, language: str = "de", keep: bool = False
) -> int:
    """Play the scenario or open the console; the demo's folder is removed at the end
    unless ``keep`` or a folder of one's own (``base_dir``) was given."""
    folder = base_dir or Path(tempfile.mkdtemp(prefix="koopbot-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    keep = keep or base_dir is not None
    password = secrets.token_urlsafe(9)
    print(f"Starte Synapse auf 127.0.0.1 (Dateien in {folder}) …", flush=True)
    try:
        async with run_homeserver(folder / "synapse") as homeserver:
            names = ["koopbot", *PEOPLE]
            ids = await homeserver.register_many({name: password for name in names})
            people = {name: Person(homeserver.url, ids[name], password) for name in PEOPLE}
            try:
                return await _with_people(
                    people, homeserver.url, ids, password, folder, scenario, language, keep
                )
            finally:
                for person in people.values():
                    await person.close()
    finally:
        _tidy(folder, keep=keep, quiet=scenario)


def _tidy(folder: Path, *, keep: bool, quiet: bool) -> None:
    """Remove the demo's folder unless it is to be kept; say which (not in the scenario)."""
    if keep:
        if not quiet:
            print(f"Die Daten der Demo bleiben in {folder}.", flush=True)
        return
    shutil.rmtree(folder, ignore_errors=True)
    if not quiet:
        print(f"Ordner der Demo gelöscht: {folder} (koopbot demo --keep behält ihn).", flush=True)


async def _with_people(
    people: dict[str, Person],
    url: str,
    ids: dict[str, str],
    password: str,
    folder: Path,
    scenario: bool,
    language: str,
    keep: bool,
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
            return await play(people, {**ids, **soon(settings.zone)}, room_id)
        if sys.stdin is not None and sys.stdin.isatty():
            await console(people, ids, room_id, folder=folder, homeserver=url, keep=keep)
            return 0
        print("Kein Terminal an der Eingabe: der Bot läuft, bis er mit Strg+C beendet wird.")
        await bot.serve()
        return 0


def soon(zone: ZoneInfo, now: datetime | None = None) -> dict[str, str]:
    """``{soon_day}`` and ``{soon_time}`` for the scenario: two minutes from now, so a meeting
    created in the demo is today (its minutes and attendance can be shown at once)."""
    moment = (now or utc_now()).astimezone(zone) + timedelta(minutes=2)
    return {"soon_day": typed(moment.date()), "soon_time": f"{moment.hour:02d}:{moment.minute:02d}"}


def _print_login(url: str, ids: dict[str, str], password: str, room_id: str, folder: Path) -> None:
    print()
    print(f"Homeserver: {url}   Raum: {ROOM_NAME} ({room_id})")
    print(f"Anmelden mit einem Matrix-Client (z. B. Element), Passwort für alle: {password}")
    for name, display in PEOPLE.items():
        print(f"  {ids[name]:<32} {display}")
    print(f"Konfiguration des Bots: {folder / 'koopbot.toml'}")
    print()


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
