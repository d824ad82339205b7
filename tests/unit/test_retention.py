"""Retention: notices and sector inputs go after the configured period; decisions stay."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.scheduler import Waker
from commands.retention.purge import RetentionPurge
from storage.decisions.models import DecisionEntry
from storage.notices import Notice
from storage.sectors import SectorInput
from tests.support.chat import Chat


async def count(chat: Chat, model: type) -> int:
    async with chat.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_old_notices_and_inputs_are_deleted_decisions_kept(chat: Chat) -> None:
    await chat.send(
        "stadt1", "!info Neuansiedlung Logistikzentrum, ca. 200 Stellen thema=Ansiedlung betrifft=H"
    )
    await chat.send(
        "agentur1",
        "!branche melden H wachsend Mehr Stellen in der Lagerlogistik bedarf=Staplerschein",
    )
    await chat.send("koordination", "!beschluss Gemeinsame Qualifizierungsoffensive Logistik")
    assert (
        await count(chat, Notice),
        await count(chat, SectorInput),
        await count(chat, DecisionEntry),
    ) == (1, 1, 1)

    purge = RetentionPurge(chat.settings)
    waker = Waker(None, [purge], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    await waker.wake()
    assert waker.next_wake is not None and (waker.next_wake - chat.clock.now).days == 730
    assert await count(chat, Notice) == 1  # not yet

    chat.clock.advance(days=731)
    await chat.send("stadt1", "!info Neue Maßnahme Pflegehilfe thema=Programm")
    await waker.wake()
    assert await count(chat, Notice) == 1  # only the new one is left
    assert await count(chat, SectorInput) == 0
    assert await count(chat, DecisionEntry) == 1
    await chat.send("gast", "!infos")
    assert "Pflegehilfe" in chat.last and "Logistikzentrum" not in chat.last
    assert chat.sent[-1]["content"]["body"] == chat.last  # the purge itself posted nothing
