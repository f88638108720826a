"""Claims on flagged ads: who is reviewing which ad right now.

A claim is advisory and short-lived: it tells other analysts "someone is on this one" so
that two people do not read and decide the same ad at once. It does not lock the ad: the
review decision itself is still guarded by optimistic concurrency (``casefiles.review``).

- An analyst or coordinator claims one ad or a batch; an ad claimed by someone else (and
  not expired) is skipped, not taken over.
- A coordinator assigns ads to a member of the own team (a claim made on their behalf),
  and releases claims of the own team's members, such as stale ones.
- Every claim expires after the ``claim_minutes`` setting; an expired claim counts as none.

Errors carry a message key (``ClaimError.key``) and values, so the workbench can say them
in the analyst's language; ``str(error)`` is the English text for the command line and logs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core import audit
from core.lookup import parse_id
from core.permissions import PermissionDenied, can
from core.schema import Ad, Claim, User, utcnow
from core.settings import get_settings


class ClaimError(ValueError):
    def __init__(self, key: str, message: str, **values: Any) -> None:
        self.key, self.values = key, values
        super().__init__(message)


class ClaimAccessDenied(ClaimError, PermissionDenied):
    pass


@dataclass(frozen=True)
class ClaimView:
    ad_id: int
    username: str
    team: str
    claimed_at: datetime
    expires_at: datetime
    assigned_by: str


def _view(row: Claim) -> ClaimView:
    return ClaimView(row.ad_id, row.username, row.team, row.claimed_at, row.expires_at, row.assigned_by)


def claim_lifetime(minutes: int | None = None) -> timedelta:
    return timedelta(minutes=minutes if minutes is not None else int(get_settings().claim_minutes))


def active_claims(session: Session, ad_ids: Iterable[int], now: datetime | None = None) -> dict[int, ClaimView]:
    """The claims on `ad_ids` that have not expired, by ad id."""
    ids = [i for i in ad_ids if i]
    if not ids:
        return {}
    now = now or utcnow()
    rows = session.execute(select(Claim).where(Claim.ad_id.in_(ids), Claim.expires_at > now)).scalars()
    return {row.ad_id: _view(row) for row in rows}


def claims_of(session: Session, username: str, now: datetime | None = None) -> list[ClaimView]:
    """`username`'s claims that have not expired, oldest first."""
    rows = session.execute(select(Claim).where(Claim.username == username, Claim.expires_at > (now or utcnow()))
                           .order_by(Claim.claimed_at, Claim.ad_id)).scalars()
    return [_view(row) for row in rows]


def team_claims(session: Session, team: str, now: datetime | None = None) -> list[ClaimView]:
    """Every claim held by a member of `team`, expired ones included (those are the stale ones), oldest first."""
    rows = session.execute(select(Claim).where(Claim.team == team).order_by(Claim.claimed_at, Claim.ad_id)).scalars()
    return [_view(row) for row in rows]


def _ad_ids(session: Session, ad_ids: Iterable[object]) -> list[int]:
    ids = []
    for raw in ad_ids:
        ident = parse_id(raw)
        if ident is None or session.get(Ad, ident) is None:
            raise ClaimError("claim.error.no_ad", f"ad {raw}: not found", ad=str(raw)[:40])
        if ident not in ids:
            ids.append(ident)
    return ids


def _take(session: Session, holder: User, ad_ids: list[int], by: str, now: datetime,
          lifetime: timedelta) -> tuple[list[int], dict[int, str]]:
    """Claim each ad for `holder` unless someone else holds a live claim on it."""
    taken, skipped = [], {}
    current = {row.ad_id: row for row in session.execute(select(Claim).where(Claim.ad_id.in_(ad_ids))).scalars()}
    for ad_id in ad_ids:
        row = current.get(ad_id)
        if row is not None and row.expires_at > now and row.username != holder.username:
            skipped[ad_id] = row.username
            continue
        if row is None:
            row = Claim(ad_id=ad_id)
            session.add(row)
        row.username, row.team, row.claimed_at = holder.username, holder.team, now
        row.expires_at, row.assigned_by = now + lifetime, "" if by == holder.username else by
        taken.append(ad_id)
    session.flush()
    return taken, skipped


def claim(session: Session, user: User, ad_ids: Iterable[object], minutes: int | None = None,
          now: datetime | None = None) -> tuple[list[int], dict[int, str]]:
    """Claim ads for `user`: the ids taken (renewed when already the user's), and those skipped
    because another user holds them (ad id -> holder)."""
    if not can(user, "claim.make"):
        raise ClaimAccessDenied("claim.error.denied", f"{user.username} ({user.role}) may not claim ads")
    ids = _ad_ids(session, ad_ids)
    now = now or utcnow()
    taken, skipped = _take(session, user, ids, user.username, now, claim_lifetime(minutes))
    if taken:
        audit.record(session, user.username, "claim.make", "ad", ",".join(map(str, taken)), skipped=sorted(skipped))
    return taken, skipped


def assign(session: Session, coordinator: User, ad_ids: Iterable[object], to_username: str,
           minutes: int | None = None, now: datetime | None = None) -> tuple[list[int], dict[int, str]]:
    """A coordinator claims ads on behalf of a member of the own team (an active account)."""
    target = session.execute(select(User).where(User.username == to_username)).scalar()
    if target is None or not target.active or target.team != coordinator.team:
        raise ClaimError("claim.error.no_member", f"{to_username}: not an active member of team {coordinator.team}",
                         user=to_username[:40], team=coordinator.team)
    if not can(coordinator, "claim.assign", target.team):
        raise ClaimAccessDenied("claim.error.denied", f"{coordinator.username} ({coordinator.role}) may not assign ads")
    if not can(target, "claim.make"):
        raise ClaimError("claim.error.cannot_review", f"{to_username} ({target.role}) does not review ads",
                         user=to_username)
    ids = _ad_ids(session, ad_ids)
    now = now or utcnow()
    taken, skipped = _take(session, target, ids, coordinator.username, now, claim_lifetime(minutes))
    if taken:
        audit.record(session, coordinator.username, "claim.assign", "ad", ",".join(map(str, taken)),
                     to=target.username, skipped=sorted(skipped))
    return taken, skipped


def release(session: Session, user: User, ad_ids: Iterable[object]) -> list[int]:
    """Drop claims: one's own always; a team member's only as that team's coordinator. Returns the ids released."""
    ids = [i for i in (parse_id(raw) for raw in ad_ids) if i is not None]
    rows = list(session.execute(select(Claim).where(Claim.ad_id.in_(ids))).scalars()) if ids else []
    released = []
    for row in rows:
        if row.username != user.username and not can(user, "claim.release", row.team):
            raise ClaimAccessDenied("claim.error.not_yours", f"ad {row.ad_id} is claimed by {row.username}",
                                    ad=row.ad_id, user=row.username)
        released.append(row.ad_id)
        session.delete(row)
    session.flush()
    if released:
        audit.record(session, user.username, "claim.release", "ad", ",".join(map(str, released)))
    return released


def release_stale(session: Session, coordinator: User, now: datetime | None = None) -> int:
    """Remove the expired claims of the coordinator's team; the number removed."""
    if not can(coordinator, "claim.release", coordinator.team):
        raise ClaimAccessDenied("claim.error.denied", f"{coordinator.username} ({coordinator.role}) may not release claims")
    now = now or utcnow()
    result = session.execute(delete(Claim).where(Claim.team == coordinator.team, Claim.expires_at <= now))
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        audit.record(session, coordinator.username, "claim.release_stale", "team", coordinator.team, count=count)
    return count
