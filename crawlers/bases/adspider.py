"""The generic ad spider, and the manual for writing a site adapter.

A site is one YAML file in ``crawlers/sites/<name>.yaml``; no Python per site. The spider
walks the listing pages, fetches each ad's detail page (and its images), and yields one
item per ad. Keys of an adapter:

``name``            lower-case identifier, same as the file name.
``description``     one line for people.
``country``         ISO 3166 code that national phone numbers in the ads default to.
``base_url``        optional default; ``signalstack crawl --base-url`` overrides it, and
                    for the demo sites it is the local demo server.
``start_urls``      paths (starting with ``/``) of the first listing pages.
``listing.links``   selector of the ad detail URLs on a listing page.
``listing.pagination``  how to get to the next listing page; ``kind`` is one of
    ``next_link``       ``next``: selector of the next page URL (absent on the last page);
    ``json_load_more``  ``endpoint``: selector, on the HTML listing, of the first JSON URL;
                        ``items``, ``item_url``, ``next_endpoint``: ``json:`` paths in the answer
                        (the items, the detail URL inside an item, the next endpoint or null);
    ``page_param``      ``param``: query parameter with the page number (``first_page``,
                        default 1); the walk stops at the first page without ad links.
``detail.fields``   selectors for ``site_ad_id``, ``title``, ``body``, ``name``, ``age``,
                    ``city``, ``posted_at``, ``images`` (all required) and ``phones``,
                    ``canonical_url`` (optional). The selector language is in
                    ``crawlers/bases/selectors.py`` (``css:``, ``xpath:``, ``jsonld:``).
                    ``body`` is kept exactly (no stripping): NLP offsets point into it.
``detail.unmapped_candidates``  selector of the elements that are fields on the page (e.g.
                    every ``<dd>`` of a facts list). Any such element that no field selector
                    reads is kept in ``Capture.unmapped`` and counted in the crawl summary, so
                    a field the site adds is never silently lost. With ``jsonld:`` fields,
                    every JSON-LD value not read is kept the same way.
``id_from_url``     regular expressions (one group) that read the site ad id from a detail
                    URL's path and query. With them, the several URLs of one ad are fetched
                    once, and a resumed crawl skips ads it already stored. Leave it out
                    when ids cannot be read from URLs reliably (a wrong id would skip an ad).
``allowed_paths``   regular expressions on the URL path (no query); nothing else is fetched.
``denied_paths``    regular expressions on the path that are never fetched (traps).
``max_depth``       link-trap guard: no request more than this many links below the deepest
                    listing page (a detail page is 1, its images 2).
``max_listing_pages``  link-trap guard: a crawl that reaches it stops paging and is
                    recorded as partial (so it never marks ads removed).
``politeness``      ``obey_robots`` (default true; false needs ``robots_override_reason``,
                    which is recorded with the crawl job), ``concurrent_requests_per_domain``,
                    ``download_delay`` (seconds), ``autothrottle``,
                    ``autothrottle_target_concurrency``.

Test an adapter offline with ``signalstack sites check <name>`` (saved pages in
``tests/data/<name>/``: ``listing*.html``, ``*.json`` load-more answers, ``detail*.html``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response

from crawlers.adapters import Adapter, load_adapter
from crawlers.bases.detail import extract_detail
from crawlers.bases.listing import ListingError, page_number, parse_listing_html, parse_listing_json


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class AdSpider(scrapy.Spider):
    name = "ads"

    def __init__(self, site: str, base_url: str, skip_ids: list[str] | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.adapter: Adapter = load_adapter(site)
        self.base_url = base_url.rstrip("/") + "/"
        self.host = urlsplit(self.base_url).netloc
        self.skip_ids = set(skip_ids or [])
        self.requested_ids: set[str] = set()
        self.listed_ids: set[str] = set()  # ids on the listing pages, fetched or not
        self.stored_ids: set[str] = set()
        self.listing_urls: set[str] = set()

    # -- requests -----------------------------------------------------------------------

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host and self.adapter.path_allowed(parts.path)

    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(f"signalstack/{key}")

    def _listing_request(self, url: str, json_answer: bool = False) -> Request | None:
        if url in self.listing_urls:
            return None
        if not self._allowed(url):
            self._count("links_refused")
            return None
        if len(self.listing_urls) >= self.adapter.max_listing_pages:
            self._count("listing_truncated")
            return None
        self.listing_urls.add(url)
        # Listing pages bypass the duplicate filter: after a hard kill its record on disk may
        # say "seen" for pages never parsed, and a resumed crawl must walk them again.
        return Request(url, callback=self.parse_listing_json if json_answer else self.parse_listing,
                       errback=self.listing_failed, dont_filter=True, priority=10)

    def _detail_request(self, url: str) -> Request | None:
        if not self._allowed(url):
            self._count("links_refused")
            return None
        ad_id = self.adapter.id_in_url(_path_and_query(url))
        if ad_id is not None:
            self.listed_ids.add(ad_id)
            if ad_id in self.skip_ids:
                self._count("skipped_already_stored")
                return None
            if ad_id in self.requested_ids:
                self._count("duplicate_urls_collapsed")
                return None
            self.requested_ids.add(ad_id)
        return Request(url, callback=self.parse_detail, errback=self.detail_failed)

    async def start(self):  # Scrapy >= 2.13
        for request in self.start_requests():
            yield request

    def start_requests(self):
        for path in self.adapter.start_urls:
            request = self._listing_request(urljoin(self.base_url, path.lstrip("/")))
            if request is not None:
                yield request

    # -- listing ------------------------------------------------------------------------

    def _follow(self, page: Any) -> Any:
        for url in page.ad_urls:
            request = self._detail_request(url)
            if request is not None:
                yield request
        for url in page.next_urls:
            request = self._listing_request(url)
            if request is not None:
                yield request
        for url in page.next_endpoints:
            request = self._listing_request(url, json_answer=True)
            if request is not None:
                yield request

    def parse_listing(self, response: Response) -> Any:
        if not hasattr(response, "text"):
            self._count("listing_errors")
            self.logger.warning("listing page %s is not text", response.url)
            return
        self._count("listing_pages")
        yield from self._follow(parse_listing_html(self.adapter, response.url, response.text))

    def parse_listing_json(self, response: Response) -> Any:
        try:
            page = parse_listing_json(self.adapter, response.url, response.text)
        except (ListingError, AttributeError) as exc:
            self._count("listing_errors")
            self.logger.warning("load-more answer %s unreadable: %s", response.url, exc)
            return
        self._count("listing_pages")
        yield from self._follow(page)

    def listing_failed(self, failure: Any) -> None:
        response = getattr(failure.value, "response", None)
        request = failure.request
        p = self.adapter.pagination
        if (p.kind == "page_param" and response is not None and response.status == 404
                and page_number(request.url, p.param, p.first_page) > p.first_page):
            # Numbered pages end in "not found" on some sites: the walk is over, nothing failed.
            self._count("listing_end_not_found")
            return
        self._count("listing_errors")
        self.logger.warning("listing page failed: %s (%s)", failure.request.url, failure.getErrorMessage())

    # -- detail and images --------------------------------------------------------------

    def parse_detail(self, response: Response) -> Any:
        if not hasattr(response, "text"):
            self._count("detail_errors")
            self.logger.warning("detail page %s is not text", response.url)
            return
        page = extract_detail(self.adapter, response.url, response.text)
        fields = page.fields
        ad_id = (fields.get("site_ad_id") or "").strip()
        if ad_id and ad_id in self.stored_ids:
            self._count("duplicate_urls_collapsed")
            return
        if ad_id:
            self.stored_ids.add(ad_id)
        item = {
            **{k: v for k, v in fields.items() if k not in ("images", "canonical_url")},
            "site_ad_id": ad_id,
            "url": fields.get("canonical_url") or response.url,
            "fetched_url": response.url,
            "fetched_at": datetime.now(UTC),
            "http_status": response.status,
            "content_type": response.headers.get("Content-Type", b"").decode("latin-1"),
            "capture": response.meta.get("capture") or {},
            "unmapped": page.unmapped,
            "images": [{"url": u} for u in fields.get("images") or []],
        }
        yield from self._next_image(item, 0)

    def _next_image(self, item: dict[str, Any], index: int) -> Any:
        while index < len(item["images"]):
            url = item["images"][index]["url"]
            if self._allowed(url):
                # Photos are shared between ads on purpose; fetch them per ad all the same.
                yield Request(url, callback=self.parse_image, errback=self.image_failed, dont_filter=True,
                              meta={"item": item, "index": index}, priority=5)
                return
            item["images"][index]["error"] = "outside the adapter's allowed paths"
            index += 1
        yield item

    def parse_image(self, response: Response) -> Any:
        item, index = response.meta["item"], response.meta["index"]
        item["images"][index]["data"] = response.body
        yield from self._next_image(item, index + 1)

    def image_failed(self, failure: Any) -> Any:
        item, index = failure.request.meta["item"], failure.request.meta["index"]
        item["images"][index]["error"] = failure.getErrorMessage()[:200]
        self._count("image_errors")
        yield from self._next_image(item, index + 1)

    def detail_failed(self, failure: Any) -> None:
        self._count("detail_errors")
        self.logger.warning("detail page failed: %s (%s)", failure.request.url, failure.getErrorMessage())
