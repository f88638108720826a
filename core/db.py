"""Database engine and sessions.

SQLite is the embedded default: WAL so readers (the workbench) never block the
crawler, foreign keys on (SQLite leaves them off), and a busy timeout so two
writers queue instead of failing. Any SQLAlchemy URL works through
``SIGNALSTACK_DATABASE_URL``; PostgreSQL is the shared-store choice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from core import audit
from core.settings import Settings, get_settings

log = logging.getLogger(__name__)


def _make_engine(url: str, busy_timeout_ms: int) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        # pysqlite opens transactions lazily and only for DML; take the write lock
        # at BEGIN so a read-then-write transaction cannot fail half-way.
        @event.listens_for(engine, "connect")
        def _no_pysqlite_tx(dbapi_conn, _record):
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


@lru_cache(maxsize=8)
def engine_for(url: str, busy_timeout_ms: int = 30000) -> Engine:
    return _make_engine(url, busy_timeout_ms)


def get_engine(settings: Settings | None = None) -> Engine:
    s = settings or get_settings()
    return engine_for(s.resolved_database_url, int(s.sqlite_busy_timeout_ms))


def session_factory(settings: Settings | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(settings), expire_on_commit=False)


@contextmanager
def session_scope(settings: Settings | None = None) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error.

    A transaction that appended audit entries leaves a signed checkpoint of the chain head
    outside the database once it has committed (``core.checkpoints``). Doing it here rather than
    in a CLI callback covers every writer (commands, the workbench, Celery tasks) and also a
    command that fails after its commit, and never checkpoints entries that were rolled back.
    """
    session = session_factory(settings)()
    try:
        yield session
        session.commit()
        if session.info.pop(audit.WROTE, False):
            _checkpoint_after_commit(session, settings or get_settings())
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _checkpoint_after_commit(session: Session, settings: Settings) -> None:
    """Best effort: the act is committed already, so a failing checkpoint must not undo or hide it;
    the next checkpoint covers these entries too, and `audit verify` shows how old the newest is."""
    from core.checkpoints import write_checkpoint

    try:
        write_checkpoint(session, settings, reason="commit")
        session.commit()
    except Exception as exc:  # logged loudly, see docstring
        session.rollback()
        log.warning("audit checkpoint not written: %s", exc)
