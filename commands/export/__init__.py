"""``!export`` / ``!export``: a command family whose first word chooses what to export.

The mechanics are shared: a feature describes its export as a
:class:`~commands.export.sheet.Sheet`, and every format (CSV, Markdown, JSON, PDF)
writes any sheet, streamed. To add an export (e.g. ``!export branchen``):

1. build a ``Sheet`` (``sheet.py``) from storage (see ``commands/decisions/protocol.py``);
2. declare ``Command(names=NAMES, sub=("branchen", "sectors"), handler=…,
   role=Role.COORDINATOR, args=ExportArgs, positional=("format",),
   options=PERIOD_OPTIONS)`` in the feature's ``commands()`` (``NAMES``, ``ExportArgs``
   and ``PERIOD_OPTIONS`` are in ``commands/export/commands.py``);
3. in the handler: ``fmt = choose_format(args.format)``, ``start, end = period(args.von,
   args.bis, today)``, then ``Reply(doc, attachment=await attachment(sheet, fmt, ctx.settings))``
   (``formats.py``, ``period.py``, ``commands.py``).

The plain ``!export`` lists every export declared this way, so it needs no change.
"""
