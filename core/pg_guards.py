"""Database-level guards: the audit log refuses UPDATE, DELETE (and, on PostgreSQL, TRUNCATE).

The application only appends to ``audit_log``; these triggers make the database
refuse anything else, so a bug or a careless script cannot rewrite history. A DBA
who drops the triggers first can still edit rows, and then ``verify_chain`` names
the first broken entry: the triggers stop accidents, the hash chain exposes intent.
The migration ``0003`` installs them; the SQL lives here so tests and restore share it.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

REFUSAL = "audit_log is append-only"

# No percent sign anywhere in this SQL: psycopg would read it as a bind parameter.
_PG_INSTALL = (
    f"""
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION USING MESSAGE = '{REFUSAL}: ' || TG_OP || ' refused',
            ERRCODE = 'insufficient_privilege';
    END
    $$ LANGUAGE plpgsql
    """,
    "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)
_PG_DROP = (
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_no_update_delete ON audit_log",
    "DROP FUNCTION IF EXISTS audit_log_append_only()",
)
_SQLITE_INSTALL = tuple(
    f"CREATE TRIGGER IF NOT EXISTS audit_log_no_{op.lower()} BEFORE {op} ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}: {op} refused'); END"
    for op in ("UPDATE", "DELETE")
)
_SQLITE_DROP = ("DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete")


def _statements(dialect: str, install: bool) -> tuple[str, ...]:
    if dialect == "postgresql":
        return _PG_INSTALL if install else _PG_DROP
    if dialect == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_DROP
    raise ValueError(f"no audit guards for database dialect {dialect!r}")


def install_audit_guards(connection: Connection) -> None:
    for statement in _statements(connection.dialect.name, install=True):
        connection.exec_driver_sql(statement)


def drop_audit_guards(connection: Connection) -> None:
    """Remove the triggers (the DBA case; tests use it to prove the hash chain still catches edits)."""
    for statement in _statements(connection.dialect.name, install=False):
        connection.exec_driver_sql(statement)


def audit_guards_installed(connection: Connection) -> bool:
    if connection.dialect.name == "postgresql":
        sql = ("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass "
               "AND tgname IN ('audit_log_no_update_delete', 'audit_log_no_truncate')")
    else:
        sql = ("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
               "AND name IN ('audit_log_no_update', 'audit_log_no_delete')")
    return connection.exec_driver_sql(sql).scalar() == 2
