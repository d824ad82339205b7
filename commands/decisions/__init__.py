"""Decisions: ``!beschluss`` / ``!decision``, the tamper-evident decision log.

Partner members and coordinators record decisions; coordinators amend, revoke and
complete them, each by appending an entry (nothing is changed in place); each partner
consents or objects for its own organisation (``consenting``, ✅ reactions in
``reactions``), also by appending entries; everybody may read. ``!export beschlüsse``
uploads the Beschlussprotokoll. ``commands`` holds the command table; the bot wires in
:func:`~commands.decisions.reminder.overdue_part` as a part of the meeting reminder, the
reaction hook and :class:`~commands.decisions.consent_reminders.ConsentReminders`.
"""
