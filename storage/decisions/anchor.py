"""Checking the decision log against an anchor kept outside the database.

The chain in the database proves that entries were not changed one at a time; it cannot
prove that nobody rewrote an entry and then every hash after it (and the chain end) so
that it all fits again. An *anchor* can: the hash of an entry as it was when an export was
made, kept outside the database (the bot's reply in the room names it, a filed export
carries it in its manifest).

The check recomputes the chain from the stored content alone – from the first entry on,
each hash from the entry's content and the *recomputed* hash before it, never from a
stored hash – and compares the recomputed hash of the anchor's entry with the anchor.
Any change of content at or before that entry, however consistently the stored hashes
were rewritten, changes that hash. Against an export file, every entry of the file is
compared too, so the first changed entry can be named.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from contextlib import aclosing
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from storage.decisions import chain
from storage.decisions.chain import GENESIS, content_of, entry_hash
from storage.decisions.stream import Converter, stream_chain

_HASH = re.compile(r"^[0-9a-f]{64}$")
_ANCHOR = re.compile(r"^(?P<hash>[0-9A-Fa-f]{64})(?:@#?(?P<entry>\d+))?$")


class AnchorError(ValueError):
    """The anchor given is unusable; ``reason`` is a key the caller turns into a message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Anchor:
    """The hash of an entry (its number, if known) as it was when it was exported."""

    hash: str
    entry_id: int | None = None
    #: From an export file: the hash of every entry the file holds, by entry number.
    entries: Mapping[int, str] | None = None

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """``HASH`` or ``HASH@N`` (the hash of entry N), hex in either case."""
        found = _ANCHOR.match(text.strip())
        if found is None:
            raise AnchorError("bad_hash", text.strip()[:80])
        entry_id = int(found["entry"]) if found["entry"] else None
        if entry_id is not None and entry_id < 1:
            raise AnchorError("bad_hash", text.strip()[:80])
        return cls(found["hash"].lower(), entry_id)

    @classmethod
    def from_export(cls, path: Path) -> Anchor:
        """The anchor of a JSON export: its manifest's last entry and final hash, and the
        hash of every entry in it."""
        try:
            with path.open("rb") as source:
                document = json.load(source)
        except FileNotFoundError:
            raise AnchorError("no_file", str(path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise AnchorError("bad_file", str(path)) from None
        try:
            manifest = document["manifest"]
            final, last = str(manifest["final_hash"]), manifest["last_id"]
            entries = {int(e["id"]): str(e["hash"]) for e in document["entries"]}
        except (KeyError, TypeError, ValueError, AttributeError):
            raise AnchorError("bad_file", str(path)) from None
        if last is None or not entries:
            raise AnchorError("empty_file", str(path))
        if not _HASH.match(final) or entries.get(int(last)) != final:
            raise AnchorError("bad_file", str(path))
        return cls(final, int(last), entries)


class Outcome(StrEnum):
    MATCH = "match"  # the database holds exactly the anchored chain up to the entry
    CHANGED = "changed"  # the recomputed hash of the entry differs: content changed at or before
    NOT_FOUND = "not_found"  # no entry (recomputed) has this hash: changed, or never existed
    SHORTER = "shorter"  # the database ends before the anchored entry: entries removed


@dataclass(frozen=True)
class AnchorVerdict:
    outcome: Outcome
    anchor: Anchor
    entry_id: int | None  # the anchored entry (found by its hash, or as given)
    recomputed: str | None = None  # the database's hash of that entry, recomputed
    entries: int = 0  # entries in the database (read up to the anchor's entry)
    #: Against an export file: the first entry whose hash differs from the file's.
    first_changed: int | None = None

    @property
    def matches(self) -> bool:
        return self.outcome is Outcome.MATCH


async def check(session: AsyncSession, anchor: Anchor) -> AnchorVerdict:
    """Recompute the chain from stored content and compare it with ``anchor``.

    Holds the append lock while it reads (appends wait), like :func:`chain.verify`.
    Changes nothing.
    """
    await chain.lock(session)
    convert = Converter()
    previous, count, first_changed = GENESIS, 0, None
    wanted = anchor.entry_id
    files = anchor.entries or {}
    async with aclosing(stream_chain(session)) as chunks:
        async for part in chunks:
            for row in part:
                values = convert.values(row)
                entry_id = int(values["id"])
                previous = entry_hash(content_of(values), previous)
                count += 1
                expected = files.get(entry_id)
                if first_changed is None and expected is not None and expected != previous:
                    first_changed = entry_id
                if wanted is None and previous == anchor.hash:
                    return AnchorVerdict(Outcome.MATCH, anchor, entry_id, previous, count)
                if wanted is not None and entry_id >= wanted:
                    if entry_id != wanted:  # the anchored entry itself is gone
                        changed = first_changed or (wanted if files else None)
                        return AnchorVerdict(Outcome.CHANGED, anchor, wanted, None, count, changed)
                    outcome = Outcome.MATCH if previous == anchor.hash else Outcome.CHANGED
                    return AnchorVerdict(outcome, anchor, wanted, previous, count, first_changed)
    if wanted is None:
        return AnchorVerdict(Outcome.NOT_FOUND, anchor, None, None, count, first_changed)
    return AnchorVerdict(Outcome.SHORTER, anchor, wanted, None, count, first_changed)


__all__ = ["Anchor", "AnchorError", "AnchorVerdict", "Outcome", "check"]
