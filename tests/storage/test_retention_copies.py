"""Retention leaves no copy: after the purge no table holds an expired notice's or input's text.

Run on both backends: the bot's messages are matched inside their stored JSON, which each
backend keeps in its own way.
"""

from __future__ import annotations

import json
from datetime import timedelta
from html import escape
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

import storage.models  # noqa: F401  (every table in the metadata)
from bot.scheduler import Waker
from commands.export.spool import spool_dir
from commands.retention.purge import RetentionPurge
from storage import pending
from storage.base import Base
from storage.core import OutboxMessage
from storage.decisions import chain
from storage.engine import session_factory
from tests.support.chat import ROOM, Chat, FakeClock, make_settings

NOTICE = "Zaunkönigwerk: Ansiedlung im Gewerbegebiet Rothensee, ca. 120 Stellen"
INPUT = "Kranbahnbau in Buckau zieht an"
DEMAND = "Schweißer mit Kranbahnschein"
DECISION = "Gemeinsame Kranbahnbau-Qualifizierung Sülzegrund"
#: Words of the expired texts that appear nowhere else.
UNIQUE = ("Zaunkönigwerk", "Rothensee", "Kranbahnbau in Buckau", "Kranbahnschein")


def forms(word: str) -> set[str]:
    """The ways a stored text may hold ``word``: as is, JSON-escaped, HTML-escaped."""
    return {word, json.dumps(word)[1:-1], escape(word, quote=True)}


def text_of(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False) + json.dumps(value)
    return str(value)


async def whole_database(engine: AsyncEngine) -> list[tuple[str, str, str]]:
    """(table, column, value) of every value of every column of every table."""
    found: list[tuple[str, str, str]] = []
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in (await connection.execute(select(table))).mappings():
                for column, value in row.items():
                    if value is not None:
                        found.append((table.name, str(column), text_of(value)))
    return found


def holding(values: list[tuple[str, str, str]], words: tuple[str, ...]) -> list[tuple[str, str]]:
    return [
        (table, column)
        for table, column, value in values
        for word in words
        if any(form in value for form in forms(word))
    ]


class Undecryptable:
    """An event kept for its late room key (its source would be ciphertext in reality)."""

    room_id = ROOM
    event_id = "$undecryptable"
    source: ClassVar[dict[str, Any]] = {"type": "m.room.encrypted", "content": {"body": NOTICE}}


async def test_the_purge_leaves_no_copy_of_an_expired_text(engine: AsyncEngine) -> None:
    clock = FakeClock()
    chat = Chat(make_settings(), session_factory(engine), clock)
    await chat.send("stadt1", f"!info {NOTICE} thema=Ansiedlung")
    await chat.send("agentur1", f"!branche melden C wachsend {INPUT} bedarf={DEMAND}")
    await chat.send("koordination", f"!beschluss {DECISION}")
    async with chat.sessions() as session, session.begin():
        await pending.keep(session, [Undecryptable()], now=chat.clock.now)
    chat.clock.advance(days=300)
    await chat.send("gast", "!info 1")
    await chat.send("gast", "!infos Zaunkönigwerk")
    await chat.send("gast", "!infos")
    await chat.send("gast", "!branche C")
    await chat.send("koordination", "!export infos csv")
    await chat.send("koordination", "!export branchen md")
    before = await whole_database(engine)
    assert {table for table, _ in holding(before, UNIQUE)} >= {
        "notices",
        "sector_inputs",
        "outbox",
        "pending_events",
    }

    chat.clock.advance(days=440)  # the notice and input are 740 days old, past 730
    await chat.send("jobcenter1", "!info Neues Programm Pflegehilfe")
    purge = RetentionPurge(chat.settings)
    waker = Waker(None, [purge], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    await waker.wake()
    assert waker.next_wake == chat.clock.now + timedelta(days=730)

    after = await whole_database(engine)
    assert holding(after, UNIQUE) == []
    # Exports are written to the spool folder and deleted once their message is sent.
    folder = spool_dir(chat.settings)
    spooled = [p.read_bytes() for p in folder.iterdir() if p.is_file()] if folder.exists() else []
    assert not [data for data in spooled for word in UNIQUE if word.encode() in data]
    # The record stays: the decision with its intact chain, and the bot's message about it.
    assert {table for table, _ in holding(after, ("Sülzegrund",))} == {
        "decision_entries",
        "decision_state",  # the decision's current state (its subject): not expired
        "outbox",
    }
    async with chat.sessions() as session, session.begin():
        rows = list(await session.scalars(select(OutboxMessage)))
        verdict = await chain.verify(session)
    emptied = [row for row in rows if row.content.get("koopbot.purged")]
    assert emptied and all(row.txn_id and row.sent_at for row in emptied)  # bookkeeping kept
    assert len(emptied) < len(rows)
    assert verdict.intact and verdict.entries == 1
    await chat.send("gast", "!infos")
    assert "Pflegehilfe" in chat.last and "Zaunkönigwerk" not in chat.last
