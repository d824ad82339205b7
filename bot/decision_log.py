"""The decision log from the shell: ``koopbot export decisions`` and ``koopbot verify-log``.

Both open the configured database directly (the bot may be running: the export reads
one consistent snapshot, the check holds the append lock while it walks the chain) and
need only the storage settings: they run offline, without the homeserver.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from bot.offline import offline_session, replaced_whole
from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.decisions.protocol import Protocol, decision_protocol
from commands.export.formats import Format
from config import Settings
from storage.decisions import anchor as decision_anchor
from storage.decisions import chain as decision_chain
from storage.decisions.anchor import Anchor, AnchorError, AnchorVerdict, Outcome
from storage.decisions.chain import Problem, Verdict


async def export_decisions(
    settings: Settings,
    fmt: Format,
    path: Path,
    *,
    start: date | None,
    end: date | None,
    room_id: str | None,
    now: datetime,
) -> Protocol:
    """Stream the protocol into ``path`` (written beside it first, then moved into place)."""
    texts = Catalogue(settings.language)
    dates = DateFormatter(settings.language, settings.zone)
    async with offline_session(settings) as session:
        protocol = await decision_protocol(
            session,
            settings,
            texts,
            dates,
            room_id=room_id,
            start=start,
            end=end,
            now=now,
            exported_by=None,
        )
        # Blocking file writes are fine here: the CLI's event loop serves nothing else.
        with replaced_whole(path) as partial, partial.open("wb") as out:
            await fmt.write(protocol.sheet, out)
    return protocol


async def verify_log(
    settings: Settings, anchor: Anchor | None = None
) -> tuple[Verdict, AnchorVerdict | None]:
    """Walk the chain in the configured database and, given an anchor, recompute the chain
    up to the anchored entry and compare (changes nothing)."""
    async with offline_session(settings) as session:
        verdict = await decision_chain.verify(session)
        found = None if anchor is None else await decision_anchor.check(session, anchor)
        return verdict, found


def describe_anchor(texts: Catalogue, found: AnchorVerdict) -> list[str]:
    """What ``koopbot verify-log --expect/--against`` prints about the anchor."""
    anchor = found.anchor
    if found.outcome is Outcome.MATCH:
        lines = [texts.t("verify.anchor_ok", id=found.entry_id, hash=anchor.hash)]
    elif found.outcome is Outcome.NOT_FOUND:
        lines = [texts.t("verify.anchor_not_found", hash=anchor.hash, count=found.entries)]
    elif found.outcome is Outcome.SHORTER:
        lines = [texts.t("verify.anchor_shorter", id=found.entry_id, count=found.entries)]
    elif found.recomputed is None:
        lines = [texts.t("verify.anchor_missing", id=found.entry_id)]
    else:
        lines = [
            texts.t(
                "verify.anchor_changed",
                id=found.entry_id,
                hash=anchor.hash,
                actual=found.recomputed,
            )
        ]
    if found.first_changed is not None and not found.matches:
        lines.append(texts.t("verify.anchor_first_changed", id=found.first_changed))
    return lines


def anchor_problem(texts: Catalogue, error: AnchorError) -> str:
    """An unusable ``--expect`` or ``--against``, in words."""
    if error.reason == "bad_hash":
        return texts.t("verify.anchor_bad_hash", value=error.detail)
    return texts.t(f"verify.anchor_{error.reason}", path=error.detail)


def describe(texts: Catalogue, verdict: Verdict) -> list[str]:
    """What ``koopbot verify-log`` prints."""
    if verdict.intact:
        return [texts.t("verify.ok", count=verdict.entries, hash=verdict.last_hash)]
    entry = verdict.entry_id
    if verdict.problem is Problem.STATE:
        return [
            texts.t("verify.state", id=entry),
            texts.t("verify.ok", count=verdict.entries, hash=verdict.last_hash),
        ]
    if verdict.problem is Problem.CONTENT:
        first = texts.t("verify.content", id=entry)
    elif verdict.problem is Problem.LINK:
        first = texts.t("verify.link", id=entry, previous=(entry or 1) - 1)
    elif verdict.problem is Problem.MISSING:
        first = texts.t("verify.missing", id=entry, missing=verdict.expected)
    elif verdict.expected == verdict.entries:
        first = texts.t("verify.head_hash", id=entry or 0, hash=verdict.last_hash)
    else:
        first = texts.t(
            "verify.head", id=entry or 0, length=verdict.expected, count=verdict.entries
        )
    return [first, texts.t("verify.checked", count=verdict.entries, hash=verdict.last_hash)]
