"""Claims on flagged ads (issue 18, point 3), on SQLite and PostgreSQL.

World (conftest): team vice with analyst ana, coordinator coco, auditor audrey, admin adam;
team other with analyst otto and coordinator olga; ads a1, a2, a3.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from casefiles.claims import (
    ClaimAccessDenied,
    ClaimError,
    active_claims,
    assign,
    claim,
    claims_of,
    release,
    release_stale,
    team_claims,
)
from core.db import session_scope
from core.schema import AuditEntry, User, utcnow


def _u(s, world, name):
    return s.get(User, world.users[name])


def test_a_claimed_ad_is_skipped_for_others_until_it_expires(settings, world):
    a1, a2 = world.ads["a1"], world.ads["a2"]
    now = utcnow()
    with session_scope(settings) as s:
        assert claim(s, _u(s, world, "ana"), [a1, a2], minutes=30, now=now) == ([a1, a2], {})
    with session_scope(settings) as s:
        taken, skipped = claim(s, _u(s, world, "otto"), [a1], minutes=30, now=now + timedelta(minutes=5))
        assert (taken, skipped) == ([], {a1: "ana"})
        assert {i: c.username for i, c in active_claims(s, [a1, a2], now=now).items()} == {a1: "ana", a2: "ana"}
        assert [c.ad_id for c in claims_of(s, "ana", now=now)] == [a1, a2]
    # After expiry the claim counts as none, and anyone may take the ad.
    later = now + timedelta(minutes=31)
    with session_scope(settings) as s:
        assert active_claims(s, [a1], now=later) == {}
        assert claim(s, _u(s, world, "otto"), [a1], minutes=30, now=later) == ([a1], {})
        assert active_claims(s, [a1], now=later)[a1].username == "otto"
        actions = [e.action for e in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()]
        assert actions.count("claim.make") == 2


def test_only_reviewers_claim_and_only_coordinators_assign_within_their_team(settings, world):
    a1 = world.ads["a1"]
    with session_scope(settings) as s:
        for name in ("audrey", "adam"):
            with pytest.raises(ClaimAccessDenied) as err:
                claim(s, _u(s, world, name), [a1])
            assert err.value.key == "claim.error.denied"
        with pytest.raises(ClaimAccessDenied):
            assign(s, _u(s, world, "ana"), [a1], "ana")
        with pytest.raises(ClaimError) as err:
            assign(s, _u(s, world, "coco"), [a1], "otto")  # another team's analyst
        assert err.value.key == "claim.error.no_member"
        with pytest.raises(ClaimError) as err:
            claim(s, _u(s, world, "ana"), ["999999"])
        assert err.value.key == "claim.error.no_ad"
    with session_scope(settings) as s:
        assert assign(s, _u(s, world, "coco"), [a1], "ana") == ([a1], {})
        held = active_claims(s, [a1])[a1]
        assert (held.username, held.assigned_by, held.team) == ("ana", "coco", "vice")


def test_release_own_or_as_the_teams_coordinator_and_stale_claims(settings, world):
    a1, a2, a3 = world.ads["a1"], world.ads["a2"], world.ads["a3"]
    now = utcnow()
    with session_scope(settings) as s:
        claim(s, _u(s, world, "ana"), [a1, a2], minutes=30)
        claim(s, _u(s, world, "ana"), [a3], minutes=1, now=now - timedelta(minutes=10))  # stale
    with session_scope(settings) as s:
        with pytest.raises(ClaimAccessDenied) as err:
            release(s, _u(s, world, "otto"), [a1])
        assert err.value.key == "claim.error.not_yours"
        with pytest.raises(ClaimAccessDenied):
            release(s, _u(s, world, "olga"), [a1])  # a coordinator of another team
    with session_scope(settings) as s:
        assert release(s, _u(s, world, "ana"), [a1]) == [a1]
        assert release(s, _u(s, world, "coco"), [a2]) == [a2]
        assert [c.ad_id for c in team_claims(s, "vice")] == [a3]
        assert release_stale(s, _u(s, world, "olga")) == 0  # not her team's
        assert release_stale(s, _u(s, world, "coco")) == 1
        assert team_claims(s, "vice") == []
