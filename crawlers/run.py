"""Start, resume and run crawl jobs.

``run_crawl`` runs Scrapy in the calling process, which must be fresh (Twisted's reactor
cannot restart): ``signalstack crawl`` calls it. ``crawl_site`` is the function for other
code (the demo, tests): it runs ``signalstack crawl`` in a child process and returns the counts.

Every job records who started it, its purpose and legal basis; without both nothing at all is
written. One crawl per site at a time: ``<data_dir>/jobs/<site>/lock.json`` holds the pid.
Scrapy's JOBDIR (``<data_dir>/jobs/<site>/scrapy``) keeps the queue when a crawl is stopped
by a signal. After a hard kill that queue may be half-written, so it is discarded; the
resumed crawl walks the listing again and skips the ads this job already stored (the
database, not the queue, is the record of what is done).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from core import audit
from core import software_version as core_software_version
from core.db import session_scope
from core.schema import CrawlJob, Site
from core.settings import Settings
from crawlers.adapters import Adapter, load_adapter
from crawlers.store import ids_seen_in_job


class CrawlRefused(ValueError):
    """The crawl may not start (no purpose, no legal basis, already running, nothing to resume)."""


@dataclass
class CrawlSummary:
    job_id: int
    site: str
    status: str
    pages: int = 0
    items: int = 0
    errors: int = 0
    bytes: int = 0
    ads_new: int = 0
    ads_changed: int = 0
    ads_unchanged: int = 0
    ads_removed: int = 0
    elapsed_s: float = 0.0  # from the spider opening to its closing (process start-up not included)
    unmapped: dict[str, int] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in ("finished", "partial")


def software_version() -> str:
    import scrapy

    return core_software_version(f"scrapy {scrapy.__version__}")


def default_base_url(adapter: Adapter, settings: Settings) -> str:
    return adapter.base_url or f"http://{settings.demosite_host}:{settings.demosite_port}"


def job_folder(settings: Settings, site: str) -> Path:
    return settings.data_path / "jobs" / site


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_lock(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / "lock.json").read_text())
    except (OSError, ValueError):
        return None


def check_request(purpose: str, legal_basis: str) -> None:
    if not purpose.strip():
        raise CrawlRefused("a crawl needs --purpose: why these ads are collected (recorded with every capture)")
    if not legal_basis.strip():
        raise CrawlRefused("a crawl needs --legal-basis: the legal ground for collecting them "
                           "(e.g. 'Wpg art. 9, taak politie')")


def check_base_url(base_url: str) -> None:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CrawlRefused(f"--base-url must look like http://host[:port], not {base_url!r}")


def open_job(site: str, purpose: str, legal_basis: str, actor: str, base_url: str | None,
             resume: bool, settings: Settings) -> tuple[dict[str, Any], Path, list[str]]:
    """Create (or re-open, for --resume) the job row and take the site's lock.

    Returns (job info for the crawl, JOBDIR, site ad ids already stored by this job).
    """
    check_request(purpose, legal_basis)
    adapter = load_adapter(site)
    base = (base_url or default_base_url(adapter, settings)).rstrip("/")
    check_base_url(base)
    folder = job_folder(settings, site)
    lock = _read_lock(folder)
    if lock and lock.get("pid") != os.getpid() and _pid_alive(int(lock.get("pid", 0))):
        raise CrawlRefused(f"a crawl of {site} is already running (pid {lock['pid']}, job {lock.get('job_id')})")
    clean_stop = lock is None  # a killed crawl leaves its lock behind
    jobdir = folder / "scrapy"
    with session_scope(settings) as session:
        site_row = session.execute(select(Site).where(Site.name == site)).scalar_one_or_none()
        if site_row is None:
            site_row = Site(name=site, base_url=base, country=adapter.country)
            session.add(site_row)
            session.flush()
        unfinished = session.execute(
            select(CrawlJob).where(CrawlJob.site_id == site_row.id, CrawlJob.status.in_(("running", "interrupted")))
            .order_by(CrawlJob.id.desc())
        ).scalars().all()
        skip: list[str] = []
        if resume:
            if not unfinished:
                raise CrawlRefused(f"no interrupted crawl of {site} to resume")
            job = unfinished[0]
            if (job.purpose, job.legal_basis) != (purpose, legal_basis):
                raise CrawlRefused(f"job {job.id} was started with another purpose or legal basis; "
                                   "resume it with the same ones, or start a new crawl")
            for older in unfinished[1:]:
                older.status = "failed"
            job.status = "running"
            skip = sorted(ids_seen_in_job(session, site_row.id, job))
            audit.record(session, actor, "crawl.resume", "crawl_job", job.id, site=site,
                         already_stored=len(skip), queue_kept=clean_stop)
        else:
            for older in unfinished:
                older.status = "failed"  # superseded by a new crawl; can no longer be resumed
            job = CrawlJob(site_id=site_row.id, started_by=actor, purpose=purpose, legal_basis=legal_basis,
                           software_version=software_version()[:40], status="running")
            session.add(job)
            session.flush()
            audit.record(session, actor, "crawl.start", "crawl_job", job.id, site=site, base_url=base,
                         purpose=purpose, legal_basis=legal_basis,
                         robots=("obeyed" if adapter.politeness["obey_robots"]
                                 else f"overridden: {adapter.politeness['robots_override_reason']}"))
        info = {"id": job.id, "site": site, "site_id": site_row.id, "base_url": base, "purpose": purpose,
                "legal_basis": legal_basis, "actor": actor, "software_version": job.software_version}
    if not (resume and clean_stop) and jobdir.exists():
        shutil.rmtree(jobdir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lock.json").write_text(json.dumps({"pid": os.getpid(), "job_id": info["id"]}))
    return info, jobdir, skip


def release(settings: Settings, site: str) -> None:
    (job_folder(settings, site) / "lock.json").unlink(missing_ok=True)


def run_crawl(site: str, purpose: str, legal_basis: str, actor: str, base_url: str | None = None,
              resume: bool = False, settings: Settings | None = None,
              progress_interval: float = 5.0) -> CrawlSummary:
    """Run one crawl job in this process (once per process: the reactor cannot restart)."""
    from scrapy.crawler import CrawlerProcess

    from crawlers.bases.adspider import AdSpider
    from crawlers.settings import scrapy_settings

    settings = settings or Settings()
    info, jobdir, skip = open_job(site, purpose, legal_basis, actor, base_url, resume, settings)
    values = scrapy_settings(load_adapter(site), settings, info, jobdir)
    values["SIGNALSTACK_PROGRESS_INTERVAL"] = progress_interval
    process = CrawlerProcess(settings=values)
    crawler = process.create_crawler(AdSpider)
    process.crawl(crawler, site=site, base_url=info["base_url"], skip_ids=skip)
    try:
        process.start()
    finally:
        release(settings, site)
    stats = crawler.stats.get_stats() if crawler.stats else {}
    with session_scope(settings) as session:
        job = session.get(CrawlJob, info["id"])
        status, pages, items, errors, nbytes = job.status, job.pages, job.items, job.errors, job.bytes
        if status == "running":  # the crawl ended without its closing handler (should not happen)
            job.status = status = "failed"
    s = {k.removeprefix("signalstack/"): v for k, v in stats.items() if k.startswith("signalstack/")}
    return CrawlSummary(
        job_id=info["id"], site=site, status=status, pages=pages, items=items, errors=errors, bytes=nbytes,
        ads_new=int(s.get("ads_new", 0)), ads_changed=int(s.get("ads_changed", 0)),
        ads_unchanged=int(s.get("ads_unchanged", 0)), ads_removed=int(s.get("ads_removed", 0)),
        elapsed_s=float(stats.get("elapsed_time_seconds", 0.0)),
        unmapped={k.removeprefix("unmapped/"): int(v) for k, v in s.items() if k.startswith("unmapped/")},
        details={k: v for k, v in s.items() if not k.startswith("unmapped/") and isinstance(v, int | float | str)},
    )


def child_environment(settings: Settings) -> dict[str, str]:
    """The environment that makes a child process resolve exactly these settings."""
    env = dict(os.environ)
    for name, value in settings.as_dict().items():
        # A table from signalstack.toml (e.g. monitor_schedule) travels as JSON, which the setting reads.
        env[f"SIGNALSTACK_{name.upper()}"] = json.dumps(value) if isinstance(value, dict | list) else str(value)
    return env


def crawl_site(site: str, base_url: str | None, purpose: str, legal_basis: str, actor: str,
               settings: Settings | None = None, resume: bool = False, quiet: bool = True) -> CrawlSummary:
    """Crawl a site in a child process (so it can be called many times) and return its summary."""
    settings = settings or Settings()
    check_request(purpose, legal_basis)
    # The crawler stage's own command line (Twisted's reactor runs once per process, hence a child).
    cmd = [sys.executable, "-m", "crawlers.cli", "crawl", site, "--purpose", purpose,
           "--legal-basis", legal_basis, "--as", actor, "--json"]
    if base_url:
        cmd += ["--base-url", base_url]
    if resume:
        cmd.append("--resume")
    proc = subprocess.run(cmd, env=child_environment(settings), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE if quiet else None, text=True)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        message = (proc.stderr or "").strip().splitlines()[-1:] if quiet else []
        raise CrawlRefused(f"crawl of {site} did not run (exit {proc.returncode}): {' '.join(message)}")
    data = json.loads(lines[-1])
    return CrawlSummary(**data)


def summary_json(summary: CrawlSummary) -> str:
    return json.dumps(asdict(summary), sort_keys=True, default=str)
