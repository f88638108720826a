"""Run the Alembic migrations from inside the package (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from core.db import get_engine
from core.settings import Settings, get_settings

MIGRATIONS = Path(__file__).with_name("migrations")


class MigrationError(RuntimeError):
    """A migration left the database inconsistent; it was rolled back."""


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(settings: Settings | None = None, revision: str = "head") -> None:
    """Bring the database to the newest schema (or to `revision`); safe to call on every start."""
    s = settings or get_settings()
    engine = get_engine(s)
    cfg = alembic_config(s.resolved_database_url)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # Batch migrations rebuild a table (copy, drop, rename). With foreign keys on, SQLite's
            # DROP TABLE deletes the rows first and cascades into every child table, so they are off
            # for the migration (a PRAGMA only works outside a transaction) and checked before commit.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, revision)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(
                            f"migration would break {len(broken)} foreign keys: {broken[:5]}"
                        )
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
