"""Item pipelines, each doing one job; their order is ``ITEM_PIPELINES`` in ``crawlers/settings.py``.

validate → hash images → store capture → store ad. A pipeline that drops an item says why
(``DropItem``), and the crawl summary counts it as an error.
"""

from __future__ import annotations

from typing import Any

from core.settings import Settings


def app_settings(crawler: Any) -> Settings:
    """The signalstack settings the crawl was started with (resolved in the parent process)."""
    return Settings(overrides=crawler.settings.getdict("SIGNALSTACK_SETTINGS"))


def job_info(crawler: Any) -> dict[str, Any]:
    return crawler.settings.getdict("SIGNALSTACK_JOB")
