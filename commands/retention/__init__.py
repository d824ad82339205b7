"""Retention: the timed source that deletes expired notices and sector inputs.

It belongs to no single feature (it purges notices and sector inputs through the shared
``storage.retention``) and is no building block features use, so it is neither in a feature
nor in ``commands.core``.
"""
