"""Sign-in: local accounts (argon2, via ``core.users``) or OIDC through ``st.login``.

The session keeps only the user's id and a plain snapshot of who they are;
each run re-reads the account so a deactivated user is signed out at once.
OIDC is offered when Streamlit's secrets hold an ``[auth]`` section; the
identity provider's e-mail must match a local, active account (accounts and
roles stay under the admin's control, not the provider's).
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy import select

from core import audit
from core.schema import User
from core.users import verify_login
from workbench.i18n import LANGUAGES, t
from workbench.ui import Viewer, db


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all means no OIDC
        return False


def client_address() -> str:
    """The client's address as Streamlit sees it (sign-in throttling per address); "" when unknown."""
    try:
        return str(getattr(st.context, "ip_address", None) or "")
    except Exception:  # outside a script run (AppTest, bare mode) there is no request
        return ""


def _remember(user: User) -> Viewer:
    who = Viewer.of(user)
    st.session_state["user_id"] = user.id
    st.session_state["viewer"] = who
    st.session_state["lang"] = user.lang if user.lang in LANGUAGES else "nl"
    return who


def forget_session() -> None:
    """Drop everything this browser session held: who it was, filters, half-typed reasons."""
    for key in list(st.session_state.keys()):
        if not str(key).startswith("$$"):  # Streamlit's own bookkeeping
            del st.session_state[key]


def signed_in_viewer() -> Viewer | None:
    """The viewer of this browser session, or None; also completes an OIDC sign-in."""
    user_id = st.session_state.get("user_id")
    with db() as session:
        if user_id is not None:
            user = session.get(User, user_id)
            if user is not None and user.active:
                return _remember(user)
            forget_session()
            return None
        if oidc_configured() and st.user.is_logged_in:
            email = str(st.user.get("email") or "")
            user = session.execute(select(User).where(User.username == email)).scalar()
            ok = user is not None and user.active
            audit.record(session, email[:100] or "?", "signin.oidc.ok" if ok else "signin.oidc.unknown",
                         "user", user.id if user else "")
            if ok:
                return _remember(user)
            st.session_state["oidc_refused"] = email
    return None


def sign_in_page() -> None:
    st.title(t("signin.title"))
    st.caption(t("signin.lawful_use"))
    if st.session_state.get("oidc_refused"):
        st.error(t("signin.oidc_unknown", email=st.session_state["oidc_refused"]))
    with st.form("signin"):
        username = st.text_input(t("signin.username"), key="signin_username")
        password = st.text_input(t("signin.password"), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin.submit"))
    if submitted:
        with db() as session:  # committed either way: the attempt counts towards throttling
            result = verify_login(session, username, password, client_address())
            if result.user is not None:
                _remember(result.user)
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


def sign_out(who: Viewer) -> None:
    with db() as session:
        audit.record(session, who.username, "signout", "user", who.id)
    was_oidc = oidc_configured() and st.user.is_logged_in
    forget_session()
    if was_oidc:
        st.logout()


def sidebar(who: Viewer) -> None:
    with st.sidebar:
        st.markdown(f"**{who.username}** · {t('role.' + who.role)} · {who.team}")
        lang = st.selectbox(t("sidebar.language"), LANGUAGES, index=LANGUAGES.index(st.session_state["lang"]),
                            format_func=lambda code: t("language." + code), key="sidebar_language")
        if lang != st.session_state["lang"]:
            set_language(who, lang)
            st.rerun()
        st.button(t("sidebar.signout"), key="sidebar_signout", on_click=sign_out, args=(who,))
