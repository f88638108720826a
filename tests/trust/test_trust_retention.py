"""Retention: what expired goes, what a case or open dossier cites stays, dry-run changes nothing."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import func, select
from test_trust_world import make_ad, make_site, make_users
from typer.testing import CliRunner

from casefiles.cases import add_ad, create_case
from casefiles.retention import purge, remove_files
from casefiles.review import decide
from core import audit
from core.db import session_scope
from core.schema import (
    Ad,
    AdVersion,
    AuditEntry,
    Capture,
    CaseSignal,
    Dossier,
    Entity,
    IndicatorHit,
    ReviewDecision,
    Score,
    utcnow,
)
from signalstack.cli import build_app

app = build_app()
runner = CliRunner()
TABLES = (Ad, AdVersion, Capture, Entity, IndicatorHit, Score, ReviewDecision, CaseSignal)
# Decisions are stamped with the wall clock, so "now" for the purge lies past their retention.
LATER = timedelta(days=400)


def _counts(settings):
    with session_scope(settings) as s:
        return {t.__tablename__: s.execute(select(func.count()).select_from(t)).scalar() for t in TABLES}


def _world(settings):
    """Ads named by their fate; returns (ids by name, purge time)."""
    now = utcnow() + LATER
    old, recent = now - timedelta(days=200), now - timedelta(days=10)
    with session_scope(settings) as s:
        users = make_users(s)
        site, job = make_site(s)
        ads = {
            "unflagged_old": make_ad(s, site, job, "u-old", old, warc_file="only-unflagged.warc.gz", versions=2),
            "unflagged_recent": make_ad(s, site, job, "u-new", recent, warc_file="shared.warc.gz"),
            "in_open_case": make_ad(s, site, job, "case", old, flagged=True, phone="+31611111111",
                                    warc_file="shared.warc.gz"),
            "in_open_dossier": make_ad(s, site, job, "dos", old, phone="+31622222222", warc_file="shared.warc.gz"),
            "dismissed_old": make_ad(s, site, job, "dis", old, flagged=True, phone="+31633333333",
                                     warc_file="shared.warc.gz"),
        }
        ids = {k: a.id for k, a in ads.items()}
        anna = users["anna"]
        first = decide(s, anna, ids["in_open_case"], "confirm", "stated age and 24/7")
        case = create_case(s, "Utrecht network", "default", users["cora"])
        add_ad(s, case, ids["in_open_case"], users["cora"])
        # Dismissed later: without the case it would now be due for pseudonymisation.
        decide(s, anna, ids["in_open_case"], "dismiss", "second look: adult", seen_decision_id=first.id)
        decide(s, anna, ids["dismissed_old"], "dismiss", "adult, independent")
        s.add(Dossier(subject_kind="phone", subject="+31622222222", created_by="anna"))
        s.add_all([Capture(crawl_job_id=job.id, url=f"{site.base_url}page/{n}", fetched_at=when, http_status=200,
                           sha256=f"{n:064d}", warc_file="shared.warc.gz")
                   for n, when in ((1, old), (2, recent))])
    warc = settings.data_path / "warc"
    warc.mkdir(parents=True, exist_ok=True)
    for name in ("only-unflagged.warc.gz", "shared.warc.gz"):
        (warc / name).write_bytes(b"WARC")
    return ids, now


def test_dry_run_counts_and_changes_nothing(settings):
    _, now = _world(settings)
    before = _counts(settings)
    with session_scope(settings) as s:
        entries = s.execute(select(func.count(AuditEntry.id))).scalar()
        result = purge(s, settings, "dpo", dry_run=True, now=now)
    assert result.counts["unflagged_ads"] == 1 and result.counts["unflagged_ad_versions"] == 2
    assert result.counts["dismissed_ads"] == 1
    assert result.counts["captures"] == 2 + 1 + 1  # two versions, the dismissed ad's page, the old listing
    assert _counts(settings) == before
    with session_scope(settings) as s:
        assert s.execute(select(func.count(AuditEntry.id))).scalar() == entries
    assert (settings.data_path / "warc" / "only-unflagged.warc.gz").exists()


def test_purge_deletes_expired_and_keeps_case_material(settings):
    ids, now = _world(settings)
    with session_scope(settings) as s:
        result = purge(s, settings, "dpo", now=now)
    assert remove_files(result.files_to_remove) == 1
    assert not (settings.data_path / "warc" / "only-unflagged.warc.gz").exists()
    assert (settings.data_path / "warc" / "shared.warc.gz").exists()
    with session_scope(settings) as s:
        assert s.get(Ad, ids["unflagged_old"]) is None
        assert s.execute(select(func.count(AdVersion.id)).where(AdVersion.ad_id == ids["unflagged_old"])).scalar() == 0
        for kept in ("unflagged_recent", "in_open_case", "in_open_dossier"):
            version = s.get(Ad, ids[kept]).current
            assert version.body and version.capture_id is not None, kept
            assert s.execute(select(func.count(Entity.id)).where(Entity.ad_version_id == version.id)).scalar() == 2
        dismissed = s.get(Ad, ids["dismissed_old"]).current
        assert (dismissed.title, dismissed.body, dismissed.name, dismissed.phones_text) == ("", "", "", "")
        assert dismissed.capture_id is None and dismissed.images == [] and len(dismissed.content_sha256) == 64
        assert s.execute(select(Entity).where(Entity.ad_version_id == dismissed.id)).first() is None
        hit = s.execute(select(IndicatorHit).where(IndicatorHit.ad_version_id == dismissed.id)).scalar_one()
        assert hit.code == "always_available" and hit.text == ""
        label = s.execute(select(ReviewDecision).where(ReviewDecision.ad_id == ids["dismissed_old"])).scalar_one()
        assert label.decision == "dismiss" and label.reason == "adult, independent"
        listing = s.execute(select(Capture.url).where(Capture.url.like("%/page/%"))).scalars().all()
        assert listing == ["http://127.0.0.1/classic/page/2"]
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "retention.purge")).scalar_one()
        assert entry.actor == "dpo"
        assert entry.detail["counts"] == result.counts
        assert entry.detail["counts"]["unflagged_ads"] == 1 and entry.detail["counts"]["dismissed_ads"] == 1
        assert entry.detail["counts"]["warc_files"] == 1 and entry.detail["protected_ads"] == 2
        assert audit.verify_chain(s).ok
    # Nothing left to do: a second purge finds nothing and pseudonymised ads are not counted twice.
    with session_scope(settings) as s:
        again = purge(s, settings, "dpo", now=now)
    assert again.counts["unflagged_ads"] == again.counts["dismissed_ads"] == again.counts["captures"] == 0


def test_closed_dossier_no_longer_protects(settings):
    ids, now = _world(settings)
    with session_scope(settings) as s:
        s.execute(select(Dossier)).scalar_one().status = "closed"
    with session_scope(settings) as s:
        purge(s, settings, "dpo", now=now)
    with session_scope(settings) as s:
        assert s.get(Ad, ids["in_open_dossier"]) is None
        assert s.get(Ad, ids["in_open_case"]) is not None


def test_zero_days_keeps_a_category(settings, monkeypatch):
    _, now = _world(settings)
    monkeypatch.setenv("SIGNALSTACK_RETENTION_UNFLAGGED_DAYS", "0")
    from core.settings import Settings

    with session_scope(settings) as s:
        result = purge(s, Settings(), "dpo", dry_run=True, now=now)
    assert result.counts["unflagged_ads"] == 0 and result.counts["dismissed_ads"] == 1


def test_purge_and_privacy_cli(settings):
    with session_scope(settings) as s:
        site, job = make_site(s)
        make_ad(s, site, job, "old", utcnow() - timedelta(days=200), age=17)
        make_ad(s, site, job, "new", utcnow(), age=19, phone="+31644444444")
    result = runner.invoke(app, ["privacy", "report", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ads"]["total"] == 2
    assert report["contacts"]["phone"] == {"mentions": 2, "distinct": 2}
    assert report["stated_ages"]["under 18"] == 1 and report["stated_ages"]["18-20"] == 1
    assert report["legal_basis"][0]["legal_basis"] == "Wpg art. 8" and report["legal_basis"][0]["captures"] == 2
    assert report["images"]["hashed"] == 2 and report["images"]["bytes_stored"] == 0
    assert report["retention"]["due_for_purge"]["unflagged_ads"] == 1
    text = runner.invoke(app, ["privacy", "report"])
    assert text.exit_code == 0 and "Wpg art. 8" in text.output and "under 18 1" in text.output
    dry = runner.invoke(app, ["retention", "purge", "--dry-run"])
    assert dry.exit_code == 0 and "would purge: unflagged_ads 1" in dry.output
    assert _counts(settings)["ads"] == 2
    real = runner.invoke(app, ["retention", "purge", "--as", "dpo"])
    assert real.exit_code == 0 and "purged: unflagged_ads 1" in real.output, real.output
    assert _counts(settings)["ads"] == 1


def test_old_sign_in_attempts_and_ended_sessions_go_recent_ones_stay(settings):
    from core import sessions
    from core.schema import LoginAttempt, User, UserSession

    now = utcnow()
    with session_scope(settings) as s:
        anna = make_users(s)["anna"]
        s.add_all([LoginAttempt(at=now - timedelta(days=40), username="anna", ok=False),
                   LoginAttempt(at=now - timedelta(hours=2), username="anna", ok=False)])
        _, old = sessions.start(s, anna, now=now - timedelta(days=41))
        sessions.end(s, old.key_hash, "anna", now=now - timedelta(days=40))
        _, live = sessions.start(s, anna, now=now)
        old_id, live_id = old.id, live.id
    with session_scope(settings) as s:
        due = purge(s, settings, "dpo", dry_run=True, now=now)
    assert due.counts["sign_in_records"] == 2  # one attempt, one ended session
    with session_scope(settings) as s:
        assert s.execute(select(func.count(LoginAttempt.id))).scalar() == 2
        done = purge(s, settings, "dpo", now=now)
    assert done.counts["sign_in_records"] == 2
    with session_scope(settings) as s:
        assert [a.at.replace(tzinfo=None) > (now - timedelta(days=1)).replace(tzinfo=None)
                for a in s.execute(select(LoginAttempt)).scalars()] == [True]
        assert s.get(UserSession, old_id) is None and s.get(UserSession, live_id).revoked_at is None
        assert s.execute(select(User).where(User.username == "anna")).scalar_one().active
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "retention.purge")).scalar_one()
        assert entry.detail["counts"]["sign_in_records"] == 2
