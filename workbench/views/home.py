"""Start page: the size of the queue, and for coordinators the escalated (urgent) ads."""

from __future__ import annotations

import streamlit as st

from casefiles.watches import list_alerts, list_watches
from core.schema import utcnow
from workbench.access import can
from workbench.actions import show_flash
from workbench.highlight import highlighted_html
from workbench.i18n import t
from workbench.queries import queue_counts, urgent_items
from workbench.ui import audit_once, db, md, short_time, viewer
from workbench.watch_actions import acknowledge

who = viewer()
st.title(t("page.home"))
show_flash()

if not can(who, "ad.view"):
    st.info(t("home.no_ads", role=t("role." + who.role)))
    st.stop()

# Escalations land with whoever coordinates the team: the role that may also classify dossiers.
sees_urgent = can(who, "dossier.classify")
with st.spinner(t("common.loading")), db() as session:
    counts = queue_counts(session, who)
    urgent = urgent_items(session, who) if sees_urgent else []
    sees_watches = can(who, "watch.view")
    alerts = list_alerts(session, who.username) if sees_watches else []
    due = [w for w in list_watches(session, who.username) if w.review_at <= utcnow()] if sees_watches else []
    audit_once(session, who, "page.view", "page", "home")

c1, c2, c3 = st.columns(3)
c1.metric(t("home.flagged"), counts["flagged"])
c2.metric(t("home.unreviewed"), counts["unreviewed"])
c3.metric(t("home.urgent"), counts["urgent"])

if sees_watches:
    st.subheader(t("watch.alerts_title", team=who.team))
    if not alerts:
        st.info(t("watch.no_alerts"))
    for alert in alerts:
        with st.container(border=True, key=f"alert_{alert.id}"):
            st.markdown(f"**{t('watch.kind.' + alert.kind)}** {md(alert.label or alert.value)} · "
                        f"{t('triage.ad')} {alert.ad_id} · {short_time(alert.created_at)}")
            st.caption(t("watch.matched", reason=alert.reason))
            a, b = st.columns([1, 1])
            a.page_link("views/ad.py", label=t("triage.open_ad"), query_params={"ad": str(alert.ad_id)},
                        icon=":material/open_in_new:")
            if can(who, "watch.acknowledge"):
                b.button(t("watch.acknowledge"), key=f"ack_{alert.id}", on_click=acknowledge, args=(who, alert.id),
                         icon=":material/done:")
    for watch in due:
        st.warning(t("watch.due", kind=t("watch.kind." + watch.kind), value=watch.label or watch.value,
                     review=short_time(watch.review_at), expires=short_time(watch.expires_at)),
                   icon=":material/event:")

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
