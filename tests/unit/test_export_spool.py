"""In-room exports stream to a spooled file and are uploaded from there; the homeserver's
upload limit is checked before anything is announced."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.events import Message
from bot.posting import Posting
from commands.core.catalogue import Catalogue
from commands.core.context import Attachment, Reply
from commands.core.dates import DateFormatter
from commands.core.markup import Doc
from commands.decisions.protocol import decision_protocol
from commands.export.formats import FORMATS
from commands.export.spool import SPOOL_KEY, not_uploaded, spool_dir, sweep
from storage.core import OutboxMessage
from tests.support.chat import ROOM, Chat, make_settings
from tests.support.decisions import add_entries

SETTINGS = make_settings()
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Recorder(io.RawIOBase):
    """A binary sink that keeps only the size of each write and the total."""

    def __init__(self) -> None:
        self.largest = 0
        self.total = 0
        self.writes = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self.largest, self.total, self.writes = (
            max(self.largest, size),
            self.total + size,
            self.writes + 1,
        )
        return size


async def _largest_write(chat: Chat, fmt: str) -> Recorder:
    texts, dates = Catalogue("de"), DateFormatter("de", SETTINGS.zone)
    async with chat.sessions() as session:
        protocol = await decision_protocol(
            session, SETTINGS, texts, dates, room_id=None, start=None, end=None,
            now=chat.clock(), exported_by=None,
        )  # fmt: skip
        sink = Recorder()
        await FORMATS[fmt].write(protocol.sheet, sink)  # type: ignore[arg-type]
        return sink


async def test_the_writers_stream_in_bounded_pieces(chat: Chat, sqlite_engine: AsyncEngine) -> None:
    """The file is written as it streams: no single write grows with the number of entries
    (a writer that built the file in memory first would write it in one piece)."""
    await add_entries(sqlite_engine, 1_500)
    small = {fmt: await _largest_write(chat, fmt) for fmt in ("csv", "json", "md")}
    await add_entries(sqlite_engine, 4_500)
    large = {fmt: await _largest_write(chat, fmt) for fmt in ("csv", "json", "md")}
    for fmt in ("csv", "json", "md"):
        assert large[fmt].total > 3.5 * small[fmt].total  # four times the entries
        assert large[fmt].writes >= small[fmt].writes + 3
        assert large[fmt].largest <= small[fmt].largest * 1.2  # the pieces stay as they were
        assert large[fmt].largest < 1_000_000


async def test_an_export_is_spooled_not_held_and_uploaded_from_the_file(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss Berufsorientierung an Schulen")
    await chat.send("koordination", "!export beschlüsse json")
    async with chat.sessions() as session:
        row = (
            await session.scalars(select(OutboxMessage).where(OutboxMessage.purpose.like("%:file")))
        ).one()
    assert row.attachment is None  # no bytes in the database
    spooled = Path(row.content[SPOOL_KEY])
    assert spooled.parent == spool_dir(chat.settings)
    assert spooled.name not in os.listdir(spooled.parent)  # deleted once it was sent
    sent = chat.sent[-1]["content"]
    assert SPOOL_KEY not in sent and sent["msgtype"] == "m.file"
    assert sent["info"]["size"] == len(chat.homeserver.uploads[sent["url"]])
    assert b'"Berufsorientierung an Schulen"' in chat.homeserver.uploads[sent["url"]]


async def test_a_file_over_the_homeservers_limit_is_not_announced(chat: Chat) -> None:
    for n in range(3):
        await chat.send("stadt1", f"!beschluss Maßnahme {n} für Lager und Logistik")
    chat.homeserver.upload_limit = 1_500  # the media config's m.upload.size
    before = len(chat.sent)
    event = await chat.send("koordination", "!export beschlüsse json")
    assert len(chat.sent) == before + 1  # one answer, no file
    answer = chat.replies_to(event)[0]
    body = answer["body"]
    assert body.startswith("Die Datei beschlussprotokoll-2026-12-01.json wäre ")
    assert (
        "kB groß; der Homeserver nimmt höchstens 1,5 kB an. Es wurde keine Datei hochgeladen."
        in body
    )
    assert "Bitte den Export für einen kürzeren Zeitraum wiederholen (von=… bis=…)" in body
    assert "Beschlussprotokoll als JSON" not in body
    assert not chat.homeserver.uploads
    assert not any(spool_dir(chat.settings).iterdir())  # the spooled file is gone too
    chat.homeserver.upload_limit = None
    await chat.send("koordination", "!export beschlüsse csv von=01.12.2026")
    assert chat.sent[-1]["content"]["msgtype"] == "m.file"  # the next step works


async def test_an_upload_refused_without_a_known_limit_is_answered_in_the_room(
    chat: Chat,
) -> None:
    await chat.send("stadt1", "!beschluss Berufsorientierung an Schulen")
    texts = Catalogue("de")
    chat.dispatcher.posting = Posting(texts, chat.clock)  # the limit could not be asked
    chat.outbox.file_note = lambda name, size: not_uploaded(texts, name, size, None)
    chat.homeserver.upload_limit = 100  # … but the homeserver enforces one
    await chat.send("koordination", "!export beschlüsse csv")
    last = chat.sent[-1]["content"]
    assert last["msgtype"] == "m.notice"
    assert last["body"].startswith("Die Datei beschlussprotokoll-2026-12-01.csv (")
    assert not any(spool_dir(chat.settings).iterdir())


def test_a_file_lost_before_its_upload_is_said_so() -> None:
    doc = not_uploaded(Catalogue("en"), "x.csv", None, None)
    assert doc.plain() == (
        "The file x.csv was lost before its upload (the folder matrix.store_path is missing "
        "after the restart). Please repeat the export."
    )


def test_posting_names_the_spooled_file_and_stores_no_bytes(tmp_path: Path) -> None:
    path = tmp_path / "export-1.csv"
    path.write_bytes(b"a;b\r\n" * 1000)
    posting = Posting(Catalogue("de"), lambda: NOW, upload_limit=lambda: 10_000)
    message = Message(ROOM, "$cmd", "@koordination:test", "!export", NOW)
    reply = Reply(Doc().line("ok"), attachment=Attachment("p.csv", "text/csv", path=path))
    notice_row, file_row = posting.replies(message, [reply])
    assert file_row.attachment is None and file_row.attachment_name == "p.csv"
    assert file_row.content[SPOOL_KEY] == str(path)
    assert file_row.content["info"]["size"] == 5000
    assert notice_row.content["body"] == "ok"


def test_sweep_deletes_only_old_files_no_message_names(tmp_path: Path) -> None:
    old, named, fresh = (tmp_path / name for name in ("old.csv", "named.csv", "fresh.csv"))
    for path in (old, named, fresh):
        path.write_bytes(b"x")
    os.utime(old, (1_000, 1_000))
    os.utime(named, (1_000, 1_000))
    os.utime(fresh, (10_000, 10_000))
    assert sweep(tmp_path, [str(named)], now=10_000 + 60) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.csv", "named.csv"]
    assert sweep(tmp_path / "missing", []) == 0
