"""Start page: what to do first, per role.

Coordinators: escalations awaiting them. Everyone who reviews: new flagged ads since the last
visit, the own claims, the team's watch alerts, and dossiers whose colour changed.
"""

from __future__ import annotations

import streamlit as st

from casefiles.claims import claims_of
from casefiles.watches import list_alerts, list_watches
from core.schema import utcnow
from workbench.access import can
from workbench.actions import show_flash
from workbench.highlight import highlighted_html
from workbench.i18n import plural, t
from workbench.queries import (
    COUNT_AHEAD,
    ads_by_ids,
    colour_changes,
    new_flagged_since,
    previous_visit,
    queue_counts,
    urgent_items,
)
from workbench.ui import audit_once, db, md, short_time, viewer
from workbench.watch_actions import acknowledge, renew_or_end_control


def at_least(n: int, exact: bool) -> str:
    return str(n) if exact else f"{n}+"  # counting stops past COUNT_AHEAD, as in triage


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
    since = st.session_state.setdefault("home_since", previous_visit(session, who.username))
    new_count = new_flagged_since(session, since)
    mine = claims_of(session, who.username) if can(who, "claim.make") else []
    claimed_rows = ads_by_ids(session, [c.ad_id for c in mine], viewer=who)
    colours = colour_changes(session, who.team, since) if can(who, "dossier.view", who.team) else []
    audit_once(session, who, "page.view", "page", "home")

st.subheader(t("home.first"))
todo = []
if sees_urgent and urgent:
    todo.append(t("home.todo_urgent", ads=plural("triage.ads", len(urgent))))
if mine:
    todo.append(t("home.todo_claims", ads=plural("triage.ads", len(mine))))
if new_count:
    todo.append(t("home.todo_new", ads=plural("triage.ads", new_count)))
if colours:
    todo.append(t("home.todo_colours", dossiers=plural("home.dossiers", len(colours))))
if not todo:
    todo.append(t("home.todo_nothing"))
with st.container(border=True, key="home_todo"):
    st.markdown("\n".join(f"{i}. {line}" for i, line in enumerate(todo, 1)))
    st.page_link("views/triage.py", label=t("home.to_triage"), icon=":material/checklist:")

c1, c2, c3, c4 = st.columns(4)
c1.metric(t("home.flagged"), at_least(*counts["flagged"]))
c2.metric(t("home.unreviewed"), at_least(*counts["unreviewed"]))
c3.metric(t("home.urgent"), at_least(*counts["urgent"]))
c4.metric(t("home.new_since"), at_least(new_count, new_count < COUNT_AHEAD))

if mine:
    st.subheader(t("home.claims_title"))
    for row in claimed_rows:
        with st.container(border=True, key=f"claimed_{row.ad_id}"):
            st.markdown(f"**{t('triage.ad')} {row.ad_id}** · {md(row.site)} · {md(row.city or '—')} · "
                        f"{t('triage.risk_short')} {row.risk:.2f}")
            st.page_link("views/ad.py", label=t("triage.open_ad"), query_params={"ad": str(row.ad_id)},
                         icon=":material/open_in_new:")

if colours:
    st.subheader(t("home.colours_title"))
    for change in colours:
        before = t("colour." + change["previous_colour"]) if change["previous_colour"] else "—"
        st.markdown(f"- **{md(change['title'] or change['subject'])}**: {before} → {t('colour.' + change['colour'])}"
                    f" · {md(change['decided_by'])} · {short_time(change['decided_at'])}")

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
        with st.container(border=True, key=f"due_{watch.id}"):
            st.warning(t("watch.due", kind=t("watch.kind." + watch.kind), value=watch.label or watch.value,
                         review=short_time(watch.review_at), expires=short_time(watch.expires_at)),
                       icon=":material/event:")
            renew_or_end_control(who, watch.id, watch.expires_at.date())

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
