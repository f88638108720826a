"""Role-based access: which role may do which action, and on which team's work.

The matrix is data (``permissions.yaml``). ``can`` answers, ``require`` refuses
with ``PermissionDenied``. A team-bound action on a case or dossier of another
team is refused whatever the role: a team's investigations stay within the team.
``user`` is anything with ``role`` and ``team`` (the ORM ``User`` or a plain view of it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictBool

from core.datafiles import DataFiles, Said, Strict, files_problems, load_model
from core.users import ROLES

MATRIX_FILE = Path(__file__).with_name("permissions.yaml")


class PermissionDenied(Exception):
    pass


@dataclass(frozen=True)
class Rule:
    action: str
    roles: frozenset[str]
    team_bound: bool
    help: str


def _known_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    return role


class ActionRule(Strict):
    roles: Annotated[list[Annotated[str, AfterValidator(_known_role)]], Field(min_length=1)]
    """The roles (``core.users.ROLES``) allowed to do the action."""
    team_bound: StrictBool
    """True: refused on a case or dossier of another team, whatever the role."""
    help: Said
    """What the action is, for people granting it."""


def _action_name(name: str) -> str:
    if not re.fullmatch(r"[a-z_]+\.[a-z_]+", name):
        raise ValueError(f"{name!r} must read <thing>.<verb>, e.g. case.view")
    return name


class PermissionMatrix(Strict):
    """``permissions.yaml``: one rule per action."""

    actions: Annotated[dict[Annotated[str, AfterValidator(_action_name)], ActionRule], Field(min_length=1)]


def data_files() -> DataFiles:
    return [(MATRIX_FILE, PermissionMatrix)]


def validate_all() -> list[str]:
    """Problems in the permission matrix file (CI runs ``data_files()`` through ``python -m signalstack.check_data``)."""
    return files_problems(data_files())


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    matrix = load_model(MATRIX_FILE, PermissionMatrix)
    return {name: Rule(name, frozenset(r.roles), r.team_bound, r.help) for name, r in matrix.actions.items()}


def actions() -> list[str]:
    return sorted(rules())


def can(user: Any, action: str, team: str | None = None) -> bool:
    """Whether `user` may do `action`; `team` is the team owning the case/dossier acted on, if any."""
    rule = rules().get(action)
    if rule is None:
        raise ValueError(f"unknown action {action!r}; known: {', '.join(actions())}")
    if user is None or not getattr(user, "active", True):
        return False
    if getattr(user, "role", None) not in rule.roles:
        return False
    return not (rule.team_bound and team is not None and team != getattr(user, "team", None))


def require(user: Any, action: str, team: str | None = None) -> None:
    if can(user, action, team):
        return
    name = getattr(user, "username", "nobody")
    role = getattr(user, "role", "none")
    if rules()[action].team_bound and team is not None and team != getattr(user, "team", None) \
            and role in rules()[action].roles:
        raise PermissionDenied(f"{name} ({role}, team {getattr(user, 'team', '?')}) may not {action} "
                               f"on work of team {team}")
    raise PermissionDenied(f"{name} ({role}) may not {action}")
