"""The report to the city council (Sachstandsbericht): ``!bericht`` / ``!report`` and
``koopbot report``.

``commands`` holds the command table, ``content`` what the report holds (gathered from
meetings, attendance, decisions, sector rounds, notices and press releases), ``document``
the report as a written document with the sector pictures, ``data`` the CSV behind it,
``handlers`` ``!bericht``, ``texts`` the de + en texts.
"""
