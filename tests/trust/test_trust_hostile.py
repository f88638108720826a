"""Hostile pages: the crawler's pure page readers never crash, whatever a site serves.

Pages are arbitrary text, soup built from the page contract's own markup (unclosed tags, stray
JSON-LD, NULs, bad character references), and real saved pages cut and spliced at random.
A reader may find nothing; it must not raise, and what it returns keeps its types.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawlers.adapters import load_adapter, site_names
from crawlers.bases.detail import extract_detail
from crawlers.bases.listing import ListingError, parse_listing_html, parse_listing_json

DATA = Path(__file__).resolve().parents[1] / "data"
SITES = site_names()
SAVED = {site: [p.read_text(encoding="utf-8") for p in sorted((DATA / site).glob("*.*"))] for site in SITES}
DETAIL_EXAMPLES = 200
LISTING_EXAMPLES = 100

MARKUP = st.sampled_from([
    '<article class="ad" data-ad-id="x1">', '<article class="ad-card">', '<a class="ad-link" href="',
    '<a class="next" rel="next" href="', '<h1 class="ad-title">', "</h1>", '<dl class="ad-facts">',
    '<dd class="ad-name">', '<dd class="ad-age">', '<dd class="ad-city">', '<dd class="ad-extra">', "</dd>",
    '<time class="ad-posted" datetime="', '<div class="ad-body" style="white-space:pre-wrap">', "</div>",
    '<img class="ad-image" src="', '<div class="advert" data-id="9" itemscope>', '<span itemprop="headline">',
    '<div itemprop="description">', '<img itemprop="image" src="', '<link rel="canonical" href="',
    '<script type="application/ld+json">', "</script>", '{"@context":"https://schema.org","@type":"ProfilePage",',
    '"identifier":', '"text":', '"image":[', '"mainEntity":{"@type":"Person","age":', "[", "]", "{", "}", '"', ",",
    "<!--", "-->", "<![CDATA[", "]]>", "\x00", "&#0;", "&#x110000;", "&#xD800;", "&bogus;", "\ufeff", "\r\n",
    "<" * 3, '">', "<html>", "</html>", "<body>", "<svg><foreignObject>", "javascript:", "//", "../" * 4,
    "http://[::1", "%zz", "\u202e", "9" * 40,
])
SOUP = st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=80).map("".join)


@st.composite
def spliced_saved_page(draw):
    site = draw(st.sampled_from(SITES))
    page = draw(st.sampled_from(SAVED[site]))
    for _ in range(draw(st.integers(1, 4))):
        a = draw(st.integers(0, len(page)))
        b = draw(st.integers(a, min(len(page), a + 400)))
        page = page[:a] + draw(st.one_of(MARKUP, SOUP, st.just(""))) + page[b:]
    return site, page


PAGES = st.one_of(
    st.tuples(st.sampled_from(SITES), st.text(max_size=300)),
    st.tuples(st.sampled_from(SITES), SOUP),
    spliced_saved_page(),
)


URLS = st.sampled_from(["http://127.0.0.1:8765/classic/ad/1", "http://127.0.0.1:8765/profiles/p/a-1",
                        "http://127.0.0.1:8765/search/item?id=1", "http://[::1]/x", "file:///etc/passwd"])


@settings(max_examples=DETAIL_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES, URLS)
def test_detail_reader_survives_any_page(site_page, url):
    site, page = site_page
    adapter = load_adapter(site)
    result = extract_detail(adapter, url, page)
    assert set(result.fields) == set(adapter.fields)
    for key, value in result.fields.items():
        if key in ("images", "phones"):
            assert isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            assert value is None or isinstance(value, str)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in result.unmapped.items())


@settings(max_examples=LISTING_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES, URLS)
def test_listing_readers_survive_any_page(site_page, url):
    site, page = site_page
    adapter = load_adapter(site)
    listing = parse_listing_html(adapter, url, page)
    assert all(isinstance(u, str) for u in listing.ad_urls + listing.next_urls + listing.next_endpoints)
    if adapter.pagination.kind == "json_load_more":
        try:
            parse_listing_json(adapter, url, page)
        except ListingError:
            pass  # a clear, expected refusal: the spider logs it and goes on


@pytest.mark.parametrize("reader", ["detail", "listing"])
def test_json_body_is_read_as_html(reader):
    page = '{"items": [], "next": null}'
    adapter = load_adapter("classic")
    if reader == "detail":
        assert extract_detail(adapter, "http://127.0.0.1:8765/classic/ad/1", page).fields["title"] is None
    else:
        assert parse_listing_html(adapter, "http://127.0.0.1:8765/classic/", page).ad_urls == []
