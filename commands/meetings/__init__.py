"""Meetings: ``!termin`` / ``!meeting``, ``!termine`` / ``!meetings``, ``!tagesordnung`` / ``!agenda``.

``commands`` holds the command table, ``input`` the argument models and their checks,
``handlers`` and ``changes`` the handlers, ``views`` what a meeting looks like, ``schedule`` and
``recurrence`` the series on the local wall clock, ``due`` which reminders are due,
``reminders`` the timed source :class:`~commands.meetings.reminders.MeetingReminders` (and the
reminder parts other features add), ``ics`` the calendar file, ``public_holidays`` the
holiday names, ``texts`` the de + en texts.
"""
