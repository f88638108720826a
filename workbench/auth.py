"""Sign-in: local accounts (argon2, via ``core.users``) or OIDC through ``st.login``.

The Streamlit session keeps only the user's id, a plain snapshot of who they are, and the hash of
its server-side session (``core.sessions``); each run checks that session (revoked? idle? too old?)
and re-reads the account, so a deactivated user, a revoked session or an idle one is signed out at
once. A sign-in starts a session and sends the browser to ``session/start`` to collect it as an
HttpOnly cookie (``workbench.sessions``); a reload or a new tab finds that cookie in
``st.context.cookies`` and is signed in without a password.
OIDC is offered when Streamlit's secrets hold an ``[auth]`` section; the
identity provider's e-mail must match a local, active account (accounts and
roles stay under the admin's control, not the provider's).
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import select

from core import audit, sessions
from core.schema import User
from core.settings import get_settings
from core.users import verify_login
from workbench import sessions as cookie_routes
from workbench.i18n import LANGUAGES, t
from workbench.ui import Viewer, db

SESSION_KEY = "session_key"  # sha256 of this browser's session id, as the sessions table stores it
ENDED = "session_ended"  # why the last session ended, shown once on the sign-in page


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all means no OIDC
        return False


def client_address() -> str:
    """The client's address for sign-in throttling per address and the session record.

    Behind the reference proxy Streamlit sees only the proxy on localhost, for which
    ``st.context.ip_address`` is None; nginx sets ``X-Real-IP`` to the address it was connected from
    (overwriting whatever the client sent), so that header comes first. Without either, every
    attempt shares the bucket "local", so the per-address throttle still counts them together.
    The workbench binds to 127.0.0.1 by default: a client that could reach it directly, past the
    proxy, could choose its X-Real-IP; the per-account throttle holds regardless.
    """
    try:
        headers = {k.lower(): v for k, v in _context("headers").items()}  # Tornado spells it X-Real-Ip
        forwarded = (headers.get("x-real-ip") or "").strip()
        return forwarded or str(getattr(st.context, "ip_address", None) or "") or "local"
    except Exception:  # outside a script run (AppTest, bare mode) there is no request
        return "local"


def _context(name: str) -> dict:
    """`st.context.cookies` or `.headers` as a dict; empty outside a browser request (AppTest)."""
    try:
        return dict(getattr(st.context, name) or {})
    except Exception:  # no request context
        return {}


def _page_url() -> str | None:
    try:
        return st.context.url
    except Exception:
        return None


def _lifetimes() -> sessions.Lifetimes:
    return sessions.Lifetimes.of(get_settings())


def redirect(url: str) -> None:
    """Send the browser to `url` (relative to the page), with the message ``st.login`` uses."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        msg = ForwardMsg()
        msg.auth_redirect.url = url
        ctx.enqueue(msg)


def _start_session(session, user: User) -> str:
    """A server-side session for `user`, remembered in this Streamlit session; the cookie value."""
    session_id, row = sessions.start(session, user, client_address(), _context("headers").get("User-Agent", ""),
                                     _lifetimes())
    st.session_state[SESSION_KEY] = row.key_hash
    _remember(user)
    return session_id


def _hand_cookie(session_id: str) -> bool:
    """Send the browser to collect `session_id` as its cookie; False when it cannot be bound (no
    XSRF cookie: AppTest, or a second try after a failed start), and the session lives in the tab only."""
    binding = cookie_routes.xsrf_binding(_context("cookies"))
    if binding is None or st.query_params.get("session") == "failed":
        return False
    token = cookie_routes.issue(session_id, binding, _page_url())
    redirect(f"{cookie_routes.START_PATH}?token={token}")
    return True


def _remember(user: User) -> Viewer:
    who = Viewer.of(user)
    st.session_state["user_id"] = user.id
    st.session_state["viewer"] = who
    # After an administrator's reset: no page until a new password is chosen (workbench/password_change.py).
    st.session_state["must_change_password"] = bool(getattr(user, "must_change_password", False))
    st.session_state["lang"] = user.lang if user.lang in LANGUAGES else "nl"
    return who


def forget_session() -> None:
    """Drop everything this browser session held: who it was, filters, half-typed reasons."""
    for key in list(st.session_state.keys()):
        if not str(key).startswith("$$"):  # Streamlit's own bookkeeping
            del st.session_state[key]


def _note_end(found: sessions.Check) -> None:
    """Say on the sign-in page why the session ended, unless the user signed out themself."""
    reason = (found.row.revoked_reason if found.row is not None else "") or found.status
    if reason != "signout":
        st.session_state[ENDED] = reason if reason in ("idle", "expired", "inactive") else "revoked"


def _ended(found: sessions.Check) -> None:
    """Forget this tab's sign-in (who it was, filters, half-typed text) and say why."""
    forget_session()
    _note_end(found)


