"""Triage: flagged ads, riskiest first, each with its marked text, its reasons and the decision buttons."""

from __future__ import annotations

import streamlit as st

from workbench import actions
from workbench.access import can, require
from workbench.highlight import highlighted_html
from workbench.i18n import t
from workbench.queries import TriageFilters, escalation_team, filter_choices, triage_page
from workbench.ui import audit_once, db, md, short_time, viewer

PAGE_SIZE = 20

who = viewer()
require(who, "ad.view")
st.title(t("page.triage"))
actions.show_flash()

with db() as session:
    choices = filter_choices(session)

with st.expander(t("triage.filters"), expanded=False):
    c1, c2, c3 = st.columns(3)
    sites = c1.multiselect(t("triage.site"), choices["sites"], key="triage_sites")
    cities = c2.multiselect(t("triage.city"), choices["cities"], key="triage_cities")
    categories = c3.multiselect(t("triage.category"), choices["categories"], key="triage_categories",
                                format_func=lambda c: t("category." + c))
    c4, c5, c6 = st.columns(3)
    dates = c4.date_input(t("triage.dates"), value=(), key="triage_dates")
    risk = c5.slider(t("triage.risk"), 0.0, 1.0, (0.0, 1.0), step=0.05, key="triage_risk")
    unreviewed = c6.checkbox(t("triage.unreviewed_only"), key="triage_unreviewed")
    urgent = c6.checkbox(t("triage.urgent_only"), key="triage_urgent")

date_from = dates[0] if len(dates) > 0 else None
date_to = dates[1] if len(dates) > 1 else date_from
filters = TriageFilters(tuple(sites), tuple(cities), tuple(categories), date_from, date_to,
                        float(risk[0]), float(risk[1]), unreviewed, urgent, escalation_team(who))
page = int(st.session_state.get("triage_page", 1)) - 1

with st.spinner(t("common.loading")), db() as session:
    rows, total, exact = triage_page(session, filters, page=page, page_size=PAGE_SIZE, viewer=who)
    if not rows and total and page > 0:  # the filters shrank the queue below the page we were on
        page = (total - 1) // PAGE_SIZE
        st.session_state["triage_page"] = page + 1
        rows, total, exact = triage_page(session, filters, page=page, page_size=PAGE_SIZE, viewer=who)
    audit_once(session, who, "triage.view", "queue", "", page=page + 1, **filters.as_detail())

pages = max(1, -(-total // PAGE_SIZE))
st.caption(t("triage.count", total=total if exact else f"{total}+", page=page + 1,
             pages=pages if exact else f"{pages}+"))
if not rows:
    st.info(t("triage.empty"))

may_decide = can(who, "review.decide")
may_add = can(who, "case.add")
if not may_decide:
    st.caption(t("triage.read_only", role=t("role." + who.role)))

for row in rows:
    with st.container(border=True, key=f"row_{row.ad_id}"):
        head, score = st.columns([5, 1])
        head.markdown(f"**{t('triage.ad')} {row.ad_id}** · {md(row.site)} · {md(row.city or '—')} · "
                      f"{t('triage.version')} {row.version_no} · {short_time(row.captured_at)}")
        score.metric(t("triage.risk_short"), f"{row.risk:.2f}")
        st.html(highlighted_html(row.text, row.hits))
        if row.reasons:
            st.markdown("\n".join(f"- {md(r)}" for r in row.reasons))
        if row.decision == "hidden":
            st.caption(t("review.other_team"))
        elif row.decision:
            st.caption(t("triage.decided", decision=t("decision." + row.decision), user=row.decided_by))
        if row.proposal:
            st.warning(t("review.pending", decision=t("decision." + row.proposal), user=row.proposed_by,
                         reason=md(row.proposal_reason or "—")), icon=":material/rule:")
        st.page_link("views/ad.py", label=t("triage.open_ad"), query_params={"ad": str(row.ad_id)},
                     icon=":material/open_in_new:")
        if may_decide and row.decision != "hidden":
            actions.decision_controls(who, row.ad_id, row.decision_id)
        if may_add and row.decision in ("confirm", "urgent"):
            actions.add_to_case_controls(who, row.ad_id)

if pages > 1:
    st.number_input(t("triage.page"), min_value=1, max_value=pages, value=page + 1, step=1, key="triage_page")
