"""The scale-out tasks without a broker (the embedded default runs them in-process), analysis by id
range, the monitoring schedule, and the health report."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text
from typer.testing import CliRunner

from core.db import session_scope
from core.schema import Ad, AdVersion, AuditEntry, Cluster, CrawlJob, Entity, Score, Site
from core.settings import Settings
from signalstack.cli import build_app
from signalstack.tasks import beat_schedule, enqueue, health, record_failure
from signalstack.workers.analysis import analyse_range, pending_count, pending_ranges
from signalstack.workers.schedule import ScheduleError, monitor_entries

app = build_app()

BODIES = [
    "Nieuw in de stad, bel 06-12345678. 24/7 beschikbaar.",
    "Eva, 22 jaar, ontvangst in Zwolle. Bel 0612345679 voor een afspraak.",
    "Onze meiden spreken geen Nederlands. Bel mijn manager op 0612345680.",
]


def _insert_versions(settings: Settings, n: int) -> list[int]:
    with session_scope(settings) as session:
        site = Site(name="classic", base_url="http://example.invalid/classic/", country="NL")
        session.add(site)
        session.flush()
        ids = []
        for i in range(n):
            ad = Ad(site_id=site.id, site_ad_id=f"a{i}", url=f"http://example.invalid/classic/ad/a{i}")
            session.add(ad)
            session.flush()
            version = AdVersion(ad_id=ad.id, content_sha256=f"{i:064d}", title=f"Ad {i}",
                                body=BODIES[i % len(BODIES)], city="Utrecht")
            session.add(version)
            session.flush()
            ids.append(version.id)
        return ids


def _scores_per_version(settings: Settings) -> dict[int, int]:
    with session_scope(settings) as s:
        return dict(s.execute(select(Score.ad_version_id, func.count()).group_by(Score.ad_version_id)).all())


def test_pending_ranges_cover_every_unanalysed_version_in_batches(settings):
    ids = _insert_versions(settings, 7)
    with session_scope(settings) as s:
        assert pending_ranges(s, 3) == [(ids[0], ids[2]), (ids[3], ids[5]), (ids[6], ids[6])]
        with pytest.raises(ValueError):
            pending_ranges(s, 0)


def test_a_range_handed_out_twice_is_analysed_once(settings):
    ids = _insert_versions(settings, 6)
    first = analyse_range(settings, ids[0], ids[3])
    assert (first.analysed, first.skipped) == (4, 0)
    again = analyse_range(settings, ids[2], ids[5])  # overlaps: only the two new versions are taken
    assert (again.analysed, again.skipped) == (2, 2)
    assert analyse_range(settings, ids[0], ids[5]).analysed == 0
    assert _scores_per_version(settings) == {i: 1 for i in ids}
    with session_scope(settings) as s:
        phones = s.scalars(select(Entity.value).where(Entity.ad_version_id == ids[0], Entity.kind == "phone")).all()
        audited = sum(e.detail["analysed"] for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "analyse")))
    assert phones == ["+31612345678"]
    assert audited == 6


def test_rows_locked_by_another_worker_are_skipped_not_waited_for(settings):
    if settings.resolved_database_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers instead of locking rows")
    ids = _insert_versions(settings, 4)
    with session_scope(settings) as other_worker:
        other_worker.execute(text("SELECT id FROM ad_versions WHERE id <= :last FOR UPDATE"), {"last": ids[1]})
        result = analyse_range(settings, ids[0], ids[3])
        assert (result.analysed, result.skipped) == (2, 2)
    with session_scope(settings) as s:
        assert pending_count(s) == 2


def test_without_a_broker_a_dispatch_runs_the_whole_round_here(settings):
    ids = _insert_versions(settings, 9)
    local = Settings({"analyse_batch_size": 4})
    assert not local.broker_url
    assert enqueue(local, "signalstack.dispatch_analysis", then_cluster=True) == {"ranges": 3}
    assert _scores_per_version(settings) == {i: 1 for i in ids}
    with session_scope(settings) as s:
        rounds = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "cluster"))
        clusters = s.scalar(select(func.count()).select_from(Cluster))
    assert rounds == 1  # only the last range to finish starts the clustering
    assert clusters >= 1  # the ads sharing a text form a cluster
    assert enqueue(local, "signalstack.dispatch_analysis") == {"ranges": 0}


def test_a_crawl_request_already_answered_is_not_crawled_again(settings):
    from signalstack.tasks import request_time

    asked = request_time()
    with session_scope(settings) as s:
        site = Site(name="classic", base_url="http://example.invalid/", country="NL")
        s.add(site)
        s.flush()
        s.add(CrawlJob(site_id=site.id, started_by="t", purpose="p", legal_basis="b", status="finished"))
    result = enqueue(settings, "signalstack.crawl_site", site="classic", purpose="p", legal_basis="b",
                     requested_at=asked)
    assert result["skipped"].startswith("crawl job 1 ")


def test_a_site_another_worker_is_crawling_is_refused_at_once(settings):
    if settings.resolved_database_url.startswith("sqlite"):
        pytest.skip("the per-site crawl guard is a PostgreSQL advisory lock")
    import zlib

    from core.db import get_engine
    from signalstack.tasks import _PG_CRAWL_LOCK

    key = {"ns": _PG_CRAWL_LOCK, "site": zlib.crc32(b"classic") - 2**31}
    with get_engine(settings).connect().execution_options(isolation_level="AUTOCOMMIT") as other_worker:
        other_worker.execute(text("SELECT pg_advisory_lock(:ns, :site)"), key)
        result = enqueue(settings, "signalstack.crawl_site", site="classic", purpose="p", legal_basis="b")
        other_worker.execute(text("SELECT pg_advisory_unlock(:ns, :site)"), key)
    assert result == {"site": "classic", "refused": "another worker is crawling classic"}
    with session_scope(settings) as s:
        assert s.scalar(select(func.count()).select_from(CrawlJob)) == 0


def test_a_crawl_without_legal_basis_is_refused(settings):
    from crawlers.run import CrawlRefused

    with pytest.raises(CrawlRefused, match="legal-basis"):
        enqueue(settings, "signalstack.crawl_site", site="classic", purpose="p", legal_basis="")


def test_the_purge_task_applies_retention_and_a_second_run_finds_nothing(settings):
    from datetime import timedelta

    from core.schema import utcnow

    ids = _insert_versions(settings, 3)
    with session_scope(settings) as s:
        stale = s.get(AdVersion, ids[0]).ad
        stale.last_seen = utcnow() - timedelta(days=int(settings.retention_unflagged_days) + 1)
    first = enqueue(settings, "signalstack.purge_expired")
    assert first["counts"]["unflagged_ads"] == 1
    assert enqueue(settings, "signalstack.purge_expired")["counts"]["unflagged_ads"] == 0
    with session_scope(settings) as s:
        assert s.scalar(select(func.count()).select_from(Ad)) == 2
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "retention.purge")) == 2


def test_monitor_schedule_accepts_json_and_toml_and_names_bad_entries():
    spec = {"classic": {"every_hours": 6, "purpose": "p", "legal_basis": "b"},
            "search": {"cron": "0 7 * * 1-5", "purpose": "p", "legal_basis": "b", "base_url": "http://x"}}
    from_json = monitor_entries(json.dumps(spec))
    from_toml = monitor_entries('[classic]\nevery_hours = 6\npurpose = "p"\nlegal_basis = "b"\n'
                                '[search]\ncron = "0 7 * * 1-5"\npurpose = "p"\nlegal_basis = "b"\n'
                                'base_url = "http://x"\n')
    assert from_json == from_toml
    assert [(e.site, e.describe()) for e in from_json] == [("classic", "every 6 h"), ("search", "cron '0 7 * * 1-5'")]
    assert monitor_entries("") == []
    bad = [
        ({"classic": {"every_hours": 6, "purpose": "p"}}, "legal_basis"),
        ({"classic": {"purpose": "p", "legal_basis": "b"}}, "exactly one"),
        ({"classic": {"every_hours": -1, "purpose": "p", "legal_basis": "b"}}, "positive"),
        ({"classic": {"cron": "0 7 *", "purpose": "p", "legal_basis": "b"}}, "five fields"),
        ({"classic": {"hours": 6, "purpose": "p", "legal_basis": "b"}}, "unknown keys"),
        ({"nosuchsite": {"every_hours": 1, "purpose": "p", "legal_basis": "b"}}, "no site adapter"),
    ]
    for raw, message in bad:
        with pytest.raises(ScheduleError, match=message) as err:
            monitor_entries(json.dumps(raw), known_sites={"classic", "search"})
        assert "monitor_schedule[" in str(err.value)
    with pytest.raises(ScheduleError, match="neither"):
        monitor_entries("{not json")


def test_beat_schedule_has_one_monitoring_entry_per_site_and_an_analysis_sweep():
    from celery.schedules import crontab

    spec = {"classic": {"every_hours": 2, "purpose": "p", "legal_basis": "b"},
            "search": {"cron": "30 6 * * *", "purpose": "p", "legal_basis": "b"}}
    schedule = beat_schedule(Settings({"monitor_schedule": json.dumps(spec)}))
    assert set(schedule) == {"monitor-classic", "monitor-search", "analysis-sweep", "retention-purge",
                             "audit-checkpoint"}
    assert schedule["monitor-classic"]["schedule"].total_seconds() == 7200
    assert isinstance(schedule["monitor-search"]["schedule"], crontab)
    assert schedule["monitor-search"]["kwargs"]["legal_basis"] == "b"
    with pytest.raises(ScheduleError, match="bad cron"):
        beat_schedule(Settings({"monitor_schedule": json.dumps(
            {"classic": {"cron": "99 * * * *", "purpose": "p", "legal_basis": "b"}})}))


def test_health_reports_crawls_failures_and_backlog_without_a_broker(settings):
    _insert_versions(settings, 2)
    with session_scope(settings) as s:
        site_id = s.scalar(select(Site.id))
        s.add_all([CrawlJob(site_id=site_id, started_by="t", purpose="p", legal_basis="b", status="finished",
                            items=2),
                   CrawlJob(site_id=site_id, started_by="t", purpose="p", legal_basis="b", status="failed")])
    record_failure(settings, "signalstack.analyse_range", "task-1", {"first_id": 1}, RuntimeError("disk full"))
    report = health(settings)
    assert report["mode"] == "in-process" and report["ok"]
    assert report["last_crawl"]["classic"]["job_id"] == 1
    assert report["pending_versions"] == 2
    assert {(f["kind"], f["what"]) for f in report["failures"]} == {("crawl", "classic job 2"),
                                                                   ("task", "signalstack.analyse_range")}
    assert any("disk full" in f["error"] for f in report["failures"])


def test_health_says_when_the_broker_is_unreachable(settings):
    report = health(Settings({"broker_url": "redis://127.0.0.1:1/0"}))
    assert not report["ok"] and report["queues"] is None
    assert report["problems"][0].startswith("broker unreachable")
    assert "last_crawl" in report  # the database part is still there


def test_cli_worker_needs_a_broker_and_status_prints_the_report(settings, monkeypatch):
    runner = CliRunner()
    monkeypatch.delenv("SIGNALSTACK_BROKER_URL", raising=False)
    refused = runner.invoke(app, ["workers", "start"])
    assert refused.exit_code == 2 and "no broker_url" in refused.output
    status = runner.invoke(app, ["workers", "status"])
    assert status.exit_code == 0, status.output
    assert "mode: in-process" in status.output and "recent failures: 0" in status.output
    as_json = runner.invoke(app, ["workers", "status", "--json"])
    assert json.loads(as_json.output)["pending_versions"] == 0
    monkeypatch.setenv("SIGNALSTACK_BROKER_URL", "redis://127.0.0.1:6379/7")
    monkeypatch.setenv("SIGNALSTACK_MONITOR_SCHEDULE", '{"classic": {"every_hours": 1, "purpose": "p"}}')
    bad = runner.invoke(app, ["workers", "schedule"])
    assert bad.exit_code == 2 and "legal_basis" in bad.output
    assert "Traceback" not in bad.output


def test_cli_queues_analysis_and_checks_a_crawl_request_before_queueing(settings, monkeypatch):
    runner = CliRunner()
    monkeypatch.delenv("SIGNALSTACK_BROKER_URL", raising=False)
    monkeypatch.setenv("SIGNALSTACK_ANALYSE_BATCH_SIZE", "2")
    ids = _insert_versions(settings, 3)
    done = runner.invoke(app, ["queue", "analyse"])
    assert done.exit_code == 0, done.output
    assert "analysed in 2 batches" in done.output
    assert _scores_per_version(settings) == {i: 1 for i in ids}
    no_basis = runner.invoke(app, ["queue", "crawl", "classic", "--purpose", "p"])
    assert no_basis.exit_code == 2 and "legal-basis" in no_basis.output
    unknown = runner.invoke(app, ["queue", "crawl", "nosuchsite", "--purpose", "p", "--legal-basis", "b"])
    assert unknown.exit_code == 2 and "no site adapter named 'nosuchsite'" in unknown.output
