"""The minutes of a Sitzung: ``!anwesend`` / ``!present``, ``!anwesenheit`` / ``!attendance``
and ``!protokoll`` / ``!minutes``.

``commands`` holds the command table, ``sitting`` which meeting date a command means,
``attendance`` the attendance handlers, ``content`` what the minutes hold (gathered from
the decision log, the agenda, the notices and the attendance), ``document`` the minutes as
a written document, ``handlers`` ``!protokoll``, ``texts`` the de + en texts.
"""
