"""Press releases: ``!pm`` / ``!pr``, approved by every partner, version by version.

``commands`` holds the command table. The bot wires in
:class:`~commands.pr.reactions.PressReactions` as an event hook (✅/👍 on a draft message) and
:class:`~commands.pr.reminders.PressReminders` as a due source (deadline reminders).
"""
