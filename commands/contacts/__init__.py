"""Contacts: ``!kontakte`` / ``!contacts``; ``lookup`` is what other features use."""
