"""`signalstack privacy report`: what personal data is held, by category, for a data-protection officer.

Counts only, never contents: the report itself must not become another copy of the data.
It also says under which purpose and legal basis each crawl collected, how ages fall into
buckets (the minors question), and what the next purge would remove under current settings.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.schema import (
    Ad,
    AdVersion,
    Capture,
    Case,
    CrawlJob,
    Dossier,
    DossierNote,
    Entity,
    ReviewDecision,
    Score,
    User,
)
from core.settings import Settings

AGE_BUCKETS = ((0, 17, "under 18"), (18, 20, "18-20"), (21, 22, "21-22"), (23, 29, "23-29"), (30, 200, "30+"))


def _scalar(session: Session, query: Any) -> int:
    return int(session.execute(query).scalar() or 0)


def _age_buckets(session: Session) -> dict[str, int]:
    """Stated ages of ads (newest stated age per ad), bucketed; unreadable values counted apart."""
    newest = select(Entity.value, AdVersion.ad_id).join(AdVersion, AdVersion.id == Entity.ad_version_id).where(
        Entity.kind == "age").order_by(AdVersion.ad_id, AdVersion.version_no)
    per_ad: dict[int, str] = {}
    for value, ad_id in session.execute(newest):
        per_ad[ad_id] = value
    buckets = {label: 0 for _, _, label in AGE_BUCKETS} | {"unreadable": 0}
    for value in per_ad.values():
        try:
            age = int(float(value))
        except ValueError:
            buckets["unreadable"] += 1
            continue
        label = next((lab for low, high, lab in AGE_BUCKETS if low <= age <= high), "unreadable")
        buckets[label] += 1
    return buckets


def _images(session: Session, settings: Settings) -> dict[str, int]:
    references = hashed = 0
    digests: set[str] = set()
    for images in session.execute(select(AdVersion.images)).scalars():
        for image in images or []:
            if not isinstance(image, dict):
                continue
            references += 1
            if image.get("sha256"):
                hashed += 1
                digests.add(str(image["sha256"]))
    root = settings.data_path / "images"
    stored = sum(1 for p in root.glob("*/*") if p.is_file()) if root.is_dir() else 0
    return {"references": references, "hashed": hashed, "distinct_images": len(digests),
            "bytes_stored": stored, "store_images_setting": bool(settings.store_images)}


def _legal_bases(session: Session) -> list[dict[str, Any]]:
    captures = select(Capture.crawl_job_id, func.count(Capture.id).label("n")).group_by(
        Capture.crawl_job_id).subquery()
    rows = session.execute(
        select(CrawlJob.purpose, CrawlJob.legal_basis, func.count(CrawlJob.id), func.min(CrawlJob.started_at),
               func.max(CrawlJob.started_at), func.coalesce(func.sum(captures.c.n), 0))
        .outerjoin(captures, captures.c.crawl_job_id == CrawlJob.id)
        .group_by(CrawlJob.purpose, CrawlJob.legal_basis).order_by(CrawlJob.legal_basis, CrawlJob.purpose))
    return [{"purpose": p, "legal_basis": b, "crawl_jobs": n, "first": first.isoformat() if first else None,
             "last": last.isoformat() if last else None, "captures": int(c)}
            for p, b, n, first, last, c in rows]


def privacy_report(session: Session, settings: Settings, due: Any) -> dict[str, Any]:
    """The report; ``due`` is the retention stage's dry-run purge (its ``counts`` and ``protected_ads``),
    handed in so that the kernel need not know what case material is."""
    entity_rows = session.execute(select(Entity.kind, func.count(Entity.id), func.count(func.distinct(Entity.value)))
                                  .group_by(Entity.kind)).all()
    entities = {kind: {"mentions": n, "distinct": d} for kind, n, d in entity_rows}
    flagged_ads = select(AdVersion.ad_id).join(Score, Score.ad_version_id == AdVersion.id).where(
        Score.flagged.is_(True)).distinct().subquery()
    oldest = session.execute(select(func.min(Ad.last_seen))).scalar()
    decisions = dict(session.execute(select(ReviewDecision.decision, func.count(ReviewDecision.id))
                                     .group_by(ReviewDecision.decision)).all())
    return {
        "ads": {
            "total": _scalar(session, select(func.count(Ad.id))),
            "live": _scalar(session, select(func.count(Ad.id)).where(Ad.removed_at.is_(None))),
            "versions": _scalar(session, select(func.count(AdVersion.id))),
            "flagged": _scalar(session, select(func.count()).select_from(flagged_ads)),
            "oldest_last_seen": oldest.isoformat() if oldest else None,
        },
        "contacts": {k: entities.get(k, {"mentions": 0, "distinct": 0}) for k in ("phone", "email", "handle")},
        "other_entities": {k: v for k, v in entities.items() if k not in ("phone", "email", "handle")},
        "stated_ages": _age_buckets(session),
        "images": _images(session, settings),
        "captures": {
            "count": _scalar(session, select(func.count(Capture.id))),
            "bytes": _scalar(session, select(func.coalesce(func.sum(Capture.size), 0))),
            "warc_files": _scalar(session, select(func.count(func.distinct(Capture.warc_file)))),
        },
        "legal_basis": _legal_bases(session),
        "review_decisions": decisions,
        "cases": dict(session.execute(select(Case.status, func.count(Case.id)).group_by(Case.status)).all()),
        "dossiers": {
            "by_status": dict(session.execute(select(Dossier.status, func.count(Dossier.id))
                                              .group_by(Dossier.status)).all()),
            "partner_notes": _scalar(session, select(func.count(DossierNote.id)).where(
                DossierNote.partner.is_not(None))),
        },
        "users": dict(session.execute(select(User.role, func.count(User.id)).where(User.active.is_(True))
                                      .group_by(User.role)).all()),
        "retention": {
            "days": {c: int(getattr(settings, f"retention_{c}_days"))
                     for c in ("unflagged", "dismissed", "captures", "image_bytes")},
            "due_for_purge": due.counts, "protected_ads": due.protected_ads,
        },
    }


def report_lines(report: dict[str, Any]) -> list[str]:
    """The report as plain text for a reader (the JSON form is for tools)."""
    ads, cap, img, ret = report["ads"], report["captures"], report["images"], report["retention"]
    lines = [
        "Personal data held by signalstack (counts only)",
        f"ads: {ads['total']} ({ads['live']} live, {ads['flagged']} flagged), {ads['versions']} versions; "
        f"oldest last seen {ads['oldest_last_seen'] or '-'}",
    ]
    for kind, c in report["contacts"].items():
        lines.append(f"{kind}s: {c['distinct']} distinct in {c['mentions']} mentions")
    lines.append("stated ages: " + ", ".join(f"{k} {v}" for k, v in report["stated_ages"].items()))
    lines.append(f"images: {img['references']} references, {img['hashed']} hashed "
                 f"({img['distinct_images']} distinct), {img['bytes_stored']} stored as bytes")
    lines.append(f"captures: {cap['count']} ({cap['bytes']} bytes) in {cap['warc_files']} WARC files")
    lines.append("crawls by purpose and legal basis:")
    for row in report["legal_basis"] or [{"purpose": "-", "legal_basis": "-", "crawl_jobs": 0, "captures": 0,
                                          "first": None, "last": None}]:
        lines.append(f"  {row['legal_basis']} | {row['purpose']}: {row['crawl_jobs']} jobs, "
                     f"{row['captures']} captures, {row['first'] or '-'} .. {row['last'] or '-'}")
    lines.append("review decisions: " + (", ".join(f"{k} {v}" for k, v in report["review_decisions"].items())
                                         or "none"))
    lines.append("cases: " + (", ".join(f"{k} {v}" for k, v in report["cases"].items()) or "none"))
    lines.append("active users by role: " + (", ".join(f"{k} {v}" for k, v in report["users"].items()) or "none"))
    lines.append("retention (days; 0 keeps): " + ", ".join(f"{k} {v}" for k, v in ret["days"].items()))
    lines.append("due for purge now: " + ", ".join(f"{k} {v}" for k, v in ret["due_for_purge"].items())
                 + f"; {ret['protected_ads']} ads protected by cases or dossiers")
    return lines
