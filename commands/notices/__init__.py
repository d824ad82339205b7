"""Notices: ``!info`` / ``!notice`` and ``!infos`` / ``!notices``.

``commands`` holds the command table, ``handlers`` the handlers and the meeting-reminder part
:func:`~commands.notices.handlers.notices_part`, ``texts`` the de + en texts.
"""
