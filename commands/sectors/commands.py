"""The ``!branche`` / ``!sector`` (with ``melden`` and ``suche``), ``!branchen`` /
``!sectors`` and ``!runde`` / ``!round`` command table, and ``!export branchen``."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command, NoArgs
from commands.export import commands as export
from commands.sectors.export import export_sectors
from commands.sectors.input import ReportArgs, SectorArgs
from commands.sectors.rounds import StartArgs, close_round, report, start_round
from commands.sectors.views import SearchArgs, history, overview, search

SECTOR = ("branche", "sector")
ROUND = ("runde", "round")


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=SECTOR,
            sub=("melden", "report"),
            handler=report,
            role=Role.MEMBER,
            help="sectors.help.report",
            example="!branche melden C wachsend Aufträge ziehen an bedarf=Schweißer,CNC horizont=12m",
            args=ReportArgs,
            positional=("sektor", "trend"),
            rest="text",
            options={"demand": "bedarf", "horizon": "horizont"},
        ),
        Command(
            names=SECTOR,
            sub=("suche", "search", "suchen"),
            handler=search,
            reads_only=True,
            role=Role.EVERYONE,
            help="sectors.help.search",
            example="!branche suche Schweißer",
            args=SearchArgs,
            rest="suchbegriff",
            options={"page": "seite"},
        ),
        Command(
            names=SECTOR,
            handler=history,
            reads_only=True,
            role=Role.EVERYONE,
            help="sectors.help.history",
            example="!branche Logistik",
            args=SectorArgs,
            positional=("sektor",),
        ),
        Command(
            names=("branchen", "sectors"),
            handler=overview,
            args=NoArgs,
            reads_only=True,
            role=Role.EVERYONE,
            help="sectors.help.overview",
            example="!branchen",
        ),
        Command(
            names=ROUND,
            sub=("start", "open", "starten"),
            handler=start_round,
            role=Role.COORDINATOR,
            help="sectors.help.start",
            example="!runde start 07.12.",
            args=StartArgs,
            positional=("frist",),
        ),
        Command(
            names=ROUND,
            sub=("schließen", "close"),
            handler=close_round,
            args=NoArgs,
            role=Role.COORDINATOR,
            help="sectors.help.close",
            example="!runde schließen",
        ),
        Command(
            names=export.NAMES,
            sub=("branchen", "sectors"),
            handler=export_sectors,
            role=Role.COORDINATOR,
            help="sectors.help.export",
            example="!export branchen csv",
            args=export.TableExportArgs,
            positional=("format",),
            options=export.PERIOD_OPTIONS,
        ),
    )
    return list(table)
