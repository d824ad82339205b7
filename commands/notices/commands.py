"""The notice commands: ``!info`` / ``!notice`` and ``!infos`` / ``!notices``."""

from __future__ import annotations

from commands.core.roles import Role
from commands.core.router import Command
from commands.notices.handlers import InfoArgs, ListArgs, info, list_notices


def commands() -> list[Command]:
    return [
        Command(
            names=("info", "notice"),
            handler=info,
            role=Role.EVERYONE,
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
        ),
    ]
