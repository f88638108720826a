from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from core.db import session_scope
from core.schema import Ad, AdVersion, AuditEntry, Cluster, ClusterMember, Entity, Site
from models.store import cluster_stored_ads

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)
TEMPLATE = ("Hoi, ik ben {name}, {age} jaar. Nieuw in {city}! Ik ben een rustige vriendelijke dame voor een "
            "gezellige avond of een wandeling. Beschikbaar in het weekend. Prijs {price} euro per uur.")
PHOTO, PHOTO_MIRROR = "c3a5c3a5963c963c", "3c963c96a5c3a5c3"


def _add_ad(session, site, site_ad_id, body, *, city="Utrecht", day=0, phones=(), images=(), versions=1):
    ad = Ad(site_id=site.id, site_ad_id=site_ad_id, url=f"https://example.invalid/{site_ad_id}",
            first_seen=T0 + timedelta(days=day), last_seen=T0 + timedelta(days=day + versions))
    session.add(ad)
    session.flush()
    for n in range(versions):
        version = AdVersion(ad_id=ad.id, version_no=n + 1, content_sha256=f"{site_ad_id}-{n}",
                            captured_at=T0 + timedelta(days=day + n), title="", body=body,
                            city=city if n == 0 else "Breda", images=list(images))
        session.add(version)
        session.flush()
        for phone in phones:
            session.add(Entity(ad_version_id=version.id, kind="phone", value=phone))
    session.flush()
    return ad


def _world(session):
    site = Site(name="classic", base_url="https://example.invalid")
    session.add(site)
    session.flush()
    ads = {
        "t1": _add_ad(session, site, "t1", TEMPLATE.format(name="Lisa", age=19, city="Breda", price=150)),
        "t2": _add_ad(session, site, "t2", TEMPLATE.format(name="Eva", age=22, city="Delft", price=180),
                      phones=["+31612345678"], versions=2),
        "p1": _add_ad(session, site, "p1", "Sportieve studente, houdt van fietsen en musea.",
                      phones=["+31612345678"], day=3),
        "i1": _add_ad(session, site, "i1", "Lange avonden met goede gesprekken, alleen doordeweeks.",
                      images=[{"sha256": "x", "phash": PHOTO, "phash_mirror": PHOTO_MIRROR}]),
        "i2": _add_ad(session, site, "i2", "Iets heel anders over koffie en wandelen langs het water.",
                      images=[{"sha256": "y", "phash": PHOTO_MIRROR, "phash_mirror": PHOTO}, {"error": "404"}]),
        "solo": _add_ad(session, site, "solo", "Alleen op zondag, rustig gesprek bij de koffie in het park."),
    }
    return site, {k: a.id for k, a in ads.items()}


def _assignment(session, kind):
    rows = session.execute(
        select(Ad.site_ad_id, Cluster.key, Cluster.id).join(ClusterMember, ClusterMember.ad_id == Ad.id)
        .join(Cluster, Cluster.id == ClusterMember.cluster_id).where(Cluster.kind == kind)
    ).all()
    return {ad: (key, cid) for ad, key, cid in rows}


def test_db_clusters_are_stored_stable_and_explained(settings):
    with session_scope(settings) as session:
        site, _ = _world(session)
        report = cluster_stored_ads(session, actor="tester")
    assert report["ads"] == 6 and report["text"]["clusters"] == 1 and report["network"]["clusters"] == 2

    with session_scope(settings) as session:
        text = _assignment(session, "text")
        network = _assignment(session, "network")
        assert set(text) == {"t1", "t2"}
        assert network["t1"] == network["t2"] == network["p1"] and network["i1"] == network["i2"]
        assert "solo" not in network
        text_cluster = session.get(Cluster, text["t1"][1])
        assert "{1}" in text_cluster.summary["template"] and text_cluster.summary["size"] == 2
        facts = session.get(Cluster, network["p1"][1]).summary
        assert facts["phones"] == ["+31612345678"] and facts["size"] == 3
        assert [s["city"] for s in facts["timeline"]] == ["Utrecht", "Breda"]
        assert {link["kind"] for link in facts["links"]} == {"phone", "text"}
        assert session.execute(select(AuditEntry).where(AuditEntry.action == "cluster")).scalar_one()

    # A rerun gives the same keys and keeps the rows; a new ad joining keeps the key.
    with session_scope(settings) as session:
        cluster_stored_ads(session)
        assert _assignment(session, "network") == network and _assignment(session, "text") == text
        site = session.execute(select(Site)).scalar_one()
        _add_ad(session, site, "a0", "Nog een ander verhaal over muziek en films.", phones=["+31612345678"])
        cluster_stored_ads(session)
    with session_scope(settings) as session:
        grown = _assignment(session, "network")
        assert grown["a0"] == grown["p1"] == network["p1"]
        assert session.execute(select(func.count()).select_from(Cluster)).scalar() == 3


def test_db_replaces_the_previous_assignment_when_links_disappear(settings):
    with session_scope(settings) as session:
        _, ids = _world(session)
        cluster_stored_ads(session)
    with session_scope(settings) as session:
        # the photo ad loses its photo: the image network dissolves
        version = session.execute(select(AdVersion).where(AdVersion.ad_id == ids["i2"])).scalar_one()
        version.images = []
        cluster_stored_ads(session)
        network = _assignment(session, "network")
        assert "i1" not in network and "i2" not in network
        assert session.execute(select(func.count()).select_from(Cluster).where(Cluster.kind == "network")
                               ).scalar() == 1


def test_cluster_db_command(settings):
    with session_scope(settings) as session:
        _world(session)
    result = subprocess.run([sys.executable, "-m", "signalstack.cli", "clusters", "rebuild"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["network"]["clusters"] == 2 and report["text"]["clusters"] == 1
    with session_scope(settings) as session:
        assert len(_assignment(session, "network")) == 5


def test_db_job_ads_with_one_text_share_a_text_cluster_but_not_a_network(settings):
    job = "Oppas gezocht in {city}\nGezin zoekt oppas voor twee kinderen, woensdagmiddag. Contact: {phone}"
    with session_scope(settings) as session:
        site, _ = _world(session)
        _add_ad(session, site, "j1", job.format(city="Breda", phone="0612345670"), phones=["+31612345670"])
        _add_ad(session, site, "j2", job.format(city="Delft", phone="0687654320"), phones=["+31687654320"])
        cluster_stored_ads(session)
    with session_scope(settings) as session:
        text, network = _assignment(session, "text"), _assignment(session, "network")
        assert text["j1"][0] == text["j2"][0]
        assert "j1" not in network and "j2" not in network
        assert network["t1"] == network["t2"]  # escort ads still link by their text cluster
