"""Ids from URLs are validated before the database, refusals do not tell missing from forbidden,
and sign-in slows down after failures (issue 17, points 3 and 5), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from core.db import session_scope
from core.schema import Dossier


@pytest.mark.parametrize("raw", ["999999999999999999999", "9223372036854775807", "2147483648", "-1", "1e3", "٣",
                                 "0"])
def test_a_crafted_ad_id_is_refused_without_a_failure(world, app, raw):
    at = app(world, "anna", "ad", ad=raw)
    assert not app.failed(at) and at.error


def test_the_biggest_valid_id_is_simply_not_found(world, app):
    at = app(world, "anna", "ad", ad="2147483647")
    assert not app.failed(at) and "niet gevonden of geen toegang" in at.warning[0].value


def test_another_teams_dossier_reads_like_a_missing_one(world, app, settings):
    with session_scope(settings) as s:
        other = Dossier(subject_kind="phone", subject="+31600000000", team="elsewhere", created_by="someone")
        s.add(other)
        s.flush()
        other_id = other.id
    missing_id = other_id + 1000
    forbidden = app(world, "anna", "dossiers", dossier=str(other_id))
    missing = app(world, "anna", "dossiers", dossier=str(missing_id))
    assert forbidden.error and missing.error
    assert forbidden.error[0].value.replace(str(other_id), "N") == missing.error[0].value.replace(str(missing_id), "N")
    assert "elsewhere" not in forbidden.error[0].value
    huge = app(world, "anna", "dossiers", dossier="999999999999999999999")
    assert not app.failed(huge)


def test_sign_in_is_throttled_after_failures(world, app, settings, monkeypatch):
    from datetime import timedelta

    from core import users

    # Lock after the third failure, so the test does not depend on how fast AppTest reruns.
    monkeypatch.setattr(users, "ACCOUNT_THROTTLE", users.Throttle(free=3, lock_after=3, lockout=timedelta(minutes=5)))
    at = app(world, None)
    for _ in range(3):
        at.text_input(key="signin_username").input("anna")
        at.text_input(key="signin_password").input("not the password")
        at.button[0].click().run()
        assert "wachtwoord" in at.error[0].value
    at.text_input(key="signin_password").input(world.password)
    at.button[0].click().run()  # right password, but locked
    assert at.session_state.get("user_id") is None
    assert "Te veel mislukte inlogpogingen" in at.error[0].value


def test_the_audit_page_shows_a_cut_tail(world, app, settings):
    from sqlalchemy import text

    from core.db import get_engine
    from core.pg_guards import drop_audit_guards

    app(world, "anna", "triage")  # some audited views, each checkpointed after its commit
    with get_engine(settings).begin() as conn:
        drop_audit_guards(conn)
        last = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": last})
    at = app(world, "audrey", "audit")
    at.button(key="audit_verify").click().run()
    assert not app.failed(at)
    # In the viewer's language (Dutch), as workbench.errors reads the checkpoint report.
    assert any("regels ontbreken" in e.value or "staat niet in de keten" in e.value for e in at.error), \
        [e.value for e in at.error]
