"""Help: ``!hilfe`` / ``!help``, generated from the command declarations."""
