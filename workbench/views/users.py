"""Users (administrators): every account; adding one; disabling and re-enabling, resetting a password (a new
one is forced at the next sign-in), changing role and team (chosen from the existing teams); signing one out
everywhere. Every change goes through ``core.users`` and is audited there."""

from __future__ import annotations

import streamlit as st

from core.users import ROLES, UserError, add_user, change_role_and_team, reset_password, set_active, teams
from workbench.access import require
from workbench.auth import sign_out_account_form
from workbench.errors import message as error_message
from workbench.i18n import t
from workbench.queries import users_list
from workbench.ui import audit_once, db, short_time, viewer

NEW_TEAM = "__new__"

who = viewer()
st.title(t("page.users"))
require(who, "users.manage")
flash_shown = st.session_state.pop("users_flash", None)
if flash_shown:
    (st.success if flash_shown[0] == "success" else st.error)(flash_shown[1])


def _refused(exc: UserError) -> None:
    st.session_state["users_flash"] = ("error", t("users.refused", detail=error_message(exc)))


def _set_active(username: str, active: bool) -> None:
    try:
        with db() as session:
            set_active(session, username, active, actor=who.username)
    except UserError as exc:
        _refused(exc)
        return
    st.session_state["users_flash"] = ("success", t("users.enabled" if active else "users.disabled", username=username))


def _reset(username: str) -> None:
    try:
        with db() as session:
            reset_password(session, username, str(st.session_state.get("users_temporary", "")), actor=who.username)
    except UserError as exc:
        _refused(exc)
        return
    st.session_state["users_temporary"] = ""
    st.session_state["users_flash"] = ("success", t("users.reset_done", username=username))


def _change(username: str) -> None:
    try:
        with db() as session:
            change_role_and_team(session, username, str(st.session_state.get(f"users_role_{username}")),
                                 str(st.session_state.get(f"users_team_{username}")), actor=who.username)
    except UserError as exc:
        _refused(exc)
        return
    st.session_state["users_flash"] = ("success", t("users.changed", username=username))


with db() as session:
    users = users_list(session)
    known_teams = teams(session)
    audit_once(session, who, "page.view", "page", "users")
st.dataframe([{t("users.username"): u["username"], t("users.role"): t("role." + u["role"]),
               t("users.team"): u["team"], t("sidebar.language"): u["lang"], t("users.active"): u["active"],
               t("users.created"): short_time(u["created_at"])} for u in users],
             hide_index=True, width="stretch", key="users_table")

st.subheader(t("users.add"))
with st.form("users_add", clear_on_submit=True):
    c1, c2, c3 = st.columns(3)
    username = c1.text_input(t("users.username"), key="users_new_name")
    role = c2.selectbox(t("users.role"), ROLES, format_func=lambda r: t("role." + r), key="users_new_role",
                        placeholder=t("common.choose"))
    team_choice = c3.selectbox(t("users.team"), known_teams + [NEW_TEAM], key="users_new_team_choice",
                               format_func=lambda x: t("users.new_team_option") if x == NEW_TEAM else x,
                               placeholder=t("common.choose"))
    new_team = c3.text_input(t("users.new_team"), key="users_new_team")
    team = new_team if team_choice == NEW_TEAM else team_choice
    password = st.text_input(t("signin.password"), type="password", key="users_new_password")
    submitted = st.form_submit_button(t("users.add"), key="users_add_submit")
if submitted:
    try:
        with db() as session:
            add_user(session, username, password, role=role, team=team.strip() or "default", actor=who.username)
    except UserError as exc:
        st.error(t("users.refused", detail=error_message(exc)))
    else:
        st.success(t("users.added", username=username.strip()))
        st.rerun()

st.subheader(t("users.manage"))
by_name = {u["username"]: u for u in users}
chosen = st.selectbox(t("users.choose"), list(by_name), key="users_manage_choice",
                      placeholder=t("common.choose"))
if chosen:
    account = by_name[chosen]
    c1, c2 = st.columns(2)
    if account["active"]:
        c1.button(t("users.disable"), key="users_disable", on_click=_set_active, args=(chosen, False),
                  icon=":material/person_off:", disabled=chosen == who.username)
    else:
        c1.button(t("users.enable"), key="users_enable", on_click=_set_active, args=(chosen, True),
                  icon=":material/person_check:")
    with c2.popover(t("users.reset"), icon=":material/lock_reset:"):
        st.text_input(t("users.temporary"), type="password", key="users_temporary")
        st.button(t("users.reset"), key="users_reset", on_click=_reset, args=(chosen,))
    r1, r2, r3 = st.columns([1, 1, 1], vertical_alignment="bottom")
    r1.selectbox(t("users.role"), ROLES, index=ROLES.index(account["role"]), format_func=lambda r: t("role." + r),
                 key=f"users_role_{chosen}", placeholder=t("common.choose"))
    r2.selectbox(t("users.team"), known_teams, index=known_teams.index(account["team"]),
                 key=f"users_team_{chosen}", placeholder=t("common.choose"))
    r3.button(t("users.save_role_team"), key="users_save_role_team", on_click=_change, args=(chosen,))

st.subheader(t("users.signout_everywhere"))
sign_out_account_form(who, [u["username"] for u in users])
