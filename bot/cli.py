"""The ``koopbot`` command line: run, demo, db upgrade, check-config, export, report,
verify-log."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NoReturn

from bot import __version__
from commands.core.catalogue import Catalogue
from config import ConfigError, Settings, load_settings
from config.loader import Problem
from storage import migrate
from storage.engine import create_engine

#: Libraries whose INFO lines (migrations run, fonts subset) only matter with ``-v``.
CHATTY = ("alembic", "fontTools")


def configure_logging(level: str = "INFO", *, verbose: bool = False) -> None:
    """One line per event: time, level, source, message (key=value pairs where it matters).

    Without ``verbose`` the chatty libraries (:data:`CHATTY`) show only warnings."""
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("nio", "peewee", "apscheduler", "aiosqlite"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for chatty in CHATTY:
        logging.getLogger(chatty).setLevel(logging.INFO if verbose else logging.WARNING)


def _settings(args: argparse.Namespace, *, offline: bool = False) -> Settings:
    """The configuration; ``offline`` for commands that only use the database (no Matrix
    password or homeserver needed)."""
    try:
        return load_settings(args.config, offline=offline)
    except ConfigError as error:
        _refuse(error.language, [_problem_line(error.language, p) for p in error.details])


@cache
def _texts(language: str) -> Catalogue:
    return Catalogue("en" if language == "en" else "de")


def _problem_line(language: str, problem: Problem) -> str:
    texts = _texts(language)
    what = texts.t(f"config.kind.{problem.kind}", value=problem.value, english=problem.english)
    return texts.t("config.problem", where=problem.location or "–", what=what)


def _refuse(language: str, lines: list[str]) -> NoReturn:
    """Print what is wrong with the configuration and how to fix it; exit 2."""
    texts = _texts(language)
    print(texts.t("config.invalid"), file=sys.stderr)
    for line in lines:
        print(line, file=sys.stderr)
    print(texts.t("config.hint"), file=sys.stderr)
    raise SystemExit(2)


def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import running_bot

    settings = _settings(args)

    async def _serve() -> bool:
        # SIGTERM (systemd, docker stop) ends the service like Ctrl-C: the batch under
        # way finishes, queued replies go out, nothing is cut off (bot.app._finish_work).
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        async with running_bot(settings) as bot:
            serving = asyncio.ensure_future(bot.serve())
            stopping = asyncio.ensure_future(stop.wait())
            await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not serving.done():
                serving.cancel()
                logging.getLogger("koopbot").info("SIGTERM: stopping after the work under way")
                return True
            serving.result()  # a part of the service failed: its exception ends the process
            return False

    try:
        return 0 if asyncio.run(_serve()) else 1
    except KeyboardInterrupt:
        return 0


def missing_for_service(settings: Settings) -> list[str]:
    """The catalogue keys of what a service needs beyond valid values: partners,
    coordinators, rooms, and the bot's own id and homeserver given explicitly."""
    given = settings.matrix.model_fields_set
    needs = {
        "config.need.partners": bool(settings.partners),
        "config.need.coordinators": bool(settings.coordinators),
        "config.need.rooms": bool(settings.matrix.rooms),
        "config.need.user_id": "user_id" in given,
        "config.need.homeserver": "homeserver" in given,
    }
    return [key for key, met in needs.items() if not met]


