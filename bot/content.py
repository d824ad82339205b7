"""Turning a reply document into Matrix event content, and transaction ids from causes."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from commands.markup import Doc

MAX_EVENT_BYTES = 60_000  # Synapse rejects events over 64 KiB (FIELD-NOTES.md)


def txn_id(*cause: object) -> str:
    """A transaction id derived from what caused a message: the same cause, the same id."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in cause).encode()).hexdigest()
    return f"kb{digest[:40]}"


def notice(
    doc: Doc, *, reply_to: str | None = None, thread_root: str | None = None
) -> dict[str, Any]:
    """An ``m.notice`` with a plain body, HTML and the mentioned users (``m.mentions``)."""
    content: dict[str, Any] = {
        "msgtype": "m.notice",
        "body": doc.plain(),
        "format": "org.matrix.custom.html",
        "formatted_body": doc.html(),
    }
    mentioned = doc.mentions()
    if mentioned:  # Synapse spends measurable time on m.mentions; send it only when it matters
        content["m.mentions"] = {"user_ids": mentioned}
    relation = relates_to(reply_to, thread_root)
    if relation:
        content["m.relates_to"] = relation
    return content


def file_content(name: str, mimetype: str, size: int, *, thread_root: str | None) -> dict[str, Any]:
    """An ``m.file`` waiting for its upload (``url`` or ``file`` is added when sent)."""
    content: dict[str, Any] = {
        "msgtype": "m.file",
        "body": name,
        "filename": name,
        "info": {"mimetype": mimetype, "size": size},
    }
    if thread_root:
        content["m.relates_to"] = {
            "rel_type": "m.thread",
            "event_id": thread_root,
            "is_falling_back": True,
        }
    return content


def relates_to(reply_to: str | None, thread_root: str | None) -> dict[str, Any] | None:
    if reply_to and thread_root:
        return {
            "rel_type": "m.thread",
            "event_id": thread_root,
            "is_falling_back": False,
            "m.in_reply_to": {"event_id": reply_to},
        }
    if reply_to:
        return {"m.in_reply_to": {"event_id": reply_to}}
    return None


def size_of(content: dict[str, Any]) -> int:
    return len(json.dumps(content, ensure_ascii=False).encode())
