"""Status: ``!status``."""
