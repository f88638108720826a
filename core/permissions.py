"""Role-based access: which role may do which action, and on which team's work.

The matrix is data (``permissions.yaml``). ``can`` answers, ``require`` refuses
with ``PermissionDenied``. A team-bound action on a case or dossier of another
team is refused whatever the role: a team's investigations stay within the team.
``user`` is anything with ``role`` and ``team`` (the ORM ``User`` or a plain view of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

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


def problems_in(data: Any) -> list[str]:
    """What is wrong with a loaded permissions matrix (empty when it is valid)."""
    if not isinstance(data, dict) or not isinstance(data.get("actions"), dict):
        return ["top level must be a mapping with an 'actions' mapping"]
    problems = []
    for action, rule in data["actions"].items():
        if not isinstance(rule, dict):
            problems.append(f"{action}: must be a mapping")
            continue
        unknown = set(rule) - {"roles", "team_bound", "help"}
        if unknown:
            problems.append(f"{action}: unknown keys {sorted(unknown)}")
        roles = rule.get("roles")
        if not isinstance(roles, list) or not roles:
            problems.append(f"{action}: 'roles' must be a non-empty list")
        elif set(roles) - set(ROLES):
            problems.append(f"{action}: unknown roles {sorted(set(roles) - set(ROLES))}")
        if not isinstance(rule.get("team_bound"), bool):
            problems.append(f"{action}: 'team_bound' must be true or false")
        if not str(rule.get("help", "")).strip():
            problems.append(f"{action}: 'help' must explain the action")
    return problems


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    data = yaml.safe_load(MATRIX_FILE.read_text(encoding="utf-8"))
    problems = problems_in(data)
    if problems:
        raise ValueError(f"{MATRIX_FILE.name}: " + "; ".join(problems))
    return {name: Rule(name, frozenset(r["roles"]), r["team_bound"], r["help"])
            for name, r in data["actions"].items()}


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


def validate_all() -> list[str]:
    """For `python -m core.check_data` (CI): problems in the permission matrix file."""
    from core.check_data import yaml_file_problems

    return yaml_file_problems(MATRIX_FILE, problems_in)
