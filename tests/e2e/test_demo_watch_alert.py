"""Done-when of the watchlists: a watch on a demo phone raises an alert when `demo` re-crawls a later
day of the world in which that number appears in a new ad."""

from __future__ import annotations

import pytest

from casefiles.watches import create_watch, list_alerts
from core.db import session_scope
from core.schema import Ad, Site
from crawlers.demosite.truth import read_truth
from crawlers.demosite.world import World
from signalstack.demo import run_demo

FIRST_DAY, LATER_DAY = 3, 6


@pytest.mark.slow
def test_watch_on_a_demo_phone_alerts_when_a_later_day_brings_a_new_ad(settings):
    quiet = {"progress": lambda _m: None, "settings": settings, "ads": 60, "days": LATER_DAY, "seed": 3}
    first = run_demo(day=FIRST_DAY, **quiet)
    assert first.complete and first.alerts == 0

    world = World(first.world)
    before = set(world.day_view(FIRST_DAY).by_id)
    after = set(world.day_view(LATER_DAY).by_id)
    new_ads = after - before
    phones_before: set[str] = set()
    phones_new: dict[str, set[tuple[str, str]]] = {}
    for row in read_truth(first.world):
        key = (row["site"], row["site_ad_id"])
        phones = {p["e164"] for p in row["phones"]}
        if key in before and row["day"] <= FIRST_DAY:
            phones_before |= phones
        if key in new_ads:
            for phone in phones:
                phones_new.setdefault(phone, set()).add(key)
    # Prefer a number already seen on the first day (a known lead that turns up again).
    phone = sorted(set(phones_new) & phones_before or phones_new)[0]

    with session_scope(settings) as s:
        watch = create_watch(s, "analist", "phone", phone, "demo lead: number seen on day 3")
        watch_id = watch.id

    later = run_demo(day=LATER_DAY, **quiet)
    assert later.complete and later.alerts >= 1

    with session_scope(settings) as s:
        alerts = [a for a in list_alerts(s, "analist") if a.watch_id == watch_id]
        assert alerts, f"no alert for {phone}"
        keys = {(site, ad_id) for site, ad_id in s.query(Site.name, Ad.site_ad_id).join(Ad, Ad.site_id == Site.id)
                .filter(Ad.id.in_([a.ad_id for a in alerts]))}
        assert keys & phones_new[phone], (keys, phones_new[phone])
        assert all(f"phone {phone}" in a.reason for a in alerts)
        assert len({a.ad_version_id for a in alerts}) == len(alerts)  # one alert per watch and ad version
