"""Deleting notices and sector inputs after ``retention.notices_and_inputs`` (default 730 days),
and every copy of their text the bot keeps.

A text is copied into the bot's own messages (the ``outbox``: the reply to ``!info``, a
later ``!info 12`` or ``!infos``, an input quoted in a round's summary). Those rows stay
for their bookkeeping (transaction id, event id, purpose, when sent) but lose their
content and any file once the text they quote is deleted: a row is matched by the start of
the deleted text's first line in its stored JSON, so a preview or a quote is found as
well as the full text. Matching more rows than needed loses nothing: a sent message's
content is never read again. Undecryptable events older than the period are given up.

Decisions and approved press texts are kept, with the bot's messages about them: they are
the cooperation's record (the decision log is append-only and hash-chained).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Text, cast, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import search
from storage.core import OutboxMessage
from storage.notices import Notice
from storage.pending import PendingEvent
from storage.sectors import SectorInput

#: How much of a text's first line identifies its copies: short enough to be inside every
#: preview (the shortest shows 80 characters), long enough to rarely match anything else.
FRAGMENT_CHARS = 40
#: Other fields (a sector input's ``bedarf=``) are matched only from this length on; a short
#: label would match many unrelated messages.
FIELD_MIN_CHARS = 16
#: Fragments per statement (each one ``LIKE``).
BATCH = 50
#: What an emptied outbox row holds instead of its content.
PURGED: dict[str, Any] = {"msgtype": "m.notice", "body": "", "koopbot.purged": True}


@dataclass(frozen=True)
class Purged:
    """What one run deleted or emptied."""

    notices: int = 0
    inputs: int = 0
    messages: int = 0  # outbox rows emptied
    pending: int = 0  # undecryptable events given up


async def oldest_kept(session: AsyncSession) -> datetime | None:
    """The creation time of the oldest notice or sector input still stored."""
    notices = await session.scalar(select(func.min(Notice.created_at)))
    inputs = await session.scalar(select(func.min(SectorInput.created_at)))
    present = [moment for moment in (notices, inputs) if moment is not None]
    return min(present) if present else None


def fragment(text: str) -> str:
    """The start of ``text``'s first line as every copy shows it: up to the first run of
    several spaces (a preview joins them), at most :data:`FRAGMENT_CHARS` characters."""
    first = text.strip().split("\n", 1)[0].replace("\t", "  ")
    return first.split("  ", 1)[0].strip()[:FRAGMENT_CHARS].rstrip()


def stored_form(text: str) -> str:
    """``text`` as it appears inside the outbox's stored JSON (escaped like the driver does)."""
    return json.dumps(text)[1:-1]


def _fragments(texts: Iterable[str]) -> list[str]:
    return sorted({stored_form(part) for part in map(fragment, texts) if part})


async def delete_before(session: AsyncSession, cutoff: datetime) -> Purged:
    """Delete notices and sector inputs created before ``cutoff`` and empty the bot's
    messages that quote them; give up undecryptable events first seen before ``cutoff``."""
    notices = (
        await session.execute(
            select(Notice.created_at, Notice.text).where(Notice.created_at < cutoff)
        )
    ).all()
    inputs = (
        await session.execute(
            select(SectorInput.created_at, SectorInput.text, SectorInput.demand).where(
                SectorInput.created_at < cutoff
            )
        )
    ).all()
    texts = [row.text for row in notices] + [row.text for row in inputs]
    texts += [row.demand for row in inputs if len(row.demand) >= FIELD_MIN_CHARS]
    moments = [row.created_at for row in (*notices, *inputs)]
    messages = await _empty_copies(session, _fragments(texts), min(moments)) if moments else 0
    await session.execute(delete(Notice).where(Notice.created_at < cutoff))
    if notices:
        await search.compact(session, "notice_search")  # no trace left in the search index
    await session.execute(delete(SectorInput).where(SectorInput.created_at < cutoff))
    if inputs:
        await search.compact(session, "input_search")
    pending = await session.execute(delete(PendingEvent).where(PendingEvent.first_seen_at < cutoff))
    return Purged(
        notices=len(notices),
        inputs=len(inputs),
        messages=messages,
        pending=int(pending.rowcount),  # type: ignore[attr-defined]
    )


async def _empty_copies(session: AsyncSession, fragments: Sequence[str], since: datetime) -> int:
    """Empty the sent outbox rows from ``since`` on whose content holds one of ``fragments``."""
    content = cast(OutboxMessage.content, Text)
    emptied = 0
    for start in range(0, len(fragments), BATCH):
        part = fragments[start : start + BATCH]
        result = await session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.created_at >= since,
                OutboxMessage.sent_at.is_not(None),
                or_(*(content.contains(text, autoescape=True) for text in part)),
            )
            .values(content=PURGED, attachment=None)
            .execution_options(synchronize_session=False)
        )
        emptied += int(result.rowcount)  # type: ignore[attr-defined]
    return emptied
