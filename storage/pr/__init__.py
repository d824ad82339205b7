"""Press releases: ``releases`` (drafts, versions, the audit) and ``reminders`` (claimed
deadline reminders)."""
