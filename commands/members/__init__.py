"""Members: ``!mitglieder`` / ``!members`` and ``!mitglied`` / ``!member``; ``roster`` keeps
the current membership (database, seeded once from the configuration) in memory."""
