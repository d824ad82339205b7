"""Shared pieces of the press-release tests: a draft, its empty state, row counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from storage.pr.releases import PressEvent, PressRelease, PressVersion
from tests.support.chat import Chat

TEXT = (
    "Stadt, Agentur und Jobcenter starten eine **Qualifizierungsoffensive**.\n"
    "\n"
    "- 200 Plätze\n"
    "- drei Branchen"
)
DRAFT = "!pm entwurf Gemeinsam für Fachkräfte in der Logistik\n" + TEXT
STATES_NONE = [
    "⏳ Landeshauptstadt Magdeburg",
    "⏳ Agentur für Arbeit Magdeburg",
    "⏳ Jobcenter Magdeburg",
]


async def count(chat: Chat, model: Any, *where: Any) -> int:
    async with chat.sessions() as session:
        query = select(func.count()).select_from(model)
        return int(await session.scalar(query.where(*where) if where else query) or 0)


async def stored(chat: Chat) -> tuple[int, int, int]:
    """How many releases, versions and audit lines there are."""
    return (
        await count(chat, PressRelease),
        await count(chat, PressVersion),
        await count(chat, PressEvent),
    )


def lines(chat: Chat) -> list[str]:
    """The lines of the bot's last message."""
    return chat.last.splitlines()


async def draft(chat: Chat, text: str = DRAFT, who: str = "stadt1") -> str:
    """Create a draft; the event id of the bot's draft message."""
    await chat.send(who, text)
    return str(chat.sent[-1]["event_id"])
