"""The ``!bericht`` / ``!report`` command table."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command
from commands.export.commands import PERIOD_OPTIONS
from commands.report.handlers import ReportArgs, make_report


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("bericht", "report"),
            handler=make_report,
            role=Role.COORDINATOR,
            help="report.help",
            example="!bericht pdf von=01.01.2026",
            args=ReportArgs,
            positional=("format",),
            options=PERIOD_OPTIONS,
        ),
    )
    return list(table)
