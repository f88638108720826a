"""Adapters validate, and each reads its saved pages (tests/data/<site>/) as the page contract says."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest

from core.datafiles import file_problems, read_yaml
from core.schema import analysis_text
from crawlers import adapters
from crawlers.adapters import load_adapter, parse_adapter
from crawlers.bases.detail import extract_detail
from crawlers.bases.listing import parse_listing_html, parse_listing_json, with_page
from crawlers.check import SAVED_PAGES, check_site

BASE = "http://demo.test"
ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess:
    # A child process: the command exactly as an operator runs it.
    return subprocess.run([sys.executable, "-m", "signalstack.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def saved(site: str, name: str) -> str:
    return (SAVED_PAGES / site / name).read_text(encoding="utf-8")


def test_all_adapters_validate():
    assert adapters.validate_all() == []
    assert adapters.site_names() == ["classic", "profiles", "search"]


def test_validation_names_each_problem():
    data = read_yaml(adapters.SITES_DIR / "classic.yaml")
    broken = copy.deepcopy(data)
    broken["detail"]["fields"]["title"] = "css:h1[["
    del broken["detail"]["fields"]["body"]
    broken["listing"]["pagination"] = {"kind": "infinite"}
    broken["politeness"]["obey_robots"] = False
    broken["colour"] = "red"
    broken["id_from_url"] = ["^/classic/ad/[^/]+$"]
    adapter, problems = parse_adapter(broken, "classic.yaml")
    assert adapter is None
    text = "\n".join(problems)
    assert "classic.yaml: detail.fields.title: selector 'css:h1[[' does not compile" in text
    assert "classic.yaml: detail.fields.body: missing" in text
    assert "classic.yaml: listing.pagination.kind: 'infinite' is not one of 'next_link'" in text
    assert "classic.yaml: politeness: robots_override_reason: required when obey_robots is false" in text
    assert "classic.yaml: colour: unknown key" in text
    assert "classic.yaml: id_from_url.0: '^/classic/ad/[^/]+$' needs one capture group for the id" in text
    broken = copy.deepcopy(data)
    broken["politeness"].update(obey_robots=False, robots_override_reason="site owner consented in writing")
    adapter, problems = parse_adapter(broken)
    assert problems == [] and adapter.politeness["obey_robots"] is False


def test_cross_field_rules_are_checked():
    data = read_yaml(adapters.SITES_DIR / "search.yaml")
    data["start_urls"] = ["/search/", "/elsewhere/"]
    data["listing"]["pagination"]["next"] = "css:a.next::attr(href)"  # next_link's key, not page_param's
    assert parse_adapter(data, "search.yaml")[1] == ["search.yaml: listing.pagination.page_param.next: unknown key"]
    del data["listing"]["pagination"]["next"]
    assert parse_adapter(data, "search.yaml")[1] == ["search.yaml: start_urls: /elsewhere/ outside allowed_paths"]


def test_adapter_name_must_match_its_file(tmp_path):
    copy_ = tmp_path / "renamed.yaml"
    copy_.write_text((adapters.SITES_DIR / "classic.yaml").read_text())
    assert file_problems(copy_, adapters.AdapterModel) == [
        "renamed.yaml: name: 'classic' must match the file name (renamed)"]


def test_model_builds_the_same_adapter_the_spiders_read():
    a = load_adapter("search")
    assert a.path == adapters.SITES_DIR / "search.yaml"
    assert a.pagination == adapters.Pagination(kind="page_param", param="page")
    assert list(a.fields) == [*adapters.REQUIRED_FIELDS[:8], "canonical_url"]
    assert a.unmapped_candidates == "css:div.advert [itemprop]"
    assert a.politeness == {"obey_robots": True, "robots_override_reason": "", "concurrent_requests_per_domain": 8,
                            "download_delay": 0.0, "autothrottle": True, "autothrottle_target_concurrency": 8.0}
    assert (a.max_depth, a.max_listing_pages, a.country) == (5, 500, "NL")
    assert [p.pattern for p in a.id_from_url][0] == "^/search/ad/([^/?#]+)"
    assert adapters.REQUIRED_FIELDS == ("site_ad_id", "title", "body", "name", "age", "city", "posted_at", "images")
    assert adapters.OPTIONAL_FIELDS == ("phones", "canonical_url")


def test_unknown_site_is_a_clear_error():
    with pytest.raises(adapters.AdapterError, match="known sites: classic, profiles, search"):
        load_adapter("nope")


def test_classic_reads_saved_pages():
    a = load_adapter("classic")
    listing = parse_listing_html(a, f"{BASE}/classic/", saved("classic", "listing.html"))
    assert listing.ad_urls == [f"{BASE}/classic/ad/c1001", f"{BASE}/classic/ad/c1002", f"{BASE}/classic/ad/c1003"]
    assert listing.next_urls == [f"{BASE}/classic/page/2"]
    assert parse_listing_html(a, f"{BASE}/classic/page/7", saved("classic", "listing_last.html")).next_urls == []
    page = extract_detail(a, f"{BASE}/classic/ad/c1001", saved("classic", "detail.html"))
    f = page.fields
    assert (f["site_ad_id"], f["title"], f["name"], f["age"], f["city"]) == (
        "c1001", "Nieuw in Utrecht", "Mila", "19 jaar", "Utrecht")
    # The body is the element's exact text content: entities decoded, newlines kept.
    assert f["body"] == ("Hoi, ik ben Mila.\nAlleen deze week in Utrecht, afspraak & prijs via sms.\n\n"
                         "Bel 06-12345678")
    assert f["posted_at"] == "2026-11-20T09:30:00Z"
    assert f["images"] == [f"{BASE}/img/a1.png", f"{BASE}/img/a2.png"]
    assert page.unmapped == {"ad-extra": "oktober 2026"}
    text = analysis_text(f["title"], f["body"])
    assert text[text.index("Alleen"):].startswith("Alleen deze week")


def test_profiles_reads_saved_pages():
    a = load_adapter("profiles")
    listing = parse_listing_html(a, f"{BASE}/profiles/", saved("profiles", "listing.html"))
    assert len(listing.ad_urls) == 2 and listing.next_endpoints == [f"{BASE}/profiles/api/list?offset=20"]
    more = parse_listing_json(a, f"{BASE}/profiles/api/list?offset=20", saved("profiles", "api_list.json"))
    assert more.ad_urls == [f"{BASE}/profiles/p/sanne-almere-p2021", f"{BASE}/profiles/p/eva-breda-p2022"]
    assert more.next_endpoints == [f"{BASE}/profiles/api/list?offset=40"]
    assert parse_listing_json(a, BASE, '{"items": [], "next": null}').next_endpoints == []
    page = extract_detail(a, f"{BASE}/profiles/p/mila-utrecht-p2001", saved("profiles", "detail.html"))
    f = page.fields
    assert (f["site_ad_id"], f["name"], f["age"], f["city"]) == ("p2001", "Mila", "21", "Utrecht")
    assert f["body"].startswith("Hi, I am Mila.\nOnly a few days")
    assert f["images"] == [f"{BASE}/img/b1.png"]
    # JSON-LD values no field reads are kept, not dropped.
    assert page.unmapped == {"interactionStatistic.userInteractionCount": "312"}


def test_search_reads_saved_pages():
    a = load_adapter("search")
    listing = parse_listing_html(a, f"{BASE}/search/", saved("search", "listing.html"))
    assert listing.next_urls == [f"{BASE}/search/?page=2"]
    ids = {a.id_in_url(u.removeprefix(BASE)) for u in listing.ad_urls}
    assert ids == {"s3001", "s3002"}  # three URLs, two ads
    assert not a.path_allowed("/search/city/utrecht") and a.path_allowed("/search/item")
    assert with_page(f"{BASE}/search/?page=2", "page", 3) == f"{BASE}/search/?page=3"
    page = extract_detail(a, f"{BASE}/search/ad/s3001?from=den-haag", saved("search", "detail.html"))
    assert page.fields["site_ad_id"] == "s3001"
    assert page.fields["canonical_url"] == "http://127.0.0.1:8765/search/ad/s3001"
    assert page.fields["body"] == "Net 18 en nieuw in de stad.\nAfspraak via mijn vriend, 24/7 bereikbaar."
    assert page.unmapped == {"priceRange": "100 per uur"}


@pytest.mark.parametrize("site", ["classic", "profiles", "search"])
def test_sites_check_reports_fields(site):
    reports = check_site(site)
    assert reports and all(r.ok for r in reports)
    detail = next(r for r in reports if r.kind == "detail")
    assert {"site_ad_id", "title", "body", "name", "age", "city", "posted_at", "images"} <= set(detail.found)
    assert "phones" in detail.missing
    result = cli("sites", "check", site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "found    title" in result.stdout and "missing  phones" in result.stdout


def test_sites_check_fails_on_a_page_the_adapter_cannot_read(tmp_path):
    (tmp_path / "detail.html").write_text("<html><body><p>redesigned site</p></body></html>")
    reports = check_site("classic", tmp_path)
    assert not reports[0].ok
    assert "required field title not found" in reports[0].problems
    result = cli("sites", "check", "classic", "--pages", str(tmp_path))
    assert result.returncode == 1 and "missing  body" in result.stdout


def test_malformed_demo_page_still_reads_completely():
    # Saved from the demo site: unclosed and misnested tags around a complete ad.
    a = load_adapter("classic")
    page = extract_detail(a, f"{BASE}/classic/ad/480025", saved("classic", "detail_demo_malformed.html"))
    f = page.fields
    assert (f["site_ad_id"], f["title"], f["name"], f["age"], f["city"]) == (
        "480025", "Ilse (18) - Den Haag", "Ilse", "18 jaar", "Den Haag")
    assert f["body"].startswith("Hoi! Ik ben Ilse, 18, uit Den Haag.\n") and f["body"].endswith("\nKusjes")
    assert "'s avonds" in f["body"]
    assert page.unmapped == {"ad-updated": "2026-11-01T12:40:35Z", "ad-extra": "260 keer"}
