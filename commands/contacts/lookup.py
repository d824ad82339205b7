"""Who the contact persons are: the configuration, overridden by what coordinators set;
and finding a partner by name. Used by every feature that mentions contacts."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.context import Context
from commands.core.errors import CommandError
from config import Partner, Settings
from storage import contacts as store


async def contact_map(ctx: Context) -> dict[str, tuple[str, str]]:
    """partner id → (contact, deputy): configuration, overridden by what coordinators set."""
    return await room_contacts(ctx.session, ctx.settings, ctx.room_id)


async def room_contacts(
    session: AsyncSession, settings: Settings, room_id: str
) -> dict[str, tuple[str, str]]:
    """:func:`contact_map` for timed posts, which have no command context."""
    current = {p.id: (p.contact, p.deputy) for p in settings.partners}
    for partner_id, row in (await store.current_contacts(session, room_id)).items():
        if partner_id in current:
            current[partner_id] = (row.contact, row.deputy)
    return current


def find_partner(settings: Settings, text: str) -> Partner:
    """A partner by id, short name or a clear prefix of its name."""
    wanted = text.strip().casefold()
    for partner in settings.partners:
        if wanted in (partner.id, partner.label.casefold(), partner.name.casefold()):
            return partner
    matches = [
        p
        for p in settings.partners
        if p.name.casefold().startswith(wanted) or wanted in p.name.casefold()
    ]
    if len(matches) == 1 and wanted:
        return matches[0]
    raise CommandError(
        "error.unknown_partner", value=text, choices=", ".join(p.id for p in settings.partners)
    )
