"""The current membership: copied from the configuration once, then the database's.

Roles are asked for on every command, so they are answered from memory: a
:class:`~config.Membership` snapshot on the settings, loaded at start and replaced as a
whole after each committed change. Only one instance serves at a time (``storage.lock``),
so no other process can change the tables behind this one's back; a new instance loads
them at its start.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from config import Membership, Settings
from storage import members as store

log = logging.getLogger("koopbot.members")


async def start(session: AsyncSession, settings: Settings, now: datetime) -> None:
    """At start, in a transaction: seed if needed, then use the database's membership."""
    await ensure_seeded(session, settings, now)
    membership = await refresh(session, settings)
    if membership != settings.configured_membership():
        log.info(
            "the members in the database differ from the configuration's; the database "
            "rules (!mitglieder shows them, !mitglieder verlauf the changes)"
        )


async def ensure_seeded(session: AsyncSession, settings: Settings, now: datetime) -> None:
    """Copy the configured members in if the database has never held one (first start)."""
    if await store.seeded(session):
        return
    configured = settings.configured_membership()
    await store.seed(
        session,
        members=sorted(configured.partner_of.items()),
        coordinators=sorted(configured.coordinators),
        now=now,
    )


async def refresh(session: AsyncSession, settings: Settings) -> Membership:
    """Read the membership in this transaction; it is used from the moment it commits."""
    members, coordinators = await store.load(session)
    membership = Membership.of(members, coordinators)

    def install(_session: Any) -> None:
        settings.use_membership(membership)

    # After the commit only: a rolled-back change (a replayed event, a crash) never counts.
    event.listen(session.sync_session, "after_commit", install, once=True)
    return membership
