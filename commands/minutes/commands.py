"""The ``!anwesend`` / ``!present``, ``!anwesenheit`` / ``!attendance`` and ``!protokoll`` /
``!minutes`` command table."""

from __future__ import annotations

from typing import Any

from commands.core.roles import Role
from commands.core.router import Command
from commands.minutes.attendance import (
    AttendanceArgs,
    PresentArgs,
    mark_present,
    record_attendance,
)
from commands.minutes.handlers import MinutesArgs, make_minutes

ON = {"on": "am"}


def commands() -> list[Command[Any]]:
    # A tuple, not a list literal: each Command infers its own argument type from
    # handler and args (the return type would make it Command[Any], unchecked).
    table = (
        Command(
            names=("anwesend", "present"),
            handler=mark_present,
            role=Role.MEMBER,
            help="minutes.help.present",
            example="!anwesend 5",
            args=PresentArgs,
            positional=("id",),
            options=ON,
        ),
        Command(
            names=("anwesenheit", "attendance"),
            handler=record_attendance,
            role=Role.COORDINATOR,
            help="minutes.help.attendance",
            example="!anwesenheit 5 stadt agentur jobcenter",
            args=AttendanceArgs,
            positional=("id",),
            rest="partner",
            options=ON,
        ),
        Command(
            names=("protokoll", "minutes"),
            handler=make_minutes,
            role=Role.PARTICIPANT,
            help="minutes.help.minutes",
            example="!protokoll 5 pdf",
            args=MinutesArgs,
            positional=("id", "format"),
            options=ON,
        ),
    )
    return list(table)
