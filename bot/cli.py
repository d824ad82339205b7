"""The ``koopbot`` command line: run, demo, db upgrade, check-config, export, verify-log."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from config import ConfigError, Settings, load_settings
from storage import migrate
from storage.engine import create_engine


def configure_logging(level: str = "INFO") -> None:
    """One line per event: time, level, source, message (key=value pairs where it matters)."""
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("nio", "peewee", "apscheduler", "aiosqlite"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _settings(args: argparse.Namespace, *, offline: bool = False) -> Settings:
    """The configuration; ``offline`` for commands that only use the database (no Matrix
    password or homeserver needed)."""
    try:
        return load_settings(args.config, offline=offline)
    except ConfigError as error:
        print("Die Konfiguration ist ungültig / the configuration is invalid:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        raise SystemExit(2) from None


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


def cmd_check_config(args: argparse.Namespace) -> int:
    settings = _settings(args)
    print(
        f"OK: {len(settings.partners)} Partner, {len(settings.coordinators)} Koordination, "
        f"{len(settings.matrix.rooms)} Raum/Räume, Speicher {settings.storage.backend}, "
        f"Sprache {settings.language}, Zeitzone {settings.timezone}"
    )
    for partner in settings.partners:
        print(f"  {partner.id}: {partner.name} – {len(partner.members)} Mitglied(er)")
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
    from commands.core.catalogue import Catalogue
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


#: ``koopbot verify-log`` exit codes.
VERIFY_OK, VERIFY_BROKEN, VERIFY_USAGE, VERIFY_ANCHOR = 0, 1, 2, 3


def cmd_verify_log(args: argparse.Namespace) -> int:
    from bot.decision_log import anchor_problem, describe, describe_anchor, verify_log
    from commands.core.catalogue import Catalogue
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
    return asyncio.run(run_demo(scenario=args.scenario, base_dir=args.dir, language=args.language))


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="koopbot", description="Matrix-Bot der Kooperation Stadt · Agentur · Jobcenter"
    )
    main.add_argument("--version", action="version", version=f"koopbot {__version__}")
    main.add_argument("--log-level", default=os.environ.get("KOOPBOT_LOG_LEVEL", "INFO"))
    sub = main.add_subparsers(dest="command", required=True)

    def with_config(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--config", type=Path, default=None, help="TOML file (default: $KOOPBOT_CONFIG)"
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
    demo.set_defaults(func=cmd_demo)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    configure_logging(args.log_level)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
