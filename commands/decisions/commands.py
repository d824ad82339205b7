"""The ``!beschluss`` / ``!decision`` command table, and ``!export beschlüsse``."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command, Variant
from commands.decisions.consenting import (
    ConsentArgs,
    ObjectArgs,
    consent_command,
    object_command,
)
from commands.decisions.drafting import (
    RECORD_OPTIONS,
    AmendArgs,
    DoneArgs,
    ListArgs,
    RecordArgs,
    RevokeArgs,
)
from commands.decisions.exporting import export_decisions
from commands.decisions.recording import amend_decision, complete_decision, revoke_decision
from commands.decisions.viewing import decision_command, list_decisions, reads
from commands.export import commands as export

NAMES = ("beschluss", "decision")


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=NAMES,
            handler=decision_command,
            role=Role.PARTICIPANT,
            variants=(
                Variant(
                    form="[nr]",
                    when=reads,
                    role=Role.EVERYONE,
                    help="decisions.help.show",
                    example="!beschluss 7",
                ),
            ),
            help="decisions.help.record",
            example="!beschluss Gemeinsame Qualifizierungsoffensive Logistik "
            "verantwortlich=@b.krueger:example.org frist=31.03.2027",
            args=RecordArgs,
            rest="text",
            options=RECORD_OPTIONS,
        ),
        Command(
            names=NAMES,
            sub=("ändern", "amend"),
            handler=amend_decision,
            role=Role.COORDINATOR,
            help="decisions.help.amend",
            example="!beschluss ändern 7 Qualifizierungsoffensive Logistik und Lagerwirtschaft "
            "frist=30.06.2027",
            args=AmendArgs,
            positional=("id",),
            rest="text",
            options=RECORD_OPTIONS,
        ),
        Command(
            names=NAMES,
            sub=("aufheben", "revoke"),
            handler=revoke_decision,
            role=Role.COORDINATOR,
            help="decisions.help.revoke",
            example="!beschluss aufheben 7 Förderprogramm eingestellt",
            args=RevokeArgs,
            positional=("id",),
            rest="grund",
        ),
        Command(
            names=NAMES,
            sub=("erledigt", "done"),
            handler=complete_decision,
            role=Role.COORDINATOR,
            help="decisions.help.done",
            example="!beschluss erledigt 7 Auftaktveranstaltung am 15.01. durchgeführt",
            args=DoneArgs,
            positional=("id",),
            rest="vermerk",
        ),
        Command(
            names=NAMES,
            sub=("zustimmen", "approve"),
            handler=consent_command,
            role=Role.MEMBER,
            help="decisions.help.consent",
            example="!beschluss zustimmen 7",
            args=ConsentArgs,
            positional=("id",),
        ),
        Command(
            names=NAMES,
            sub=("widersprechen", "object"),
            handler=object_command,
            role=Role.MEMBER,
            help="decisions.help.object",
            example="!beschluss widersprechen 7 Finanzierung im Haushalt 2027 noch offen",
            args=ObjectArgs,
            positional=("id",),
            rest="grund",
        ),
        Command(
            names=("beschlüsse", "decisions"),
            handler=list_decisions,
            reads_only=True,
            role=Role.EVERYONE,
            help="decisions.help.list",
            example="!beschlüsse logistik",
            args=ListArgs,
            rest="suchbegriff",
            options={"page": "seite"},
        ),
        Command(
            names=export.NAMES,
            sub=("beschlüsse", "decisions"),
            handler=export_decisions,
            role=Role.COORDINATOR,
            help="decisions.help.export",
            example="!export beschlüsse csv von=01.01.2026",
            args=export.ExportArgs,
            positional=("format",),
            options=export.PERIOD_OPTIONS,
        ),
    )
    return list(table)
