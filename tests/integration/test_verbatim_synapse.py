"""Free text through a real Synapse: quotes of every kind and a spreadsheet formula reach the
decision log and the card in the room exactly as the partner typed them."""

from __future__ import annotations

import html
from pathlib import Path

from sqlalchemy import select

from bot.demo.people import body
from storage.decisions.models import DecisionEntry
from storage.engine import create_engine, session_factory
from tests.integration.conftest import World

TEXT = 'Jobmesse „Zukunft Magdeburg“ und "MINT" =HYPERLINK("x","Klick")'


async def test_a_decision_with_quotes_and_a_formula_is_kept_as_typed(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt = world.people["stadt1"]
    async with world.bot(room, tmp_path):
        card = await stadt.reply_to(await stadt.say(room, f"!beschluss {TEXT}"))
    assert body(card).splitlines()[0] == f"Beschluss #1 erfasst: {TEXT}"
    assert html.escape(TEXT, quote=True) in card["content"]["formatted_body"]
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'koopbot.db'}")
    try:
        async with session_factory(engine)() as session:
            (entry,) = (await session.scalars(select(DecisionEntry))).all()
    finally:
        await engine.dispose()
    assert (entry.subject, entry.wording) == (TEXT, TEXT)
    assert entry.source_event_id == card["content"]["m.relates_to"]["m.in_reply_to"]["event_id"]
