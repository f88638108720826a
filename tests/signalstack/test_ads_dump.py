from __future__ import annotations

import json

from typer.testing import CliRunner

from core.ads_dump import dump_ads
from core.schema import (
    Ad,
    AdVersion,
    Cluster,
    ClusterMember,
    Entity,
    IndicatorHit,
    Score,
    Site,
)
from signalstack.cli import build_app

app = build_app()


def _store(session):
    site = Site(name="classic", base_url="http://127.0.0.1:1")
    session.add(site)
    session.flush()
    ad = Ad(site_id=site.id, site_ad_id="a1", url="http://127.0.0.1:1/classic/ad/a1")
    session.add(ad)
    session.flush()
    old = AdVersion(ad_id=ad.id, version_no=1, content_sha256="1" * 64, title="Eva", body="17 jaar")
    new = AdVersion(ad_id=ad.id, version_no=2, content_sha256="2" * 64, title="Eva", body="18 jaar, bel 06")
    session.add_all([old, new])
    session.flush()
    session.add_all([
        Entity(ad_version_id=new.id, kind="phone", value="+31612345678", obfuscated=True),
        Entity(ad_version_id=new.id, kind="phone", value="+31612345678"),
        Entity(ad_version_id=new.id, kind="age", value="18"),
        Entity(ad_version_id=new.id, kind="handle", value="eva_x", platform="snapchat"),
        Entity(ad_version_id=old.id, kind="age", value="17"),
        IndicatorHit(ad_version_id=new.id, code="just_18", category="minor", start=4, end=11,
                     text="18 jaar", weight=0.2),
        Score(ad_version_id=new.id, model_version="rules-v1", risk=0.4, flagged=True),
    ])
    cluster = Cluster(kind="network", key="n-1")
    session.add(cluster)
    session.flush()
    session.add(ClusterMember(cluster_id=cluster.id, ad_id=ad.id))
    session.commit()
    return ad


def test_dump_gives_the_current_version_with_its_fields(session):
    ad = _store(session)
    [row] = list(dump_ads(session))
    assert row["id"] == ad.id and row["version"] == 2
    assert row["text"] == "Eva\n18 jaar, bel 06"
    assert row["phones"] == ["+31612345678"] and row["phones_obfuscated"] is True
    assert row["ages"] == [18]
    assert row["handles"] == [{"platform": "snapchat", "handle": "eva_x"}]
    assert row["indicators"][0]["code"] == "just_18"
    assert row["text"][row["indicators"][0]["start"]:row["indicators"][0]["end"]] == "18 jaar"
    assert row["risk"] == 0.4 and row["flagged"] is True
    assert row["network"] == "n-1" and row["cluster"] is None


def test_dump_command_writes_json_lines(settings):
    from core.db import session_scope

    with session_scope(settings) as s:
        _store(s)
    result = CliRunner().invoke(app, ["ads", "dump"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["site_ad_id"] for r in rows] == ["a1"]
