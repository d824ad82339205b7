"""Which reactions mean "I agree": shared by the features that count consents by reaction
(press-release approvals, decision consents)."""

from __future__ import annotations

from commands.core.catalogue import Catalogue
from commands.core.context import Reply
from commands.core.dates import DateFormatter
from commands.core.errors import CommandError
from commands.core.markup import Doc
from config import Settings

APPROVING_KEYS = frozenset({"✅", "👍"})
#: Variation selectors and skin tones do not change what a reaction means.
_MODIFIERS = {chr(0xFE0E), chr(0xFE0F), *(chr(c) for c in range(0x1F3FB, 0x1F400))}


def approving(key: str) -> bool:
    """True for ✅ and 👍 in any of their spellings (``✅️``, ``👍🏻``)."""
    return "".join(ch for ch in key.strip() if ch not in _MODIFIERS) in APPROVING_KEYS


class ReactionHandler:
    """What a feature's reaction side starts from: the settings, its texts and dates, and
    how a refusal reads (the feature adds ``on_reaction`` and ``on_redaction``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.texts = Catalogue(settings.language)
        self.dates = DateFormatter(settings.language, settings.zone)

    def _say(self, error: CommandError) -> list[Reply]:
        return [Reply(Doc().line(self.texts.t(error.key, **error.params)))]