def cmd_check_config(args: argparse.Namespace) -> int:
    settings = _settings(args)
    texts = _texts(settings.language)
    missing = missing_for_service(settings)
    if missing:
        _refuse(settings.language, [f"  {texts.t(key)}" for key in missing])
    print(
        texts.t(
            "config.ok",
            partners=len(settings.partners),
            coordinators=len(settings.coordinators),
            rooms=len(settings.matrix.rooms),
            storage=settings.storage.backend,
            language=settings.language,
            zone=settings.timezone,
        )
    )
    for partner in settings.partners:
        print(
            texts.t(
                "config.partner", id=partner.id, name=partner.name, members=len(partner.members)
            )
        )
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    settings = _settings(args)

    async def _upgrade() -> str | None:
        engine = create_engine(settings.storage.url)
        try:
            if args.action == "upgrade":
                await migrate.upgrade(engine)
            return await migrate.current_revision(engine)
        finally:
            await engine.dispose()

    revision = asyncio.run(_upgrade())
    print(f"Datenbank auf Stand {revision} (neuester: {migrate.head_revision()})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from bot.app import utc_now
    from bot.decision_log import export_decisions
    from commands.core.errors import CommandError
    from commands.export.formats import FORMATS
    from commands.export.period import period

    settings = _settings(args, offline=True)
    texts = Catalogue(settings.language)
    now = utc_now()
    try:
        start, end = period(args.start, args.end, now.astimezone(settings.zone).date())
    except CommandError as error:
        print(texts.t(error.key, **error.params), file=sys.stderr)
        return 2
    fmt = FORMATS[args.format]
    protocol = asyncio.run(
        export_decisions(settings, fmt, args.out, start=start, end=end, room_id=args.room, now=now)
    )
    tally = protocol.tally
    if tally.count:
        written = texts.t(
            "export.written",
            count=tally.count,
            path=args.out,
            format=fmt.name,
            hash=tally.last_hash,
            last=tally.last_id,
        )
        print(written)
    else:
        print(texts.t("export.nothing", path=args.out))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from bot.app import utc_now
    from bot.report import write_report
    from commands.core.dates import DateFormatter
    from commands.core.errors import CommandError
    from commands.report.document import period_text
    from commands.report.handlers import report_period

    settings = _settings(args, offline=True)
    texts = Catalogue(settings.language)
    now = utc_now()
    try:
        start, end = report_period(args.start, args.end, now.astimezone(settings.zone).date())
    except CommandError as error:
        print(texts.t(error.key, **error.params), file=sys.stderr)
        return 2
    made = asyncio.run(
        write_report(
            settings, args.out, fmt=args.format, start=start, end=end, room_id=args.room, now=now
        )
    )
    dates = DateFormatter(settings.language, settings.zone)
    print(texts.t("report.written", period=period_text(texts, dates, made.report), path=args.out))
    return 0


#: ``koopbot verify-log`` exit codes.
VERIFY_OK, VERIFY_BROKEN, VERIFY_USAGE, VERIFY_ANCHOR = 0, 1, 2, 3


def cmd_verify_log(args: argparse.Namespace) -> int:
    from bot.decision_log import anchor_problem, describe, describe_anchor, verify_log
    from storage.decisions.anchor import Anchor, AnchorError

    settings = _settings(args, offline=True)
    texts = Catalogue(settings.language)
    anchor: Anchor | None = None
    try:
        if args.expect:
            anchor = Anchor.parse(args.expect)
        elif args.against:
            anchor = Anchor.from_export(args.against)
    except AnchorError as error:
        print(anchor_problem(texts, error), file=sys.stderr)
        return VERIFY_USAGE
    verdict, found = asyncio.run(verify_log(settings, anchor))
    for line in describe(texts, verdict):
        print(line)
    if found is not None:
        for line in describe_anchor(texts, found):
            print(line)
        if not found.matches:
            return VERIFY_ANCHOR
    return VERIFY_OK if verdict.intact else VERIFY_BROKEN


def cmd_demo(args: argparse.Namespace) -> int:
    # The demo harness and its extra (Synapse, pyyaml, aiohttp) load only here, never for `run`.
    try:
        from bot.demo import run_demo
    except ModuleNotFoundError as missing:
        print(
            f"koopbot demo needs the demo extra ({missing.name} is missing): "
            "pip install 'koopbot[demo]'",
            file=sys.stderr,
        )
        return 2

    # The console and the transcript are the demo's output; the log only shows trouble.
    logging.getLogger().setLevel(logging.WARNING)
    return asyncio.run(
        run_demo(scenario=args.scenario, base_dir=args.dir, language=args.language, keep=args.keep)
    )


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="koopbot", description="Matrix-Bot der Kooperation Stadt · Agentur · Jobcenter"
    )
    main.add_argument("--version", action="version", version=f"koopbot {__version__}")
    main.add_argument("--log-level", default=os.environ.get("KOOPBOT_LOG_LEVEL", "INFO"))
    main.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also the INFO lines of migrations (alembic) and PDF fonts (fontTools)",
    )
    sub = main.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--config", type=Path, default=None, help="TOML file (default: $KOOPBOT_CONFIG)"
        )
        p.add_argument(
            "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="more log lines"
        )
        return p

    with_config(sub.add_parser("run", help="serve the configured rooms")).set_defaults(func=cmd_run)
    with_config(sub.add_parser("check-config", help="validate the configuration")).set_defaults(
        func=cmd_check_config
    )
    db = with_config(sub.add_parser("db", help="database migrations"))
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(func=cmd_db)
    export = with_config(sub.add_parser("export", help="export the decision log to a file"))
    export.add_argument("what", choices=["decisions"])
    export.add_argument("--format", choices=["csv", "md", "json", "pdf"], default="pdf")
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.add_argument("--from", dest="start", default=None, help="first decision date")
    export.add_argument("--to", dest="end", default=None, help="last decision date")
    export.add_argument("--room", default=None, help="one room id (default: every room)")
    export.set_defaults(func=cmd_export)
    report = with_config(
        sub.add_parser("report", help="write the report to the city council (PDF or CSV)")
    )
    report.add_argument("--format", choices=["pdf", "csv"], default="pdf")
    report.add_argument("--out", type=Path, required=True, help="file to write")
    report.add_argument(
        "--from", dest="start", default=None, help="first day (default: 12 months back)"
    )
    report.add_argument("--to", dest="end", default=None, help="last day (default: today)")
    report.add_argument("--room", default=None, help="one room id (default: every room)")
    report.set_defaults(func=cmd_report)
    verify = with_config(
        sub.add_parser(
            "verify-log",
            help="check the decision log's hash chain",
            epilog="exit codes: 0 intact (and the anchor matches), 1 chain broken, "
            "2 unusable --expect/--against or configuration, 3 the database differs from the "
            "anchor (changed after the export, also if re-chained consistently)",
        )
    )
    anchors = verify.add_mutually_exclusive_group()
    anchors.add_argument(
        "--expect",
        metavar="HASH[@N]",
        default=None,
        help="an earlier export's final hash (from the bot's reply or the export's manifest), "
        "optionally @ the entry's number",
    )
    anchors.add_argument(
        "--against",
        type=Path,
        metavar="EXPORT.json",
        default=None,
        help="a JSON export: the database must still hold exactly its chain",
    )
    verify.set_defaults(func=cmd_verify_log)
    demo = sub.add_parser("demo", help="throwaway homeserver + bot + console")
    demo.add_argument("--scenario", action="store_true", help="play a scripted session and exit")
    demo.add_argument("--dir", type=Path, default=None, help="keep the demo's files here")
    demo.add_argument("--language", choices=["de", "en"], default="de")
    demo.add_argument(
        "--keep", action="store_true", help="keep the demo's folder after /ende (default: remove)"
    )
    demo.set_defaults(func=cmd_demo)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # The service's log keeps the migrations it ran (an operator looks there after an
    # upgrade); the one-shot commands stay quiet unless asked.
    configure_logging(args.log_level, verbose=args.verbose or args.func is cmd_run)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
