"""Review decisions on flagged ads: confirm, dismiss (with reason) or escalate as urgent.

Decisions are never overwritten. A new decision on an ad must name the latest
decision its author saw (optimistic concurrency); if someone else decided in
between, ``ReviewConflict`` tells the analyst instead of silently replacing it.

Four eyes and team scope (the rules live here, not only in the workbench):

- The team whose member made the standing (newest final) decision owns the ad's review;
  a user of another team may not decide on it.
- Dismissing or downgrading an ad that is escalated (urgent) or carries a minor indicator
  is final only when a coordinator of the escalating team does it (``review.approve``).
  Anyone else's such decision is stored as *proposed*: the ad stays urgent, with the
  proposal shown, until that coordinator decides.
- Decisions, reasons and reviewer names are readable by the deciding team and auditors only
  (``may_read``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import audit
from core.lookup import not_found_or_not_allowed, parse_id
from core.permissions import PermissionDenied, can
from core.schema import Ad, IndicatorHit, ReviewDecision, User

DECISIONS = ("confirm", "dismiss", "urgent")
FINAL, PROPOSED = "final", "proposed"


class ReviewError(ValueError):
    pass


class ReviewAccessDenied(ReviewError, PermissionDenied):
    pass


class ReviewConflict(ReviewError):
    def __init__(self, latest: ReviewDecision, shown: bool = True) -> None:
        self.latest = latest
        if shown:
            detail = f"decided meanwhile by {latest.user.username}: {latest.decision} ({latest.reason or 'no reason'})"
        else:  # another team's decision: say that there is one, not what or by whom
            detail = "decided meanwhile"
        super().__init__(f"ad {latest.ad_id} was {detail}; reload and decide again")


def team_of(decision: ReviewDecision) -> str:
    """The deciding team (rows written before migration 0005 without one: the decider's team)."""
    return decision.team or decision.user.team


def may_read(user: Any, decision: ReviewDecision) -> bool:
    """Whether `user` may see this decision, its reason and its reviewer (deciding team, auditors)."""
    team = team_of(decision)
    return can(user, "review.read_all") or (can(user, "review.read", team) and getattr(user, "team", None) == team)


def latest_decision(session: Session, ad_id: int) -> ReviewDecision | None:
    """The newest decision of any status (what optimistic concurrency compares against)."""
    return session.execute(
        select(ReviewDecision).where(ReviewDecision.ad_id == ad_id).order_by(ReviewDecision.id.desc()).limit(1)
    ).scalar()


def standing_decision(session: Session, ad_id: int) -> ReviewDecision | None:
    """The newest final decision: what the ad is (a pending proposal does not change it)."""
    return session.execute(
        select(ReviewDecision).where(ReviewDecision.ad_id == ad_id, ReviewDecision.status == FINAL)
        .order_by(ReviewDecision.id.desc()).limit(1)
    ).scalar()


def has_minor_indicator(session: Session, ad_version_id: int) -> bool:
    return session.execute(select(IndicatorHit.id).where(
        IndicatorHit.ad_version_id == ad_version_id, IndicatorHit.category == "minor").limit(1)).first() is not None


def decide(session: Session, user: User, ad_id: int, decision: str, reason: str = "",
           seen_decision_id: int | None = None) -> ReviewDecision:
    """Record `user`'s decision on the ad's current version; its ``status`` says whether it is final
    or only a proposal waiting for a coordinator of the escalating team.

    `seen_decision_id` is the id of the latest decision the user was shown (None if none).
    """
    if not can(user, "review.decide"):
        raise ReviewAccessDenied(f"{user.username} ({user.role}) may not decide on ads")
    if decision not in DECISIONS:
        raise ReviewError(f"unknown decision {decision!r}; choose one of {', '.join(DECISIONS)}")
    if decision == "dismiss" and not reason.strip():
        raise ReviewError("a dismissal needs a reason (it becomes a training label)")
    ident = parse_id(ad_id)
    ad = session.get(Ad, ident, with_for_update=session.get_bind().dialect.name == "postgresql") \
        if ident is not None else None
    if ad is None:
        raise ReviewError(not_found_or_not_allowed("ad", ad_id))
    latest = latest_decision(session, ad_id)
    if latest is not None and team_of(latest) != user.team:
        # Said before the conflict check, and without the decision: it is not this team's to read.
        raise ReviewAccessDenied(f"ad {ad_id} is under review by another team; ask its coordinator")
    if latest is not None and latest.id != seen_decision_id:
        raise ReviewConflict(latest, shown=may_read(user, latest))
    standing = standing_decision(session, ad_id)
    escalated = standing is not None and standing.decision == "urgent"
    downgrade = decision == "dismiss" or (escalated and decision == "confirm")
    protected = escalated or has_minor_indicator(session, ad.current.id)
    status = FINAL
    if protected and downgrade:
        if not reason.strip():
            raise ReviewError("downgrading an escalation needs a reason")
        if not can(user, "review.approve", team_of(standing) if escalated and standing else user.team):
            status = PROPOSED
    row = ReviewDecision(ad_id=ad_id, ad_version_id=ad.current.id, user_id=user.id, decision=decision,
                         reason=reason.strip(), team=user.team, status=status,
                         supersedes_id=latest.id if latest else None)
    session.add(row)
    session.flush()
    detail: dict[str, Any] = {"decision_id": row.id, "reason": row.reason, "version": ad.current.version_no,
                              "team": user.team}
    if latest is not None and latest.status == PROPOSED:
        detail["proposal"] = latest.id
        detail["proposal_outcome"] = "approved" if status == FINAL and decision == latest.decision else "overruled"
    action = f"review.{decision}" if status == FINAL else f"review.propose_{decision}"
    audit.record(session, user.username, action, "ad", ad_id, **detail)
    return row
