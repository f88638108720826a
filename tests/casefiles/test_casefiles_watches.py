"""Watchlists and alerts: creation rules, matching by phone/e-mail/handle/photo/phrase, deduplication,
the run watermark, expiry, acknowledgement (audited) and the team boundary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from casefiles.cases import CaseAccessDenied
from casefiles.watches import (
    WatchError,
    acknowledge_alert,
    create_watch,
    end_watch,
    list_alerts,
    list_watches,
    match_new,
    review_watch,
)
from core.db import session_scope
from core.photos import photo_rows
from core.schema import Ad, AdVersion, AuditEntry, Entity, PhotoHash, Site, User, WatchAlert, utcnow
from models.photos import similar_photos

PHOTO = "c3a5f00f0ff0a5c3"
PHOTO_MIRROR = "3c5a0ff0f00f5a3c"


def _users(s) -> None:
    for name, role, team in (("ana", "analyst", "vice"), ("coco", "coordinator", "vice"),
                             ("audrey", "auditor", "vice"), ("otto", "analyst", "other")):
        s.add(User(username=name, password_hash="x", role=role, team=team))
    s.add(Site(name="classic", base_url="http://127.0.0.1/"))
    s.flush()


def _ad(s, key: str, body: str, phones=(), emails=(), handles=(), images=(), analysed=True) -> int:
    site = s.execute(select(Site)).scalar_one()
    ad = s.execute(select(Ad).where(Ad.site_ad_id == key)).scalar()
    if ad is None:
        ad = Ad(site_id=site.id, site_ad_id=key, url=f"http://127.0.0.1/{key}")
        s.add(ad)
        s.flush()
    no = s.execute(select(func.count(AdVersion.id)).where(AdVersion.ad_id == ad.id)).scalar_one() + 1
    version = AdVersion(ad_id=ad.id, version_no=no, content_sha256=f"{key}{no}", title="", body=body,
                        images=list(images), analysed_at=utcnow() if analysed else None)
    s.add(version)
    s.flush()
    for kind, values in (("phone", phones), ("email", emails), ("handle", handles)):
        for value in values:
            s.add(Entity(ad_version_id=version.id, kind=kind, value=value))
    for row in photo_rows(version.id, version.images):
        s.add(PhotoHash(**row))
    s.flush()
    return version.id


def _flip(hexhash: str, *bits: int) -> str:
    value = int(hexhash, 16)
    for bit in bits:
        value ^= 1 << bit
    return f"{value:016x}"


@pytest.fixture
def team(settings):
    with session_scope(settings) as s:
        _users(s)
        _ad(s, "old", "oude advertentie", phones=["+31612345678"])
    return settings


def test_watch_needs_reason_and_sane_dates(team):
    with session_scope(team) as s:
        with pytest.raises(WatchError, match="reason"):
            create_watch(s, "ana", "phone", "06 1234 5678", " ")
        with pytest.raises(WatchError, match="expiry"):
            create_watch(s, "ana", "phone", "0612345678", "r", expires_at=utcnow() - timedelta(days=1))
        with pytest.raises(WatchError, match="at most"):
            create_watch(s, "ana", "phone", "0612345678", "r", expires_at=utcnow() + timedelta(days=400))
        with pytest.raises(WatchError, match="review date"):
            create_watch(s, "ana", "phone", "0612345678", "r", expires_at=utcnow() + timedelta(days=10),
                         review_at=utcnow() + timedelta(days=20))
        with pytest.raises(WatchError, match="not a phone"):
            create_watch(s, "ana", "phone", "hello", "r")
        with pytest.raises(CaseAccessDenied):
            create_watch(s, "audrey", "phone", "0612345678", "r")
        watch = create_watch(s, "ana", "phone", "nul zes 12 34 56 78", "lead from casusoverleg")
        assert (watch.value, watch.team, watch.owner) == ("+31612345678", "vice", "ana")
        assert watch.review_at <= watch.expires_at
        assert create_watch(s, "ana", "handle", "Snapchat:@Lisa_X", "r").value == "lisa_x"
        assert create_watch(s, "ana", "email", "Lisa@Example.NL", "r").value == "lisa@example.nl"
        assert create_watch(s, "ana", "text", "  Net   18! ", "r").value == "net 18"
        assert create_watch(s, "ana", "photo", PHOTO.upper(), "r").value == PHOTO
        actions = s.execute(select(AuditEntry.action).where(AuditEntry.action == "watch.create")).scalars().all()
        assert len(actions) == 5


def test_new_matches_raise_one_alert_each_with_reason(team):
    with session_scope(team) as s:
        for kind, value in (("phone", "+31612345678"), ("email", "lisa@example.nl"), ("handle", "@lisa_x"),
                            ("photo", PHOTO), ("text", "nieuw in de stad")):
            create_watch(s, "ana", kind, value, f"watch {kind}")
        create_watch(s, "otto", "phone", "+31612345678", "other team's own watch")
    with session_scope(team) as s:
        v1 = _ad(s, "a1", "Nieuw in de stad! Bel me", phones=["+31612345678"], emails=["lisa@example.nl"])
        v2 = _ad(s, "a2", "foto", images=[{"phash": _flip(PHOTO_MIRROR, 3, 40), "phash_mirror": _flip(PHOTO, 3, 40)}])
        v3 = _ad(s, "a3", "nieuwe stad", handles=["lisa_x"])
        _ad(s, "a4", "unrelated", phones=["+31687654321"], images=[{"phash": "ffff0000ffff0000"}])
        _ad(s, "a5", "still pending", phones=["+31612345678"], analysed=False)
        result = match_new(s)
        assert result.alerts == 6  # v1: vice phone+email+text in one alert each watch, other team's phone; v2; v3
        assert result.through_version_id == v3 + 1  # a5 is not analysed yet
    with session_scope(team) as s:
        rows = {(a.kind, a.ad_version_id): a for a in list_alerts(s, "ana")}
        assert set(rows) == {("phone", v1), ("email", v1), ("text", v1), ("photo", v2), ("handle", v3)}
        assert "phone +31612345678" in rows[("phone", v1)].reason
        assert "mirrored photo" in rows[("photo", v2)].reason and "within 2 bits" in rows[("photo", v2)].reason
        assert [a.reason for a in list_alerts(s, "otto")] == ["phone +31612345678"]
        # a second run finds nothing new; an explicit re-run over the same range raises no duplicates
        assert match_new(s).alerts == 0
        assert match_new(s, since_version_id=0).alerts == 0
        assert s.execute(select(func.count(WatchAlert.id))).scalar_one() == 6


def test_acknowledge_is_audited_and_team_bound(team):
    with session_scope(team) as s:
        create_watch(s, "ana", "phone", "+31612345678", "r")
    with session_scope(team) as s:
        _ad(s, "a1", "x", phones=["+31612345678"])
        match_new(s)
        alert_id = list_alerts(s, "ana")[0].id
        with pytest.raises(WatchError, match="not found or not allowed"):
            acknowledge_alert(s, "otto", alert_id)
        with pytest.raises(CaseAccessDenied):
            acknowledge_alert(s, "audrey", alert_id)
        acknowledge_alert(s, "coco", alert_id)
        assert list_alerts(s, "audrey") == []  # the auditor reads, and sees it acknowledged
        done = list_alerts(s, "audrey", open_only=False)[0]
        assert done.acknowledged_by == "coco"
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "watch.acknowledge")).scalar_one()
        assert (entry.actor, entry.object_id) == ("coco", str(alert_id))


def test_expired_and_ended_watches_stop_alerting(team):
    with session_scope(team) as s:
        short = create_watch(s, "ana", "phone", "+31612345678", "r", expires_at=utcnow() + timedelta(days=2),
                             review_at=utcnow() + timedelta(days=1))
        ended = create_watch(s, "ana", "email", "a@b.nl", "r")
        kept = create_watch(s, "ana", "handle", "kept", "r")
        review_watch(s, "coco", kept.id, review_at=utcnow() + timedelta(days=60))
        end_watch(s, "coco", ended.id, "case closed")
        with pytest.raises(WatchError):
            end_watch(s, "otto", kept.id, "not mine")
        short_id = short.id
    with session_scope(team) as s:
        _ad(s, "a1", "x", phones=["+31612345678"], emails=["a@b.nl"], handles=["kept"])
        assert match_new(s, now=utcnow() + timedelta(days=3)).alerts == 1
        assert [w.kind for w in list_watches(s, "ana")] == ["handle"]
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "watch.expire")).scalar_one().object_id \
            == str(short_id)


def test_similar_photos_is_mirror_aware_and_thresholded(team):
    with session_scope(team) as s:
        same = _ad(s, "p1", "x", images=[{"phash": PHOTO, "phash_mirror": PHOTO_MIRROR}])
        near = _ad(s, "p2", "x", images=[{"phash": _flip(PHOTO, 1, 17, 33, 49, 60), "phash_mirror": "0" * 16}])
        mirrored = _ad(s, "p3", "x", images=[{"phash": PHOTO_MIRROR, "phash_mirror": PHOTO}])
        far = _ad(s, "p4", "x", images=[{"phash": _flip(PHOTO, *range(0, 64, 8)), "phash_mirror": "1" * 16}])
        found = {m.ad_version_id: m for m in similar_photos(s, PHOTO, distance=6)}
        assert set(found) == {same, near, mirrored}
        assert found[same].distance == 0 and found[near].distance == 5
        assert found[mirrored].mirrored and found[mirrored].distance == 0
        assert far in {m.ad_version_id for m in similar_photos(s, PHOTO, distance=8)}
        with pytest.raises(ValueError):
            similar_photos(s, "not-a-hash")
