from __future__ import annotations

from types import SimpleNamespace

import pytest

from casefiles.cases import CaseAccessDenied, CaseError, add_ad, create_case, get_case, list_cases
from casefiles.review import ReviewAccessDenied, decide
from core import permissions
from core.datafiles import file_problems
from core.db import session_scope
from core.permissions import PermissionDenied, can, require
from core.schema import User

ROLES = ("analyst", "coordinator", "auditor", "admin")
# Written out by hand from the brief, independently of permissions.yaml:
# action -> (roles allowed, bound to the owning team)
EXPECTED = {
    "ad.view": ({"analyst", "coordinator", "auditor"}, False),
    "review.decide": ({"analyst", "coordinator"}, False),
    "review.approve": ({"coordinator"}, True),  # four eyes: a downgrade of an escalation
    "review.read": ({"analyst", "coordinator", "auditor"}, True),
    "review.read_all": ({"auditor"}, False),
    "case.create": ({"analyst", "coordinator"}, True),
    "case.add": ({"analyst", "coordinator"}, True),
    "case.view": ({"analyst", "coordinator", "auditor"}, True),
    "case.export": ({"coordinator"}, True),
    "case.import": ({"analyst", "coordinator"}, True),
    "case.request": ({"analyst", "coordinator"}, True),
    "dossier.create": ({"analyst", "coordinator"}, True),
    "dossier.view": ({"analyst", "coordinator", "auditor"}, True),
    "dossier.note": ({"analyst", "coordinator"}, True),
    "dossier.classify": ({"coordinator"}, True),
    "teams.manage": ({"coordinator"}, True),
    "audit.view": ({"auditor"}, False),
    "users.manage": ({"admin"}, False),
    "settings.manage": ({"admin"}, False),
    "watch.create": ({"analyst", "coordinator"}, True),
    "watch.view": ({"analyst", "coordinator", "auditor"}, True),
    "watch.acknowledge": ({"analyst", "coordinator"}, True),
    "watch.review": ({"analyst", "coordinator"}, True),
    "claim.make": ({"analyst", "coordinator"}, False),
    "claim.assign": ({"coordinator"}, True),
    "claim.release": ({"coordinator"}, True),
    "case.close": ({"coordinator"}, True),
    "search.save": ({"analyst", "coordinator"}, True),
}


def test_matrix_names_every_required_action():
    assert set(permissions.actions()) == set(EXPECTED)
    assert permissions.validate_all() == []


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["own", "other", "none"])
def test_every_action_role_and_team(action, role, where):
    user = SimpleNamespace(username="u", role=role, team="vice")
    team = {"own": "vice", "other": "other", "none": None}[where]
    roles, team_bound = EXPECTED[action]
    expected = role in roles and not (team_bound and where == "other")
    assert can(user, action, team) is expected
    if expected:
        require(user, action, team)
    else:
        with pytest.raises(PermissionDenied):
            require(user, action, team)


def test_inactive_user_and_unknown_action_are_refused():
    assert not can(SimpleNamespace(role="coordinator", team="vice", active=False), "case.view", "vice")
    assert not can(None, "case.view")
    with pytest.raises(ValueError, match="unknown action"):
        can(SimpleNamespace(role="admin", team="x"), "case.destroy")


def test_matrix_problems_are_reported(tmp_path):
    path = tmp_path / "permissions.yaml"
    path.write_text("actions:\n  x.y: {roles: [root], team_bound: 'yes'}\n  case: {roles: [], team_bound: true, help: ' '}\n")
    assert file_problems(path, permissions.PermissionMatrix) == [
        "permissions.yaml: actions.x.y.roles.0: unknown role 'root'; roles are analyst, coordinator, auditor, admin",
        "permissions.yaml: actions.x.y.team_bound: Input should be a valid boolean (got 'yes')",
        "permissions.yaml: actions.x.y.help: missing",
        "permissions.yaml: actions.case.[key]: 'case' must read <thing>.<verb>, e.g. case.view",
        "permissions.yaml: actions.case.roles: List should have at least 1 item after validation, not 0",
        "permissions.yaml: actions.case.help: must not be empty",
    ]


def test_enforced_in_case_and_review_functions(settings, world):
    with session_scope(settings) as s:
        auditor = s.get(User, world.users["audrey"])
        with pytest.raises(ReviewAccessDenied):
            decide(s, auditor, world.ads["a3"], "dismiss", "no", None)
        with pytest.raises(CaseAccessDenied):
            create_case(s, "T", "vice", "audrey")
        with pytest.raises(CaseAccessDenied):
            create_case(s, "T", "vice", "otto")  # analyst of another team
        with pytest.raises(CaseAccessDenied, match="no user account"):
            create_case(s, "T", "vice", "ghost")
        case = create_case(s, "Lisa", "vice", "ana")  # a username still works
        case_id = case.id
    with session_scope(settings) as s:
        case = get_case(s, case_id)
        with pytest.raises(CaseAccessDenied) as info:
            add_ad(s, case, world.ads["a1"], "otto")
        assert isinstance(info.value, CaseError)  # the workbench catches CaseError
        with pytest.raises(CaseAccessDenied):
            get_case(s, case_id, user="olga")
        assert get_case(s, case_id, user="audrey").id == case_id
        assert [c.id for c in list_cases(s, user="olga")] == []
        assert [c.id for c in list_cases(s, user="coco")] == [case_id]
        add_ad(s, case, world.ads["a1"], s.get(User, world.users["coco"]))
