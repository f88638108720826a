"""The session cookie routes and the /media/ gate (workbench.sessions), through Starlette's test client
on both backends: a start token works once, only for the browser it was issued to, and sets an HttpOnly,
SameSite=Strict cookie (Secure behind TLS); /session/end revokes and clears it; /media/ answers a
client without a valid session cookie with nothing."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient

from core import sessions
from core.db import session_scope
from core.users import add_user
from workbench import sessions as routes

XSRF = {"_streamlit_xsrf": "2|6c9d8a1b|0f1e2d3c4b5a69788796a5b4c3d2e1f0|1764550000"}
PHOTO = b"\x89PNG\r\n\x1a\n not really a photo"


def _media(request) -> Response:
    return Response(PHOTO, media_type="image/png")


@pytest.fixture
def client(settings):
    app = Starlette(routes=routes.ROUTES + [Route("/media/{file_id}", _media),
                                            Route("/static/media/font.woff2", _media)],
                    middleware=[Middleware(routes.SessionGate)])
    routes._gate_cache.clear()
    with TestClient(app, follow_redirects=False) as c:
        yield c


@pytest.fixture
def session_id(settings) -> str:
    with session_scope(settings) as s:
        user = add_user(s, "anna", "correct horse battery staple", team="vice", actor="test")
        value, _ = sessions.start(s, user)
    return value


def _start(client, session_id: str, cookies=XSRF, headers=None, url="http://127.0.0.1:8501/ad?ad=5"):
    token = routes.issue(session_id, routes.xsrf_binding(XSRF), url)
    client.cookies.clear()
    client.cookies.update(cookies)
    return token, client.get(f"/session/start?token={token}", headers=headers or {})


def test_start_sets_an_httponly_strict_cookie_once(client, session_id):
    token, answer = _start(client, session_id)
    assert answer.status_code == 303 and answer.headers["location"] == "../ad?ad=5"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.COOKIE}={session_id};")
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=strict", "path=/"} <= flags
    assert "secure" not in flags and not any(f.startswith(("max-age", "expires")) for f in flags)
    again = client.get(f"/session/start?token={token}")
    assert again.status_code == 303 and again.headers["location"] == "../?session=failed"
    assert "set-cookie" not in again.headers


def test_start_is_bound_to_the_browser_that_signed_in(client, session_id):
    _, stranger = _start(client, session_id, cookies={})
    assert stranger.headers["location"] == "../?session=failed" and "set-cookie" not in stranger.headers
    _, other = _start(client, session_id, cookies={"_streamlit_xsrf": "2|00|11|1"})
    assert "set-cookie" not in other.headers
    assert client.get("/session/start?token=made-up").headers["location"] == "../?session=failed"


def test_secure_behind_tls(client, session_id, monkeypatch):
    _, proxied = _start(client, session_id, headers={"X-Forwarded-Proto": "https"})
    assert "secure" in proxied.headers["set-cookie"].lower()
    monkeypatch.setenv("SIGNALSTACK_SESSION_COOKIE_SECURE", "always")
    _, forced = _start(client, session_id)
    assert "secure" in forced.headers["set-cookie"].lower()


def test_back_to_never_leaves_the_app():
    assert routes.back_to("https://evil.example/x?y=1") == "../x?y=1"
    assert routes.back_to("http://127.0.0.1:8501/") == "../"
    assert routes.back_to("http://h/%2F%2Fevil.example") == "../"
    assert routes.back_to(None) == "../"


def test_media_needs_a_valid_session_cookie(client, session_id, settings):
    client.cookies.clear()
    assert client.get("/media/abc.png").status_code == 404
    assert client.get("/static/media/font.woff2").status_code == 200  # the frontend's own assets stay open
    client.cookies.set(sessions.COOKIE, "made-up")
    assert client.get("/media/abc.png").status_code == 404
    client.cookies.set(sessions.COOKIE, session_id)
    answer = client.get("/media/abc.png")
    assert answer.status_code == 200 and answer.content == PHOTO
    ended = client.get("/session/end")
    assert ended.status_code == 303 and ended.headers["location"] == "../"
    assert f'{sessions.COOKIE}="";' in ended.headers["set-cookie"] or "max-age=0" in ended.headers["set-cookie"].lower()
    with session_scope(settings) as s:
        assert sessions.check(s, session_id).status == "revoked"
    client.cookies.set(sessions.COOKIE, session_id)
    assert client.get("/media/abc.png").status_code == 404


def _sign_in_with_form(at, world) -> None:
    at.text_input(key="signin_username").input("anna")
    at.text_input(key="signin_password").input(world.password)
    at.button[0].click().run()


def test_a_tab_is_signed_out_when_its_session_is_revoked_or_idle(world, app, settings):
    from datetime import timedelta

    from core.schema import User, UserSession

    at = app(world, None)
    _sign_in_with_form(at, world)
    assert at.title[0].value == "Overzicht"
    hashed = at.session_state["session_key"]
    with session_scope(settings) as s:
        row = s.query(UserSession).filter_by(key_hash=hashed).one()
        assert row.user_id == world.users["anna"] and row.revoked_at is None
        sessions.revoke_all(s, s.get(User, world.users["anna"]), "adam")
    at.run()
    assert at.title[0].value == "Inloggen"
    assert "beheerder" in at.warning[0].value  # "... or by an administrator"
    assert at.session_state.get("user_id") is None

    _sign_in_with_form(at, world)
    assert at.title[0].value == "Overzicht"
    with session_scope(settings) as s:
        row = s.query(UserSession).filter_by(key_hash=at.session_state["session_key"]).one()
        row.last_seen -= timedelta(minutes=31)
    at.run()
    assert at.title[0].value == "Inloggen" and "activiteit" in at.warning[0].value


def test_an_admin_signs_an_account_out_everywhere(world, app, settings):
    from core.schema import User

    with session_scope(settings) as s:
        kept = [sessions.start(s, s.get(User, world.users["anna"]))[0] for _ in range(2)]
    at = app(world, "adam", "users")
    at.selectbox(key="users_signout_name").select("anna")
    at.button(key="users_signout_submit").click().run()
    assert not app.failed(at)
    assert "anna: 2" in at.success[0].value
    with session_scope(settings) as s:
        assert [sessions.check(s, k).status for k in kept] == ["revoked", "revoked"]
