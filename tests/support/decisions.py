"""Helpers for the decision-log tests: entries without going through the chat."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from storage.decisions import chain
from storage.decisions.chain import NewEntry
from storage.engine import session_factory

NOW = datetime(2026, 12, 1, 9, 0, 0, 123456, tzinfo=UTC)


def new_entry(number: int, *, room_id: str = "!kooperation:test", **fields: object) -> NewEntry:
    """A plausible decision, different for every ``number``."""
    values: dict[str, object] = {
        "room_id": room_id,
        "kind": "recorded",
        "subject": f"Beschluss {number}: Qualifizierung Lager & Logistik",
        "wording": f"Die Partner vereinbaren Maßnahme {number} – „gemeinsam“.",
        "outcome": "adopted",
        "decided_on": date(2026, 12, 1),
        "recorded_at": NOW + timedelta(seconds=number),
        "author": "@stadt1:test",
        "author_partner": "stadt",
        "source_event_id": f"$event{number}",
        "agreed": ("stadt", "agentur", "jobcenter"),
        "responsible": "@agentur1:test",
        "deadline": date(2027, 3, 31),
    }
    values.update(fields)
    return NewEntry(**values)  # type: ignore[arg-type]


async def add_consent(
    session: AsyncSession,
    version_id: int,
    kind: str,
    partner: str,
    *,
    via: str = "command",
    reason: str = "",
) -> None:
    """A partner's consent, objection or withdrawal on decision version ``version_id``."""
    number = (await chain.head(session))[0] + 1
    await chain.append(
        session,
        new_entry(
            number,
            kind=kind,
            wording=reason,
            outcome="",
            agreed=(),
            author=f"@{partner}1:test",
            author_partner=partner,
            decision_no=version_id,
            concerns=version_id,
            via=via,
            responsible=None,
            deadline=None,
        ),
    )


async def add_entries(engine: AsyncEngine, count: int, **fields: object) -> None:
    async with session_factory(engine)() as session, session.begin():
        await chain.append_many(session, [new_entry(n + 1, **fields) for n in range(count)])


async def drop_guards(engine: AsyncEngine) -> None:
    """What an administrator with full database rights could do: switch the triggers off."""
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(
                text("ALTER TABLE decision_entries DISABLE TRIGGER decision_entries_no_change")
            )
        else:
            await connection.execute(text("DROP TRIGGER decision_entries_no_update"))
            await connection.execute(text("DROP TRIGGER decision_entries_no_delete"))


async def run_sql(engine: AsyncEngine, statement: str, **params: object) -> None:
    async with engine.begin() as connection:
        await connection.execute(text(statement), params)
