"""Workbench sessions: an opaque random id in the browser's cookie, only its sha256 in the database.

``start`` makes a session for a signed-in user and returns the id (``secrets.token_urlsafe``, 256
bits) exactly once; the ``sessions`` table keeps its sha256, so a copy of the database (a backup,
a read-only replica, a leaked dump) holds no usable cookie. ``check`` finds the session a cookie
names and says whether it is still valid: not revoked, active within ``session_idle_minutes``,
younger than ``session_max_hours``, and its account still active. It moves ``last_seen`` at most
once per ``TOUCH_EVERY`` (or half the idle timeout, if that is shorter) so that a busy page does not
write on every rerun; the idle timeout is therefore exact to within that minute.

Start, sign-out, timeout and every revocation are written to the audit log. A lapsed session is
marked revoked (reason ``idle`` or ``expired``) and audited by the first request that finds it, or
by ``sweep``. Every function takes ``now`` so tests can run the clock.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core import audit
from core.schema import User, UserSession, utcnow

COOKIE = "signalstack_session"
TOUCH_EVERY = timedelta(minutes=1)
REASONS = ("signout", "everywhere", "admin", "idle", "expired", "inactive")


@dataclass(frozen=True)
class Lifetimes:
    idle: timedelta = timedelta(minutes=30)
    absolute: timedelta = timedelta(hours=12)

    @classmethod
    def of(cls, settings) -> Lifetimes:
        """The lifetimes the settings ask for (``session_idle_minutes``, ``session_max_hours``)."""
        return cls(timedelta(minutes=float(settings.session_idle_minutes)),
                   timedelta(hours=float(settings.session_max_hours)))


def key_hash(session_id: str) -> str:
    """What the table stores for a cookie value: its sha256, hex."""
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


def start(session: Session, user: User, client: str = "", user_agent: str = "",
          lifetimes: Lifetimes = Lifetimes(), now: datetime | None = None) -> tuple[str, UserSession]:
    """A new session for `user`: the cookie value (returned only here) and its row. Lapsed sessions of
    the same account are ended (and audited) first."""
    now = now or utcnow()
    sweep(session, lifetimes, now, user_id=user.id)
    session_id = secrets.token_urlsafe(32)
    row = UserSession(key_hash=key_hash(session_id), user_id=user.id, created_at=now, last_seen=now,
                      expires_at=now + lifetimes.absolute, client=(client or "")[:100],
                      user_agent=(user_agent or "")[:300])
    session.add(row)
    session.flush()
    audit.record(session, user.username, "session.start", "session", row.id, user_id=user.id,
                 client=row.client, expires=row.expires_at.isoformat())
    return session_id, row


@dataclass(frozen=True)
class Check:
    """`status`: ok | unknown | revoked | idle | expired | inactive; `user` only when ok."""

    status: str
    user: User | None = None
    row: UserSession | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _lapse(row: UserSession, lifetimes: Lifetimes, now: datetime) -> str:
    if now >= row.expires_at:
        return "expired"
    if now - row.last_seen >= lifetimes.idle:
        return "idle"
    return ""


def _end(session: Session, row: UserSession, reason: str, actor: str, now: datetime, action: str) -> None:
    row.revoked_at = now
    row.revoked_reason = reason
    row.revoked_by = actor[:100]
    user = session.get(User, row.user_id)
    audit.record(session, actor or (user.username if user else "?"), action, "session", row.id,
                 user=user.username if user else "", reason=reason, last_seen=row.last_seen.isoformat())


def check_hash(session: Session, hashed: str, lifetimes: Lifetimes = Lifetimes(),
               now: datetime | None = None, touch: bool = True) -> Check:
    """Whether the session stored under `hashed` is valid now (see ``check``)."""
    now = now or utcnow()
    row = session.execute(select(UserSession).where(UserSession.key_hash == hashed)).scalar() if hashed else None
    if row is None:
        return Check("unknown")
    if row.revoked_at is not None:
        return Check("revoked", None, row)
    user = session.get(User, row.user_id)
    lapsed = _lapse(row, lifetimes, now)
    if lapsed:
        _end(session, row, lapsed, user.username if user else "?", now, "session.timeout")
        return Check(lapsed, None, row)
    if user is None or not user.active:
        _end(session, row, "inactive", "system", now, "session.revoke")
        return Check("inactive", None, row)
    if touch and now - row.last_seen >= min(TOUCH_EVERY, lifetimes.idle / 2):
        row.last_seen = now
    return Check("ok", user, row)


def check(session: Session, session_id: str, lifetimes: Lifetimes = Lifetimes(),
          now: datetime | None = None, touch: bool = True) -> Check:
    """Whether the cookie value `session_id` names a valid session; touches ``last_seen`` (at most once
    per ``TOUCH_EVERY``) unless `touch` is False. The caller commits (a lapse is recorded)."""
    return check_hash(session, key_hash(session_id) if session_id else "", lifetimes, now, touch)


def end(session: Session, hashed: str, actor: str, now: datetime | None = None) -> bool:
    """Sign-out: revoke the session stored under `hashed`; False when it was not active."""
    row = session.execute(select(UserSession).where(UserSession.key_hash == hashed)).scalar() if hashed else None
    if row is None or row.revoked_at is not None:
        return False
    _end(session, row, "signout", actor, now or utcnow(), "session.end")
    return True


def revoke_all(session: Session, user: User, actor: str, now: datetime | None = None) -> int:
    """Sign `user` out everywhere: revoke each of their active sessions (one audit entry each).

    `actor` is the user themself ("everywhere") or an admin acting on the account ("admin").
    Returns how many sessions were ended."""
    now = now or utcnow()
    reason = "everywhere" if actor == user.username else "admin"
    rows = session.execute(select(UserSession).where(UserSession.user_id == user.id,
                                                     UserSession.revoked_at.is_(None))
                           .order_by(UserSession.id)).scalars().all()
    for row in rows:
        _end(session, row, reason, actor, now, "session.revoke")
    audit.record(session, actor, "session.revoke_all", "user", user.id, username=user.username, sessions=len(rows))
    return len(rows)


def active(session: Session, user: User, lifetimes: Lifetimes = Lifetimes(),
           now: datetime | None = None) -> list[UserSession]:
    """`user`'s sessions that are neither revoked nor lapsed, newest first (for "where am I signed in")."""
    now = now or utcnow()
    rows = session.execute(select(UserSession).where(UserSession.user_id == user.id,
                                                     UserSession.revoked_at.is_(None))
                           .order_by(UserSession.id.desc())).scalars().all()
    return [row for row in rows if not _lapse(row, lifetimes, now)]


def sweep(session: Session, lifetimes: Lifetimes = Lifetimes(), now: datetime | None = None,
          user_id: int | None = None) -> int:
    """Mark every lapsed, unrevoked session (of `user_id`, if given) as ended (audited as
    ``session.timeout``); how many."""
    now = now or utcnow()
    query = select(UserSession).where(UserSession.revoked_at.is_(None)).order_by(UserSession.id)
    if user_id is not None:
        query = query.where(UserSession.user_id == user_id)
    rows = session.execute(query).scalars().all()
    ended = 0
    for row in rows:
        lapsed = _lapse(row, lifetimes, now)
        if lapsed:
            user = session.get(User, row.user_id)
            _end(session, row, lapsed, user.username if user else "?", now, "session.timeout")
            ended += 1
    return ended


def purge_ended(session: Session, before: datetime, lifetimes: Lifetimes = Lifetimes()) -> int:
    """Delete sessions that ended before `before` (not evidence: the audit log keeps each start
    and end); how many. Lapsed sessions nobody came back to are swept (and audited) first."""
    sweep(session, lifetimes)
    return session.execute(delete(UserSession).where(UserSession.revoked_at.is_not(None),
                                                     UserSession.revoked_at < before)).rowcount or 0
