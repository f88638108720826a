"""Upsert the ad by (site, site ad id) in its own transaction; a new version only on changed content."""

from __future__ import annotations

from typing import Any

from core.db import session_scope
from crawlers.pipelines import app_settings, job_info
from crawlers.store import upsert_ad


class StoreAdPipeline:
    def __init__(self, settings: Any, site_id: int, stats: Any):
        self.settings = settings
        self.site_id = site_id
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> StoreAdPipeline:
        return cls(app_settings(crawler), int(job_info(crawler)["site_id"]), crawler.stats)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        with session_scope(self.settings) as session:
            outcome = upsert_ad(session, self.site_id, item, item.get("capture_id"), item["fetched_at"])
        self.stats.inc_value("signalstack/items_stored")
        # A return to earlier content is a change too (a new version); it is also counted on its own.
        self.stats.inc_value(f"signalstack/ads_{'changed' if outcome == 'reverted' else outcome}")
        if outcome == "reverted":
            self.stats.inc_value("signalstack/ads_reverted")
        return item
