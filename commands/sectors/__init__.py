"""Sectors: ``!branche`` / ``!sector``, ``!branchen`` / ``!sectors``, ``!runde`` / ``!round``.

Partner members report assessments of WZ 2008 sections for their own partner;
coordinators open and close input rounds and export; everyone reads. ``commands`` holds the
command table; the bot wires in :class:`~commands.sectors.reminders.RoundReminders` (timed) and
:func:`~commands.sectors.rounds.round_part` (meeting reminder).
"""
