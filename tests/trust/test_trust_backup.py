"""Backup while others write, restore into an empty database, refuse to overwrite data unless forced."""

from __future__ import annotations

import os
import threading
import uuid

import pytest
from sqlalchemy import create_engine, func, make_url, select, text
from test_trust_world import make_ad, make_site, make_users
from typer.testing import CliRunner

from core import audit
from core.backup import BackupError, backup, restore, rows_held
from core.db import engine_for, get_engine, session_scope
from core.pg_guards import audit_guards_installed, drop_audit_guards
from core.schema import Ad, AuditEntry, utcnow
from core.settings import Settings
from signalstack.cli import build_app

app = build_app()
runner = CliRunner()


def _fill(settings, ads=5):
    with session_scope(settings) as s:
        make_users(s)
        site, job = make_site(s)
        for n in range(ads):
            make_ad(s, site, job, f"ad{n}", utcnow(), age=18 + n)
            audit.record(s, "anna", "ad.view", "ad", n)


def _snapshot(settings):
    with session_scope(settings) as s:
        return (s.execute(select(func.count(Ad.id))).scalar(),
                list(s.execute(select(AuditEntry.hash).order_by(AuditEntry.id)).scalars()))


@pytest.fixture
def other_database(settings, tmp_path, monkeypatch):
    """A second, empty database on the same backend (the environment is not changed); yields its Settings."""
    if get_engine(settings).dialect.name == "sqlite":
        yield Settings(overrides={"data_dir": str(tmp_path / "elsewhere")})
        return
    admin_url = make_url(os.environ["SIGNALSTACK_TEST_DATABASE_URL"])
    name = f"signalstack_restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    yield Settings(overrides={"database_url": url})
    engine_for(url).dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_backup_while_writing_then_restore_elsewhere(settings, tmp_path, other_database):
    _fill(settings)
    stop = threading.Event()
    written = []

    def writer():
        while not stop.is_set():
            with session_scope(settings) as s:
                written.append(audit.record(s, "writer", "ad.view", "ad", len(written)).id)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            stop.wait(0.01)
        out = tmp_path / "during-writes.bak"
        backup(settings, out)
        seen = len(written)
        while len(written) < seen + 5:  # the writer kept going after the copy
            stop.wait(0.01)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert not list(tmp_path.glob(".*partial"))
    report = restore(other_database, out)
    assert report.ok and report.entries >= 5 + 5
    ads, hashes = _snapshot(other_database)
    source_ads, source_hashes = _snapshot(settings)
    assert ads == source_ads == 5
    # A consistent snapshot: a prefix of the live chain, with every entry it names.
    assert hashes == source_hashes[:len(hashes)] and len(hashes) < len(source_hashes)
    with get_engine(other_database).connect() as conn:
        assert audit_guards_installed(conn)


def test_restore_refuses_data_unless_forced(settings, tmp_path):
    _fill(settings, ads=2)
    out = tmp_path / "two.bak"
    result = runner.invoke(app, ["db", "backup", str(out)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["db", "backup", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output
    before = _snapshot(settings)
    refused = runner.invoke(app, ["db", "restore", str(out)])
    assert refused.exit_code == 2 and "--force" in refused.output
    with session_scope(settings) as s:  # work done after the backup
        site, job = make_site(s, "later")
        make_ad(s, site, job, "later", utcnow())
        audit.record(s, "anna", "ad.view", "ad", 99)
    assert _snapshot(settings) != before
    forced = runner.invoke(app, ["db", "restore", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "audit chain intact" in forced.output
    assert _snapshot(settings) == before  # the later work is gone, the chain is as backed up


def test_restore_rejects_foreign_and_broken_files(settings, tmp_path):
    junk = tmp_path / "junk.bak"
    junk.write_bytes(b"not a backup at all")
    result = runner.invoke(app, ["db", "restore", str(junk)])
    assert result.exit_code == 2 and "not a signalstack backup" in result.output
    missing = runner.invoke(app, ["db", "restore", str(tmp_path / "nope.bak")])
    assert missing.exit_code == 2 and "no backup file" in missing.output
    other = tmp_path / "other-kind.bak"
    other.write_bytes(b"PGDMP" if get_engine(settings).dialect.name == "sqlite" else b"SQLite format 3\x00")
    wrong = runner.invoke(app, ["db", "restore", str(other)])
    assert wrong.exit_code == 2 and "backup; the configured database is" in wrong.output


def test_restore_reports_a_backup_with_a_broken_chain(settings, tmp_path, other_database):
    _fill(settings, ads=2)
    with get_engine(settings).begin() as conn:
        drop_audit_guards(conn)
        conn.execute(text("UPDATE audit_log SET actor='mallory' WHERE action='ad.view'"))
    out = tmp_path / "tampered.bak"
    backup(settings, out)
    with pytest.raises(BackupError, match="audit chain is broken"):
        restore(other_database, out)
    assert rows_held(other_database) > 0  # restored, but the operator is told it cannot be trusted
