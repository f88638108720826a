"""Scrapy settings for one crawl job: one ordered list of item pipelines, capture near the wire,
and the politeness and robustness limits (from the adapter and the signalstack settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.settings import Settings
from crawlers.adapters import Adapter

ITEM_PIPELINES = {
    "crawlers.pipelines.validate.ValidateItemPipeline": 100,
    "crawlers.pipelines.images.ImageHashPipeline": 200,
    "crawlers.pipelines.captures.StoreCapturePipeline": 300,
    "crawlers.pipelines.ads.StoreAdPipeline": 400,
}

DOWNLOADER_MIDDLEWARES = {
    # Above HttpCompressionMiddleware (590) and RedirectMiddleware (600): sees raw exchanges.
    "crawlers.capture.WarcCaptureMiddleware": 950,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.retry.BackoffRetryMiddleware": 550,
}

EXTENSIONS = {
    "crawlers.jobrecorder.JobRecorder": 500,
}


def scrapy_settings(adapter: Adapter, app: Settings, job: dict[str, Any], jobdir: Path | None) -> dict[str, Any]:
    polite = adapter.politeness
    values: dict[str, Any] = {
        "BOT_NAME": "signalstack",
        "USER_AGENT": f"signalstack/{job.get('software_version', '')} (police internet research; "
                      f"{app.contact})",
        "ITEM_PIPELINES": ITEM_PIPELINES,
        "DOWNLOADER_MIDDLEWARES": DOWNLOADER_MIDDLEWARES,
        "EXTENSIONS": EXTENSIONS,
        "ROBOTSTXT_OBEY": bool(polite["obey_robots"]),
        "CONCURRENT_REQUESTS": max(8, int(polite["concurrent_requests_per_domain"])),
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(polite["concurrent_requests_per_domain"]),
        # Scrapy starts CONCURRENT_ITEMS (default 100) tasks for every response's output; ours
        # yields one item or a few links, so 100 tasks per page cost more than the page itself.
        "CONCURRENT_ITEMS": 16,
        # This check re-reads and parses a callback's source for every response (its cache is keyed
        # by the bound method, a new object each time); the spider's callbacks are fixed and tested.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "DOWNLOAD_DELAY": float(polite["download_delay"]),
        "AUTOTHROTTLE_ENABLED": bool(polite["autothrottle"]),
        "AUTOTHROTTLE_START_DELAY": max(0.05, float(polite["download_delay"])),
        "AUTOTHROTTLE_MAX_DELAY": 10.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(polite["autothrottle_target_concurrency"]),
        "DOWNLOAD_TIMEOUT": int(app.crawl_download_timeout_s),
        "DOWNLOAD_MAXSIZE": int(float(app.crawl_max_response_mb) * 1024 * 1024),
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": int(app.crawl_retry_times),
        "REDIRECT_MAX_TIMES": 5,
        # Each listing page is one link deeper than the one before; those are capped (visibly) by
        # max_listing_pages, so the depth limit only bounds what hangs below the last listing page.
        "DEPTH_LIMIT": adapter.max_listing_pages + adapter.max_depth,
        "CLOSESPIDER_PAGECOUNT": int(app.crawl_max_pages),
        "COOKIES_ENABLED": False,
        # No consoles into a running evidence crawl: Scrapy's remote control server (on by
        # default in 2.19) executes code sent to it, and telnet is the same risk.
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "LOG_FORMATTER": "crawlers.logformatter.ReasonOnlyLogFormatter",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        "SIGNALSTACK_JOB": job,
        "SIGNALSTACK_SETTINGS": app.as_dict(),
        "SIGNALSTACK_WARC_CAPTURE": bool(app.warc_capture),
        "SIGNALSTACK_WARC_DIR": str(app.warc_dir),
        "SIGNALSTACK_WARC_MAX_BYTES": int(app.warc_max_file_mb) * 1024 * 1024,
    }
    if jobdir is not None:
        values["JOBDIR"] = str(jobdir)
    return values
