"""Which reactions mean "I agree": shared by the features that count consents by reaction
(press-release approvals, decision consents)."""

from __future__ import annotations

APPROVING_KEYS = frozenset({"✅", "👍"})
#: Variation selectors and skin tones do not change what a reaction means.
_MODIFIERS = {chr(0xFE0E), chr(0xFE0F), *(chr(c) for c in range(0x1F3FB, 0x1F400))}


def approving(key: str) -> bool:
    """True for ✅ and 👍 in any of their spellings (``✅️``, ``👍🏻``)."""
    return "".join(ch for ch in key.strip() if ch not in _MODIFIERS) in APPROVING_KEYS
