"""Start page: the size of the queue, and for coordinators the escalated (urgent) ads."""

from __future__ import annotations

import streamlit as st

from workbench.access import can
from workbench.highlight import highlighted_html
from workbench.i18n import t
from workbench.queries import queue_counts, urgent_items
from workbench.ui import audit_once, db, md, short_time, viewer

who = viewer()
st.title(t("page.home"))

if not can(who, "ad.view"):
    st.info(t("home.no_ads", role=t("role." + who.role)))
    st.stop()

# Escalations land with whoever coordinates the team: the role that may also classify dossiers.
sees_urgent = can(who, "dossier.classify")
with st.spinner(t("common.loading")), db() as session:
    counts = queue_counts(session, who)
    urgent = urgent_items(session, who) if sees_urgent else []
    audit_once(session, who, "page.view", "page", "home")

c1, c2, c3 = st.columns(3)
c1.metric(t("home.flagged"), counts["flagged"])
c2.metric(t("home.unreviewed"), counts["unreviewed"])
c3.metric(t("home.urgent"), counts["urgent"])

if sees_urgent:
    st.subheader(t("home.urgent_title"))
    if not urgent:
        st.info(t("home.no_urgent"))
    for row in urgent:
        with st.container(border=True, key=f"urgent_{row.ad_id}"):
            st.markdown(f"**{t('triage.ad')} {row.ad_id}** · {md(row.site)} · {md(row.city or '—')} · "
                        f"{t('triage.risk_short')} {row.risk:.2f} · {short_time(row.captured_at)}")
            st.caption(t("triage.decided", decision=t("decision.urgent"), user=row.decided_by))
            if row.proposal:
                st.warning(t("review.pending", decision=t("decision." + row.proposal), user=row.proposed_by,
                             reason=md(row.proposal_reason or "—")), icon=":material/rule:")
            st.html(highlighted_html(row.text, row.hits))
            st.page_link("views/ad.py", label=t("triage.open_ad"), query_params={"ad": str(row.ad_id)},
                         icon=":material/open_in_new:")
else:
    st.page_link("views/triage.py", label=t("home.to_triage"), icon=":material/checklist:")
