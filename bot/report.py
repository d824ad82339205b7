"""``koopbot report``: the report to the city council written to a file from the shell.

Like ``koopbot export`` it opens the configured database directly and needs only the
storage settings (offline, without the homeserver).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from bot.offline import offline_session, replaced_whole
from commands.core.catalogue import Catalogue
from commands.core.dates import DateFormatter
from commands.report.handlers import ReportFile, report_file
from config import Settings


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
    async with offline_session(settings) as session:
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
    with replaced_whole(path) as partial:
        partial.write_bytes(made.data)
    return made
