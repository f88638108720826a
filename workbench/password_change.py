"""The page an account sees after an administrator reset its password: choose a new one first."""

from __future__ import annotations

import streamlit as st

from core.users import UserError, password_problem, set_password
from workbench.errors import message as error_message
from workbench.i18n import t
from workbench.ui import db, viewer


def page() -> None:
    who = viewer()
    st.title(t("password.title"))
    st.info(t("password.why"))
    with st.form("password_change"):
        first = st.text_input(t("password.new"), type="password", key="password_new")
        second = st.text_input(t("password.again"), type="password", key="password_again")
        submitted = st.form_submit_button(t("password.save"), key="password_save")
    if not submitted:
        return
    if first != second:
        st.error(t("password.mismatch"))
        return
    problem = password_problem(first, who.username)
    if problem:
        st.error(error_message(problem))
        return
    try:
        with db() as session:
            set_password(session, who.username, first, actor=who.username)
    except UserError:
        st.error(t("password.weak"))
        return
    st.session_state["must_change_password"] = False
    st.rerun()
