"""Crawls of the demo world (crawlers.demosite): every live ad stored once with its exact content,
hostile pages survived, and a later day's re-crawl adds the versions and removals the world has."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.db import session_scope
from core.schema import Ad, Site
from core.settings import Settings
from crawlers.demosite.generate import generate_world
from crawlers.demosite.server import running_server
from crawlers.demosite.world import World
from crawlers.run import crawl_site

WHY = {"purpose": "Demo: signalen mensenhandel (test)", "legal_basis": "Wpg art. 9 (test)"}
SITES = ("classic", "profiles", "search")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("world")
    generate_world(ads=60, days=10, seed=11, out=folder)
    return folder


def stored_ads(settings: Settings, site: str) -> dict[str, Ad]:
    with session_scope(settings) as s:
        ads = s.execute(select(Ad).join(Site).where(Site.name == site)).scalars().all()
        for ad in ads:
            _ = ad.versions  # load before the session closes
        return {ad.site_ad_id: ad for ad in ads}


def assert_matches_day(settings: Settings, view, site: str) -> None:
    ads = stored_ads(settings, site)
    live = {a.id: a for a in view.by_site[site]}
    assert set(ads) >= set(live)  # every live ad stored; ids are unique per site by construction
    for ad_id, truth in live.items():
        v = ads[ad_id].current
        assert ads[ad_id].removed_at is None
        if truth.page == "charset_wrong":
            assert v.title and v.body  # decoded without a crash; non-ASCII letters may differ
            continue
        want = truth.version
        assert (v.title, v.body, v.name, v.age_text, v.city) == (
            want["title"], want["body"], want["name"], want["age"], want["city"]), ad_id
        assert [i["url"].rsplit("/", 1)[1] for i in v.images] == want["images"]
        assert all(len(i.get("phash", "")) == 16 for i in v.images)


def test_demo_world_crawl_and_recrawl(settings, world):
    w = World(world)
    day1, last = 5, w.day_view().day
    with running_server(world, day=day1, slow_seconds=1.0) as server:
        for site in SITES:
            summary = crawl_site(site, server.url, actor="tester", settings=settings, **WHY)
            assert summary.status == "finished", summary
            assert summary.items == len(w.day_view(day1).by_site[site])
            assert_matches_day(settings, w.day_view(day1), site)
        fetched = [path for path, _ in server.requests]
    assert not any(p.startswith("/private/") for p in fetched)  # robots.txt obeyed
    assert sum("/calendar/" in p for p in fetched) == 0  # the calendar trap is never entered
    assert sum(p.endswith("/h-error") for p in fetched) <= 3 * 3  # a few retries per site, no more

    once = Settings(overrides={"removal_after_missed_crawls": 1})
    with running_server(world, day=last, slow_seconds=1.0) as server:
        summary = crawl_site("classic", server.url, actor="tester", settings=once, **WHY)
    assert summary.status == "finished"
    view = w.day_view(last)
    assert_matches_day(settings, view, "classic")
    before = {a.id: a for a in w.day_view(day1).by_site["classic"]}
    now = {a.id: a for a in view.by_site["classic"]}
    ads = stored_ads(settings, "classic")
    assert {k for k, a in ads.items() if a.removed_at} == set(before) - set(now)
    changed = {k for k in before.keys() & now.keys() if before[k].version["version"] != now[k].version["version"]}
    versioned = {k for k in now if len(ads[k].versions) > 1}
    assert versioned <= changed and summary.ads_changed == len(versioned)
    assert summary.ads_new == len(set(now) - set(before))
    assert summary.ads_removed == len(set(before) - set(now))
