"""Storage: SQLAlchemy models, repository functions and Alembic migrations.

Imports nothing from ``bot`` or ``commands``.
"""
