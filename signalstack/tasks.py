"""Celery tasks: crawl a site, dispatch and run analysis batches, update clusters and networks, purge.

Start workers with ``signalstack worker`` (``celery -A signalstack.tasks worker`` underneath). Each
task is a thin wrapper over a plain function that takes the settings; ``enqueue`` sends a task to
the broker, or, when ``broker_url`` is empty (the embedded default), calls that function right here.

Every task is safe to run twice, because a message can be: messages are acknowledged only after the
task ends (``acks_late``), so the task of a worker that dies is handed to another one. A crawl is
skipped when one completed since it was requested, and refused while the site's crawl runs; analysis takes only versions not analysed yet (see
``signalstack.workers.analysis``); clustering and the retention purge recompute from the database
under a lock of their own.
Results live in the database (crawl jobs, audit entries), not in a Celery result backend.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from celery import Task, signals
from kombu.exceptions import OperationalError as BrokerError
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError as DatabaseError

from core import audit
from core.commandline import system_actor
from core.db import get_engine, session_scope
from core.schema import CrawlJob, Site, utcnow
from core.settings import Settings
from signalstack.broker import ROUTES, producer, worker_app
from signalstack.workers.health import FAILED_TASK_ACTION, QUEUES
from signalstack.workers.health import health as health  # re-exported for the workbench
from signalstack.workers.schedule import MonitorEntry, ScheduleError, monitor_entries

log = logging.getLogger(__name__)

WORKER_ACTOR = system_actor("worker")
app = worker_app  # the tasks below register on the worker's app (signalstack.broker)
ANALYSIS_SWEEP_MINUTES = 15
_PG_CLUSTER_LOCK = 0x51C1A5
_PG_PURGE_LOCK = 0x51C1A6
_PG_CRAWL_LOCK = 0x51C1A7  # with the site's CRC-32 as the second key


def enqueue(settings: Settings, name: str, **kwargs: Any) -> Any:
    """Send task `name` to the broker (returns its id), or with no broker run it here (returns its result).

    A crawl is stamped with the time it was asked for (see `run_crawl_site`)."""
    if name == "signalstack.crawl_site":
        kwargs.setdefault("requested_at", request_time())
    if not settings.broker_url:
        return RUNNERS[name](settings, **kwargs)
    return producer(settings).send_task(name, kwargs=kwargs, queue=ROUTES[name]).id


# --- the work itself: plain functions of the settings --------------------------------------------

def request_time() -> str:
    return utcnow().isoformat()


def _crawl_started_since(settings: Settings, site: str, requested_at: str) -> int | None:
    """Id of a completed crawl of `site` that started after the request (it answers the request). A crawl
    still marked running is left to the site's lock: refused while alive, superseded once dead."""
    since = datetime.fromisoformat(requested_at)
    with session_scope(settings) as session:
        newest = session.execute(
            select(CrawlJob.id, CrawlJob.started_at).join(Site, Site.id == CrawlJob.site_id)
            .where(Site.name == site, CrawlJob.status.in_(("finished", "partial")))
            .order_by(CrawlJob.id.desc()).limit(1)
        ).first()
    if newest is None:
        return None
    job_id, started = newest
    if started.tzinfo is None:  # SQLite hands back naive UTC
        started = started.replace(tzinfo=UTC)
    return job_id if started >= since else None


@contextmanager
def _site_crawl_guard(settings: Settings, site: str) -> Iterator[bool]:
    """On PostgreSQL, whether this worker may crawl `site` now: a session advisory lock per site, held
    for the whole crawl and released by the server when the worker's connection drops (a killed worker).
    The crawl's own lock file cannot close the gap while a crawl process is still starting up."""
    engine = get_engine(settings)
    if engine.dialect.name != "postgresql":
        yield True  # SQLite is the single-machine default: the crawl's lock file suffices
        return
    key = {"ns": _PG_CRAWL_LOCK, "site": zlib.crc32(site.encode()) - 2**31}
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:ns, :site)"), key).scalar())
        try:
            yield got
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:ns, :site)"), key)


