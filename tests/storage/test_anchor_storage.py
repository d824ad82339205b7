"""An earlier export's anchor catches a full re-chain, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.decision_log import describe_anchor
from commands.core.catalogue import Catalogue
from storage.decisions import anchor as anchors
from storage.decisions import chain
from storage.decisions.anchor import Anchor, Outcome
from storage.engine import session_factory
from tests.support.anchor import rechain, stored_hashes
from tests.support.decisions import add_entries


async def _check(
    engine: AsyncEngine, anchor: Anchor
) -> tuple[chain.Verdict, anchors.AnchorVerdict]:
    async with session_factory(engine)() as session:
        try:
            return await chain.verify(session), await anchors.check(session, anchor)
        finally:
            await session.rollback()


async def test_a_full_rechain_is_caught_by_an_earlier_anchor(engine: AsyncEngine) -> None:
    await add_entries(engine, 6)
    anchor = Anchor((await stored_hashes(engine))[3], 4)  # an export of #1–#4, kept elsewhere
    verdict, found = await _check(engine, anchor)
    assert verdict.intact and found.matches
    await add_entries(engine, 2)  # the log grows after the export: the anchor still holds
    assert (await _check(engine, anchor))[1].matches

    await rechain(engine, 1, "Von Anfang an anders")  # every hash rewritten, consistently
    verdict, found = await _check(engine, anchor)
    assert verdict.intact and verdict.entries == 8  # the chain in the database is fooled
    assert found.outcome is Outcome.CHANGED and found.entry_id == 4
    assert found.recomputed == (await stored_hashes(engine))[3] != anchor.hash
    assert describe_anchor(Catalogue("de"), found)[0].startswith(
        "Abweichung vom Anker: Eintrag #4 ergibt, aus dem gespeicherten Inhalt neu berechnet, "
        f"{found.recomputed} statt {anchor.hash}."
    )
