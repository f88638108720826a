"""The audit log (auditors): who viewed, searched, decided and exported what, and whether the chain holds."""

from __future__ import annotations

import json

import streamlit as st

from core.audit import verify_chain
from core.checkpoints import verify_against_checkpoint
from core.settings import get_settings
from workbench.access import require
from workbench.errors import message as error_message
from workbench.i18n import plural, t
from workbench.queries import audit_page
from workbench.ui import audit_once, db, short_time, viewer

PAGE_SIZE = 100

who = viewer()
st.title(t("page.audit"))
require(who, "audit.view")

c1, c2, c3 = st.columns([2, 2, 1])
actor = c1.text_input(t("audit.actor"), key="audit_actor")
action = c2.text_input(t("audit.action"), key="audit_action", placeholder="review.")
page = int(st.session_state.get("audit_page", 1)) - 1

with st.spinner(t("common.loading")), db() as session:
    rows, total = audit_page(session, actor, action, page=page, page_size=PAGE_SIZE)
    audit_once(session, who, "audit.view", "audit_log", "", actor_filter=actor.strip(), action_filter=action.strip(),
               page=page + 1)

if c3.button(t("audit.verify"), key="audit_verify"):
    with st.spinner(t("common.loading")), db() as session:
        report = verify_chain(session)
        against = verify_against_checkpoint(session, get_settings()) if report.ok else None
    if report.ok:
        st.success(t("audit.chain_ok", entries=plural("audit.entries", report.entries)))
    else:
        st.error(t("audit.chain_broken", id=report.first_bad_id, problem=error_message(report.problem)))
    if against is not None and not against.ok:  # a cut tail: the chain alone looks intact
        st.error(t("audit.checkpoint_broken", problem=error_message(against.message)))
    elif against is not None:
        st.caption(error_message(against.message))

st.caption(plural("audit.entries", total))
if not rows:
    st.info(t("audit.empty"))
else:
    st.dataframe([{"#": r["id"], t("audit.at"): short_time(r["at"]), t("audit.actor"): r["actor"],
                   t("audit.action"): r["action"], t("audit.object"): f"{r['object_type']} {r['object_id']}".strip(),
                   t("audit.detail"): json.dumps(r["detail"], ensure_ascii=False, default=str),
                   "hash": r["hash"]} for r in rows], hide_index=True, width="stretch", key="audit_table")
if total > PAGE_SIZE:
    st.number_input(t("triage.page"), min_value=1, max_value=-(-total // PAGE_SIZE), step=1, key="audit_page")
