"""A real Synapse on loopback for the whole session, real nio clients as the people."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import Bot, running_bot
from bot.demo.homeserver import Homeserver, run_homeserver
from bot.demo.people import Person
from config import MatrixSettings, Partner, Settings, StorageSettings

PASSWORD = "koopbot-test-passwort"
PEOPLE = ("koordination", "stadt1", "agentur1", "jobcenter1", "gast")


@dataclass
class World:
    """The homeserver, everybody's user id, and the people logged in."""

    homeserver: Homeserver
    ids: dict[str, str]
    people: dict[str, Person]
    tmp: Path
    _rooms: itertools.count[int]

    def settings(self, room_id: str, folder: Path, **matrix: object) -> Settings:
        ids = self.ids
        return Settings(
            coordinators=[ids["koordination"]],
            matrix=MatrixSettings(
                homeserver=self.homeserver.url,
                user_id=ids["koopbot"],
                password=PASSWORD,
                device_id=f"KB{uuid.uuid4().hex[:8].upper()}",
                store_path=str(folder / "store"),
                rooms=[room_id],
                sync_timeout=5_000,
                **matrix,  # type: ignore[arg-type]
            ),
            storage=StorageSettings(url=f"sqlite+aiosqlite:///{folder / 'koopbot.db'}"),
            partners=[
                Partner(id="stadt", name="Landeshauptstadt Magdeburg", short_name="Stadt",
                        members=[ids["stadt1"]], contact=ids["stadt1"]),
                Partner(id="agentur", name="Agentur für Arbeit Magdeburg", short_name="Agentur",
                        members=[ids["agentur1"]], contact=ids["agentur1"]),
                Partner(id="jobcenter", name="Jobcenter Magdeburg", short_name="Jobcenter",
                        members=[ids["jobcenter1"]], contact=ids["jobcenter1"]),
            ],
            display_names={ids["stadt1"]: "Anna Schulz", ids["agentur1"]: "Bernd Krüger",
                           ids["jobcenter1"]: "Carla Vogt"},
        )  # fmt: skip

    async def new_room(self, *, encrypted: bool = False) -> str:
        """A fresh room of the coordinator with the partners and the guest joined (not the bot)."""
        coordinator = self.people["koordination"]
        others = [self.ids[name] for name in PEOPLE if name != "koordination"]
        room_id = await coordinator.create_room(
            f"Testraum {next(self._rooms)}", invite=others, encrypted=encrypted
        )
        for name in PEOPLE[1:]:
            await self.people[name].join(room_id)
        return room_id

    async def invite_bot(self, room_id: str, inviter: str = "koordination") -> None:
        await self.people[inviter].invite(room_id, self.ids["koopbot"])

    async def bot_joined(self, room_id: str, timeout: float = 30) -> None:
        bot = self.ids["koopbot"]
        await self.people["koordination"].wait_for(
            lambda e: (
                e.get("room_id") == room_id
                and e.get("type") == "m.room.member"
                and e.get("state_key") == bot
                and e.get("content", {}).get("membership") == "join"
            ),
            timeout=timeout,
        )

    @asynccontextmanager
    async def bot(self, room_id: str, folder: Path, **matrix: object) -> AsyncIterator[Bot]:
        """The bot running in this process, serving ``room_id``, invited by the coordinator."""
        async with running_bot(self.settings(room_id, folder, **matrix)) as bot:
            await self.invite_bot(room_id)
            await self.bot_joined(room_id)
            yield bot


@pytest.fixture(scope="session")
async def world(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[World]:
    base = tmp_path_factory.mktemp("synapse")
    async with run_homeserver(base) as homeserver:
        ids = await homeserver.register_many({name: PASSWORD for name in ("koopbot", *PEOPLE)})
        people = {name: Person(homeserver.url, ids[name], PASSWORD) for name in PEOPLE}
        for person in people.values():
            await person.login()
            person.listen()
        try:
            yield World(
                homeserver, ids, people, tmp_path_factory.mktemp("world"), itertools.count(1)
            )
        finally:
            for person in people.values():
                await person.close()
