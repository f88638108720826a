"""Local accounts with argon2 password hashes, a password policy, and throttled sign-in.

Passwords need at least 12 characters and must not be a common password (``core/data/
common_passwords.txt``), also not one with digits or symbols added around it. Sign-in
(``verify_login``) counts failed attempts per account and per client address: after a few,
each further attempt must wait a growing delay; after more, the account (or the address) is
locked for a while. A refused attempt does not even check the password, so guessing gains
nothing, and every attempt, delay and lockout is written to the audit log.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core import audit
from core.schema import LoginAttempt, User, utcnow

ROLES = ("analyst", "coordinator", "auditor", "admin")
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024  # argon2 takes any length; this only bounds the work one request can cause
COMMON_PASSWORDS = Path(__file__).with_name("data") / "common_passwords.txt"
_hasher = PasswordHasher()


@dataclass(frozen=True)
class Throttle:
    """Failures allowed before delays start, failures until lockout, and how long a lockout lasts."""

    free: int
    lock_after: int
    lockout: timedelta
    max_delay: timedelta = timedelta(seconds=60)

    def delay(self, failures: int) -> timedelta:
        """1 s after the first counted failure, doubling up to `max_delay`."""
        if failures < self.free:
            return timedelta(0)
        return min(timedelta(seconds=2 ** min(failures - self.free, 16)), self.max_delay)


# An address may be shared (an office behind one NAT), so it gets more room than one account.
ACCOUNT_THROTTLE = Throttle(free=3, lock_after=10, lockout=timedelta(minutes=15))
CLIENT_THROTTLE = Throttle(free=10, lock_after=50, lockout=timedelta(minutes=15))
# Failures older than this (or before the last success) no longer count.
FAILURE_WINDOW = timedelta(hours=1)


class UserError(ValueError):
    pass


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Verified against for unknown accounts, so that a missing account answers as slowly as a wrong password."""
    return _hasher.hash("not a real password, only for equal timing")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


_AROUND = string.digits + string.punctuation + string.whitespace


def password_problem(password: str, username: str = "") -> str | None:
    """Why the password may not be used, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"password must have at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"password must have at most {MAX_PASSWORD_LENGTH} characters"
    lowered = password.lower()
    core_part = lowered.strip(_AROUND)
    if lowered in common_passwords() or not core_part or core_part in common_passwords():
        return "password is too common (it or its core is on the list of common passwords); choose another"
    if len(set(lowered)) < 5:
        return "password repeats too few different characters; choose another"
    name = username.strip().lower()
    if len(name) >= 3 and name in lowered:
        return "password must not contain the username"
    return None


def _check_password(password: str, username: str = "") -> None:
    problem = password_problem(password, username)
    if problem:
        raise UserError(problem)


def add_user(session: Session, username: str, password: str, role: str = "analyst",
             team: str = "default", actor: str = "cli") -> User:
    username = username.strip()
    if not username:
        raise UserError("username must not be empty")
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    _check_password(password, username)
    if session.execute(select(User).where(User.username == username)).scalar():
        raise UserError(f"user {username!r} exists already")
    user = User(username=username, password_hash=_hasher.hash(password), role=role, team=team)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.add", "user", user.id, username=username, role=role, team=team)
    return user


@dataclass(frozen=True)
class LoginResult:
    """`status`: ok | fail (wrong name or password) | throttled (wait `retry_after` s) | locked."""

    status: str
    user: User | None = None
    retry_after: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def message(self) -> str:
        """The same words for a wrong password and an unknown account (no enumeration)."""
        if self.status == "ok":
            return ""
        if self.status == "fail":
            return "wrong username or password"
        if self.status == "locked":
            return f"too many failed sign-ins: locked, try again in {max(self.retry_after // 60, 1)} min"
        return f"too many failed sign-ins: wait {self.retry_after} s before the next attempt"


def _failures(session: Session, column, value: str, now: datetime) -> tuple[int, datetime | None]:
    """Counted failures for this account or address, and when the last one was."""
    last_ok = session.execute(select(func.max(LoginAttempt.at)).where(column == value, LoginAttempt.ok)).scalar()
    since = max(now - FAILURE_WINDOW, last_ok) if last_ok else now - FAILURE_WINDOW
    count, last = session.execute(select(func.count(LoginAttempt.id), func.max(LoginAttempt.at))
                                  .where(column == value, LoginAttempt.ok.is_(False), LoginAttempt.at > since)).one()
    return int(count or 0), last


def _refusal(throttle: Throttle, failures: int, last: datetime | None, now: datetime) -> tuple[str, int] | None:
    if last is None:
        return None
    if failures >= throttle.lock_after:
        wait = last + throttle.lockout - now
        status = "locked"
    else:
        wait = last + throttle.delay(failures) - now
        status = "throttled"
    seconds = int(wait.total_seconds() + 0.999)
    return (status, seconds) if seconds > 0 else None


def verify_login(session: Session, username: str, password: str, client: str = "") -> LoginResult:
    """Check a password sign-in, throttled per account and per client address; every attempt is audited.

    The caller commits (the attempt must be recorded even when the sign-in fails).
    """
    name = username.strip()[:100]
    client = (client or "").strip()[:100]
    now = utcnow()
    checks = [(ACCOUNT_THROTTLE, LoginAttempt.username, name, "account")]
    if client:
        checks.append((CLIENT_THROTTLE, LoginAttempt.client, client, "client"))
    for throttle, column, value, scope in checks:
        failures, last = _failures(session, column, value, now)
        refusal = _refusal(throttle, failures, last, now)
        if refusal:
            status, seconds = refusal
            audit.record(session, name or "?", f"signin.{status}", "user", "", client=client, scope=scope,
                         failures=failures, retry_after=seconds)
            return LoginResult(status, None, seconds)
    user = session.execute(select(User).where(User.username == name)).scalar() if name else None
    try:
        matched: bool = _hasher.verify(user.password_hash if user is not None else _dummy_hash(), password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        matched = False
    ok = bool(matched and user is not None and user.active)
    session.add(LoginAttempt(at=now, username=name, client=client, ok=ok))
    session.flush()
    audit.record(session, name or "?", "signin.ok" if ok else "signin.fail", "user", user.id if user else "",
                 client=client)
    if ok:
        return LoginResult("ok", user)
    for throttle, column, value, scope in checks:
        failures, last = _failures(session, column, value, now)
        if failures == throttle.lock_after:
            audit.record(session, name or "?", "signin.lockout", "user", user.id if user else "", client=client,
                         scope=scope, failures=failures, until=(now + throttle.lockout).isoformat())
    return LoginResult("fail")


def authenticate(session: Session, username: str, password: str, client: str = "") -> User | None:
    """The user if the password matches and sign-in is not throttled, else None (see ``verify_login``)."""
    return verify_login(session, username, password, client).user


def set_password(session: Session, username: str, password: str, actor: str = "cli") -> bool:
    """Replace a user's password; False when there is no such user."""
    _check_password(password, username)
    user = session.execute(select(User).where(User.username == username.strip())).scalar()
    if user is None:
        return False
    user.password_hash = _hasher.hash(password)
    user.must_change_password = False
    audit.record(session, actor, "user.password", "user", user.id, username=user.username)
    return True


