"""The ``!pm`` / ``!pr`` command table; the handlers are in ``approval``, ``drafting`` and ``viewing``."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command
from commands.pr.approval import (
    ApproveArgs,
    IdArgs,
    RejectArgs,
    approve_command,
    reject_command,
    withdraw_command,
)
from commands.pr.drafting import DraftArgs, ReviseArgs, create_draft, revise_draft
from commands.pr.viewing import (
    ExportArgs,
    HistoryArgs,
    SearchArgs,
    ShowArgs,
    export_release,
    search_releases,
    show_history,
    show_or_list,
)

NAMES = ("pm", "pr")


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=NAMES,
            handler=show_or_list,
            reads_only=True,
            role=Role.EVERYONE,
            help="pm.help.show",
            example="!pm 3",
            args=ShowArgs,
            rest="id",  # so that a mistyped subcommand gets its own explanation
        ),
        Command(
            names=NAMES,
            sub=("entwurf", "draft"),
            handler=create_draft,
            role=Role.PARTICIPANT,
            help="pm.help.draft",
            example="!pm entwurf Gemeinsam für Fachkräfte in der Logistik frist=08.12.2026\n"
            "Stadt, Agentur und Jobcenter starten eine **Qualifizierungsoffensive** …",
            args=DraftArgs,
            rest="titel",
            options={"deadline": "frist"},
        ),
        Command(
            names=NAMES,
            sub=("überarbeiten", "revise"),
            handler=revise_draft,
            role=Role.PARTICIPANT,
            help="pm.help.revise",
            example="!pm überarbeiten 3\nStadt, Agentur und Jobcenter starten gemeinsam …",
            args=ReviseArgs,
            positional=("id",),
            rest="text",
            options={"title": "titel"},
        ),
        Command(
            names=NAMES,
            sub=("freigeben", "approve"),
            handler=approve_command,
            role=Role.MEMBER,
            help="pm.help.approve",
            example="!pm freigeben 3",
            args=ApproveArgs,
            positional=("id",),
        ),
        Command(
            names=NAMES,
            sub=("ablehnen", "reject"),
            handler=reject_command,
            role=Role.MEMBER,
            help="pm.help.reject",
            example="!pm ablehnen 3 Bitte die Zahlen zur Teilnahme prüfen",
            args=RejectArgs,
            positional=("id",),
            rest="grund",
        ),
        Command(
            names=NAMES,
            sub=("zurückziehen", "withdraw"),
            handler=withdraw_command,
            role=Role.MEMBER,
            help="pm.help.withdraw",
            example="!pm zurückziehen 3",
            args=IdArgs,
            positional=("id",),
        ),
        Command(
            names=NAMES,
            sub=("verlauf", "history"),
            handler=show_history,
            reads_only=True,
            role=Role.PARTICIPANT,
            help="pm.help.history",
            example="!pm verlauf 3",
            args=HistoryArgs,
            positional=("id",),
        ),
        Command(
            names=NAMES,
            sub=("suche", "search", "suchen"),
            handler=search_releases,
            reads_only=True,
            role=Role.EVERYONE,
            help="pm.help.search",
            example="!pm suche Logistik",
            args=SearchArgs,
            rest="suchbegriff",
            options={"page": "seite"},
        ),
        Command(
            names=NAMES,
            sub=("export",),
            handler=export_release,
            role=Role.PARTICIPANT,
            help="pm.help.export",
            example="!pm export 3 txt",
            args=ExportArgs,
            positional=("id", "format"),
        ),
    )
    return list(table)
