"""Turning a reply document into Matrix event content (transaction ids: ``storage.core``)."""

from __future__ import annotations

import json
from typing import Any

from commands.core.markup import Doc
from storage.core import txn_id

# Synapse rejects an event whose canonical JSON, envelope included, exceeds 65,536 bytes
# (MAX_PDU_SIZE); the margin is for the envelope (ids, signatures, hashes).
MAX_EVENT_BYTES = 60_000


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


def file_content(
    name: str,
    mimetype: str,
    size: int,
    *,
    thread_root: str | None,
    image: tuple[int, int] | None = None,
    alt: str = "",
) -> dict[str, Any]:
    """An ``m.file`` waiting for its upload (``url`` or ``file`` is added when sent); with
    ``image`` (width, height) an ``m.image`` whose body is its ``alt`` text."""
    content: dict[str, Any] = {
        "msgtype": "m.file",
        "body": name,
        "filename": name,
        "info": {"mimetype": mimetype, "size": size},
    }
    if image is not None:
        content["msgtype"] = "m.image"
        content["body"] = alt or name
        content["info"].update({"w": image[0], "h": image[1]})
    if thread_root:
        content["m.relates_to"] = {
            "rel_type": "m.thread",
            "event_id": thread_root,
            "is_falling_back": True,
        }
    return content


def with_note(content: dict[str, Any], note: Doc) -> dict[str, Any]:
    """``content`` with ``note`` appended as a last paragraph, in the body and the HTML."""
    marked = dict(content)
    marked["body"] = f"{content.get('body', '')}\n\n{note.plain()}"
    if "formatted_body" in content:
        marked["formatted_body"] = f"{content['formatted_body']}<p>{note.html()}</p>"
    return marked


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


__all__ = [
    "MAX_EVENT_BYTES",
    "file_content",
    "notice",
    "relates_to",
    "size_of",
    "txn_id",
    "with_note",
]
