"""The decision log: ``models`` (entries and the chain head, listing queries), ``chain``
(hashes, appending under a lock, verification), ``stream`` (chunked reading for exports)."""
