"""Four eyes and team scope on review decisions (issue 17, point 1), on SQLite and PostgreSQL.

The world (conftest): team vice with analyst ana, coordinator coco and auditor audrey; team other
with analyst otto and coordinator olga. Ad a1 carries a minor indicator (stated age 17) and is
confirmed by ana; a2 is escalated (urgent) by ana; a3 is confirmed and carries no minor indicator.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casefiles.review import FINAL, PROPOSED, ReviewAccessDenied, ReviewConflict, decide, latest_decision
from core.db import session_scope
from core.schema import AuditEntry, User
from workbench.queries import TriageFilters, ad_view, queue_counts, triage_page, urgent_items


def _user(s, world, name):
    return s.get(User, world.users[name])


def _decide(settings, world, name, ad, decision, reason="reason"):
    with session_scope(settings) as s:
        latest = latest_decision(s, world.ads[ad])
        row = decide(s, _user(s, world, name), world.ads[ad], decision, reason, latest.id if latest else None)
        return row.id, row.status


def _urgent(settings, world, name):
    with session_scope(settings) as s:
        return [(r.ad_id, r.proposal, r.proposed_by) for r in urgent_items(s, _user(s, world, name))]


def _last_audit(settings):
    with session_scope(settings) as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar()
        return entry.actor, entry.action, dict(entry.detail)


def test_analyst_dismissal_of_an_escalation_is_only_a_proposal(settings, world):
    a2 = world.ads["a2"]
    assert _urgent(settings, world, "coco") == [(a2, None, None)]
    _, status = _decide(settings, world, "ana", "a2", "dismiss", "site disclaimer")
    assert status == PROPOSED
    assert _last_audit(settings)[:2] == ("ana", "review.propose_dismiss")
    # Still urgent, with the proposal shown to the escalating team's coordinator.
    assert _urgent(settings, world, "coco") == [(a2, "dismiss", "ana")]
    with session_scope(settings) as s:
        assert queue_counts(s, _user(s, world, "coco"))["urgent"] == (1, True)
    # The coordinator of the escalating team decides: final, and the proposal is approved.
    _, status = _decide(settings, world, "coco", "a2", "dismiss", "agreed: site disclaimer")
    assert status == FINAL
    actor, action, detail = _last_audit(settings)
    assert (actor, action, detail["proposal_outcome"]) == ("coco", "review.dismiss", "approved")
    assert _urgent(settings, world, "coco") == []


def test_downgrading_to_confirm_is_a_proposal_too_and_a_coordinator_can_overrule(settings, world):
    _, status = _decide(settings, world, "ana", "a2", "confirm", "not so urgent")
    assert status == PROPOSED
    _, status = _decide(settings, world, "coco", "a2", "urgent", "it is urgent")
    assert status == FINAL
    assert _last_audit(settings)[2]["proposal_outcome"] == "overruled"
    assert _urgent(settings, world, "coco") == [(world.ads["a2"], None, None)]


def test_minor_indicator_needs_a_coordinator_to_dismiss(settings, world):
    _, status = _decide(settings, world, "ana", "a1", "dismiss", "age is a typo")
    assert status == PROPOSED
    with session_scope(settings) as s:
        view = ad_view(s, world.ads["a1"], _user(s, world, "ana"))
        assert view.standing == "confirm"  # the proposal does not change what the ad is
        assert view.decisions[-1].status == PROPOSED
    _, status = _decide(settings, world, "coco", "a1", "dismiss", "age is a typo, checked")
    assert status == FINAL


def test_ordinary_ads_and_escalations_are_final_for_analysts(settings, world):
    assert _decide(settings, world, "ana", "a3", "dismiss", "nothing")[1] == FINAL
    assert _decide(settings, world, "ana", "a3", "urgent", "on second look")[1] == FINAL
    with pytest.raises(Exception, match="reason"):
        _decide(settings, world, "ana", "a2", "confirm", "")


def test_another_team_may_not_decide_and_learns_nothing(settings, world):
    for name in ("otto", "olga"):
        for decision in ("dismiss", "confirm", "urgent"):
            with session_scope(settings) as s:
                with pytest.raises(ReviewAccessDenied) as info:
                    decide(s, _user(s, world, name), world.ads["a2"], decision, "mine now", None)
            message = str(info.value)
            assert "another team" in message
            assert "ana" not in message and "same number" not in message
    assert _urgent(settings, world, "coco") == [(world.ads["a2"], None, None)]


def test_conflicts_do_not_reveal_another_teams_decision(settings, world):
    with session_scope(settings) as s:
        latest = latest_decision(s, world.ads["a2"])
        hidden = ReviewConflict(latest, shown=False)
        assert "ana" not in str(hidden) and "same number" not in str(hidden)
        with pytest.raises(ReviewConflict, match="ana"):  # the own team sees who decided
            decide(s, _user(s, world, "coco"), world.ads["a2"], "urgent", "x", None)


def test_coordinators_see_only_their_own_teams_escalations(settings, world):
    assert _urgent(settings, world, "olga") == []
    assert [a for a, _, _ in _urgent(settings, world, "audrey")] == [world.ads["a2"]]  # oversight
    with session_scope(settings) as s:
        assert queue_counts(s, _user(s, world, "olga"))["urgent"] == (0, True)
        assert queue_counts(s, _user(s, world, "coco"))["urgent"] == (1, True)
        rows, _, _ = triage_page(s, TriageFilters(urgent_only=True, urgent_team="other"),
                                 viewer=_user(s, world, "olga"))
        assert rows == []


def test_decisions_reasons_and_names_only_for_the_deciding_team_and_auditors(settings, world):
    _decide(settings, world, "ana", "a2", "dismiss", "site disclaimer")
    with session_scope(settings) as s:
        for name, sees in (("ana", True), ("coco", True), ("audrey", True), ("otto", False), ("olga", False)):
            viewer = _user(s, world, name)
            rows, _, _ = triage_page(s, TriageFilters(), page_size=50, viewer=viewer)
            row = next(r for r in rows if r.ad_id == world.ads["a2"])
            view = ad_view(s, world.ads["a2"], viewer)
            if sees:
                assert (row.decision, row.decided_by, row.proposal) == ("urgent", "ana", "dismiss")
                assert [d.reason for d in view.decisions] == ["same number", "site disclaimer"]
            else:
                assert (row.decision, row.decided_by, row.proposal, row.proposal_reason) == (
                    "hidden", None, None, "")
                assert view.decisions == [] and view.hidden_decisions == 2
