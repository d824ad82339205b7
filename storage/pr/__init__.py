"""Press releases: ``releases`` (drafts, versions, the audit); their deadline reminders are
claimed in :mod:`storage.deliveries` (source "press")."""
