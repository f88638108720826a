"""Cases of the viewer's team and the signals stacked in them; coordinators export a case as a bundle."""

from __future__ import annotations

import streamlit as st

from workbench import actions, exports
from workbench.access import can, require
from workbench.i18n import t
from workbench.queries import cases_with_signals
from workbench.ui import audit_once, db, md, short_time, viewer

who = viewer()
st.title(t("page.cases"))
require(who, "case.view")
actions.show_flash()

with st.spinner(t("common.loading")), db() as session:
    cases = cases_with_signals(session, team=who.team)
    audit_once(session, who, "page.view", "page", "cases", team=who.team)

if not cases:
    st.info(t("cases.empty"))
for case in cases:
    with st.expander(md(f"{case['number']} · {case['title']} · {t('cases.status.' + case['status'])} · "
                        f"{len(case['signals'])} {t('cases.signals')}"),
                     expanded=bool(st.session_state.get(f"export_{case['id']}"))):  # the download stays in view
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
