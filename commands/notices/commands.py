"""The notice commands: ``!info`` / ``!notice``, ``!infos`` / ``!notices`` and
``!export infos`` / ``!export notices``."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command, Variant
from commands.export import commands as export
from commands.notices.exporting import export_notices
from commands.notices.handlers import InfoArgs, ListArgs, info, list_notices, shows


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("info", "notice"),
            handler=info,
            role=Role.MEMBER,
            variants=(
                Variant(
                    form="<nr>",
                    when=shows,
                    role=Role.EVERYONE,
                    help="notices.show_help",
                    example="!info 12",
                ),
            ),
            help="notices.help",
            example="!info Neuansiedlung Logistikzentrum, ca. 200 Stellen ab Q3 "
            "thema=Ansiedlung betrifft=H",
            args=InfoArgs,
            rest="text",
            options={"topic": "thema", "concerns": "betrifft"},
        ),
        Command(
            names=("infos", "notices"),
            handler=list_notices,
            reads_only=True,
            role=Role.EVERYONE,
            help="notices.list_help",
            example="!infos Logistik",
            args=ListArgs,
            rest="suchbegriff",
            options={"page": "seite"},
        ),
        Command(
            names=export.NAMES,
            sub=("infos", "notices"),
            handler=export_notices,
            role=Role.COORDINATOR,
            help="notices.export.help",
            example="!export infos csv von=01.01.2026",
            args=export.TableExportArgs,
            positional=("format",),
            options=export.PERIOD_OPTIONS,
        ),
    )
    return list(table)
