"""Users (administrators): every account, adding one, and signing one out everywhere."""

from __future__ import annotations

import streamlit as st

from core.users import ROLES, UserError, add_user
from workbench.access import require
from workbench.auth import sign_out_account_form
from workbench.i18n import t
from workbench.queries import users_list
from workbench.ui import audit_once, db, short_time, viewer

who = viewer()
st.title(t("page.users"))
require(who, "users.manage")

with db() as session:
    users = users_list(session)
    audit_once(session, who, "page.view", "page", "users")
st.dataframe([{t("users.username"): u["username"], t("users.role"): t("role." + u["role"]),
               t("users.team"): u["team"], t("sidebar.language"): u["lang"], t("users.active"): u["active"],
               t("users.created"): short_time(u["created_at"])} for u in users],
             hide_index=True, width="stretch", key="users_table")

st.subheader(t("users.add"))
with st.form("users_add", clear_on_submit=True):
    c1, c2, c3 = st.columns(3)
    username = c1.text_input(t("users.username"), key="users_new_name")
    role = c2.selectbox(t("users.role"), ROLES, format_func=lambda r: t("role." + r), key="users_new_role")
    team = c3.text_input(t("users.team"), value="default", key="users_new_team")
    password = st.text_input(t("signin.password"), type="password", key="users_new_password")
    submitted = st.form_submit_button(t("users.add"), key="users_add_submit")
if submitted:
    try:
        with db() as session:
            add_user(session, username, password, role=role, team=team.strip() or "default", actor=who.username)
    except UserError as exc:
        st.error(t("users.refused", detail=str(exc)))
    else:
        st.success(t("users.added", username=username.strip()))
        st.rerun()

st.subheader(t("users.signout_everywhere"))
sign_out_account_form(who, [u["username"] for u in users])
