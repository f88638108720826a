"""Drop an item that cannot become an ad: no site ad id, or neither title nor body."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem


class ValidateItemPipeline:
    def __init__(self, stats: Any):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ValidateItemPipeline:
        return cls(crawler.stats)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        problems = []
        ad_id = item.get("site_ad_id")
        if not isinstance(ad_id, str) or not ad_id.strip() or len(ad_id) > 200:
            problems.append("no usable site ad id")
        if not (item.get("title") or item.get("body")):
            problems.append("neither title nor body")
        if problems:
            self.stats.inc_value("signalstack/items_invalid")
            raise DropItem(f"{item.get('fetched_url')}: {', '.join(problems)}")
        item["site_ad_id"] = ad_id.strip()
        return item
