"""Outbox rows: what the bot will say, as rows with transaction ids derived from their cause.

One place builds every row, for the dispatcher (replies to commands, posts of reaction
hooks) and for the waker (timed posts): the notice, the size check and the file row
after it. The cause of a row is its transaction id (``storage.core.txn_id``):
``(event_id, n)`` for the n-th message about an event, ``(event_id, n, "file")`` for its
file, a source-specific tuple for a timed post.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.content import MAX_EVENT_BYTES, file_content, notice, size_of, txn_id
from bot.events import Message, RoomEvent
from commands.core.catalogue import Catalogue
from commands.core.context import Attachment, Reply, ScheduledPost
from commands.core.markup import Doc
from commands.export.spool import SPOOL_KEY, discard, too_large
from storage import core
from storage.core import OutboxMessage


@dataclass(frozen=True)
class Posting:
    """Builds outbox rows; the caller adds them to its transaction (or stores them once
    sent: a reading command's reply) and pushes them to the outbox after the commit."""

    texts: Catalogue
    clock: Callable[[], datetime]
    #: The homeserver's upload limit as last asked (``MatrixConnection.upload_limit``);
    #: None while unknown: the file is then uploaded unchecked.
    upload_limit: Callable[[], int | None] = lambda: None

    def replies(self, message: Message, replies: Sequence[Reply]) -> list[OutboxMessage]:
        """Rows for the replies to ``message``: the first one answers it (in its thread),
        the others are top-level posts. Not in any session yet."""
        return [
            row
            for number, reply in enumerate(replies)
            for row in self._rows(
                message.room_id,
                reply,
                cause=(message.event_id, number),
                reply_to=message.event_id if number == 0 else None,
                thread=message.thread_root,
            )
        ]

    def posts(self, event: RoomEvent, replies: Sequence[Reply]) -> list[OutboxMessage]:
        """Rows for top-level posts caused by ``event`` (a reaction's hook). Not in any
        session yet."""
        return [
            row
            for number, reply in enumerate(replies)
            for row in self._rows(
                event.room_id, reply, cause=(event.event_id, number), reply_to=None, thread=None
            )
        ]

    def timed(self, session: AsyncSession, posts: Sequence[ScheduledPost]) -> list[OutboxMessage]:
        """Rows for timed posts (reminders), added to ``session``: top-level messages."""
        rows = [
            row
            for post in posts
            for row in self._rows(
                post.room_id,
                post.reply,
                cause=post.cause,
                reply_to=None,
                thread=None,
                due_at=post.due_at,
            )
        ]
        session.add_all(rows)
        return rows

    def _rows(
        self,
        room_id: str,
        reply: Reply,
        *,
        cause: tuple[object, ...],
        reply_to: str | None,
        thread: str | None,
        due_at: datetime | None = None,
    ) -> list[OutboxMessage]:
        """The reply notice and, if the reply carries a file, an ``m.file`` after it.

        A file larger than the homeserver accepts is not announced: the reply says so instead.
        """
        now = self.clock()
        doc, file = reply.doc, reply.attachment
        limit = self.upload_limit() if file is not None else None
        if file is not None and limit is not None and (size := file.size) > limit:
            doc = too_large(self.texts, file.filename, size, limit)
            discard(file)
            file = None
        content = notice(doc, reply_to=reply_to, thread_root=thread if reply_to else None)
        if size_of(content) > MAX_EVENT_BYTES:
            too_long = Doc().line(self.texts.t("error.reply_too_long"))
            content = notice(too_long, reply_to=reply_to, thread_root=thread if reply_to else None)
        rows = [
            core.new_outbox(
                room_id=room_id,
                txn_id=txn_id(*cause),
                content=content,
                now=now,
                purpose=reply.purpose,
                due_at=due_at,
            )
        ]
        if file is not None:
            rows.append(self._file_row(room_id, file, cause, thread, now, reply.purpose))
        return rows

    @staticmethod
    def _file_row(
        room_id: str,
        file: Attachment,
        cause: tuple[object, ...],
        thread: str | None,
        now: datetime,
        purpose: str,
    ) -> OutboxMessage:
        """The ``m.file`` (``m.image``); a spooled file stays on disk, its row names it (not
        its bytes)."""
        content = file_content(
            file.filename,
            file.mimetype,
            file.size,
            thread_root=thread,
            image=file.image,
            alt=file.alt,
        )
        if file.path is not None:
            content[SPOOL_KEY] = str(file.path)
        row = core.new_outbox(
            room_id=room_id,
            txn_id=txn_id(*cause, "file"),
            content=content,
            now=now,
            purpose=f"{purpose}:file",
            attachment=None if file.path is not None else (file.filename, file.mimetype, file.data),
        )
        row.attachment_name, row.attachment_type = file.filename, file.mimetype
        return row