def run_crawl_site(settings: Settings, site: str, purpose: str, legal_basis: str, base_url: str | None = None,
                   actor: str = WORKER_ACTOR, then_analyse: bool = True,
                   requested_at: str | None = None) -> dict[str, Any]:
    """Crawl one site (in a child process), then dispatch analysis of what it stored.

    A message handed out twice (its worker died, or outlived the visibility timeout) must not crawl
    twice: while another worker crawls the site this one is refused, and a crawl of the site completed
    since `requested_at` answers the request."""
    from crawlers.run import CrawlRefused, crawl_site

    with _site_crawl_guard(settings, site) as ours:
        if not ours:
            return {"site": site, "refused": f"another worker is crawling {site}"}
        if requested_at:
            done = _crawl_started_since(settings, site, requested_at)
            if done is not None:
                return {"site": site, "skipped": f"crawl job {done} started after this request"}
        try:
            summary = crawl_site(site, base_url, purpose, legal_basis, actor, settings)
        except CrawlRefused as exc:
            if "already running" in str(exc):
                return {"site": site, "refused": str(exc)}
            raise
    result = asdict(summary)
    if summary.ok and then_analyse:
        result["analysis"] = enqueue(settings, "signalstack.dispatch_analysis", then_cluster=True)
    return result


def run_monitor_site(settings: Settings, **crawl: Any) -> Any:
    """A scheduled crawl: stamped with the time the scheduler asked, so a redelivered copy is recognised."""
    return enqueue(settings, "signalstack.crawl_site", requested_at=request_time(), **crawl)


def run_dispatch_analysis(settings: Settings, then_cluster: bool = True) -> dict[str, Any]:
    from signalstack.workers.analysis import pending_ranges

    with session_scope(settings) as session:
        ranges = pending_ranges(session, int(settings.analyse_batch_size))
    for first_id, last_id in ranges:
        enqueue(settings, "signalstack.analyse_range", first_id=first_id, last_id=last_id, then_cluster=then_cluster)
    return {"ranges": len(ranges)}


def run_analyse_range(settings: Settings, first_id: int, last_id: int, then_cluster: bool = False) -> dict[str, Any]:
    from signalstack.workers.analysis import analyse_range, pending_count

    result = asdict(analyse_range(settings, first_id, last_id, actor=WORKER_ACTOR))
    if result["analysed"]:
        result["watch_alerts"] = run_match_watches(settings)["alerts"]
    if then_cluster and result["analysed"]:
        with session_scope(settings) as session:
            left = pending_count(session)
        if left == 0:  # the last range to commit sees nothing left, so clusters are updated once per round
            result["clusters"] = enqueue(settings, "signalstack.update_clusters")
    return result


def run_match_watches(settings: Settings) -> dict[str, Any]:
    """Alerts for the versions analysed since the last match (only up to the first version still pending,
    so ranges finishing out of order are matched once each, by whichever range completes the run)."""
    from casefiles.watches import match_new

    with session_scope(settings) as session:
        return asdict(match_new(session))


def run_update_clusters(settings: Settings) -> dict[str, Any]:
    from models.store import cluster_stored_ads

    with session_scope(settings) as session:
        if session.get_bind().dialect.name == "postgresql":
            # Two rounds ending at once must not rewrite the cluster tables side by side.
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_CLUSTER_LOCK})
        return cluster_stored_ads(session, actor=WORKER_ACTOR)


def run_purge_expired(settings: Settings) -> dict[str, Any]:
    """Apply the retention settings (``casefiles.retention``); files go only after the commit."""
    from casefiles.retention import purge, remove_files

    with session_scope(settings) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_PURGE_LOCK})
        result = purge(session, settings, actor=system_actor("retention"))
    return {"counts": result.counts, "protected_ads": result.protected_ads,
            "files_removed": remove_files(result.files_to_remove)}


def run_audit_checkpoint(settings: Settings) -> dict[str, Any]:
    """Sign the audit chain's head into <data_dir>/audit-checkpoints.jsonl (``core.checkpoints``)."""
    from core.checkpoints import write_checkpoint

    with session_scope(settings) as session:
        cp = write_checkpoint(session, settings, reason=system_actor("scheduler"))
    return {"entries": cp["entries"], "hash": cp["hash"]}


RUNNERS = {
    "signalstack.crawl_site": run_crawl_site,
    "signalstack.monitor_site": run_monitor_site,
    "signalstack.dispatch_analysis": run_dispatch_analysis,
    "signalstack.analyse_range": run_analyse_range,
    "signalstack.update_clusters": run_update_clusters,
    "signalstack.purge_expired": run_purge_expired,
    "signalstack.audit_checkpoint": run_audit_checkpoint,
}


# --- Celery wrappers -----------------------------------------------------------------------------