def _account(session: Session, username: str) -> User:
    user = session.execute(select(User).where(User.username == username.strip())).scalar()
    if user is None:
        raise UserError(f"no user {username!r}")
    return user


def teams(session: Session) -> list[str]:
    """The teams accounts belong to, for choosing one (instead of typing it)."""
    return list(session.execute(select(User.team).distinct().order_by(User.team)).scalars())


def set_active(session: Session, username: str, active: bool, actor: str) -> User:
    """Disable or re-enable an account; an administrator cannot disable their own."""
    user = _account(session, username)
    if not active and user.username == actor:
        raise UserError("you cannot disable your own account")
    user.active = bool(active)
    audit.record(session, actor, "user.enable" if active else "user.disable", "user", user.id, username=user.username)
    return user


def reset_password(session: Session, username: str, temporary: str, actor: str) -> User:
    """Set a temporary password that must be changed at the next sign-in."""
    user = _account(session, username)
    _check_password(temporary, user.username)
    user.password_hash = _hasher.hash(temporary)
    user.must_change_password = True
    audit.record(session, actor, "user.password_reset", "user", user.id, username=user.username)
    return user


def change_role_and_team(session: Session, username: str, role: str, team: str, actor: str) -> User:
    """Change an account's role and team (audited with the values before)."""
    user = _account(session, username)
    team = team.strip()
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if not team:
        raise UserError("team must not be empty")
    if user.username == actor and role != user.role:
        raise UserError("you cannot change your own role")
    before = {"role": user.role, "team": user.team}
    user.role, user.team = role, team
    audit.record(session, actor, "user.change", "user", user.id, username=user.username, role=role, team=team,
                 before=before)
    return user


def purge_attempts(session: Session, before: datetime) -> int:
    """Delete sign-in attempts older than `before`; how many. The throttles read the last
    hours only (``ACCOUNT_THROTTLE``, ``CLIENT_THROTTLE``), and the audit log keeps each attempt."""
    return session.execute(delete(LoginAttempt).where(LoginAttempt.at < before)).rowcount or 0
