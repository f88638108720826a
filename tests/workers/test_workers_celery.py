"""Two real Celery workers on the local Redis crawl and analyse a small demo world; one is SIGKILLed in
the middle of an analysis batch, and every version still ends up analysed exactly once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select

from core.db import session_scope
from core.schema import Ad, AdVersion, AuditEntry, Cluster, CrawlJob, Entity, Score, Site
from core.settings import Settings
from crawlers.demosite.generate import generate_world
from crawlers.demosite.server import serve_in_thread
from crawlers.demosite.world import World
from crawlers.run import child_environment
from signalstack.tasks import enqueue, health

BROKER = os.environ.get("SIGNALSTACK_TEST_BROKER_URL", "redis://127.0.0.1:6379/7")
SITES = ("classic", "profiles", "search")
PURPOSE = "Test of the scale-out workers on a synthetic world."
LEGAL_BASIS = "Not applicable: synthetic data."
VISIBILITY_S = 12  # a killed worker's task comes back this soon; longer than any task in this test
DEADLINE_S = 150


def _broker_up() -> bool:
    try:
        return bool(redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


pytestmark = [pytest.mark.slow, pytest.mark.skipif(not _broker_up(), reason=f"no Redis at {BROKER}")]


def _start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "signalstack.cli", "workers", "start", "--pool", "solo", "--hostname", f"{name}@test",
           "--loglevel", "INFO"]
    with log.open("w") as fh:
        # Own session, so a kill reaches the crawl processes the worker starts as well.
        return subprocess.Popen(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


def _wait_for(condition, what: str, deadline: float, step: float = 0.2):
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out waiting for {what}")


def _finished_sites(settings: Settings) -> set[str]:
    with session_scope(settings) as s:
        return set(s.scalars(select(Site.name).join(CrawlJob, CrawlJob.site_id == Site.id)
                             .where(CrawlJob.status.in_(("finished", "partial")))))


def _analysis_done_and_clustered(settings: Settings) -> bool:
    with session_scope(settings) as s:
        pending = s.scalar(select(func.count()).select_from(AdVersion).where(AdVersion.analysed_at.is_(None)))
        clustered = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "cluster"))
    return pending == 0 and clustered > 0


def test_two_workers_survive_a_killed_worker(settings, tmp_path):
    if settings.resolved_database_url.startswith("sqlite") and os.environ.get("SIGNALSTACK_TEST_DATABASE_URL"):
        pytest.skip("runs once, on PostgreSQL (the shared-store deployment); SQLite runs it when PostgreSQL is absent")
    world = tmp_path / "world"
    generate_world(ads=80, days=3, seed=11, out=world)
    live = {key for key in World(world).day_view().by_id if key[0] in SITES}
    redis.Redis.from_url(BROKER).flushdb()
    overrides = {"broker_url": BROKER, "broker_visibility_timeout_s": VISIBILITY_S, "analyse_batch_size": 20}
    env = child_environment(settings) | {f"SIGNALSTACK_{k.upper()}": str(v) for k, v in overrides.items()}
    broker_settings = Settings(overrides)
    logs = {name: tmp_path / f"{name}.log" for name in ("w1", "w2")}
    workers = {}
    try:
        workers = {name: _start_worker(name, env, log) for name, log in logs.items()}
        deadline = time.monotonic() + DEADLINE_S
        with serve_in_thread(world, slow_seconds=0.2) as base_url:
            for site in SITES:
                enqueue(broker_settings, "signalstack.crawl_site", site=site, purpose=PURPOSE,
                        legal_basis=LEGAL_BASIS, base_url=base_url, then_analyse=False)
            _wait_for(lambda: _finished_sites(settings) >= set(SITES), "the three crawls", deadline)

        enqueue(broker_settings, "signalstack.dispatch_analysis", then_cluster=True)
        received = re.compile(r"Task signalstack\.analyse_range\[([0-9a-f-]+)\] received")
        killed_task = _wait_for(lambda: received.findall(logs["w1"].read_text()), "w1 taking a batch", deadline,
                                step=0.02)[0]
        _kill(workers["w1"])
        assert f"analyse_range[{killed_task}] succeeded" not in logs["w1"].read_text(), "killed too late"

        _wait_for(lambda: _analysis_done_and_clustered(settings), "analysis and clustering", deadline, step=0.5)
        # The killed worker's batch went back to the broker and the other worker ran it.
        assert f"analyse_range[{killed_task}] received" in logs["w2"].read_text()

        report = health(broker_settings)
        assert report["problems"] == []
        assert set(report["last_crawl"]) == set(SITES)
        assert report["pending_versions"] == 0
        assert report["workers"] == ["w2@test"]
    finally:
        for proc in workers.values():
            _kill(proc)

    with session_scope(settings) as s:
        stored = set(s.execute(select(Site.name, Ad.site_ad_id).join(Site, Site.id == Ad.site_id)).all())
        versions = s.scalar(select(func.count()).select_from(AdVersion))
        scores_per_version = s.execute(
            select(Score.ad_version_id, Score.model_version, func.count()).group_by(Score.ad_version_id,
                                                                                  Score.model_version)).all()
        duplicate_entities = s.execute(
            select(Entity.ad_version_id, Entity.kind, Entity.value, Entity.platform, Entity.start, func.count())
            .group_by(Entity.ad_version_id, Entity.kind, Entity.value, Entity.platform, Entity.start)
            .having(func.count() > 1)).all()
        analysed_in_audit = sum(e.detail["analysed"] for e in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "analyse")))
        clusters = s.scalar(select(func.count()).select_from(Cluster))
        crawls = s.execute(select(Site.name, CrawlJob.status).join(Site, Site.id == CrawlJob.site_id)).all()
    assert live <= stored, f"not crawled: {sorted(live - stored)[:5]}"
    assert len(scores_per_version) == versions
    assert {n for _, _, n in scores_per_version} == {1}
    assert duplicate_entities == []
    assert analysed_in_audit == versions  # committed analyses add up to one per version: none twice, none lost
    assert clusters > 0
    # Crawl messages outlive the short visibility timeout and come back, yet each site is crawled once.
    assert sorted(site for site, status in crawls if status != "failed") == sorted(SITES)


def test_scheduler_sends_the_monitoring_crawl_with_its_purpose_and_legal_basis(settings, tmp_path):
    if settings.resolved_database_url.startswith("sqlite") and os.environ.get("SIGNALSTACK_TEST_DATABASE_URL"):
        pytest.skip("the scheduler does not touch the database; once is enough")
    import base64
    import json

    broker = BROKER.rsplit("/", 1)[0] + "/6"  # a db of its own: the scheduler keeps sending
    queue = redis.Redis.from_url(broker)
    queue.flushdb()
    schedule = {"classic": {"every_hours": 0.001, "purpose": "Toezicht", "legal_basis": "Wpg art. 9"}}
    env = child_environment(settings) | {"SIGNALSTACK_BROKER_URL": broker,
                                         "SIGNALSTACK_MONITOR_SCHEDULE": json.dumps(schedule)}
    log = tmp_path / "beat.log"
    with log.open("w") as fh:
        beat = subprocess.Popen([sys.executable, "-m", "signalstack.cli", "workers", "schedule"], env=env, stdout=fh,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for(lambda: queue.llen("maintenance"), "a scheduled message", time.monotonic() + 60)
    finally:
        _kill(beat)
    message = json.loads(queue.lindex("maintenance", -1))
    _args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
    assert message["headers"]["task"] == "signalstack.monitor_site"
    assert (kwargs["site"], kwargs["purpose"], kwargs["legal_basis"]) == ("classic", "Toezicht", "Wpg art. 9")
    assert "scheduled monitor-classic" in log.read_text()
    queue.flushdb()
