"""The meeting commands: ``!termin`` / ``!meeting``, ``!termine`` / ``!meetings`` and
``!tagesordnung`` / ``!agenda``; the handlers are in :mod:`commands.meetings.handlers` and
:mod:`commands.meetings.changes`."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command, NoArgs
from commands.meetings.changes import cancel_meeting, move_meeting
from commands.meetings.handlers import (
    add_agenda_item,
    list_meetings,
    meeting_ics,
    new_meeting,
    show_meeting,
)
from commands.meetings.input import AgendaArgs, CancelArgs, MoveArgs, NewArgs, ShowArgs


def commands() -> list[Command[Any]]:
    names = ("termin", "meeting")
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("termine", "meetings"),
            handler=list_meetings,
            args=NoArgs,
            reads_only=True,
            role=Role.EVERYONE,
            help="meetings.help_list",
            example="!termine",
        ),
        Command(
            names=names,
            handler=show_meeting,
            reads_only=True,
            role=Role.EVERYONE,
            help="meetings.help_show",
            example="!termin 4",
            args=ShowArgs,
            positional=("id",),
        ),
        Command(
            names=names,
            sub=("neu", "new"),
            handler=new_meeting,
            role=Role.COORDINATOR,
            help="meetings.help_new",
            example='!termin neu 08.12.2026 10:00 Koordinierungsrunde ort="Rathaus, Raum 3" '
            'wiederholung="jeden zweiten Dienstag im Monat"',
            args=NewArgs,
            positional=("datum", "zeit"),
            rest="titel",
            options={
                "place": "ort",
                "duration": "dauer",
                "repeat": "wiederholung",
                "rrule": "wiederholung",
            },
        ),
        Command(
            names=names,
            sub=("absagen", "cancel"),
            handler=cancel_meeting,
            role=Role.COORDINATOR,
            help="meetings.help_cancel",
            example="!termin absagen 4 am=12.01.2027",
            args=CancelArgs,
            positional=("id",),
            rest="serie",
            options={"on": "am"},
        ),
        Command(
            names=names,
            sub=("verschieben", "move"),
            handler=move_meeting,
            role=Role.COORDINATOR,
            help="meetings.help_move",
            example="!termin verschieben 4 15.12.2026 14:00",
            args=MoveArgs,
            positional=("id", "datum", "zeit"),
            rest="serie",
            options={"on": "am"},
        ),
        Command(
            names=names,
            sub=("ics",),
            handler=meeting_ics,
            role=Role.EVERYONE,
            help="meetings.help_ics",
            example="!termin ics 4",
            args=ShowArgs,
            positional=("id",),
        ),
        Command(
            names=("tagesordnung", "agenda"),
            handler=add_agenda_item,
            role=Role.PARTICIPANT,
            help="meetings.help_agenda",
            example="!tagesordnung 4 Fachkräftebedarf Logistik",
            args=AgendaArgs,
            positional=("id",),
            rest="punkt",
            options={"on": "am"},
        ),
    )
    return list(table)
