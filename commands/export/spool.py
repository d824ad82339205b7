"""Files for the room written to disk, not memory: the spool of outgoing exports.

An export of the whole decision log (100,000 entries) is tens of megabytes; held in
memory, then in a database row, then in the upload, it would cost several times that.
So every in-room export is streamed by its format writer into a file in the spool folder
(``matrix.store_path``/outgoing, kept across restarts like the device keys), its outbox
row names that file, and the outbox uploads it from there, a chunk at a time, and deletes
it once the message showing it is sent.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from commands.core.catalogue import Catalogue
from commands.core.context import Attachment
from commands.core.markup import Doc
from commands.export.formats import Format, filename
from commands.export.sheet import Sheet
from config import Settings

FOLDER = "outgoing"
#: The key of an outbox row's content that names its spooled file; removed before sending.
SPOOL_KEY = "koopbot.spool"
#: Spooled files no unsent message names are deleted at start once they are this old.
STALE_AFTER_S = 3600.0


def spool_dir(settings: Settings) -> Path:
    return Path(settings.matrix.store_path) / FOLDER


def _new_file(folder: Path, extension: str) -> tuple[int, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="export-", suffix=f".{extension}", dir=folder)
    return handle, Path(name)


async def spooled(sheet: Sheet, fmt: Format, folder: Path) -> Attachment:
    """``sheet`` written in ``fmt`` into a new file in ``folder`` (streamed by the writer)."""
    handle, path = _new_file(folder, fmt.extension)
    file = Attachment(filename(sheet, fmt), fmt.mimetype, path=path)
    try:
        # Blocking writes of a few hundred rows each: as short as the BytesIO they replace.
        with os.fdopen(handle, "wb") as out:
            await fmt.write(sheet, out)
    except BaseException:
        discard(file)
        raise
    return file


def discard(file: Attachment) -> None:
    """Delete a spooled file that will not be uploaded."""
    if file.path is not None:
        file.path.unlink(missing_ok=True)


def sweep(folder: Path, keep: Iterable[str], *, now: float | None = None) -> int:
    """Delete spooled files that no unsent message names (``keep``: their paths) and that
    are older than :data:`STALE_AFTER_S` (a command whose transaction failed after its
    export was written). Returns how many were deleted."""
    if not folder.is_dir():
        return 0
    kept = {str(Path(path)) for path in keep}
    moment = time.time() if now is None else now
    removed = 0
    for path in folder.iterdir():
        if str(path) in kept or not path.is_file():
            continue
        if moment - path.stat().st_mtime > STALE_AFTER_S:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def megabytes(size: int, language: str) -> str:
    """A file size as people read it: ``12,4 MB``, ``3,5 kB``, ``800 Bytes`` (German decimal
    comma; ``12.4 MB`` … ``800 bytes`` in English)."""
    if size < 1_000:
        return f"{size} Bytes" if language == "de" else f"{size} bytes"
    text = f"{size / 1_000:.1f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"
    return text.replace(".", ",") if language == "de" else text


def too_large(texts: Catalogue, name: str, size: int, limit: int) -> Doc:
    """Said instead of "file made" when the homeserver would refuse the file."""
    language = texts.language
    return Doc().line(
        texts.t(
            "export.too_large",
            file=name,
            size=megabytes(size, language),
            limit=megabytes(limit, language),
        )
    )


def not_uploaded(texts: Catalogue, name: str, size: int | None, limit: int | None) -> Doc:
    """Said in place of a file the homeserver refused, or that was lost before its upload."""
    if size is None:
        return Doc().line(texts.t("export.upload_lost", file=name))
    if limit is not None and size > limit:
        return too_large(texts, name, size, limit)
    return Doc().line(
        texts.t("export.upload_refused", file=name, size=megabytes(size, texts.language))
    )
