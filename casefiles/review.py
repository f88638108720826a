"""Review decisions on flagged ads: confirm, dismiss (with reason) or escalate as urgent.

Decisions are never overwritten. A new decision on an ad must name the latest
decision its author saw (optimistic concurrency); if someone else decided in
between, ``ReviewConflict`` tells the analyst instead of silently replacing it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import audit
from core.permissions import PermissionDenied, can
from core.schema import Ad, ReviewDecision, User

DECISIONS = ("confirm", "dismiss", "urgent")


class ReviewError(ValueError):
    pass


class ReviewAccessDenied(ReviewError, PermissionDenied):
    pass


class ReviewConflict(ReviewError):
    def __init__(self, latest: ReviewDecision) -> None:
        self.latest = latest
        super().__init__(
            f"ad {latest.ad_id} was decided meanwhile by {latest.user.username}: "
            f"{latest.decision} ({latest.reason or 'no reason'}); reload and decide again"
        )


def latest_decision(session: Session, ad_id: int) -> ReviewDecision | None:
    return session.execute(
        select(ReviewDecision).where(ReviewDecision.ad_id == ad_id).order_by(ReviewDecision.id.desc()).limit(1)
    ).scalar()


def decide(session: Session, user: User, ad_id: int, decision: str, reason: str = "",
           seen_decision_id: int | None = None) -> ReviewDecision:
    """Record `user`'s decision on the ad's current version.

    `seen_decision_id` is the id of the latest decision the user was shown (None if none).
    """
    if not can(user, "review.decide"):
        raise ReviewAccessDenied(f"{user.username} ({user.role}) may not decide on ads")
    if decision not in DECISIONS:
        raise ReviewError(f"unknown decision {decision!r}; choose one of {', '.join(DECISIONS)}")
    if decision == "dismiss" and not reason.strip():
        raise ReviewError("a dismissal needs a reason (it becomes a training label)")
    ad = session.get(Ad, ad_id, with_for_update=session.get_bind().dialect.name == "postgresql")
    if ad is None:
        raise ReviewError(f"no ad with id {ad_id}")
    latest = latest_decision(session, ad_id)
    if latest is not None and latest.id != seen_decision_id:
        raise ReviewConflict(latest)
    row = ReviewDecision(ad_id=ad_id, ad_version_id=ad.current.id, user_id=user.id, decision=decision,
                         reason=reason.strip(), supersedes_id=latest.id if latest else None)
    session.add(row)
    session.flush()
    audit.record(session, user.username, f"review.{decision}", "ad", ad_id, decision_id=row.id,
                 reason=row.reason, version=ad.current.version_no)
    return row
