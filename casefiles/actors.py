"""Who is acting: casefiles functions accept the acting ``User`` or, as before, a username."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.permissions import PermissionDenied
from core.schema import User


class UnknownActor(PermissionDenied):
    pass


def acting_user(session: Session, actor: User | str) -> User:
    """The acting account; a username must name an existing, active account."""
    if isinstance(actor, User):
        return actor
    name = str(actor).strip()
    user = session.execute(select(User).where(User.username == name)).scalar()
    if user is None:
        raise UnknownActor(f"no user account {name!r}; acts are only done by known users")
    if not user.active:
        raise UnknownActor(f"user account {name!r} is disabled")
    return user
