"""One-time download links: evidence leaves the system only through a signed-in, audited path.

``st.download_button`` serves its bytes from ``/media/<id>`` to anyone holding that URL, without a
cookie, for as long as Streamlit keeps the file (about a minute after the next rerun), and the
fetch itself is not audited. So bundles, reports and exports are never handed to it. Instead:

1. In the signed-in session, the user clicks "prepare download": ``issue`` stores a grant under a
   random token (``secrets.token_urlsafe``, 256 bits), bound to the user, the file and a hash of
   the browser's cookies, valid for ``TOKEN_TTL_S`` seconds. Nothing is read from disk yet.
2. The page shows a link to ``download/<token>``. The route (``ROUTES``, mounted on Streamlit's
   Starlette server by ``workbench/server.py``) takes the grant out of the store (one use, even
   a refused one), checks the time, the cookies and that the account may still export the
   case, writes ``case.download`` to the audit log, and only then streams the file.

Without the same browser's cookies, a second time, or after the time: 404, "not found or
expired", the same answer for every reason. The store is in-process: the token only works
on the workbench process that issued it (run one process per proxy upstream, or sticky ones).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

TOKEN_TTL_S = 60
PREFIX = "download"
# The browser's cookies a grant is bound to: Streamlit's XSRF cookie, and a session cookie where one
# is set. A client without them (a link copied elsewhere, a script without the cookies) is refused.
BIND_COOKIES = ("_streamlit_xsrf", "signalstack_session")


class DownloadRefused(Exception):
    pass


@dataclass(frozen=True)
class Grant:
    path: Path
    filename: str
    username: str
    team: str
    object_type: str
    object_id: str
    cookies: str
    expires: float
    media_type: str = "application/zip"


_grants: dict[str, Grant] = {}
_lock = threading.Lock()


def _stable(name: str, value: str) -> str:
    """The part of a cookie that stays the same for the browser: Streamlit re-masks its XSRF
    cookie on some answers, the token inside stays."""
    if name != "_streamlit_xsrf":
        return value
    try:
        from streamlit.web.server.starlette.starlette_app_utils import decode_xsrf_token_string

        token, _ = decode_xsrf_token_string(value)
    except Exception:  # another Streamlit: fall back to the whole value
        return value
    return token.hex() if token else value


def cookie_binding(cookies: Mapping[str, str]) -> str | None:
    """A hash of the binding cookies the browser sent; None when it sent none of them."""
    present = [(name, _stable(name, cookies[name])) for name in BIND_COOKIES if cookies.get(name)]
    if not present:
        return None
    return hashlib.sha256(repr(present).encode()).hexdigest()


def issue(path: Path, username: str, team: str, object_type: str, object_id: Any,
          cookies: Mapping[str, str], ttl_s: float = TOKEN_TTL_S) -> str:
    """A one-time token for `path`, for this user in this browser; DownloadRefused without cookies."""
    binding = cookie_binding(cookies)
    if binding is None:
        raise DownloadRefused("the browser sent no session cookie; reload the page and sign in")
    if not Path(path).is_file():
        raise DownloadRefused(f"{Path(path).name} is no longer there; export again")
    token = secrets.token_urlsafe(32)
    now = time.monotonic()
    with _lock:
        for old in [k for k, g in _grants.items() if g.expires < now]:
            del _grants[old]
        _grants[token] = Grant(Path(path), Path(path).name, username, team, object_type, str(object_id),
                               binding, now + ttl_s)
    return token


def pending(token: str) -> bool:
    """Whether `token` is still unused and in time (the page keeps showing its link until then)."""
    with _lock:
        grant = _grants.get(token)
    return grant is not None and grant.expires >= time.monotonic()


def redeem(token: str, cookies: Mapping[str, str]) -> Grant | None:
    """The grant behind `token` if it is unused, in time and asked for by the same browser; the token
    is spent either way."""
    with _lock:
        grant = _grants.pop(token, None)
    if grant is None or grant.expires < time.monotonic():
        return None
    if cookie_binding(cookies) != grant.cookies or not grant.path.is_file():
        return None
    return grant


def _still_allowed(grant: Grant) -> bool:
    from sqlalchemy import select

    from core.db import session_scope
    from core.permissions import can
    from core.schema import User
    from core.settings import get_settings

    with session_scope(get_settings()) as session:
        user = session.execute(select(User).where(User.username == grant.username)).scalar()
        return user is not None and can(user, "case.export", grant.team)


def _audit(grant: Grant, request: Request) -> None:
    from core import audit
    from core.db import session_scope
    from core.settings import get_settings

    digest = hashlib.sha256(grant.path.read_bytes()).hexdigest()
    with session_scope(get_settings()) as session:
        audit.record(session, grant.username, "case.download", grant.object_type, grant.object_id,
                     file=grant.filename, sha256=digest, bytes=grant.path.stat().st_size,
                     client=request.client.host if request.client else "")


NOT_FOUND = "Not found or expired. Prepare the download again in the workbench.\n"
NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


def download(request: Request) -> Response:
    """GET download/<token>: a sync endpoint (Starlette runs it in a worker thread; the audit write
    blocks)."""
    grant = redeem(request.path_params["token"], request.cookies)
    if grant is None or not _still_allowed(grant):
        return PlainTextResponse(NOT_FOUND, status_code=404, headers=NO_STORE)
    _audit(grant, request)  # written before a byte leaves; if it fails, nothing is sent
    return FileResponse(grant.path, filename=grant.filename, media_type=grant.media_type, headers=NO_STORE)


ROUTES = [Route(f"/{PREFIX}/{{token}}", download, methods=["GET"])]
