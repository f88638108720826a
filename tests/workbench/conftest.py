"""A small synthetic world for the workbench tests: users of each role, flagged and unflagged ads.

Rows are inserted directly (no crawler, NLP or models needed), so the pages are
tested on exactly known data. All text is synthetic and non-explicit.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from core import audit
from core.db import session_scope
from core.schema import (
    Ad,
    AdVersion,
    Capture,
    Cluster,
    ClusterMember,
    CrawlJob,
    Entity,
    IndicatorHit,
    Score,
    Site,
    User,
    analysis_text,
)

APP = Path(__file__).resolve().parents[2] / "workbench" / "app.py"
PASSWORD = "correct horse battery"
# Four weeks ago, so the trends page (last 12 weeks) always has data.
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(days=28)


@lru_cache(maxsize=1)
def _password_hash() -> str:
    return PasswordHasher().hash(PASSWORD)


@dataclass
class World:
    users: dict[str, int]
    high: int  # flagged, risk 0.91, two versions (age 17 -> 18, Utrecht -> Amersfoort), script in text
    mid: int  # flagged, risk 0.55, shares the phone number with `high`
    low: int  # scored but not flagged
    stale: int  # flagged once, but its newest score is not flagged
    cluster: int
    password: str = PASSWORD


def _version(session, ad: Ad, no: int, title: str, body: str, city: str, age: str, at: datetime,
             capture_id: int | None = None, images: list | None = None) -> AdVersion:
    v = AdVersion(ad_id=ad.id, version_no=no, title=title, body=body, city=city, age_text=age, name="Lisa",
                  content_sha256=hashlib.sha256(f"{title}\n{body}\n{city}\n{age}".encode()).hexdigest(),
                  captured_at=at, capture_id=capture_id, images=images or [])
    session.add(v)
    session.flush()
    return v


def _hit(session, v: AdVersion, code: str, category: str, phrase: str, weight: float) -> None:
    text = analysis_text(v.title, v.body)
    start = text.index(phrase)
    session.add(IndicatorHit(ad_version_id=v.id, code=code, category=category, start=start,
                             end=start + len(phrase), text=phrase, weight=weight,
                             explanation=f"{code} explained", source="lexicon nl.yaml (test)"))


def _score(session, v: AdVersion, risk: float, flagged: bool, reasons: list[str], model: str = "test-1") -> None:
    session.add(Score(ad_version_id=v.id, model_version=model, risk=risk, flagged=flagged, reasons=reasons))


def build_world(settings) -> World:
    with session_scope(settings) as s:
        # One argon2 hash for every account: hashing is deliberately slow, and the fixture runs per test.
        users = {}
        for name, role, team in [("anna", "analyst", "zuid"), ("carl", "coordinator", "zuid"),
                                 ("audrey", "auditor", "zuid"), ("adam", "admin", "default"),
                                 ("bert", "analyst", "noord")]:
            user = User(username=name, password_hash=_password_hash(), role=role, team=team)
            s.add(user)
            s.flush()
            users[name] = user.id
        audit.record(s, "test", "user.add", "user", "", usernames=sorted(users))
        site = Site(name="classic", base_url="http://127.0.0.1:8765/classic/")
        s.add(site)
        s.flush()
        job = CrawlJob(site_id=site.id, started_by="anna", purpose="test", legal_basis="test")
        s.add(job)
        s.flush()
        capture = Capture(crawl_job_id=job.id, url="http://127.0.0.1:8765/classic/ad/a1", fetched_at=T0,
                          http_status=200, sha256="ab" * 32, warc_file="crawl-0001.warc.gz", warc_offset=1234,
                          warc_record_id="<urn:uuid:0000-test>")
        s.add(capture)
        s.flush()

        def ad(site_ad_id: str) -> Ad:
            row = Ad(site_id=site.id, site_ad_id=site_ad_id, url=f"http://127.0.0.1:8765/classic/ad/{site_ad_id}",
                     first_seen=T0, last_seen=T0 + timedelta(days=7))
            s.add(row)
            s.flush()
            return row

        high = ad("a1")
        v1 = _version(s, high, 1, "Lisa nieuw in de stad", "Lisa, 17 jaar. Bel mijn manager.", "Utrecht", "17", T0,
                      images=[{"url": "/img/a.jpg", "sha256": "cd" * 32, "phash": "f0f0f0f0f0f0f0f0",
                               "phash_mirror": "0f0f0f0f0f0f0f0f"}])
        _hit(s, v1, "age_under_18", "minor", "17 jaar", 0.9)
        _score(s, v1, 0.8, True, ["stated age under 18"])
        v2 = _version(s, high, 2, "Lisa nieuw in de stad",
                      "Lisa, 18 jaar. 24/7. Bel mijn manager 06-12345678. <script>alert('x')</script>",
                      "Amersfoort", "18", T0 + timedelta(days=7), capture_id=capture.id,
                      images=[{"url": "/img/a.jpg", "sha256": "cd" * 32, "phash": "f0f0f0f0f0f0f0f0",
                               "phash_mirror": "0f0f0f0f0f0f0f0f"}])
        _hit(s, v2, "always_available", "coercion", "24/7", 0.4)
        _hit(s, v2, "booking_via_third_party", "coercion", "Bel mijn manager", 0.5)
        _hit(s, v2, "new_in_town", "movement", "nieuw in de stad", 0.1)
        s.add(Entity(ad_version_id=v2.id, kind="phone", value="+31612345678", start=0, end=0))
        _score(s, v2, 0.91, True, ["booking through a third party", "always available"])

        mid = ad("b2")
        w1 = _version(s, mid, 1, "Nina", "Nina. Altijd beschikbaar. Bel 0612345678.", "Rotterdam", "21",
                      T0 + timedelta(days=1))
        _hit(s, w1, "always_available", "coercion", "Altijd beschikbaar", 0.4)
        s.add(Entity(ad_version_id=w1.id, kind="phone", value="+31612345678", start=0, end=0))
        _score(s, w1, 0.55, True, ["always available"])

        low = ad("c3")
        x1 = _version(s, low, 1, "Eva", "Eva, 30 jaar, eigen agenda.", "Utrecht", "30", T0 + timedelta(days=2))
        _score(s, x1, 0.1, False, [])

        stale = ad("d4")
        y1 = _version(s, stale, 1, "Mia", "Mia, net 18.", "Den Haag", "18", T0 + timedelta(days=3))
        _hit(s, y1, "just_18", "minor", "net 18", 0.2)
        _score(s, y1, 0.7, True, ["just turned 18"], model="test-0")
        s.flush()
        _score(s, y1, 0.2, False, ["just turned 18 (weak)"], model="test-1")

        cluster = Cluster(kind="text", key="t-0001", summary={"template": "{name}, {age} jaar. Bel {phone}.",
                                                             "slots": {"name": ["Lisa", "Nina"]}})
        s.add(cluster)
        s.flush()
        s.add_all([ClusterMember(cluster_id=cluster.id, ad_id=high.id), ClusterMember(cluster_id=cluster.id,
                                                                                     ad_id=mid.id)])
        return World(users, high.id, mid.id, low.id, stale.id, cluster.id)


@pytest.fixture
def world(settings) -> World:
    return build_world(settings)


def app_as(world: World | None, username: str | None, page: str | None = None, **query) -> AppTest:
    """The app signed in as `username` (None: signed out), run once, then switched to `page` if given."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if username is not None:
        at.session_state["user_id"] = world.users[username]
    at.run()
    if page is not None:
        at.query_params.update(query)
        at.switch_page(f"views/{page}.py").run()
    assert not failed(at), failed(at)
    return at


def failed(at: AppTest) -> list[str]:
    """Page failures: raised exceptions, or the app's "something went wrong" message."""
    return [e.value for e in at.exception] + [e.value for e in at.error if "(referentie " in e.value
                                              or "(reference " in e.value]


app_as.failed = failed  # type: ignore[attr-defined]


@pytest.fixture
def app():
    """`app(world, username, page, **query)`; `app.failed(at)` lists page failures."""
    return app_as
