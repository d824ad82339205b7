"""Outbox rows for replies, hook posts and timed posts (``bot.posting``): transaction ids
from the cause, the reply relation, the file row after its notice, the size check."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.events import Message, Reaction
from bot.posting import Posting
from commands.core.catalogue import Catalogue
from commands.core.context import Attachment, Reply, ScheduledPost
from commands.core.markup import Doc
from storage.core import txn_id

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
POSTING = Posting(Catalogue("de"), lambda: NOW)


def reply(text: str, *, file: bool = False, purpose: str = "reply") -> Reply:
    attachment = Attachment("a.csv", "text/csv", b"x;y") if file else None
    return Reply(Doc().line(text), attachment, purpose)


def test_replies_answer_the_message_then_post_in_its_thread() -> None:
    message = Message("!r", "$cmd", "@u:x", "!export", NOW, thread_root="$root")
    rows = POSTING.replies(message, [reply("one", file=True, purpose="export"), reply("two")])
    assert [r.txn_id for r in rows] == [
        txn_id("$cmd", 0),
        txn_id("$cmd", 0, "file"),
        txn_id("$cmd", 1),
    ]
    assert [r.purpose for r in rows] == ["export", "export:file", "reply"]
    first, file, second = (r.content for r in rows)
    assert first["m.relates_to"]["m.in_reply_to"] == {"event_id": "$cmd"}
    assert file["msgtype"] == "m.file" and file["m.relates_to"]["event_id"] == "$root"
    assert "m.relates_to" not in second  # a later post is top-level
    assert rows[1].attachment == b"x;y" and rows[1].attachment_name == "a.csv"
    assert all(r.room_id == "!r" and r.created_at == NOW and r.due_at is None for r in rows)


def test_a_hook_posts_top_level_messages_caused_by_its_event() -> None:
    event = Reaction("!r", "$react", "@u:x", "$target", "✅", NOW)
    rows = POSTING.posts(event, [reply("a"), reply("b")])
    assert [r.txn_id for r in rows] == [txn_id("$react", 0), txn_id("$react", 1)]
    assert all("m.relates_to" not in r.content for r in rows)


class Session:
    def __init__(self) -> None:
        self.added: list[Any] = []

    def add_all(self, rows: list[Any]) -> None:
        self.added.extend(rows)


def test_timed_posts_are_added_to_the_session_with_their_due_time() -> None:
    session = Session()
    posts = [ScheduledPost("!r", reply("Erinnerung"), ("meeting", 1, "2026-12-02", 86400), NOW)]
    rows = POSTING.timed(session, posts)  # type: ignore[arg-type]
    assert session.added == rows
    assert [r.txn_id for r in rows] == [txn_id("meeting", 1, "2026-12-02", 86400)]
    assert rows[0].due_at == NOW and "m.relates_to" not in rows[0].content


def test_a_reply_too_large_for_one_event_is_replaced_by_a_note() -> None:
    message = Message("!r", "$big", "@u:x", "!status", NOW)
    (row,) = POSTING.replies(message, [reply("x" * 70_000)])
    assert row.content["body"].startswith("Die Antwort wäre zu lang")
    assert row.content["m.relates_to"]["m.in_reply_to"] == {"event_id": "$big"}
