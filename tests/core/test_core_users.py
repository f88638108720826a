"""Password policy and throttled sign-in (per account and per client address), on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core import users
from core.db import session_scope
from core.schema import AuditEntry
from core.users import UserError, add_user, password_problem, set_password, verify_login

GOOD = "violet tram kettle"


@pytest.mark.parametrize("password", [
    "12345678", "short pass", "123456789012", "password1234", "Password1234!", "qwertyuiop12",
    "wachtwoord2025", "!!dragon2024!!", "aaaaaaaaaaaaaaaa", "abababababab", "xx-anna-xx-99",
])
def test_weak_passwords_are_refused(password):
    assert password_problem(password, "anna") is not None


@pytest.mark.parametrize("password", [GOOD, "Tr0ub4dor&3-horse", "correct horse battery"])
def test_good_passwords_pass(password):
    assert password_problem(password, "anna") is None


def test_the_list_is_shipped_and_large():
    assert len(users.common_passwords()) > 5000 and "password" in users.common_passwords()


def test_add_user_and_set_password_apply_the_policy(session):
    with pytest.raises(UserError, match="12 characters"):
        add_user(session, "anna", "12345678")
    with pytest.raises(UserError, match="common"):
        add_user(session, "anna", "password1234")
    add_user(session, "anna", GOOD)
    with pytest.raises(UserError, match="common"):
        set_password(session, "anna", "iloveyou2025")


class Clock:
    def __init__(self, start):
        self.now = start

    def __call__(self):
        self.now += timedelta(milliseconds=1)  # time passes a little with every attempt
        return self.now


@pytest.fixture
def clock(monkeypatch):
    from core.schema import utcnow

    c = Clock(utcnow())
    monkeypatch.setattr(users, "utcnow", c)
    return c


def _try(settings, name, password, client="10.0.0.1"):
    with session_scope(settings) as s:
        result = verify_login(s, name, password, client)
        return result.status, result.retry_after


def _actions(settings):
    with session_scope(settings) as s:
        return [a for a in s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars()
                if a.startswith("signin.")]


def test_growing_delays_then_lockout_per_account(settings, clock):
    with session_scope(settings) as s:
        add_user(s, "anna", GOOD)
    assert _try(settings, "anna", GOOD) == ("ok", 0)
    for _ in range(3):
        assert _try(settings, "anna", "wrong guess")[0] == "fail"
    status, wait = _try(settings, "anna", GOOD)  # even the right password waits
    assert status == "throttled" and wait == 1
    delays = []
    for _ in range(6):
        clock.now += timedelta(seconds=61)
        assert _try(settings, "anna", "wrong guess")[0] == "fail"
        delays.append(_try(settings, "anna", "wrong guess")[1])
    assert delays == sorted(delays) and delays[0] < delays[-1]
    clock.now += timedelta(seconds=61)
    assert _try(settings, "anna", "wrong guess")[0] == "fail"  # the 10th counted failure
    status, wait = _try(settings, "anna", GOOD)
    assert status == "locked" and 14 * 60 < wait <= 15 * 60
    clock.now += timedelta(minutes=16)
    assert _try(settings, "anna", GOOD) == ("ok", 0)  # lockout over; success resets the count
    assert _try(settings, "anna", "wrong guess")[0] == "fail"
    actions = _actions(settings)
    assert {"signin.ok", "signin.fail", "signin.throttled", "signin.locked", "signin.lockout"} <= set(actions)


def test_unknown_accounts_are_throttled_alike(settings, clock):
    for _ in range(3):
        assert _try(settings, "nobody", "wrong guess") == ("fail", 0)
    assert _try(settings, "nobody", "wrong guess")[0] == "throttled"


def test_per_client_address(settings, clock):
    with session_scope(settings) as s:
        add_user(s, "anna", GOOD)
    for i in range(users.CLIENT_THROTTLE.free):  # a spray over many accounts from one address
        assert _try(settings, f"user{i}", "wrong guess", client="192.0.2.7")[0] == "fail"
    assert _try(settings, "anna", GOOD, client="192.0.2.7")[0] == "throttled"
    assert _try(settings, "anna", GOOD, client="192.0.2.8") == ("ok", 0)  # another address is not affected
    with session_scope(settings) as s:
        refused = s.execute(select(AuditEntry).where(AuditEntry.action == "signin.throttled")).scalars().all()
    assert refused[-1].detail["scope"] == "client" and refused[-1].detail["client"] == "192.0.2.7"
