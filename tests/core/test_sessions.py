"""The session store (core.sessions) on both backends: start, check, idle and absolute expiry on a
fake clock, sign-out, revocation one by one and everywhere, hash-only storage, and the audit trail."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from core import sessions
from core.schema import AuditEntry, User, UserSession, utcnow
from core.settings import Settings
from core.users import add_user

LIFE = sessions.Lifetimes(idle=timedelta(minutes=30), absolute=timedelta(hours=12))
PASSWORD = "correct horse battery staple"


def _user(session, name: str = "anna") -> User:
    return add_user(session, name, PASSWORD, role="analyst", team="vice", actor="test")


def _actions(session) -> list[str]:
    return list(session.execute(select(AuditEntry.action).where(AuditEntry.action.like("session.%"))
                                .order_by(AuditEntry.id)).scalars())


def test_start_stores_only_the_hash_and_checks_valid(session):
    user = _user(session)
    t0 = utcnow()
    session_id, row = sessions.start(session, user, "10.0.0.7", "Mozilla/5.0", LIFE, now=t0)
    assert len(session_id) >= 43  # token_urlsafe(32): 256 bits
    stored = session.execute(select(UserSession)).scalars().all()
    assert len(stored) == 1
    values = [str(getattr(stored[0], c.key)) for c in UserSession.__table__.columns]
    assert session_id not in " ".join(values)  # the cookie value itself is nowhere in the row
    assert stored[0].key_hash == sessions.key_hash(session_id) and len(stored[0].key_hash) == 64
    assert (row.client, row.user_agent, row.expires_at) == ("10.0.0.7", "Mozilla/5.0", t0 + LIFE.absolute)
    found = sessions.check(session, session_id, LIFE, now=t0 + timedelta(minutes=5))
    assert found.ok and found.user.username == "anna"
    assert sessions.check(session, session_id + "x", LIFE, now=t0).status == "unknown"
    assert sessions.check(session, "", LIFE, now=t0).status == "unknown"
    assert _actions(session) == ["session.start"]


def test_idle_timeout_on_a_fake_clock_and_touch_at_most_once_a_minute(session):
    user = _user(session)
    t0 = utcnow()
    session_id, row = sessions.start(session, user, lifetimes=LIFE, now=t0)
    assert sessions.check(session, session_id, LIFE, now=t0 + timedelta(seconds=30)).ok
    assert row.last_seen == t0  # less than a minute: not written
    assert sessions.check(session, session_id, LIFE, now=t0 + timedelta(minutes=29)).ok
    assert row.last_seen == t0 + timedelta(minutes=29)  # activity moves the idle window
    assert sessions.check(session, session_id, LIFE, now=t0 + timedelta(minutes=58)).ok
    found = sessions.check(session, session_id, LIFE, now=t0 + timedelta(minutes=88, seconds=1))
    assert found.status == "idle" and found.user is None
    assert (row.revoked_reason, row.revoked_at) == ("idle", t0 + timedelta(minutes=88, seconds=1))
    # Once lapsed it stays ended, and the timeout is audited once.
    assert sessions.check(session, session_id, LIFE, now=t0 + timedelta(minutes=89)).status == "revoked"
    assert _actions(session) == ["session.start", "session.timeout"]


def test_absolute_lifetime_ends_an_active_session(session):
    user = _user(session)
    t0 = utcnow()
    session_id, _ = sessions.start(session, user, lifetimes=LIFE, now=t0)
    now = t0
    while now + timedelta(minutes=20) < t0 + LIFE.absolute:
        now += timedelta(minutes=20)
        assert sessions.check(session, session_id, LIFE, now=now).ok
    assert sessions.check(session, session_id, LIFE, now=t0 + timedelta(hours=12)).status == "expired"
    assert _actions(session)[-1] == "session.timeout"


def test_lifetimes_follow_the_settings(monkeypatch):
    monkeypatch.setenv("SIGNALSTACK_SESSION_IDLE_MINUTES", "2")
    monkeypatch.setenv("SIGNALSTACK_SESSION_MAX_HOURS", "1")
    assert sessions.Lifetimes.of(Settings()) == sessions.Lifetimes(timedelta(minutes=2), timedelta(hours=1))
    monkeypatch.delenv("SIGNALSTACK_SESSION_IDLE_MINUTES")
    monkeypatch.delenv("SIGNALSTACK_SESSION_MAX_HOURS")
    assert sessions.Lifetimes.of(Settings()) == sessions.Lifetimes(timedelta(minutes=30), timedelta(hours=12))


def test_sign_out_ends_one_session_only(session):
    user = _user(session)
    first, _ = sessions.start(session, user, lifetimes=LIFE)
    second, _ = sessions.start(session, user, lifetimes=LIFE)
    assert sessions.end(session, sessions.key_hash(first), "anna")
    assert not sessions.end(session, sessions.key_hash(first), "anna")  # already ended
    assert sessions.check(session, first, LIFE).status == "revoked"
    assert sessions.check(session, second, LIFE).ok
    assert _actions(session) == ["session.start", "session.start", "session.end"]


def test_revoke_all_by_the_user_and_by_an_admin(session):
    anna, bert = _user(session, "anna"), _user(session, "bert")
    annas = [sessions.start(session, anna, lifetimes=LIFE)[0] for _ in range(3)]
    berts = sessions.start(session, bert, lifetimes=LIFE)[0]
    assert sessions.revoke_all(session, anna, "anna") == 3
    assert [sessions.check(session, s, LIFE).status for s in annas] == ["revoked"] * 3
    assert sessions.check(session, berts, LIFE).ok  # another account is untouched
    assert sessions.active(session, anna, LIFE) == []
    assert sessions.revoke_all(session, bert, "root") == 1
    rows = session.execute(select(UserSession).order_by(UserSession.id)).scalars().all()
    assert [(r.revoked_reason, r.revoked_by) for r in rows] == [("everywhere", "anna")] * 3 + [("admin", "root")]
    assert _actions(session)[-2:] == ["session.revoke", "session.revoke_all"]
    assert _actions(session).count("session.revoke") == 4


def test_a_deactivated_account_loses_its_sessions(session):
    user = _user(session)
    session_id, _ = sessions.start(session, user, lifetimes=LIFE)
    user.active = False
    assert sessions.check(session, session_id, LIFE).status == "inactive"
    user.active = True
    assert sessions.check(session, session_id, LIFE).status == "revoked"  # stays ended


def test_sweep_ends_lapsed_sessions(session):
    anna, bert = _user(session, "anna"), _user(session, "bert")
    t0 = utcnow()
    old, _ = sessions.start(session, anna, lifetimes=LIFE, now=t0 - timedelta(hours=1))
    fresh, _ = sessions.start(session, bert, lifetimes=LIFE, now=t0)
    assert sessions.sweep(session, LIFE, now=t0 + timedelta(minutes=1)) == 1
    assert sessions.check(session, old, LIFE, now=t0 + timedelta(minutes=1)).status == "revoked"
    assert sessions.check(session, fresh, LIFE, now=t0 + timedelta(minutes=1)).ok


def test_an_admin_signs_an_account_out_everywhere_from_the_command_line(settings):
    from typer.testing import CliRunner

    from core.db import session_scope
    from signalstack.cli import build_app

    with session_scope(settings) as s:
        user = _user(s)
        kept = [sessions.start(s, user, lifetimes=LIFE)[0] for _ in range(2)]
    result = CliRunner().invoke(build_app(), ["users", "signout", "anna", "--as", "root"])
    assert result.exit_code == 0 and "2 session(s) ended" in result.output
    with session_scope(settings) as s:
        assert [sessions.check(s, k, LIFE).status for k in kept] == ["revoked", "revoked"]
        assert s.execute(select(AuditEntry.actor).where(AuditEntry.action == "session.revoke_all")).scalar() == "root"
    assert CliRunner().invoke(build_app(), ["users", "signout", "nobody", "--as", "root"]).exit_code == 2


def test_a_new_sign_in_ends_the_accounts_lapsed_sessions(session):
    anna, bert = _user(session, "anna"), _user(session, "bert")
    t0 = utcnow()
    old, _ = sessions.start(session, anna, lifetimes=LIFE, now=t0 - timedelta(hours=2))
    berts, _ = sessions.start(session, bert, lifetimes=LIFE, now=t0 - timedelta(hours=2))
    sessions.start(session, anna, lifetimes=LIFE, now=t0)
    rows = {r.key_hash: r for r in session.execute(select(UserSession)).scalars()}
    assert rows[sessions.key_hash(old)].revoked_reason == "idle"
    assert rows[sessions.key_hash(berts)].revoked_at is None  # another account's is left to its own check
    assert _actions(session).count("session.timeout") == 1
