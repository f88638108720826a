"""Cases of the viewer's team and the signals stacked in them: open a new one; coordinators export a case as a
verified bundle (with its export history), and close or reopen it."""

from __future__ import annotations

import streamlit as st

from casefiles.cases import CaseError, create_case, export_history, get_case, set_status
from workbench import actions, exports
from workbench.access import can, require
from workbench.errors import message as error_message
from workbench.i18n import plural, t
from workbench.queries import cases_with_signals
from workbench.ui import Viewer, audit_once, db, md, short_time, viewer

who = viewer()
st.title(t("page.cases"))
require(who, "case.view")
actions.show_flash()



def _create(who: Viewer) -> None:
    try:
        with db() as session:
            number = create_case(session, str(st.session_state.get("cases_new_title", "")), who.team, who.username).number
    except CaseError as exc:
        actions.flash("error", t("cases.refused", detail=error_message(exc)))
        return
    st.session_state["cases_new_title"] = ""
    actions.flash("success", t("cases.created_one", case=number))


def _status(who: Viewer, case_id: int, status: str) -> None:
    try:
        with db() as session:
            case = set_status(session, get_case(session, case_id), status, who.username,
                              str(st.session_state.get(f"case_reason_{case_id}", "")))
            number = case.number
    except CaseError as exc:
        actions.flash("error", t("cases.refused", detail=error_message(exc)))
        return
    st.session_state[f"case_reason_{case_id}"] = ""
    actions.flash("success", t("cases.closed_done" if status == "closed" else "cases.reopened_done", case=number))


if can(who, "case.create", who.team):
    with st.popover(t("cases.new"), icon=":material/add:"):
        st.text_input(t("cases.new_title"), key="cases_new_title")
        st.button(t("cases.create"), key="cases_create", on_click=_create, args=(who,))

with st.spinner(t("common.loading")), db() as session:
    cases = cases_with_signals(session, team=who.team)
    histories = {c["id"]: export_history(session, get_case(session, c["id"])) for c in cases}
    audit_once(session, who, "page.view", "page", "cases", team=who.team)

if not cases:
    st.info(t("cases.empty"))
for case in cases:
    # Keyed by the case: an export (which changes nothing in the label) or a rerun leaves the panel open,
    # with the download in view.
    with st.expander(md(f"{case['number']} · {case['title']} · {t('cases.status.' + case['status'])}") + " · "
                     + plural("cases.signal_count", len(case["signals"])), key=f"case_panel_{case['id']}"):
        st.caption(t("cases.created", who=case["created_by"], at=short_time(case["created_at"])))
        if not case["signals"]:
            st.caption(t("cases.no_signals"))
        for s in case["signals"]:
            line = f"{short_time(s['added_at'])} · {t('cases.kind.' + s['kind'])} · {md(s['added_by'])}"
            if s["note"]:
                line += f" · {md(s['note'])}"
            if s["ad_id"] is not None:
                st.page_link("views/ad.py", label=f"{line} · {t('triage.ad')} {s['ad_id']}",
                             query_params={"ad": str(s["ad_id"])}, icon=":material/article:")
            elif s["dossier_id"] is not None:
                st.page_link("views/dossiers.py", label=f"{line} · {t('dossier.kind')} #{s['dossier_id']}",
                             query_params={"dossier": str(s["dossier_id"])}, icon=":material/folder_shared:")
            else:
                st.markdown(f"- {line}")
        if can(who, "case.export", case["team"]):
            exports.export_controls(who, case["id"], case["number"], case["team"])
            st.markdown(f"**{t('cases.history')}**")
            history = histories.get(case["id"], [])
            if not history:
                st.caption(t("cases.history_empty"))
            else:
                st.dataframe([{t("cases.history.who"): h["who"], t("cases.history.at"): short_time(h["at"]),
                               t("cases.history.file"): h["file"], t("cases.history.sha256"): str(h["sha256"])[:16] + "…",
                               t("cases.history.verified"): h["verified"], t("cases.history.files"): h["files"]}
                              for h in history], hide_index=True, width="stretch", key=f"case_history_{case['id']}")
        if can(who, "case.close", case["team"]):
            r1, r2 = st.columns([3, 1], vertical_alignment="bottom")
            r1.text_input(t("cases.status_reason"), key=f"case_reason_{case['id']}")
            closing = case["status"] == "open"
            r2.button(t("cases.close") if closing else t("cases.reopen"), key=f"case_status_{case['id']}",
                      on_click=_status, args=(who, case["id"], "closed" if closing else "open"))
