"""The session cookie: set and cleared by two small routes, and required for ``/media/``.

Streamlit talks to the browser over a websocket and cannot set an HttpOnly cookie itself, so:

1. After a successful sign-in (``workbench.auth``), the script starts a session (``core.sessions``:
   a random id, only its sha256 stored) and ``issue``s a one-time start token (256 bits, valid
   ``START_TTL_S`` seconds) bound to the browser's Streamlit XSRF cookie. It sends the browser to
   ``session/start?token=...`` (Streamlit's own redirect message, the one ``st.login`` uses).
2. ``GET /session/start`` takes the token out of the store (one use, even a refused one), checks the
   time and the XSRF binding, and answers 303 back to the page, setting ``signalstack_session``:
   HttpOnly (no script can read it), SameSite=Strict (no other site's page or link makes the
   browser send it), Path=/, Secure when the request came over https (also via a proxy's
   ``X-Forwarded-Proto: https``) or when setting ``session_cookie_secure`` is ``always``. It is a
   browser-session cookie (no Max-Age): closing the browser drops it; the server's idle timeout and
   absolute lifetime end it sooner.
3. Each page load (a reload, a new tab) opens a new Streamlit session whose websocket request carries
   the cookie; ``workbench.auth`` reads it from ``st.context.cookies`` and checks it against the table.
4. ``GET /session/end`` revokes the cookie's session (if still active) and clears the cookie, then 303
   to the sign-in page. Sign-out and "sign out everywhere" end there.

``SessionGate`` is an ASGI middleware in front of Streamlit's ``/media/`` endpoint (the bytes of
``st.image``, ``st.download_button``, ...): without a valid session cookie it answers 404, so ad
photos and other media cannot be fetched by a client that has only the URL.

The token store is in-process, like the download grants: run one workbench process per proxy
upstream, or sticky ones.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from core.sessions import COOKIE

START_TTL_S = 30
START_PATH = "session/start"
END_PATH = "session/end"
MEDIA_PREFIX = "/media/"
# How long the media gate trusts a checked cookie: a page with many photos costs one query, and a
# revoked session loses its media within this many seconds.
GATE_CACHE_S = 5.0
XSRF_COOKIE = "_streamlit_xsrf"
_PAGE = re.compile(r"^[A-Za-z0-9_-]{0,100}$")
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@dataclass(frozen=True)
class Start:
    session_id: str
    binding: str
    back_to: str
    expires: float


_starts: dict[str, Start] = {}
_lock = threading.Lock()


def xsrf_binding(cookies: Mapping[str, str]) -> str | None:
    """What a start token is bound to: the stable part of Streamlit's XSRF cookie; None without one
    (AppTest, or XSRF protection switched off: then the session lives only in the tab)."""
    from workbench.downloads import cookie_binding

    value = cookies.get(XSRF_COOKIE)
    return cookie_binding({XSRF_COOKIE: value}) if value else None


def back_to(url: str | None) -> str:
    """The page to return to after the cookie is set, relative to ``session/``: only a page name of
    this app and its query, never another host (no open redirect)."""
    if not url:
        return "../"
    parts = urlsplit(url)
    page = parts.path.rstrip("/").rsplit("/", 1)[-1]
    if not _PAGE.match(page):
        page = ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query)][:10])
    return "../" + page + ("?" + query if query else "")


def issue(session_id: str, binding: str, return_url: str | None, ttl_s: float = START_TTL_S) -> str:
    """A one-time token that lets this browser collect `session_id` as its cookie within `ttl_s`."""
    token = secrets.token_urlsafe(32)
    now = time.monotonic()
    with _lock:
        for old in [k for k, s in _starts.items() if s.expires < now]:
            del _starts[old]
        _starts[token] = Start(session_id, binding, back_to(return_url), now + ttl_s)
    return token


def redeem(token: str, cookies: Mapping[str, str]) -> Start | None:
    """The start behind `token` if unused, in time and asked for by the same browser; spent either way."""
    with _lock:
        start = _starts.pop(token, None)
    if start is None or start.expires < time.monotonic():
        return None
    if xsrf_binding(cookies) != start.binding:
        return None
    return start


def cookie_secure(request: Request, mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never":
        return False
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def _settings():
    from core.settings import get_settings

    return get_settings()


def session_start(request: Request) -> Response:
    """GET session/start?token=...: set the session cookie and go back to the page (303)."""
    start = redeem(request.query_params.get("token", ""), request.cookies)
    if start is None:
        return RedirectResponse("../?session=failed", status_code=303, headers=NO_STORE)
    response = RedirectResponse(start.back_to, status_code=303, headers=NO_STORE)
    response.set_cookie(COOKIE, start.session_id, path="/", httponly=True, samesite="strict",
                        secure=cookie_secure(request, str(_settings().session_cookie_secure)))
    return response


def session_end(request: Request) -> Response:
    """GET session/end: revoke the cookie's session if it is still active, clear the cookie, 303 to
    the sign-in page. A sync endpoint (Starlette runs it in a worker thread; it writes)."""
    from core import sessions
    from core.db import session_scope
    from core.schema import User

    value = request.cookies.get(COOKIE, "")
    if value:
        with session_scope(_settings()) as session:
            hashed = sessions.key_hash(value)
            found = sessions.check_hash(session, hashed, sessions.Lifetimes.of(_settings()), touch=False)
            if found.ok:
                sessions.end(session, hashed, found.user.username)
            elif found.row is not None and found.row.revoked_at is None:
                user = session.get(User, found.row.user_id)
                sessions.end(session, hashed, user.username if user else "?")
    _forget(value)
    response = RedirectResponse("../", status_code=303, headers=NO_STORE)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                           secure=cookie_secure(request, str(_settings().session_cookie_secure)))
    return response


_gate_cache: dict[str, float] = {}


def _forget(value: str) -> None:
    if value:
        _gate_cache.pop(value, None)


def valid_cookie(value: str) -> bool:
    """Whether a session cookie value names a valid session (cached for ``GATE_CACHE_S``)."""
    if not value:
        return False
    now = time.monotonic()
    if _gate_cache.get(value, 0.0) > now:
        return True
    from core import sessions
    from core.db import session_scope

    settings = _settings()
    with session_scope(settings) as session:
        ok = sessions.check(session, value, sessions.Lifetimes.of(settings), touch=False).ok
    if ok:
        if len(_gate_cache) > 10_000:
            _gate_cache.clear()
        _gate_cache[value] = now + GATE_CACHE_S
    else:
        _gate_cache.pop(value, None)
    return ok


def _is_media(path: str) -> bool:
    """Streamlit's media route (``[/<baseUrlPath>]/media/<file>``); not the frontend's ``static/media/``."""
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return path.startswith(("/" + base if base else "") + MEDIA_PREFIX)


class SessionGate:
    """ASGI middleware: requests under ``/media/`` need a valid session cookie, else 404."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and _is_media(scope.get("path", "")):
            from anyio import to_thread

            value = Request(scope).cookies.get(COOKIE, "")
            if not await to_thread.run_sync(valid_cookie, value):
                response = PlainTextResponse("Not found.\n", status_code=404, headers=NO_STORE)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


ROUTES = [Route(f"/{START_PATH}", session_start, methods=["GET"]),
          Route(f"/{END_PATH}", session_end, methods=["GET"])]


def middleware() -> list:
    from starlette.middleware import Middleware

    return [Middleware(SessionGate)]
