"""Store the detail page's capture row (digest, WARC location, unmapped fields) in its own transaction."""

from __future__ import annotations

from typing import Any

from core.db import session_scope
from crawlers.pipelines import app_settings, job_info
from crawlers.store import add_capture


class StoreCapturePipeline:
    def __init__(self, settings: Any, job_id: int, stats: Any):
        self.settings = settings
        self.job_id = job_id
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> StoreCapturePipeline:
        return cls(app_settings(crawler), int(job_info(crawler)["id"]), crawler.stats)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        with session_scope(self.settings) as session:
            item["capture_id"] = add_capture(session, self.job_id, item).id
        for key in item.get("unmapped") or {}:
            self.stats.inc_value(f"signalstack/unmapped/{key}")
        return item
