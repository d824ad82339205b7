"""What every press-release action needs, whether a command or a reaction caused it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commands.core.catalogue import Catalogue
from commands.core.context import Context, mention_for
from commands.core.dates import DateFormatter
from commands.core.errors import CommandError
from commands.core.markup import Line, Mention
from config import Settings
from storage.pr import releases as store
from storage.pr.releases import PressRelease

#: Purpose of the bot's message that shows version ``v`` of release ``n``: "pm:n:v".
DRAFT_PURPOSE = "pm"


@dataclass
class Desk:
    """One press-release action: its transaction, configuration, texts, room and time."""

    session: AsyncSession
    settings: Settings
    texts: Catalogue
    dates: DateFormatter
    room_id: str
    now: datetime

    @classmethod
    def of(cls, ctx: Context) -> Desk:
        return cls(ctx.session, ctx.settings, ctx.texts, ctx.dates, ctx.room_id, ctx.now)

    def t(self, key: str, **params: object) -> str:
        return self.texts.t(key, **params)

    def line(self, key: str, **params: object) -> Line:
        return self.texts.line(key, **params)

    @property
    def today(self) -> date:
        return self.dates.local(self.now).date()

    def name(self, user_id: str) -> str:
        """A person's display name, without a pill (no notification)."""
        return mention_for(self.settings, user_id).name

    def mention(self, user_id: str) -> Mention:
        """A pill that notifies ``user_id``."""
        return mention_for(self.settings, user_id)

    def partner_name(self, partner_id: str | None) -> str:
        partner = self.settings.partner(partner_id) if partner_id else None
        return partner.name if partner else self.t("yours.coordinator")

    def who(self, user_id: str, partner_id: str | None) -> str:
        """``Anna Schulz (Landeshauptstadt Magdeburg)``."""
        return self.t("pm.who", name=self.name(user_id), partner=self.partner_name(partner_id))


def draft_purpose(release_id: int, version: int) -> str:
    return f"{DRAFT_PURPOSE}:{release_id}:{version}"


def parse_purpose(purpose: str | None) -> tuple[int, int] | None:
    """(release id, version) of a draft message's purpose, None for anything else."""
    parts = (purpose or "").split(":")
    if len(parts) != 3 or parts[0] != DRAFT_PURPOSE:
        return None
    if not (parts[1].isdigit() and parts[2].isdigit()):
        return None
    return int(parts[1]), int(parts[2])


async def find_release(desk: Desk, release_id: int, *, lock: bool = False) -> PressRelease:
    """The release ``#release_id`` of this room, or a user error naming the id."""
    release = await store.get_release(desk.session, desk.room_id, release_id, lock=lock)
    if release is None:
        raise CommandError("pm.error.unknown", id=release_id, show_usage=False)
    return release
