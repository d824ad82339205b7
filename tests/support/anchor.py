"""The attack an anchor exists for: a consistent re-chain of the decision log."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.decisions import chain, state
from storage.decisions.chain import GENESIS, content_of, entry_hash
from storage.decisions.models import DecisionEntry
from storage.engine import session_factory
from tests.support.decisions import drop_guards, run_sql


async def rechain(engine: AsyncEngine, entry_id: int, wording: str) -> None:
    """Change an entry's wording, then rewrite every hash from it on, the chain end and the
    entry's current-state record, all consistent: ``koopbot verify-log`` without an anchor
    finds nothing wrong."""
    await drop_guards(engine)
    await run_sql(
        engine, "UPDATE decision_entries SET wording = :w WHERE id = :id", w=wording, id=entry_id
    )
    async with session_factory(engine)() as session, session.begin():
        rows = list(await session.scalars(select(DecisionEntry).order_by(DecisionEntry.id)))
        previous = GENESIS
        for row in rows:
            values = {name: getattr(row, name) for name in chain.HASHED_FIELDS}
            fresh = entry_hash(content_of(values), previous)
            await session.execute(
                text("UPDATE decision_entries SET prev_hash = :p, hash = :h WHERE id = :id"),
                {"p": previous, "h": fresh, "id": row.id},
            )
            previous = fresh
        await session.execute(text("UPDATE decision_chain SET head_hash = :h"), {"h": previous})
        changed = next(row for row in rows if row.id == entry_id)
        await session.execute(  # the current-state record too, or verify-log would notice
            text("UPDATE decision_state SET search_text = :s WHERE id = :id"),
            {"s": state.search_text(_searched(changed)), "id": entry_id},
        )


def _searched(row: DecisionEntry) -> dict[str, object]:
    names = ("id", "subject", "wording", "agenda_item", "dissent", "responsible")
    return {name: getattr(row, name) for name in names}


async def stored_hashes(engine: AsyncEngine) -> list[str]:
    async with session_factory(engine)() as session:
        return list(await session.scalars(select(DecisionEntry.hash).order_by(DecisionEntry.id)))
