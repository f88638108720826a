"""Read a listing page (HTML or a JSON load-more answer): the ad links on it and the next page.

Pure functions, shared by the spider and ``signalstack sites check``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from crawlers.adapters import Adapter
from crawlers.bases import selectors


class ListingError(ValueError):
    pass


@dataclass
class ListingPage:
    ad_urls: list[str]
    next_urls: list[str]  # further listing pages (HTML) to fetch
    next_endpoints: list[str]  # further JSON load-more answers to fetch


def _absolute(base: str, values: list[str]) -> list[str]:
    return list(dict.fromkeys(urljoin(base, v.strip()) for v in values if v and v.strip()))


def with_page(url: str, param: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != param]
    query.append((param, str(number)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def page_number(url: str, param: str, first: int) -> int:
    for key, value in parse_qsl(urlsplit(url).query):
        if key == param and value.isdigit():
            return int(value)
    return first


def parse_listing_html(adapter: Adapter, url: str, text: str) -> ListingPage:
    page = Selector(text=text, type="html")  # never let parsel guess JSON from the body
    ad_urls = _absolute(url, selectors.select(adapter.listing_links, page))
    p = adapter.pagination
    next_urls: list[str] = []
    endpoints: list[str] = []
    if p.kind == "next_link":
        next_urls = _absolute(url, selectors.select(p.next, page))[:1]
    elif p.kind == "page_param" and ad_urls:
        # An empty page ends the walk, so a site that answers any page number cannot trap us.
        next_urls = [with_page(url, p.param, page_number(url, p.param, p.first_page) + 1)]
    elif p.kind == "json_load_more":
        endpoints = _absolute(url, selectors.select(p.endpoint, page))[:1]
    return ListingPage(ad_urls, next_urls, endpoints)


def parse_listing_json(adapter: Adapter, url: str, text: str) -> ListingPage:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ListingError(f"load-more answer is not JSON: {exc}") from None
    p = adapter.pagination
    items = selectors.json_path(data, p.items.removeprefix("json:"))
    links = []
    for item in items:
        links += [v for v in selectors.json_path(item, p.item_url.removeprefix("json:")) if isinstance(v, str)]
    following = [v for v in selectors.json_path(data, p.next_endpoint.removeprefix("json:")) if isinstance(v, str)]
    return ListingPage(_absolute(url, links), [], _absolute(url, following)[:1])
