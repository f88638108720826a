"""Shared fixtures: every database test runs on SQLite and, when
SIGNALSTACK_TEST_DATABASE_URL is set, on PostgreSQL too (never skipped then)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from signalstack.db import engine_for
from signalstack.settings import Settings

PG_URL = os.environ.get("SIGNALSTACK_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _reset_postgres(url: str) -> None:
    # Dispose pooled connections first so DROP SCHEMA is not blocked by an idle one.
    engine_for(url).dispose()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def settings(request, tmp_path, monkeypatch) -> Settings:
    """Settings for an empty, migrated database on one backend; also exported to the environment
    so that CLI commands run in-process or as subprocesses see the same database."""
    from signalstack.migrate import upgrade

    monkeypatch.setenv("SIGNALSTACK_DATA_DIR", str(tmp_path / "data"))
    if request.param == "postgresql":
        _reset_postgres(PG_URL)
        monkeypatch.setenv("SIGNALSTACK_DATABASE_URL", PG_URL)
    else:
        monkeypatch.delenv("SIGNALSTACK_DATABASE_URL", raising=False)
    s = Settings()
    upgrade(s)
    return s


@pytest.fixture
def session(settings):
    from signalstack.db import session_scope

    with session_scope(settings) as s:
        yield s
