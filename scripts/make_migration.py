"""Write a new Alembic migration from the difference between the models and the last revision.

Usage: python scripts/make_migration.py "add meetings"
Review the generated file by hand; it must run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.migrate import alembic_config


def main() -> None:
    message = " ".join(sys.argv[1:]) or "schema change"
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{folder}/scratch.db")
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            versions = Path(config.get_main_option("script_location") or "") / "versions"
            number = len(list(versions.glob("[0-9][0-9][0-9][0-9]_*.py"))) + 1
            command.revision(config, message=message, autogenerate=True, rev_id=f"{number:04d}")


if __name__ == "__main__":
    main()
