"""Everything a case stands on, as plain JSON-ready data: its signals in time order, every
version of every ad involved, its dossiers with points and colour history, and the
captures (with WARC locations) that the signals cite.

Export, the report and the platform request all read this one structure, so what the
report says is exactly what the bundle holds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefiles.dossiers import ad_version_signal, history, matching_versions, stacked_signals, tally
from core.schema import (
    Ad,
    AdVersion,
    Capture,
    Case,
    CaseSignal,
    ClusterMember,
    Dossier,
    Entity,
    IndicatorHit,
    ReviewDecision,
    Score,
)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _plain(value: Any) -> Any:
    """Datetimes become ISO-8601 strings, recursively."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _capture(capture: Capture) -> dict[str, Any]:
    return {"id": capture.id, "url": capture.url, "fetched_at": iso(capture.fetched_at),
            "http_status": capture.http_status, "content_type": capture.content_type, "sha256": capture.sha256,
            "size": capture.size, "warc_file": capture.warc_file, "warc_offset": capture.warc_offset,
            "warc_record_id": capture.warc_record_id, "crawl_job_id": capture.crawl_job_id,
            "unmapped": capture.unmapped}


def _version(session: Session, v: AdVersion) -> dict[str, Any]:
    entities = session.execute(select(Entity).where(Entity.ad_version_id == v.id).order_by(Entity.id)).scalars()
    hits = session.execute(select(IndicatorHit).where(IndicatorHit.ad_version_id == v.id)
                           .order_by(IndicatorHit.start)).scalars()
    scores = session.execute(select(Score).where(Score.ad_version_id == v.id).order_by(Score.id)).scalars()
    decisions = session.execute(select(ReviewDecision).where(ReviewDecision.ad_version_id == v.id)
                                .order_by(ReviewDecision.id)).scalars()
    return {
        "id": v.id, "version_no": v.version_no, "captured_at": iso(v.captured_at), "title": v.title,
        "body": v.body, "name": v.name, "age_text": v.age_text, "city": v.city, "phones_text": v.phones_text,
        "posted_at": v.posted_at, "images": v.images, "lang": v.lang, "content_sha256": v.content_sha256,
        "capture_id": v.capture_id, "capture_sha256": v.capture.sha256 if v.capture else None,
        "warc_record_id": v.capture.warc_record_id if v.capture else None,
        "entities": [{"kind": e.kind, "value": e.value, "platform": e.platform, "start": e.start, "end": e.end,
                      "obfuscated": e.obfuscated} for e in entities],
        "indicators": [{"code": h.code, "category": h.category, "start": h.start, "end": h.end, "text": h.text,
                        "weight": h.weight, "explanation": h.explanation, "source": h.source} for h in hits],
        "scores": [{"model_version": s.model_version, "risk": s.risk, "flagged": s.flagged, "reasons": s.reasons,
                    "created_at": iso(s.created_at)} for s in scores],
        "decisions": [{"id": d.id, "decision": d.decision, "reason": d.reason, "who": d.user.username,
                       "when": iso(d.created_at), "status": d.status} for d in decisions],
    }


def _ad(session: Session, ad: Ad) -> dict[str, Any]:
    clusters = session.execute(select(ClusterMember.cluster_id).where(ClusterMember.ad_id == ad.id)).scalars()
    return {"id": ad.id, "site": ad.site.name, "site_ad_id": ad.site_ad_id, "url": ad.url,
            "first_seen": iso(ad.first_seen), "last_seen": iso(ad.last_seen), "removed_at": iso(ad.removed_at),
            "clusters": sorted(clusters), "versions": [_version(session, v) for v in ad.versions]}


def _dossier(session: Session, d: Dossier) -> dict[str, Any]:
    return {"id": d.id, "subject_kind": d.subject_kind, "subject": d.subject, "title": d.title, "team": d.team,
            "status": d.status, "created_by": d.created_by, "created_at": iso(d.created_at),
            "tally": tally(session, d.id),
            "history": [{"colour": c.colour, "previous_colour": c.previous_colour, "direction": c.direction,
                         "reason": c.reason, "suggested_colour": c.suggested_colour,
                         "points_total": c.points_total, "decided_by": c.decided_by,
                         "decided_at": iso(c.decided_at)} for c in history(session, d.id)]}


NOT_REVIEWED = "not reviewed"


