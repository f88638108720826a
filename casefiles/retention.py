"""Retention and minimisation: what `signalstack purge` deletes or pseudonymises, and why it may.

Four categories, each with a retention setting in days (0 keeps that category forever):

- ``unflagged_ads``: an ad that no model flagged and nobody reviewed, unseen for
  ``retention_unflagged_days``, is deleted with its versions, extractions, scores, cluster
  memberships and the captures of its pages.
- ``dismissed_ads``: an ad whose latest decision is a dismissal older than
  ``retention_dismissed_days`` keeps the decision (a training label) and each version's
  content hash, but loses its texts, contacts, image hashes, indicator quotes and captures.
- ``captures``: a capture that no ad version cites (listing pages, failed pages), older than
  ``retention_captures_days``, is deleted; a WARC file no remaining capture cites goes with it.
- ``image_bytes``: image files kept by ``store_images`` older than
  ``retention_image_bytes_days`` are deleted unless a case or open dossier cites the ad.
- ``sign_in_records``: password sign-in attempts and ended browser sessions older than
  ``retention_sign_in_days`` are deleted (the audit log keeps every sign-in and session).

Nothing cited by a case signal (any case), or by a dossier that is open or belongs to an open
case, is touched. The database part runs in the caller's transaction with one audit entry
listing the counts; files are removed only after that transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from core import audit, sessions, users
from core.schema import (
    Ad,
    AdVersion,
    Capture,
    Case,
    CaseSignal,
    ClusterMember,
    Dossier,
    Entity,
    HeldBackHit,
    IndicatorHit,
    LoginAttempt,
    ReviewDecision,
    Score,
    UserSession,
    utcnow,
)
from core.settings import Settings

CATEGORIES = ("unflagged_ads", "dismissed_ads", "captures", "image_bytes", "sign_in_records")
_CHUNK = 500


@dataclass
class PurgeResult:
    counts: dict[str, int]
    dry_run: bool
    protected_ads: int
    files_to_remove: list[Path] = field(default_factory=list)


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def protected_ad_ids(session: Session) -> set[int]:
    """Ads a case signal cites, or that concern a dossier that is open or stacked in an open case."""
    cited = set(session.execute(select(CaseSignal.ad_id).where(CaseSignal.ad_id.is_not(None))).scalars())
    cited |= set(session.execute(
        select(AdVersion.ad_id).join(CaseSignal, CaseSignal.ad_version_id == AdVersion.id)).scalars())
    in_open_case = select(CaseSignal.dossier_id).join(Case, Case.id == CaseSignal.case_id).where(
        Case.status == "open", CaseSignal.dossier_id.is_not(None))
    dossiers = list(session.execute(
        select(Dossier).where(or_(Dossier.status == "open", Dossier.id.in_(in_open_case)))).scalars())
    if dossiers:
        # The dossier's subject rule (phone, network, alias) lives with the dossiers; reuse it so
        # retention protects exactly what an analyst sees stacked there.
        from casefiles.dossiers import matching_versions

        for dossier in dossiers:
            cited |= {v.ad_id for v in matching_versions(session, dossier)}
    return cited


def _expired_unflagged(session: Session, cutoff: datetime, protected: set[int]) -> list[int]:
    flagged = exists().where(Score.ad_version_id == AdVersion.id, Score.flagged.is_(True),
                             AdVersion.ad_id == Ad.id)
    reviewed = exists().where(ReviewDecision.ad_id == Ad.id)
    ids = session.execute(select(Ad.id).where(Ad.last_seen < cutoff, ~flagged, ~reviewed)).scalars()
    return sorted(set(ids) - protected)


def _expired_dismissed(session: Session, cutoff: datetime, protected: set[int]) -> list[int]:
    # Only final decisions: a proposed dismissal still waits for a coordinator (four eyes).
    newest = select(ReviewDecision.ad_id, func.max(ReviewDecision.id).label("id")).where(
        ReviewDecision.status == "final").group_by(ReviewDecision.ad_id).subquery()
    ids = session.execute(
        select(ReviewDecision.ad_id).join(newest, newest.c.id == ReviewDecision.id)
        .where(ReviewDecision.decision == "dismiss", ReviewDecision.created_at < cutoff)).scalars()
    candidates = sorted(set(ids) - protected)
    # Already pseudonymised ads have nothing left to drop; do not count them again.
    still_personal = or_(AdVersion.title != "", AdVersion.body != "", AdVersion.name != "",
                         AdVersion.phones_text != "", AdVersion.capture_id.is_not(None))
    left = set()
    for chunk in _chunks(candidates):
        left |= set(session.execute(
            select(AdVersion.ad_id).where(AdVersion.ad_id.in_(chunk), still_personal)).scalars())
    return sorted(left)


def _version_ids(session: Session, ad_ids: list[int]) -> list[int]:
    out: list[int] = []
    for chunk in _chunks(ad_ids):
        out += session.execute(select(AdVersion.id).where(AdVersion.ad_id.in_(chunk))).scalars()
    return out


def _capture_ids_of(session: Session, version_ids: list[int]) -> set[int]:
    out: set[int] = set()
    for chunk in _chunks(version_ids):
        out |= set(session.execute(select(AdVersion.capture_id).where(
            AdVersion.id.in_(chunk), AdVersion.capture_id.is_not(None))).scalars())
    return out


def _expired_orphan_captures(session: Session, cutoff: datetime) -> set[int]:
    cited = exists().where(AdVersion.capture_id == Capture.id)
    return set(session.execute(select(Capture.id).where(Capture.fetched_at < cutoff, ~cited)).scalars())


def _expired_image_files(settings: Settings, session: Session, cutoff: datetime, protected: set[int]) -> list[Path]:
    root = settings.data_path / "images"
    if not root.is_dir():
        return []
    keep: set[str] = set()
    for chunk in _chunks(sorted(protected)):
        for images in session.execute(select(AdVersion.images).where(AdVersion.ad_id.in_(chunk))).scalars():
            keep |= {str(i.get("sha256")) for i in images or [] if isinstance(i, dict)}
    old = cutoff.timestamp()
    return sorted(p for p in root.glob("*/*") if p.is_file() and p.name not in keep and p.stat().st_mtime < old)


def _delete_ads(session: Session, ad_ids: list[int], version_ids: list[int]) -> None:
    for chunk in _chunks(version_ids):
        for table in (Entity, IndicatorHit, HeldBackHit, Score):
            session.execute(delete(table).where(table.ad_version_id.in_(chunk)))
    for chunk in _chunks(ad_ids):
        session.execute(delete(ClusterMember).where(ClusterMember.ad_id.in_(chunk)))
        session.execute(delete(AdVersion).where(AdVersion.ad_id.in_(chunk)))
        session.execute(delete(Ad).where(Ad.id.in_(chunk)))


def _pseudonymise(session: Session, version_ids: list[int]) -> None:
    for chunk in _chunks(version_ids):
        session.execute(delete(Entity).where(Entity.ad_version_id.in_(chunk)))
        for hits in (IndicatorHit, HeldBackHit):  # quotes of the ad's text go with the text
            session.execute(update(hits).where(hits.ad_version_id.in_(chunk)).values(text=""))
        session.execute(update(AdVersion).where(AdVersion.id.in_(chunk)).values(
            title="", body="", name="", age_text="", phones_text="", images=[], capture_id=None))


def purge(session: Session, settings: Settings, actor: str, dry_run: bool = False,
          now: datetime | None = None) -> PurgeResult:
    """Delete or pseudonymise what outlived its retention; with `dry_run`, only count it."""
    now = now or utcnow()

    def cutoff(name: str) -> datetime | None:
        days = int(getattr(settings, name))
        return now - timedelta(days=days) if days > 0 else None

    protected = protected_ad_ids(session)
    c_unflagged, c_dismissed = cutoff("retention_unflagged_days"), cutoff("retention_dismissed_days")
    c_captures, c_images = cutoff("retention_captures_days"), cutoff("retention_image_bytes_days")
    unflagged = _expired_unflagged(session, c_unflagged, protected) if c_unflagged else []
    dismissed = _expired_dismissed(session, c_dismissed, protected) if c_dismissed else []
    unflagged_versions = _version_ids(session, unflagged)
    dismissed_versions = _version_ids(session, dismissed)
    ad_captures = _capture_ids_of(session, unflagged_versions + dismissed_versions)
    orphan_captures = _expired_orphan_captures(session, c_captures) if c_captures else set()
    images = _expired_image_files(settings, session, c_images, protected) if c_images else []
    c_sign_in = now - timedelta(days=max(1, int(settings.retention_sign_in_days)))
    counts = {
        "unflagged_ads": len(unflagged), "unflagged_ad_versions": len(unflagged_versions),
        "dismissed_ads": len(dismissed), "dismissed_ad_versions": len(dismissed_versions),
        "captures": len(ad_captures | orphan_captures), "image_bytes": len(images),
        "sign_in_records": _count(session, LoginAttempt.id, LoginAttempt.at < c_sign_in)
        + _count(session, UserSession.id, UserSession.revoked_at < c_sign_in),
    }
    result = PurgeResult(counts=counts, dry_run=dry_run, protected_ads=len(protected))
    if dry_run:
        return result
    counts["sign_in_records"] = (users.purge_attempts(session, c_sign_in)
                                 + sessions.purge_ended(session, c_sign_in, sessions.Lifetimes.of(settings)))
    warcs_before = _warc_names(session, ad_captures | orphan_captures)
    _delete_ads(session, unflagged, unflagged_versions)
    _pseudonymise(session, dismissed_versions)
    doomed = sorted(ad_captures | orphan_captures)
    # A capture another (kept) version still cites stays.
    still_cited: set[int] = set()
    for chunk in _chunks(doomed):
        still_cited |= set(session.execute(select(AdVersion.capture_id).where(
            AdVersion.capture_id.in_(chunk))).scalars())
    doomed = [c for c in doomed if c not in still_cited]
    for chunk in _chunks(doomed):
        session.execute(delete(Capture).where(Capture.id.in_(chunk)))
    counts["captures"] = len(doomed)
    freed = [n for n in warcs_before if not session.execute(
        select(exists().where(Capture.warc_file == n))).scalar()]
    counts["warc_files"] = len(freed)
    result.files_to_remove = [settings.warc_path(n) for n in freed] + images
    audit.record(session, actor, "retention.purge", "retention", now.date().isoformat(), counts=counts,
                 protected_ads=len(protected),
                 days={c: int(getattr(settings, f"retention_{c}_days"))
                       for c in ("unflagged", "dismissed", "captures", "image_bytes", "sign_in")})
    session.flush()
    return result


def _count(session: Session, column, condition) -> int:
    return session.execute(select(func.count(column)).where(condition)).scalar() or 0


def _warc_names(session: Session, capture_ids: set[int]) -> list[str]:
    names: set[str] = set()
    for chunk in _chunks(sorted(capture_ids)):
        names |= set(session.execute(select(Capture.warc_file).where(
            Capture.id.in_(chunk), Capture.warc_file.is_not(None))).scalars())
    return sorted(names)


def remove_files(paths: list[Path]) -> int:
    """Delete the files a committed purge freed; returns how many were there to delete."""
    removed = 0
    for path in paths:
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed
