"""The shared core every feature builds on.

``router`` (the pure parser and ``Command`` declarations), ``context`` (what a handler gets and
returns, ``DueSource``), ``markup`` (one document as plain text and HTML), ``args`` (shared
argument types), ``errors``, ``roles``, ``catalogue`` and ``dates`` (the de + en message
catalogue and date formatting; ``catalogue.TEXT_MODULES`` lists every feature's text table),
``texts`` (the core's own texts), ``dates_input`` (parsing dates, times and durations) and
``privacy`` (the client-data guard the dispatcher applies to every message).
Nothing here imports a feature, except the catalogue's list of text tables.
"""