def record_failure(settings: Settings, task_name: str, task_id: str, kwargs: dict[str, Any], exc: BaseException) -> None:
    """A failed task leaves an audit entry, so `workers status` and the admin page can show it."""
    try:
        with session_scope(settings) as session:
            audit.record(session, WORKER_ACTOR, FAILED_TASK_ACTION, "task", task_name, task_id=task_id,
                         kwargs=kwargs, error=f"{exc.__class__.__name__}: {exc}"[:500])
    except Exception:  # the database may be what failed; the worker log keeps it then
        log.exception("could not record the failure of %s %s", task_name, task_id)


class RecordedTask(Task):
    autoretry_for = (DatabaseError, BrokerError)
    retry_backoff = 5
    retry_kwargs = {"max_retries": 3}

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:  # Celery's signature
        record_failure(Settings(), self.name, task_id, kwargs, exc)


def _task(name: str):
    runner = RUNNERS[name]

    @app.task(name=name, base=RecordedTask)
    def wrapper(**kwargs: Any) -> Any:
        return runner(Settings(), **kwargs)

    wrapper.__doc__ = runner.__doc__
    return wrapper


crawl_site_task = _task("signalstack.crawl_site")
monitor_site_task = _task("signalstack.monitor_site")
dispatch_analysis_task = _task("signalstack.dispatch_analysis")
analyse_range_task = _task("signalstack.analyse_range")
update_clusters_task = _task("signalstack.update_clusters")
purge_expired_task = _task("signalstack.purge_expired")
audit_checkpoint_task = _task("signalstack.audit_checkpoint")


@signals.celeryd_after_setup.connect
def _warm_up(**_: Any) -> None:
    """Load the NLP pipelines once, before the pool starts (prefork children inherit them), so the
    first batch of each worker does not pay seconds of start-up inside its transaction."""
    import nlp.analyse  # noqa: F401 - the analysis modules, imported once here rather than in the first task
    from nlp.extract import extract

    extract("Nieuw in de stad, bel 06-12345678.", title="warm-up")
    extract("New in town, call +31 6 1234 5678.", title="warm-up")


@signals.worker_process_init.connect
def _fresh_connections(**_: Any) -> None:
    """A prefork child must not share the parent's pooled database sockets."""
    get_engine(Settings()).dispose(close=False)


# --- the scheduler -------------------------------------------------------------------------------

def _schedule_of(entry: MonitorEntry):
    from celery.schedules import crontab

    if entry.every_hours is not None:
        return timedelta(hours=entry.every_hours)
    minute, hour, day_of_month, month_of_year, day_of_week = entry.cron.split()
    try:
        schedule = crontab(minute=minute, hour=hour, day_of_month=day_of_month, month_of_year=month_of_year,
                           day_of_week=day_of_week)
    except ValueError as exc:
        raise ScheduleError(f"monitor_schedule[{entry.site!r}]: bad cron {entry.cron!r}: {exc}") from None
    return schedule


AUDIT_CHECKPOINT_MINUTES = 15


def beat_schedule(settings: Settings, known_sites: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Celery beat entries: one monitoring crawl per scheduled site, a regular analysis sweep that picks
    up versions whose round was cut short (a crawl whose worker died after storing them), and the daily
    retention purge."""
    from celery.schedules import crontab

    entries = monitor_entries(settings.monitor_schedule, known_sites)
    schedule = {
        f"monitor-{entry.site}": {
            "task": "signalstack.monitor_site", "schedule": _schedule_of(entry), "options": {"queue": "maintenance"},
            "kwargs": {"site": entry.site, "purpose": entry.purpose, "legal_basis": entry.legal_basis,
                       "base_url": entry.base_url, "actor": system_actor("scheduler"), "then_analyse": True},
        }
        for entry in entries
    }
    schedule["analysis-sweep"] = {"task": "signalstack.dispatch_analysis", "options": {"queue": "maintenance"},
                                  "schedule": timedelta(minutes=ANALYSIS_SWEEP_MINUTES),
                                  "kwargs": {"then_cluster": True}}
    schedule["retention-purge"] = {"task": "signalstack.purge_expired", "options": {"queue": "maintenance"},
                                   "schedule": crontab(minute=15, hour=3), "kwargs": {}}  # quiet hours
    # Bounds what a cut tail can hide when nothing else writes a checkpoint (docs/RELIABILITY.md).
    schedule["audit-checkpoint"] = {"task": "signalstack.audit_checkpoint", "options": {"queue": "maintenance"},
                                    "schedule": timedelta(minutes=AUDIT_CHECKPOINT_MINUTES), "kwargs": {}}
    return schedule


__all__ = ["QUEUES", "ROUTES", "app", "beat_schedule", "enqueue", "health", "producer", "record_failure"]