def signed_in_viewer() -> Viewer | None:
    """The viewer of this browser session, or None; also completes an OIDC sign-in."""
    user_id = st.session_state.get("user_id")
    handed: str | None = None
    with db() as session:
        if user_id is not None:
            hashed = st.session_state.get(SESSION_KEY)
            if hashed:  # checked on every run: revoked elsewhere, idle, too old, account disabled
                found = sessions.check_hash(session, hashed, _lifetimes())
                if found.ok:
                    return _remember(found.user)
                _ended(found)
                return None
            # Only a test harness (AppTest) sets a user id without a session: the sign-in paths never do.
            user = session.get(User, user_id)
            if user is not None and user.active:
                return _remember(user)
            forget_session()
            return None
        cookie = _context("cookies").get(sessions.COOKIE, "")
        if cookie:
            found = sessions.check(session, cookie, _lifetimes())
            if found.ok:
                st.session_state[SESSION_KEY] = found.row.key_hash
                return _remember(found.user)
            if found.status != "unknown":
                # Only note it: forgetting the session state here would also wipe the sign-in form
                # on every run while the browser still sends the ended session's cookie.
                _note_end(found)
                if oidc_configured() and st.user.is_logged_in:
                    st.logout()  # the provider's sign-in must not outlive the session (idle timeout)
                    return None
        if oidc_configured() and st.user.is_logged_in:
            email = str(st.user.get("email") or "")
            user = session.execute(select(User).where(User.username == email)).scalar()
            ok = user is not None and user.active
            audit.record(session, email[:100] or "?", "signin.oidc.ok" if ok else "signin.oidc.unknown",
                         "user", user.id if user else "")
            if ok:
                handed = _start_session(session, user)
            else:
                st.session_state["oidc_refused"] = email
    if handed is None:
        return None
    if _hand_cookie(handed):  # after the commit above: the browser comes back with the cookie
        st.info(t("signin.redirecting"))
        st.stop()
    return st.session_state["viewer"]


def sign_in_page() -> None:
    st.title(t("signin.title"))
    st.caption(t("signin.lawful_use"))
    ended = st.session_state.get(ENDED)
    if ended:
        st.warning(t("signin.session_ended", reason=t(f"signin.session_reason.{ended}")))
    elif st.query_params.get("session") == "failed":
        st.warning(t("signin.session_failed"))
    if st.session_state.get("oidc_refused"):
        st.error(t("signin.oidc_unknown", email=st.session_state["oidc_refused"]))
    with st.form("signin"):
        username = st.text_input(t("signin.username"), key="signin_username")
        password = st.text_input(t("signin.password"), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin.submit"))
    if submitted:
        handed = None
        with db() as session:  # committed either way: the attempt counts towards throttling
            result = verify_login(session, username, password, client_address())
            if result.user is not None:
                handed = _start_session(session, result.user)
        if handed is not None and _hand_cookie(handed):
            st.info(t("signin.redirecting"))
            st.stop()
        if result.user is None:
            st.error(t("signin.failed") if result.status == "fail"
                     else t(f"signin.{result.status}", seconds=result.retry_after,
                            minutes=max(result.retry_after // 60, 1)))
        else:
            st.rerun()
    if oidc_configured():
        st.button(t("signin.oidc"), key="signin_oidc", on_click=st.login)


def set_language(who: Viewer, lang: str) -> None:
    """Store the interface language on the account, so it follows the user to any browser."""
    if lang not in LANGUAGES or lang == who.lang:
        return
    with db() as session:
        user = session.get(User, who.id)
        user.lang = lang
        audit.record(session, who.username, "user.language", "user", who.id, lang=lang)
    st.session_state["lang"] = lang
    st.session_state["viewer"] = Viewer(who.id, who.username, who.role, who.team, lang)


def _leave() -> None:
    """Forget this tab, and send the browser to clear its cookie (or to the provider's sign-out)."""
    was_oidc = oidc_configured() and st.user.is_logged_in
    forget_session()
    if was_oidc:
        st.logout()  # the cookie stays, but its session is revoked already
    else:
        redirect(cookie_routes.END_PATH)


def sign_out(who: Viewer) -> None:
    hashed = st.session_state.get(SESSION_KEY, "")
    with db() as session:
        audit.record(session, who.username, "signout", "user", who.id)
        sessions.end(session, hashed, who.username)
    _leave()


def sign_out_everywhere(who: Viewer) -> None:
    """Revoke every session of this account (other tabs, other browsers), then sign this one out."""
    with db() as session:
        user = session.get(User, who.id)
        if user is not None:
            sessions.revoke_all(session, user, who.username)
    _leave()


def sign_out_account(who: Viewer, username: str) -> int:
    """An administrator signs `username` out everywhere; how many sessions ended (PermissionError if
    `who` may not manage users)."""
    from core.permissions import can

    with db() as session:
        admin = session.get(User, who.id)
        if admin is None or not can(admin, "users.manage"):
            raise PermissionError("users.manage")
        user = session.execute(select(User).where(User.username == username)).scalar()
        return sessions.revoke_all(session, user, who.username) if user is not None else 0


def sign_out_account_form(who: Viewer, usernames: list[str]) -> None:
    """For the users page: an administrator ends every session of one account."""
    with st.form("users_signout"):
        username = st.selectbox(t("users.username"), usernames, key="users_signout_name",
                                placeholder=t("common.choose"))
        submitted = st.form_submit_button(t("users.signout_everywhere"), key="users_signout_submit")
    if submitted and username:
        ended = sign_out_account(who, username)
        st.success(t("users.signed_out", username=username, sessions=ended))


def sidebar(who: Viewer) -> None:
    with st.sidebar:
        st.markdown(f"**{who.username}** · {t('role.' + who.role)} · {who.team}")
        lang = st.selectbox(t("sidebar.language"), LANGUAGES, index=LANGUAGES.index(st.session_state["lang"]),
                            format_func=lambda code: t("language." + code), key="sidebar_language",
                            placeholder=t("common.choose"))
        if lang != st.session_state["lang"]:
            set_language(who, lang)
            st.rerun()
        st.button(t("sidebar.signout"), key="sidebar_signout", on_click=sign_out, args=(who,))
        st.button(t("sidebar.signout_everywhere"), key="sidebar_signout_everywhere", on_click=sign_out_everywhere,
                  args=(who,))
