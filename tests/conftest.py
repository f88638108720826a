"""Shared fixtures: every database test runs on SQLite and, when
SIGNALSTACK_TEST_DATABASE_URL is set, on PostgreSQL too (never skipped then)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, make_url, text

from core.db import engine_for
from core.settings import Settings

BASE_PG_URL = os.environ.get("SIGNALSTACK_TEST_DATABASE_URL", "")
# Writing commands act as a named account (core.commandline.acting_user); tests that check the
# refusal unset it themselves. Subprocesses inherit it.
os.environ.setdefault("SIGNALSTACK_USER", "test-runner")
BACKENDS = ["sqlite"] + (["postgresql"] if BASE_PG_URL else [])


@pytest.fixture(scope="session")
def pg_url():
    """A database of this test run's own on the given server, so parallel runs never collide."""
    url = make_url(BASE_PG_URL)
    name = f"signalstack_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    own = url.set(database=name).render_as_string(hide_password=False)
    yield own
    engine_for(own).dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres(url: str) -> None:
    # Dispose pooled connections first so DROP SCHEMA is not blocked by an idle one.
    engine_for(url).dispose()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def unmigrated_settings(request, tmp_path, monkeypatch) -> Settings:
    """Settings for an empty database without any tables on one backend (for migration tests)."""
    monkeypatch.setenv("SIGNALSTACK_DATA_DIR", str(tmp_path / "data"))
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        _reset_postgres(url)
        monkeypatch.setenv("SIGNALSTACK_DATABASE_URL", url)
    else:
        monkeypatch.delenv("SIGNALSTACK_DATABASE_URL", raising=False)
    return Settings()


@pytest.fixture
def settings(unmigrated_settings) -> Settings:
    """Settings for an empty, migrated database on one backend; also exported to the environment
    so that CLI commands run in-process or as subprocesses see the same database."""
    from core.migrate import upgrade

    upgrade(unmigrated_settings)
    return unmigrated_settings


@pytest.fixture
def session(settings):
    from core.db import session_scope

    with session_scope(settings) as s:
        yield s
