"""Writing crawl results: captures, ads and their versions, removals. Plain functions on a session.

An ad is one (site, site ad id). It gets a new ``AdVersion`` only when the SHA-256 of its
content (title, body, name, age, city, image digests) differs from its newest version (also when
it returns to an earlier content: A -> B -> A is three versions), so re-crawling an unchanged
ad only moves ``last_seen``. An ad missing from the last N complete crawls of its site is
marked removed; seen again, it is live again.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from core.photos import photo_rows
from core.schema import Ad, AdVersion, Capture, CrawlJob, PhotoHash

COMPLETE = "finished"  # a crawl that walked every listing page without error


def content_sha256(item: dict[str, Any]) -> str:
    images = [img.get("sha256") or img.get("url") for img in item.get("images", [])]
    content = [item.get(k) or "" for k in ("title", "body", "name", "age", "city")] + [images]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def add_capture(session: Session, job_id: int, item: dict[str, Any]) -> Capture:
    ref = item["capture"]
    capture = Capture(
        crawl_job_id=job_id, url=item["fetched_url"], fetched_at=item["fetched_at"],
        http_status=item["http_status"], content_type=item.get("content_type", "")[:200],
        sha256=ref["sha256"], size=ref["size"], warc_file=ref.get("warc_file"),
        warc_offset=ref.get("warc_offset"), warc_record_id=ref.get("warc_record_id"),
        unmapped=item.get("unmapped") or {},
    )
    session.add(capture)
    session.flush()
    return capture


def upsert_ad(session: Session, site_id: int, item: dict[str, Any], capture_id: int | None,
              seen_at: datetime) -> str:
    """Store one crawled ad; returns 'new', 'changed', 'unchanged' or 'reverted'."""
    digest = content_sha256(item)
    ad = session.execute(
        select(Ad).where(Ad.site_id == site_id, Ad.site_ad_id == item["site_ad_id"])
    ).scalar_one_or_none()
    outcome = "changed"
    if ad is None:
        ad = Ad(site_id=site_id, site_ad_id=item["site_ad_id"], url=item["url"], first_seen=seen_at,
                last_seen=seen_at)
        session.add(ad)
        session.flush()
        outcome = "new"
    else:
        ad.last_seen = max(ad.last_seen, seen_at)
        ad.removed_at = None
        ad.url = item["url"]
        newest = session.execute(
            select(AdVersion.content_sha256).where(AdVersion.ad_id == ad.id)
            .order_by(AdVersion.version_no.desc()).limit(1)
        ).scalar()
        if newest == digest:
            return "unchanged"
        known = session.execute(
            select(AdVersion.id).where(AdVersion.ad_id == ad.id, AdVersion.content_sha256 == digest).limit(1)
        ).scalar()
        if known is not None:
            # Back to an earlier content: still a new version, so the history shows the edit back.
            outcome = "reverted"
    number = (
        0
        if outcome == "new"
        else session.execute(
            select(func.coalesce(func.max(AdVersion.version_no), 0)).where(AdVersion.ad_id == ad.id)
        ).scalar_one()
    )
    version = AdVersion(
        ad_id=ad.id, version_no=number + 1, capture_id=capture_id, content_sha256=digest,
        captured_at=item["fetched_at"], title=item.get("title") or "", body=item.get("body") or "",
        name=(item.get("name") or "")[:200], age_text=(item.get("age") or "")[:50],
        city=(item.get("city") or "")[:100], phones_text="\n".join(item.get("phones") or []),
        posted_at=(item.get("posted_at") or "")[:50],
        images=[{k: img.get(k) for k in ("url", "sha256", "phash", "phash_mirror", "error", "stored") if k in img}
                for img in item.get("images", [])],
    )
    session.add(version)
    session.flush()
    photos = photo_rows(version.id, version.images)  # the index near-duplicate photo search reads
    if photos:
        session.execute(insert(PhotoHash), photos)
    return outcome


def ids_seen_in_job(session: Session, site_id: int, job: CrawlJob) -> set[str]:
    """Site ad ids already stored by this job (a resumed crawl skips their detail pages)."""
    rows = session.execute(
        select(Ad.site_ad_id).where(Ad.site_id == site_id, Ad.last_seen >= job.started_at)
    ).scalars()
    return set(rows)


def touch_listed(session: Session, site_id: int, site_ad_ids: set[str], since: datetime, now: datetime) -> int:
    """Count ads as seen that the listing showed but whose page could not be fetched this time.

    An ad on the listing is not missing, even if its own page timed out; without this a
    flaky page would be marked removed. Returns how many ads this kept alive.
    """
    ids = sorted(site_ad_ids)
    touched = 0
    for start in range(0, len(ids), 500):
        result = session.execute(
            update(Ad).where(Ad.site_id == site_id, Ad.site_ad_id.in_(ids[start:start + 500]),
                             Ad.last_seen < since).values(last_seen=now)
        )
        touched += result.rowcount or 0
    return touched


def mark_removed(session: Session, site_id: int, missed_crawls: int, now: datetime) -> int:
    """Mark ads missing from the last ``missed_crawls`` complete crawls as removed; returns how many.

    Every crawl that sees an ad sets its ``last_seen`` after that crawl started, so an ad
    seen before the start of the N-th most recent complete crawl was missed by all N.
    """
    starts = session.execute(
        select(CrawlJob.started_at).where(CrawlJob.site_id == site_id, CrawlJob.status == COMPLETE)
        .order_by(CrawlJob.started_at.desc()).limit(missed_crawls)
    ).scalars().all()
    if missed_crawls < 1 or len(starts) < missed_crawls:
        return 0
    result = session.execute(
        update(Ad).where(Ad.site_id == site_id, Ad.removed_at.is_(None), Ad.last_seen < starts[-1])
        .values(removed_at=now)
    )
    return result.rowcount or 0
