"""Whole crawls, each in a child process as an operator runs them, against a small local site."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from minisite import MiniSite, make_ads
from sqlalchemy import func, select
from warcio.archiveiterator import ArchiveIterator

from core.db import session_scope
from core.schema import Ad, AdVersion, AuditEntry, Capture, CrawlJob, Site
from core.settings import Settings
from crawlers.run import CrawlRefused, child_environment, crawl_site

ROOT = Path(__file__).resolve().parents[2]
WHY = {"purpose": "Onderzoek signalen minderjarigheid (test)", "legal_basis": "Wpg art. 9 (test)"}


@pytest.fixture
def sqlite_settings(tmp_path, monkeypatch) -> Settings:
    """For tests whose subject does not depend on the database backend (they run on SQLite only)."""
    from core.migrate import upgrade

    monkeypatch.setenv("SIGNALSTACK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIGNALSTACK_DATABASE_URL", raising=False)
    s = Settings()
    upgrade(s)
    return s


@pytest.fixture
def site():
    s = MiniSite(make_ads(25))
    yield s
    s.close()


def crawl(settings: Settings, name: str, base_url: str, **kw):
    return crawl_site(name, base_url, actor="tester", settings=settings, **{**WHY, **kw})


def count(settings: Settings, model) -> int:
    with session_scope(settings) as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_refuses_without_purpose_or_legal_basis(sqlite_settings, site):
    settings = sqlite_settings
    env = child_environment(settings)
    for args, missing in ((["--legal-basis", "x"], "--purpose"), (["--purpose", "x"], "--legal-basis")):
        result = subprocess.run([sys.executable, "-m", "signalstack.cli", "crawl", "classic", "--base-url",
                                 site.base_url, *args], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 2
        assert missing in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(CrawlRefused, match="purpose"):
        crawl_site("classic", site.base_url, "  ", "Wpg", "tester", settings)
    assert count(settings, CrawlJob) == 0 and count(settings, Site) == 0 and count(settings, AuditEntry) == 0
    assert site.hits == {}  # not even robots.txt was fetched
    assert not (settings.data_path / "warc").exists()


@pytest.mark.parametrize("layout", ["classic", "profiles", "search"])
def test_crawl_stores_every_live_ad_once(settings, site, layout):
    summary = crawl(settings, layout, site.base_url)
    assert summary.status == "finished", summary
    assert (summary.items, summary.ads_new, summary.errors) == (25, 25, 0)
    with session_scope(settings) as s:
        ads = s.execute(select(Ad)).scalars().all()
        assert sorted(a.site_ad_id for a in ads) == [a["id"] for a in site.ads]
        assert s.execute(select(func.count()).select_from(AdVersion)).scalar_one() == 25
        by_id = {a["id"]: a for a in site.ads}
        for ad in ads:
            v = ad.current
            want = by_id[ad.site_ad_id]
            assert (v.title, v.body, v.name, v.age_text, v.city) == (
                want["title"], want["body"], want["name"], want["age"], want["city"])
            assert v.images[0]["url"].endswith(want["images"][0])
            assert len(v.images[0]["sha256"]) == 64 and len(v.images[0]["phash"]) == 16
            assert v.images[0]["phash"] != v.images[0]["phash_mirror"]  # the test images are not symmetric
            assert v.capture.warc_file and v.capture.sha256
            assert "stored" not in v.images[0]
        job = s.execute(select(CrawlJob)).scalar_one()
        assert not (settings.data_path / "images").exists()  # by default no image bytes are kept
        assert (job.status, job.items, job.started_by, job.purpose) == ("finished", 25, "tester", WHY["purpose"])
        assert job.finished_at and job.pages >= 25 and job.bytes > 0 and job.software_version
    if layout == "search":
        # Three listed URLs per ad, one fetch per ad: duplicates collapse before fetching.
        assert not any(path.startswith("/search/item") for path in site.hits)
        assert all(n == 1 for path, n in site.hits.items() if path.startswith("/search/ad/"))
        assert summary.details["duplicate_urls_collapsed"] == 50
    with session_scope(settings) as s:
        start, finish = (s.execute(select(AuditEntry).where(AuditEntry.action == a)).scalar_one()
                         for a in ("crawl.start", "crawl.finish"))
        assert (start.actor, start.detail["purpose"], start.detail["robots"]) == ("tester", WHY["purpose"], "obeyed")
        assert finish.detail["status"] == "finished" and finish.detail["items"] == 25
    if layout == "classic":
        assert summary.unmapped == {"ad-extra": 25}
        with session_scope(settings) as s:
            assert {c.unmapped["ad-extra"] for c in s.execute(select(Capture)).scalars()} == {"lid sinds 2025"}


def test_warc_records_read_back_and_match(sqlite_settings):
    settings = sqlite_settings
    site = MiniSite(make_ads(5), gzip=True)
    try:
        summary = crawl(Settings(overrides={"store_images": True}), "classic", site.base_url)
    finally:
        site.close()
    assert summary.status == "finished"
    with session_scope(settings) as s:
        captures = s.execute(select(Capture)).scalars().all()
        job_id = captures[0].crawl_job_id
        refs = [(c.id, c.warc_file, c.warc_offset, c.warc_record_id, c.sha256) for c in captures]
    assert len(refs) == 5
    with session_scope(settings) as s:
        kept = [img for v in s.execute(select(AdVersion)).scalars() for img in v.images]
    for img in kept:  # store_images on: the bytes are kept, named by their digest
        path = settings.data_path / "images" / img["stored"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == img["sha256"]
    for _, warc_file, offset, record_id, sha in refs:
        with open(settings.data_path / "warc" / warc_file, "rb") as f:
            f.seek(offset)
            records = ArchiveIterator(f)
            response = next(records)
            assert response.rec_type == "response"
            assert response.rec_headers.get_header("WARC-Record-ID") == record_id
            raw = response.raw_stream.read()
            # Stored as it came off the wire: still gzip-encoded, digest over those bytes.
            assert response.http_headers.get_header("Content-Encoding") == "gzip"
            assert hashlib.sha256(raw).hexdigest() == sha
            assert b'class="ad-body"' in gzip.decompress(raw)
            request = next(records)
            assert request.rec_type == "request"
            assert request.rec_headers.get_header("WARC-Concurrent-To") == record_id
            meta = next(records)
            fields = meta.content_stream().read().decode()
            assert meta.rec_type == "metadata" and f"crawl-job-id: {job_id}" in fields
            assert f"purpose: {WHY['purpose']}" in fields and f"legal-basis: {WHY['legal_basis']}" in fields
    shown = subprocess.run([sys.executable, "-m", "signalstack.cli", "capture", "show", str(refs[0][0])], cwd=ROOT,
                           env=child_environment(settings), capture_output=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(b"HTTP/1.0 200") and b'<div class="ad-body"' in shown.stdout


def test_recrawl_adds_versions_and_marks_removals(settings, site, monkeypatch):
    s1 = crawl(settings, "classic", site.base_url)
    assert s1.ads_new == 25
    site.ads[0]["body"] += "Nu ook in Zwolle.\n"
    site.ads[1]["city"] = "Breda"
    gone = [site.ads.pop(), site.ads.pop()]
    site.ads.append({**make_ads(1, prefix="n")[0]})
    flaky = site.ads[5]["id"]
    site.broken.add(flaky)  # listed, but its page fails this time: not missing, so not removed
    once = Settings(overrides={"removal_after_missed_crawls": 1, "crawl_retry_times": 0})
    s2 = crawl(once, "classic", site.base_url)
    assert (s2.ads_new, s2.ads_changed, s2.ads_unchanged, s2.ads_removed) == (1, 2, 20, 2)
    assert s2.details["ads_listed_not_fetched"] == 1 and s2.status == "finished"
    site.broken.clear()
    s3 = crawl(once, "classic", site.base_url)
    assert (s3.ads_new, s3.ads_changed, s3.ads_unchanged, s3.ads_removed) == (0, 0, 24, 0)
    listed = subprocess.run([sys.executable, "-m", "signalstack.cli", "crawls", "list", "--json"], cwd=ROOT,
                            env=child_environment(settings), capture_output=True, text=True)
    jobs = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(j["id"], j["status"], j["items"], j["purpose"]) for j in jobs] == [
        (n, "finished", items, WHY["purpose"]) for n, items in ((1, 25), (2, 23), (3, 24))]
    with session_scope(settings) as s:
        ads = {a.site_ad_id: a for a in s.execute(select(Ad)).scalars()}
        assert len(ads) == 26
        assert {k for k, a in ads.items() if a.removed_at} == {g["id"] for g in gone}
        assert len(ads[flaky].versions) == 1
        first = ads[site.ads[0]["id"]]
        assert [v.version_no for v in first.versions] == [1, 2]
        assert first.versions[1].body.endswith("Nu ook in Zwolle.\n")
        assert first.last_seen > first.versions[1].captured_at  # seen again by the third crawl
    assert count(settings, AdVersion) == 25 + 1 + 2


def test_a_failed_crawl_marks_nothing_removed(sqlite_settings, site):
    settings = sqlite_settings
    crawl(settings, "classic", site.base_url)
    gone = site.ads.pop()
    site.close()  # the site is down: a crawl that read no listing proves nothing about removals
    down = crawl(Settings(overrides={"crawl_retry_times": 0, "removal_after_missed_crawls": 1}), "classic",
                 site.base_url)
    assert down.status == "failed" and down.ads_removed == 0
    with session_scope(settings) as s:
        assert s.execute(select(Ad.removed_at).where(Ad.site_ad_id == gone["id"])).scalar_one() is None


def test_hostile_pages_neither_crash_nor_stall(sqlite_settings):
    site = MiniSite(make_ads(25), hostile=True)
    try:
        summary = crawl(Settings(overrides={"crawl_download_timeout_s": 2, "crawl_retry_times": 1}),
                        "classic", site.base_url)
    finally:
        site.close()
    assert summary.status == "finished" and summary.items == 25
    assert summary.errors >= 4  # 500, over-size, 404, time-out; the redirect loop is cut off
    assert not any(p.startswith(("/private/", "/classic/calendar")) for p in site.hits)
    assert site.hits.get("/classic/ad/loop", 0) <= 6
