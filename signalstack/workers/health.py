"""What an administrator needs to know about the workers, as one plain dict.

Queue lengths come from the broker; the last successful crawl per site and the recent failures
come from the database (crawl jobs and ``task.failed`` audit entries), because task results are
kept there and not in a Celery result backend. Nothing here raises for an unreachable broker or
database: the report says what could not be read.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from core.db import session_scope
from core.masking import mask_url
from core.schema import AuditEntry, CrawlJob, Site
from core.settings import Settings

QUEUES = ("crawl", "analyse", "maintenance")
FAILED_TASK_ACTION = "task.failed"


def _iso(at: datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") if at else None


def queue_lengths(broker_url: str, timeout_s: float = 2.0) -> dict[str, int]:
    """Messages waiting per queue (not those a worker holds unacknowledged)."""
    from kombu import Connection
    from kombu.exceptions import ChannelError

    lengths = {}
    with Connection(broker_url, connect_timeout=timeout_s,
                    transport_options={"socket_timeout": timeout_s, "socket_connect_timeout": timeout_s}) as conn:
        conn.ensure_connection(max_retries=1, timeout=timeout_s)
        for name in QUEUES:
            try:
                lengths[name] = int(conn.default_channel.queue_declare(queue=name, passive=True).message_count)
            except ChannelError:  # never declared, or (Redis) empty: no key
                lengths[name] = 0
    return lengths


def _database_part(settings: Settings, failures: int) -> dict[str, Any]:
    from signalstack.workers.analysis import pending_count

    with session_scope(settings) as session:
        last: dict[str, Any] = {}
        for job, site in session.execute(
            select(CrawlJob, Site.name).join(Site, Site.id == CrawlJob.site_id)
            .where(CrawlJob.status.in_(("finished", "partial"))).order_by(CrawlJob.id)
        ):
            last[site] = {"job_id": job.id, "status": job.status, "finished_at": _iso(job.finished_at),
                          "items": job.items, "errors": job.errors}
        failed: list[dict[str, Any]] = [
            {"at": _iso(job.finished_at or job.started_at), "kind": "crawl", "what": f"{site} job {job.id}",
             "error": f"status {job.status}, {job.errors} errors"}
            for job, site in session.execute(
                select(CrawlJob, Site.name).join(Site, Site.id == CrawlJob.site_id)
                .where(CrawlJob.status == "failed").order_by(CrawlJob.id.desc()).limit(failures))
        ]
        failed += [
            {"at": _iso(entry.at), "kind": "task", "what": entry.object_id, "error": str(entry.detail.get("error", ""))}
            for entry in session.scalars(
                select(AuditEntry).where(AuditEntry.action == FAILED_TASK_ACTION)
                .order_by(AuditEntry.id.desc()).limit(failures))
        ]
        failed.sort(key=lambda f: f["at"] or "", reverse=True)
        return {"last_crawl": last, "failures": failed[:failures], "pending_versions": pending_count(session)}


def health(settings: Settings, failures: int = 10, ping_workers: bool = True) -> dict[str, Any]:
    """Broker, queues, workers online, last successful crawl per site, recent failures, analysis backlog."""
    report: dict[str, Any] = {"mode": "celery" if settings.broker_url else "in-process",
                              "broker": mask_url(settings.broker_url) if settings.broker_url else None,
                              "problems": []}
    if settings.broker_url:
        try:
            report["queues"] = queue_lengths(settings.broker_url)
        except Exception as exc:  # any broker failure is reported, not raised
            report["queues"] = None
            report["problems"].append(f"broker unreachable: {exc}")
        if ping_workers and report["queues"] is not None:
            from signalstack.broker import producer

            replies = producer(settings).control.ping(timeout=1.0)
            report["workers"] = sorted(name for reply in replies for name in reply)
    try:
        report.update(_database_part(settings, failures))
    except SQLAlchemyError as exc:
        report["problems"].append(f"database unreadable: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    report["ok"] = not report["problems"]
    return report
