from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from core import audit
from core.db import get_engine, session_scope
from core.pg_guards import drop_audit_guards
from core.schema import AuditEntry, Base, Site
from core.settings import Settings, SettingsError
from core.users import UserError, add_user, authenticate


def test_migration_matches_orm_schema(settings):
    with get_engine(settings).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_sqlite_pragmas(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNALSTACK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("SIGNALSTACK_DATABASE_URL", raising=False)
    s = Settings()
    with get_engine(s).connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    assert (tmp_path / "signalstack.db").exists()


def test_settings_sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "signalstack.toml").write_text('flag_threshold = 0.5\ndemo_ads = 12\n')
    monkeypatch.setenv("SIGNALSTACK_DEMO_ADS", "40")
    s = Settings()
    assert s.flag_threshold == 0.5  # from TOML
    assert s.demo_ads == 40  # environment wins over TOML
    monkeypatch.setenv("SIGNALSTACK_DEMO_ADS", "many")
    with pytest.raises(SettingsError, match="demo_ads"):
        Settings()
    (tmp_path / "signalstack.toml").write_text('no_such_setting = 1\n')
    monkeypatch.delenv("SIGNALSTACK_DEMO_ADS")
    with pytest.raises(SettingsError, match="unknown"):
        Settings()


def test_session_scope_rolls_back_on_error(settings):
    with pytest.raises(RuntimeError):
        with session_scope(settings) as s:
            s.add(Site(name="x", base_url="http://x"))
            s.flush()
            raise RuntimeError("boom")
    with session_scope(settings) as s:
        assert s.query(Site).count() == 0


def test_users_and_signin(session):
    add_user(session, "anna", "correct horse", role="analyst", team="zuid")
    with pytest.raises(UserError):
        add_user(session, "anna", "another password")
    with pytest.raises(UserError):
        add_user(session, "bob", "short")
    with pytest.raises(UserError):
        add_user(session, "bob", "long enough", role="god")
    assert authenticate(session, "anna", "correct horse").team == "zuid"
    assert authenticate(session, "anna", "wrong") is None
    actions = [e.action for e in session.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions == ["user.add", "signin.ok", "signin.fail"]


def _chain(session, n=5):
    for i in range(n):
        audit.record(session, "anna", "ad.view", "ad", i, page="triage")
    session.commit()
    # The database refuses UPDATE/DELETE on the log; these tests play a DBA who drops the guards
    # first, to prove the hash chain still catches the change.
    drop_audit_guards(session.connection())
    session.commit()


def test_audit_chain_detects_edit(session):
    _chain(session)
    assert audit.verify_chain(session).ok
    session.execute(text("UPDATE audit_log SET actor='mallory' WHERE id=3"))
    report = audit.verify_chain(session)
    assert not report.ok and report.first_bad_id == 3


def test_audit_chain_detects_deletion(session):
    _chain(session)
    session.execute(text("DELETE FROM audit_log WHERE id=2"))
    report = audit.verify_chain(session)
    assert not report.ok and report.first_bad_id == 3


def test_audit_chain_detects_reordering(session):
    _chain(session)
    rows = session.execute(text("SELECT id, object_id FROM audit_log ORDER BY id")).all()
    # swap the content of entries 2 and 4 together with their hashes: the chain links break
    a = session.get(AuditEntry, 2)
    b = session.get(AuditEntry, 4)
    fields = ("at", "actor", "action", "object_type", "object_id", "detail", "prev_hash", "hash")
    va = {f: getattr(a, f) for f in fields}
    vb = {f: getattr(b, f) for f in fields}
    for f in fields:
        setattr(a, f, f"tmp-{f}" if f == "hash" else vb[f])
    session.flush()
    for f in fields:
        setattr(b, f, va[f])
    session.flush()
    a.hash = vb["hash"]
    session.flush()
    assert len(rows) == 5
    report = audit.verify_chain(session)
    assert not report.ok and report.first_bad_id == 2


def test_migration_0004_keeps_every_row_that_points_at_a_version(unmigrated_settings):
    """0004 rebuilds ad_versions on SQLite; with foreign keys on, dropping the old table would
    cascade into entities and indicator hits. Afterwards an ad may return to an earlier content."""
    from datetime import UTC, datetime

    from core.migrate import upgrade
    from core.schema import Ad, AdVersion, Entity, IndicatorHit

    s = unmigrated_settings
    upgrade(s, "0003")  # the ORM's columns are those of 0003; only the constraint differs
    now = datetime(2026, 11, 1, tzinfo=UTC)
    with session_scope(s) as session:
        site = Site(name="s", base_url="http://x")
        ad = Ad(site=site, site_ad_id="a", url="u", first_seen=now, last_seen=now)
        session.add(ad)
        for n, digest in ((1, "aa"), (2, "bb")):
            version = AdVersion(ad=ad, version_no=n, content_sha256=digest, captured_at=now)
            session.add(version)
            session.flush()
            session.add(Entity(ad_version_id=version.id, kind="phone", value="+31612345678"))
            session.add(
                IndicatorHit(
                    ad_version_id=version.id, code="c", category="minor", start=0, end=1, text="t", weight=0.5
                )
            )
    upgrade(s)
    with session_scope(s) as session:
        assert session.query(Entity).count() == 2
        assert session.query(IndicatorHit).count() == 2
        ad = session.query(Ad).one()
        session.add(AdVersion(ad=ad, version_no=3, content_sha256="aa", captured_at=now))
    with get_engine(s).connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM ad_versions WHERE content_sha256 = 'aa'")).scalar() == 2
        )
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
