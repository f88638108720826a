"""Scrapy extension that keeps the crawl job row true: counts while running, a progress line on
the terminal, and at the end the status, removals and an audit entry with the summary.

Status: ``finished`` (every listing page walked without error: a complete crawl, the only
kind that can mark ads removed), ``partial`` (listing pages failed or a limit was reached),
``interrupted`` (stopped by a signal; ``--resume`` continues it), ``failed`` (no listing page
could be read, or nothing could be stored).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from sqlalchemy import func, select
from twisted.internet import task

from core import audit
from core.db import session_scope
from core.schema import Ad, CrawlJob
from crawlers.pipelines import app_settings, job_info
from crawlers.store import COMPLETE, mark_removed, touch_listed

ERROR_KEYS = ("listing_errors", "detail_errors", "image_errors", "items_invalid", "item_errors")


def crawl_status(stats: dict[str, Any], reason: str) -> str:
    def n(key: str) -> int:
        return int(stats.get(f"signalstack/{key}", 0))

    if reason == "shutdown":
        return "interrupted"
    if n("listing_pages") == 0 or (n("item_errors") and not n("items_stored")):
        return "failed"
    if n("listing_errors") or n("listing_truncated") or reason != "finished":
        return "partial"
    return COMPLETE


class JobRecorder:
    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.settings = app_settings(crawler)
        self.job = job_info(crawler)
        self.interval = crawler.settings.getfloat("SIGNALSTACK_PROGRESS_INTERVAL", 5.0)
        self.base = {"pages": 0, "items": 0, "errors": 0, "bytes": 0}
        self.loop: task.LoopingCall | None = None
        self.tty = sys.stderr.isatty()

    @classmethod
    def from_crawler(cls, crawler: Any) -> JobRecorder:
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        return ext

    def counts(self) -> dict[str, int]:
        stats = self.crawler.stats.get_stats()
        current = {
            "pages": int(stats.get("downloader/response_count", 0)),
            "items": int(stats.get("signalstack/items_stored", 0)),
            "errors": sum(int(stats.get(f"signalstack/{k}", 0)) for k in ERROR_KEYS),
            "bytes": int(stats.get("downloader/response_bytes", 0)),
        }
        return {k: self.base[k] + v for k, v in current.items()}

    def spider_opened(self, spider: Any) -> None:
        with session_scope(self.settings) as session:
            job = session.get(CrawlJob, int(self.job["id"]))
            # A resumed job goes on counting from what the earlier run recorded.
            self.base = {"pages": job.pages, "items": job.items, "errors": job.errors, "bytes": job.bytes}
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.interval, now=False)

    def item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        self.crawler.stats.inc_value("signalstack/item_errors")

    def _save(self, **extra: Any) -> CrawlJob:
        with session_scope(self.settings) as session:
            job = session.get(CrawlJob, int(self.job["id"]))
            for key, value in {**self.counts(), **extra}.items():
                setattr(job, key, value)
            if "status" in extra:
                # The exact count from the database: a resumed job's killed runs never reported theirs.
                job.items = session.execute(
                    select(func.count()).select_from(Ad).where(Ad.site_id == job.site_id,
                                                               Ad.last_seen >= job.started_at)
                ).scalar_one()
            if extra.get("status") in (COMPLETE, "partial"):
                # Not for an interrupted job: its resume skips every ad seen since the job started.
                spider = self.crawler.spider
                kept = touch_listed(session, job.site_id, getattr(spider, "listed_ids", set()), job.started_at,
                                    datetime.now(UTC))
                self.crawler.stats.set_value("signalstack/ads_listed_not_fetched", kept)
            if extra.get("status") == COMPLETE:
                session.flush()
                removed = mark_removed(session, job.site_id, int(self.settings.removal_after_missed_crawls),
                                       job.finished_at or datetime.now(UTC))
                self.crawler.stats.set_value("signalstack/ads_removed", removed)
            if "status" in extra:
                summary = {k.removeprefix("signalstack/"): v for k, v in self.crawler.stats.get_stats().items()
                           if k.startswith("signalstack/")}
                audit.record(session, self.job.get("actor", "crawler"), "crawl.finish", "crawl_job", job.id,
                             site=self.job.get("site"), status=job.status, pages=job.pages, items=job.items,
                             errors=job.errors, bytes=job.bytes, summary=summary)
            return job

    def tick(self) -> None:
        c = self.counts()
        try:
            self._save()
        except Exception as exc:  # a busy database must not stop the crawl; the end writes again
            spider = self.crawler.spider
            if spider is not None:
                spider.logger.warning("could not update crawl job counts: %s", exc)
        line = (f"{self.job.get('site')}: {c['pages']} pages, {c['items']} ads stored, "
                f"{c['errors']} errors, {c['bytes'] / 1e6:.1f} MB")
        print(f"\r{line}   " if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.tty:
            print(file=sys.stderr)
        status = crawl_status(self.crawler.stats.get_stats(), reason)
        self.crawler.stats.set_value("signalstack/status", status)
        self._save(status=status, finished_at=datetime.now(UTC))
