"""`signalstack backup` / `restore`: a consistent copy of the whole database, taken while others work.

SQLite uses its online backup API, which copies a consistent snapshot even in WAL mode with
writers active. PostgreSQL uses ``pg_dump -Fc`` (one snapshot) and ``pg_restore`` in a single
transaction. A backup is written to a temporary name and renamed only when complete, so a
file named like a backup is never a torn one. A restore refuses a database that holds data
unless forced, brings the schema up to date, and checks the audit chain before it reports success.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, make_url, text

from core.audit import ChainReport, verify_chain
from core.db import get_engine, session_scope
from core.settings import Settings

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    pass


def _dialect(settings: Settings) -> str:
    return make_url(settings.resolved_database_url).get_backend_name()


def _sqlite_path(settings: Settings) -> str:
    return make_url(settings.resolved_database_url).database or ""


def _libpq(settings: Settings) -> tuple[str, dict[str, str]]:
    """A libpq URL without the password (which goes in PGPASSWORD, so `ps` never shows it)."""
    url = make_url(settings.resolved_database_url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(cmd: list[str], env: dict[str, str]) -> None:
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{cmd[0]} not found; install the PostgreSQL client tools") from None
    if done.returncode != 0:
        raise BackupError(f"{cmd[0]} failed: {done.stderr.strip()[-800:]}")


def backup(settings: Settings, out: Path) -> str:
    """Write the configured database to `out` (which must not exist); returns a short description."""
    out = Path(out)
    if out.exists():
        raise BackupError(f"{out} already exists; choose a new file name")
    if not out.parent.is_dir():
        raise BackupError(f"folder {out.parent} does not exist")
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    dialect = _dialect(settings)
    try:
        if dialect == "sqlite":
            path = _sqlite_path(settings)
            if not path or not Path(path).is_file():
                raise BackupError(f"no SQLite database at {path or '(memory)'}")
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            target = sqlite3.connect(partial)
            try:
                with target:
                    source.backup(target)
            finally:
                target.close()
                source.close()
        elif dialect == "postgresql":
            url, env = _libpq(settings)
            _run(["pg_dump", "--format=custom", f"--file={partial}", f"--dbname={url}"], env)
        else:
            raise BackupError(f"backup of {dialect} databases is not supported")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return f"{dialect}, {out.stat().st_size} bytes"


def rows_held(settings: Settings) -> int:
    """Rows in the database's own tables (the schema version table does not count)."""
    engine = get_engine(settings)
    with engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        # Table names come from the database itself, not from input.
        return sum(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0 for t in tables)  # noqa: S608


def _backup_kind(source: Path) -> str:
    with source.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{source} is not a signalstack backup (neither SQLite nor pg_dump custom format)")


def _check_sqlite_backup(source: Path) -> None:
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        has_schema = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{source} is not a readable SQLite database: {exc}") from None
    finally:
        conn.close()
    if ok != "ok":
        raise BackupError(f"{source} fails SQLite's integrity check: {ok}")
    if not has_schema:
        raise BackupError(f"{source} is a SQLite file but not a signalstack database")


def restore(settings: Settings, source: Path, force: bool = False) -> ChainReport:
    """Replace the configured database's content by the backup's; returns the verified audit chain."""
    from core.migrate import upgrade

    source = Path(source)
    if not source.is_file():
        raise BackupError(f"no backup file at {source}")
    kind, dialect = _backup_kind(source), _dialect(settings)
    if kind != dialect:
        raise BackupError(f"{source} is a {kind} backup; the configured database is {dialect}")
    held = rows_held(settings) if dialect == "postgresql" or Path(_sqlite_path(settings)).is_file() else 0
    if held and not force:
        raise BackupError(f"the database already holds {held} rows; restore with --force to overwrite it")
    engine = get_engine(settings)
    if dialect == "sqlite":
        _check_sqlite_backup(source)
        engine.dispose()  # no pooled connection may hold the old pages
        path = _sqlite_path(settings)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(path, timeout=int(settings.sqlite_busy_timeout_ms) / 1000)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
            src.close()
    else:
        engine.dispose()
        url, env = _libpq(settings)
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={url}", str(source)], env)
    engine.dispose()
    upgrade(settings)
    with session_scope(settings) as s:
        report = verify_chain(s)
    if not report.ok:
        raise BackupError(f"restored, but the audit chain is broken at entry {report.first_bad_id}: "
                          f"{report.problem}")
    return report