def ad_review(ad: dict[str, Any]) -> dict[str, Any]:
    """Whether and by whom a person decided on any version of the ad (its review decisions).

    An ad that reached the case through a dossier without a decision is "not reviewed", and every
    view of the bundle says so: an evidence statement must not claim a review that did not happen.
    """
    decisions = [dict(d, version_no=v["version_no"]) for v in ad["versions"] for d in v["decisions"]]
    if not decisions:
        return {"reviewed": False, "label": NOT_REVIEWED, "reviewers": [], "decisions": 0, "latest": None}
    reviewers = sorted({d["who"] for d in decisions})
    latest = max(decisions, key=lambda d: (d["when"], d["id"]))
    label = f"reviewed by {', '.join(reviewers)}"
    if latest.get("status") == "proposed":  # four eyes: an analyst's proposal awaits the team's coordinator
        label += f"; latest decision ({latest['decision']}) is a proposal awaiting a coordinator"
    return {"reviewed": True, "label": label, "reviewers": reviewers,
            "decisions": len(decisions),
            "latest": {k: latest.get(k) for k in ("decision", "who", "when", "reason", "version_no", "status")}}


def _signal_review(signal: dict[str, Any], review: dict[str, Any] | None) -> dict[str, Any]:
    """The review of the very version a signal cites; a decision on another version is named as such."""
    own = sorted({d["who"] for d in signal.get("decisions") or []})
    if own:
        return {"reviewed": True, "label": f"reviewed by {', '.join(own)}"}
    if review and review["reviewed"]:
        return {"reviewed": False, "label": f"{NOT_REVIEWED} (this version; another version of the ad was "
                                            f"{review['label']})"}
    return {"reviewed": False, "label": NOT_REVIEWED}


def case_content(session: Session, case: Case) -> dict[str, Any]:
    """The case as plain data: case, signals (time-ordered), ads, dossiers, captures."""
    signals: dict[tuple[str, int], dict[str, Any]] = {}
    ad_ids: set[int] = set()
    dossiers: list[Dossier] = []
    rows = session.execute(select(CaseSignal).where(CaseSignal.case_id == case.id).order_by(CaseSignal.id)).scalars()
    for row in rows:
        if row.kind == "ad" and row.ad_version_id is not None:
            version = session.get(AdVersion, row.ad_version_id)
            entry = signals.setdefault(("ad_version", version.id), ad_version_signal(session, version))
            entry.setdefault("via", []).append(f"case signal {row.id} ({row.added_by}, {iso(row.added_at)})")
            ad_ids.add(version.ad_id)
        elif row.kind == "dossier" and row.dossier_id is not None:
            dossier = session.get(Dossier, row.dossier_id)
            dossiers.append(dossier)
            for s in stacked_signals(session, dossier.id):
                key = ("ad_version", s["version_id"]) if s["kind"] == "ad_version" else (s["kind"], -s["note_id"])
                entry = signals.setdefault(key, s)
                entry.setdefault("via", []).append(f"dossier {dossier.id}")
            ad_ids.update(v.ad_id for v in matching_versions(session, dossier))
        else:
            signals[(row.kind, row.id)] = {"kind": row.kind, "when": row.added_at, "who": row.added_by,
                                           "source": row.source, "text": row.note,
                                           "via": [f"case signal {row.id}"]}
    ordered = sorted(signals.values(), key=lambda s: (s["when"], s.get("version_id") or 0))
    for number, s in enumerate(ordered, start=1):
        s["signal_no"] = number
    ads = [_ad(session, session.get(Ad, i)) for i in sorted(ad_ids)]
    for a in ads:
        a["review"] = ad_review(a)
    reviews = {a["id"]: a["review"] for a in ads}
    for s in ordered:
        if s["kind"] == "ad_version":
            s["review"] = _signal_review(s, reviews.get(s["ad_id"]))
    capture_ids = sorted({v["capture_id"] for a in ads for v in a["versions"] if v["capture_id"] is not None})
    captures = [_capture(session.get(Capture, i)) for i in capture_ids]
    return _plain({
        "case": {"id": case.id, "number": case.number, "title": case.title, "team": case.team,
                 "status": case.status, "created_by": case.created_by, "created_at": case.created_at},
        "signals": ordered, "ads": ads, "dossiers": [_dossier(session, d) for d in dossiers],
        "captures": captures,
    })
