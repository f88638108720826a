"""Upserting ads: one ad per (site, site ad id), a version only on changed content, removals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from core.schema import Ad, AdVersion, CrawlJob, Site
from crawlers.store import content_sha256, mark_removed, upsert_ad

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)


def item(ad_id: str, body: str = "Hoi", **extra) -> dict:
    return {"site_ad_id": ad_id, "url": f"http://x/ad/{ad_id}", "title": "T", "body": body, "name": "Eva",
            "age": "19", "city": "Utrecht", "fetched_at": T0, "images": [{"url": "http://x/i.png", "sha256": "ab"}],
            **extra}


def test_content_hash_covers_content_not_fetch_details():
    a = item("1")
    assert content_sha256(a) == content_sha256({**a, "fetched_at": T0 + timedelta(days=1), "url": "http://y"})
    assert content_sha256(a) != content_sha256({**a, "city": "Zwolle"})
    assert content_sha256(a) != content_sha256({**a, "images": [{"url": "http://x/i.png", "sha256": "cd"}]})


def test_upsert_versions_and_last_seen(session):
    site = Site(name="s", base_url="http://x")
    session.add(site)
    session.flush()
    assert upsert_ad(session, site.id, item("1"), None, T0) == "new"
    assert upsert_ad(session, site.id, item("1"), None, T0 + timedelta(hours=1)) == "unchanged"
    assert upsert_ad(session, site.id, item("1", body="Hoi, nieuw"), None, T0 + timedelta(hours=2)) == "changed"
    assert upsert_ad(session, site.id, item("1"), None, T0 + timedelta(hours=3)) == "reverted"
    ad = session.execute(select(Ad)).scalar_one()
    assert ad.last_seen == T0 + timedelta(hours=3) and ad.first_seen == T0
    # A -> B -> A is three versions: the analyst sees the edit and the edit back.
    assert [v.version_no for v in ad.versions] == [1, 2, 3]
    assert ad.versions[0].content_sha256 == ad.current.content_sha256 != ad.versions[1].content_sha256
    assert ad.current.body == item("1")["body"]
    assert upsert_ad(session, site.id, item("1"), None, T0 + timedelta(hours=4)) == "unchanged"
    assert len(ad.versions) == 3
    assert session.query(AdVersion).count() == 3


def test_removed_after_missed_complete_crawls(session):
    site = Site(name="s", base_url="http://x")
    session.add(site)
    session.flush()
    upsert_ad(session, site.id, item("gone"), None, T0)
    upsert_ad(session, site.id, item("stays"), None, T0)

    def crawl(hours: int, status: str = "finished") -> None:
        session.add(CrawlJob(site_id=site.id, started_by="t", purpose="p", legal_basis="b", status=status,
                             started_at=T0 + timedelta(hours=hours)))
        upsert_ad(session, site.id, item("stays"), None, T0 + timedelta(hours=hours, minutes=1))
        session.flush()

    crawl(1)
    assert mark_removed(session, site.id, 2, T0) == 0  # missed once: not yet
    crawl(2, status="partial")  # an incomplete crawl proves nothing
    assert mark_removed(session, site.id, 2, T0) == 0
    crawl(3)
    assert mark_removed(session, site.id, 2, T0 + timedelta(hours=3)) == 1
    gone, stays = (session.execute(select(Ad).where(Ad.site_ad_id == k)).scalar_one() for k in ("gone", "stays"))
    assert gone.removed_at is not None and stays.removed_at is None
    upsert_ad(session, site.id, item("gone"), None, T0 + timedelta(hours=4))  # re-posted
    assert gone.removed_at is None


def test_image_hashes_catch_mirrored_copies():
    from io import BytesIO

    from PIL import Image, ImageOps

    from crawlers.pipelines.images import image_hashes

    img = Image.new("RGB", (64, 64), (30, 30, 30))
    for x in range(40):
        for y in range(x // 2):
            img.putpixel((x, y), (250, 250, 250))

    def encoded(image) -> bytes:
        out = BytesIO()
        image.save(out, "PNG")
        return out.getvalue()

    original, mirrored = image_hashes(encoded(img)), image_hashes(encoded(ImageOps.mirror(img)))
    assert original["sha256"] != mirrored["sha256"] and original["phash"] != mirrored["phash"]
    assert original["phash_mirror"] == mirrored["phash"]  # a flipped re-use is found by the mirror's hash
    assert image_hashes(b"not an image")["error"].startswith("not a readable image")


def test_image_hashes_equal_imagehash_phash_of_the_photo_and_its_mirror():
    """The crawl's own pHash arithmetic must give imagehash's bits, or stored hashes stop matching."""
    from io import BytesIO

    import imagehash
    from PIL import Image, ImageOps

    from crawlers.demosite.images import image_bytes
    from crawlers.pipelines.images import image_hashes

    checked = 0
    for base in ("b000001", "b000002", "b000147"):
        for transform in ("o", "m", "q70", "c12"):
            data = image_bytes(5, base, transform)
            with Image.open(BytesIO(data)) as img:
                img.load()
                want = (str(imagehash.phash(img)), str(imagehash.phash(ImageOps.mirror(img.convert("RGB")))))
            got = image_hashes(data)
            assert (got["phash"], got["phash_mirror"]) == want, (base, transform)
            checked += 1
    assert checked == 12


def test_crawl_status_rules():
    from crawlers.jobrecorder import crawl_status
    from crawlers.retry import backoff_delay

    ok = {"signalstack/listing_pages": 3, "signalstack/items_stored": 40, "signalstack/detail_errors": 2}
    assert crawl_status(ok, "finished") == "finished"  # a failed ad page does not make a crawl incomplete
    assert crawl_status({**ok, "signalstack/listing_errors": 1}, "finished") == "partial"
    assert crawl_status({**ok, "signalstack/listing_truncated": 1}, "finished") == "partial"
    assert crawl_status(ok, "closespider_pagecount") == "partial"
    assert crawl_status(ok, "shutdown") == "interrupted"
    assert crawl_status({}, "finished") == "failed"  # not one listing page read
    assert crawl_status({**ok, "signalstack/items_stored": 0, "signalstack/item_errors": 5}, "finished") == "failed"
    assert [backoff_delay(n) for n in (1, 2, 3, 10)] == [0.5, 1.0, 2.0, 10.0]
