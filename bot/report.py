"""``koopbot report``: the report to the city council written to a file from the shell.

Like ``koopbot export`` it opens the configured database directly and needs only the
storage settings (offline, without the homeserver).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.report.handlers import ReportFile, report_file
from config import Settings
from storage import migrate
from storage.engine import create_engine, session_factory


async def write_report(
    settings: Settings,
    path: Path,
    *,
    fmt: str,
    start: date,
    end: date,
    room_id: str | None,
    now: datetime,
) -> ReportFile:
    """Write the report into ``path`` (beside it first, then moved into place)."""
    texts = Catalogue(settings.language)
    dates = DateFormatter(settings.language, settings.zone)
    engine = create_engine(settings.storage.url)
    partial = path.with_name(path.name + ".part")
    try:
        await migrate.upgrade(engine)
        async with session_factory(engine)() as session:
            made = await report_file(
                session,
                settings,
                texts,
                dates,
                fmt=fmt,
                room_id=room_id,
                start=start,
                end=end,
                now=now,
            )
            await session.rollback()
        partial.write_bytes(made.data)
        os.replace(partial, path)
        return made
    finally:
        partial.unlink(missing_ok=True)
        await engine.dispose()
