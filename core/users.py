"""Local accounts with argon2 password hashes."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from core import audit
from core.schema import User

ROLES = ("analyst", "coordinator", "auditor", "admin")
_hasher = PasswordHasher()


class UserError(ValueError):
    pass


def add_user(session: Session, username: str, password: str, role: str = "analyst",
             team: str = "default", actor: str = "cli") -> User:
    username = username.strip()
    if not username:
        raise UserError("username must not be empty")
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise UserError("password must have at least 8 characters")
    if session.execute(select(User).where(User.username == username)).scalar():
        raise UserError(f"user {username!r} exists already")
    user = User(username=username, password_hash=_hasher.hash(password), role=role, team=team)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.add", "user", user.id, username=username, role=role, team=team)
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The user if the password matches, else None; every attempt is audited."""
    user = session.execute(select(User).where(User.username == username.strip())).scalar()
    ok = False
    if user is not None and user.active:
        try:
            ok = _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
    audit.record(session, username.strip()[:100] or "?", "signin.ok" if ok else "signin.fail", "user",
                 user.id if user else "")
    return user if ok else None


def set_password(session: Session, username: str, password: str, actor: str = "cli") -> bool:
    """Replace a user's password; False when there is no such user."""
    if len(password) < 8:
        raise UserError("password must have at least 8 characters")
    user = session.execute(select(User).where(User.username == username.strip())).scalar()
    if user is None:
        return False
    user.password_hash = _hasher.hash(password)
    audit.record(session, actor, "user.password", "user", user.id, username=user.username)
    return True
