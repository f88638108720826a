"""The database refuses edits of the audit log; a DBA who drops the guard is still caught by the chain."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from core import audit
from core.db import get_engine, session_scope
from core.pg_guards import audit_guards_installed, drop_audit_guards
from core.schema import AuditEntry
from signalstack.cli import build_app

app = build_app()
runner = CliRunner()


def _chain(settings, n=5):
    with session_scope(settings) as s:
        for i in range(n):
            audit.record(s, "anna", "ad.view", "ad", i, page="triage")


def _ids(settings):
    with session_scope(settings) as s:
        return list(s.execute(text("SELECT id FROM audit_log ORDER BY id")).scalars())


@pytest.mark.parametrize("statement", [
    update(AuditEntry).where(AuditEntry.object_id == "2").values(actor="mallory"),
    delete(AuditEntry).where(AuditEntry.object_id == "2"),
    delete(AuditEntry),
])
def test_update_and_delete_are_refused(settings, statement):
    _chain(settings)
    with pytest.raises(DBAPIError, match="append-only"), session_scope(settings) as s:
        s.execute(statement)
    with session_scope(settings) as s:
        assert s.execute(text("SELECT count(*) FROM audit_log WHERE actor='anna'")).scalar() == 5
        assert audit.verify_chain(s).ok


def test_orm_edit_is_refused(settings):
    _chain(settings)
    with pytest.raises(DBAPIError, match="append-only"), session_scope(settings) as s:
        s.get(AuditEntry, _ids(settings)[1]).actor = "mallory"
    with pytest.raises(DBAPIError, match="append-only"), session_scope(settings) as s:
        s.delete(s.get(AuditEntry, _ids(settings)[1]))
    with session_scope(settings) as s:
        assert audit.verify_chain(s).ok and audit.verify_chain(s).entries == 5


def test_truncate_is_refused_on_postgresql(settings):
    if get_engine(settings).dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    _chain(settings)
    with pytest.raises(DBAPIError, match="append-only"), session_scope(settings) as s:
        s.execute(text("TRUNCATE audit_log"))


def _as_dba(settings, *statements):
    """Drop the guards, tamper, and leave the guards dropped (as a hostile DBA would)."""
    with get_engine(settings).begin() as conn:
        drop_audit_guards(conn)
        assert not audit_guards_installed(conn)
        for statement in statements:
            conn.execute(text(statement))


def _verify_cli():
    return runner.invoke(app, ["audit", "verify"])


def test_verify_cli_passes_untouched_chain(settings):
    _chain(settings)
    with get_engine(settings).connect() as conn:
        assert audit_guards_installed(conn)
    result = _verify_cli()
    assert result.exit_code == 0, result.output
    assert "5 entries" in result.output


def test_dba_edit_is_detected(settings):
    _chain(settings)
    third = _ids(settings)[2]
    _as_dba(settings, f"UPDATE audit_log SET actor='mallory' WHERE id={third}")
    result = _verify_cli()
    assert result.exit_code == 1
    assert f"entry {third}" in result.output and "edited" in result.output


def test_dba_deletion_is_detected(settings):
    _chain(settings)
    ids = _ids(settings)
    _as_dba(settings, f"DELETE FROM audit_log WHERE id={ids[1]}")
    result = _verify_cli()
    assert result.exit_code == 1
    assert f"entry {ids[2]}" in result.output and "deleted or re-ordered" in result.output


def test_dba_reordering_is_detected(settings):
    """Swap two whole rows (hashes included) by moving their ids: the links no longer follow."""
    _chain(settings)
    ids = _ids(settings)
    a, b = ids[1], ids[3]
    _as_dba(settings,
            f"UPDATE audit_log SET id=-1 WHERE id={a}",
            f"UPDATE audit_log SET id={a} WHERE id={b}",
            f"UPDATE audit_log SET id={b} WHERE id=-1")
    with session_scope(settings) as s:
        assert s.execute(text("SELECT count(*) FROM audit_log")).scalar() == 5
    result = _verify_cli()
    assert result.exit_code == 1
    assert f"entry {a}" in result.output and "deleted or re-ordered" in result.output
