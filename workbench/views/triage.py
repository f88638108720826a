"""Triage: a compact list of flagged ads, riskiest first, and a side panel for the selected one.

Each row says why the ad is in the queue, shows its top indicators as chips and whether someone
has claimed it. The panel holds the marked text and the decision buttons. The keyboard alone
is enough: J / K select the next / previous ad (across pages), 1 confirms, 2 dismisses (and puts
the cursor in the reason field; Enter there completes it), 3 escalates, L claims or releases.
"""

from __future__ import annotations

import streamlit as st

from casefiles.claims import active_claims
from workbench import actions, claim_actions
from workbench.access import can, require
from workbench.highlight import READABLE_CSS, highlighted_html, readable_spans
from workbench.i18n import category_label, indicator_explanation, plural, t
from workbench.queries import TriageFilters, escalation_team, filter_choices, triage_page
from workbench.ui import audit_once, db, md, scroll_and_focus, short_date, short_time, viewer

PAGE_SIZE = 20
CHIP_COLOURS = {"minor": "red", "coercion": "orange", "movement": "blue", "obfuscation": "violet",
                "trust": "green", "licensing": "gray"}
DECISION_COLOURS = {"confirm": "green", "dismiss": "gray", "urgent": "red", "hidden": "gray"}

who = viewer()
require(who, "ad.view")
st.title(t("page.triage"))
actions.show_flash()

# The panel stays in view while the list scrolls; the selected row is marked.
st.html("""<style>""" + READABLE_CSS + """
[data-testid="stColumn"]:has(.st-key-triage_panel) { position: sticky; top: 3.75rem; align-self: flex-start;
  max-height: calc(100vh - 5rem); overflow-y: auto; }
.st-key-triage_list [data-testid="stMarkdownContainer"] p { margin-bottom: 0; }
</style>""")

with db() as session:
    choices = filter_choices(session)

st.session_state.setdefault("triage_unreviewed", True)
with st.expander(t("triage.filters"), expanded=False):
    c1, c2, c3 = st.columns(3)
    sites = c1.multiselect(t("triage.site"), choices["sites"], key="triage_sites", placeholder=t("common.choose"))
    cities = c2.multiselect(t("triage.city"), choices["cities"], key="triage_cities", placeholder=t("common.choose"))
    categories = c3.multiselect(t("triage.category"), choices["categories"], key="triage_categories",
                                format_func=category_label, placeholder=t("common.choose"))
    c4, c5, c6 = st.columns(3)
    dates = c4.date_input(t("triage.dates"), value=(), key="triage_dates", format="DD-MM-YYYY")
    risk = c5.slider(t("triage.risk"), 0.0, 1.0, (0.0, 1.0), step=0.05, key="triage_risk")
    unreviewed = c6.checkbox(t("triage.unreviewed_only"), key="triage_unreviewed")
    urgent = c6.checkbox(t("triage.urgent_only"), key="triage_urgent")

date_from = dates[0] if len(dates) > 0 else None
date_to = dates[1] if len(dates) > 1 else date_from
decided_here = tuple(sorted(st.session_state.get("decided_here", set())))
filters = TriageFilters(tuple(sites), tuple(cities), tuple(categories), date_from, date_to,
                        float(risk[0]), float(risk[1]), unreviewed, urgent, escalation_team(who),
                        keep_ids=decided_here)
page = int(st.session_state.get("triage_page", 1)) - 1

with st.spinner(t("common.loading")), db() as session:
    rows, total, exact = triage_page(session, filters, page=page, page_size=PAGE_SIZE, viewer=who)
    if not rows and total and page > 0:  # the filters shrank the queue below the page we were on
        page = (total - 1) // PAGE_SIZE
        st.session_state["triage_page"] = page + 1
        rows, total, exact = triage_page(session, filters, page=page, page_size=PAGE_SIZE, viewer=who)
    claims = active_claims(session, [r.ad_id for r in rows])
    audit_once(session, who, "triage.view", "queue", "", page=page + 1, **filters.as_detail())

pages = max(1, -(-total // PAGE_SIZE))
cursor = min(max(int(st.session_state.get("triage_cursor", 0)), 0), max(len(rows) - 1, 0))
focus_ad = st.session_state.pop("triage_focus_ad", None)
cursor = next((i for i, r in enumerate(rows) if r.ad_id == focus_ad), cursor)
st.session_state["triage_cursor"] = cursor


def _move(step: int) -> None:
    """Next / previous ad; past either end of the page, on to the neighbouring page."""
    at = int(st.session_state.get("triage_cursor", 0)) + step
    current = int(st.session_state.get("triage_page", 1))
    if at >= len(rows) and current < pages:
        st.session_state.update(triage_page=current + 1, triage_cursor=0, triage_scroll=True)
    elif at < 0 and current > 1:
        st.session_state.update(triage_page=current - 1, triage_cursor=PAGE_SIZE - 1, triage_scroll=True)
    else:
        st.session_state["triage_cursor"] = min(max(at, 0), max(len(rows) - 1, 0))
    st.session_state["triage_blur"] = True


def _go_to_page(number: int) -> None:
    st.session_state.update(triage_page=number, triage_cursor=0, triage_scroll=True, triage_blur=True)


def _select(index: int) -> None:
    st.session_state["triage_cursor"] = index


def pager(where: str) -> None:
    """Previous / next page and where we are; the same at top and bottom, and both scroll to the top."""
    with st.container(horizontal=True, vertical_alignment="center", key=f"triage_pager_{where}"):
        st.button(t("triage.previous_page"), key=f"pg_prev_{where}", disabled=page == 0,
                  on_click=_go_to_page, args=(page,), icon=":material/chevron_left:")
        st.caption(t("triage.page_of", page=page + 1, pages=pages if exact else f"{pages}+"))
        st.button(t("triage.next_page"), key=f"pg_next_{where}", disabled=page + 1 >= pages,
                  on_click=_go_to_page, args=(page + 2,), icon=":material/chevron_right:", icon_position="right")


count = plural("triage.ads", total) if exact else t("triage.ads_at_least", n=total)
st.caption(t("triage.count_line", ads=count))
may_decide = can(who, "review.decide")
if not may_decide:
    st.caption(t("triage.read_only", role=t("role." + who.role)))
claim_actions.toolbar(who, [r.ad_id for r in rows])

if not rows:
    st.info(t("triage.empty"))
    st.stop()

pager("top")
with st.container(horizontal=True, key="triage_keys"):
    st.button(t("triage.previous_ad"), key="triage_prev", on_click=_move, args=(-1,), shortcut="K", type="tertiary")
    st.button(t("triage.next_ad"), key="triage_next", on_click=_move, args=(1,), shortcut="J", type="tertiary")
    st.caption(t("triage.keys_help"))

left, right = st.columns([3, 2], gap="medium")


def chips(row) -> str:
    """The three weightiest indicators as chips: the category in the viewer's language and the ad's own
    words that raised it (indicator codes are English identifiers, not interface text)."""
    shown: list[str] = []
    for hit in sorted(row.hits, key=lambda h: -h.weight):
        label = f"{category_label(hit.category)}: {hit.text.strip()[:30]}"
        chip = f":{CHIP_COLOURS.get(hit.category, 'gray')}-badge[{md(label)}]"
        if chip not in shown:
            shown.append(chip)
    return " ".join(shown[:3])


with left, st.container(key="triage_list", gap="small"):
    for index, row in enumerate(rows):
        selected = index == cursor
        claim = claims.get(row.ad_id)
        with st.container(border=True, key=f"row_{row.ad_id}", gap=None):
            a, b = st.columns([1, 7], vertical_alignment="center")
            a.button(f"{row.risk:.2f}", key=f"pick_{row.ad_id}", on_click=_select, args=(index,),
                     type="primary" if selected else "secondary")
            why = t("triage.why.threshold") if row.why == "threshold" else t("triage.why.minor")
            status = ""
            if row.decision:
                status = f" :{DECISION_COLOURS[row.decision]}-badge[{t('decision.' + row.decision)}]"
            if claim is not None:
                mine = claim.username == who.username
                status += f" :blue-badge[:material/lock: {t('claim.mine') if mine else md(claim.username)}]"
            b.markdown(f"**{t('triage.ad')} {row.ad_id}** · {md(row.city or '—')} · {md(row.site)} · "
                       f"{t('triage.first_seen')} {short_date(row.first_seen)} · "
                       f"{plural('triage.linked', row.linked)}{status}  \n{chips(row)} · _{why}_")

row = rows[cursor]
with right, st.container(key="triage_panel", border=True):
    claim = claims.get(row.ad_id)
    st.subheader(f"{t('triage.ad')} {row.ad_id}")
    st.caption(f"{md(row.site)} · {md(row.city or '—')} · {t('triage.version')} {row.version_no} · "
               f"{short_time(row.captured_at)} · {t('triage.risk_short')} {row.risk:.2f}")
    if claim is not None and claim.username != who.username:
        st.info(t("claim.held_by", user=claim.username, until=short_time(claim.expires_at)), icon=":material/lock:")
    st.html(highlighted_html(row.text, row.hits))
    for original, reading in readable_spans(row.text, row.hits):
        st.caption(t("triage.reads_as", original=md(original), reading=md(reading)))
    with st.expander(t("triage.indicators", n=len(row.hits)), expanded=False):
        for hit in row.hits:
            st.markdown(f"- **{category_label(hit.category)}** · {md(hit.text)} · {hit.weight:.2f} — "
                        f"{md(indicator_explanation(hit))}")
    if row.decision == "hidden":
        st.caption(t("review.other_team"))
    elif row.decision:
        st.caption(t("triage.decided", decision=t("decision." + row.decision), user=row.decided_by))
    if row.proposal:
        st.warning(t("review.pending", decision=t("decision." + row.proposal), user=row.proposed_by,
                     reason=md(row.proposal_reason or "—")), icon=":material/rule:")
    if may_decide and row.decision != "hidden":
        actions.decision_controls(who, row.ad_id, row.decision_id, shortcuts=True)
    else:
        actions.show_outcome(row.ad_id)
    with st.container(horizontal=True):
        if can(who, "claim.make"):
            claim_actions.claim_button(who, row.ad_id, claim)
        st.page_link("views/ad.py", label=t("triage.open_ad"), query_params={"ad": str(row.ad_id)},
                     icon=":material/open_in_new:")
    if can(who, "case.add") and row.decision in ("confirm", "urgent"):
        actions.add_to_case_controls(who, row.ad_id)

pager("bottom")
scroll_and_focus(scroll=st.session_state.pop("triage_scroll", False),
                 focus_key=(f"reason_{row.ad_id}" if st.session_state.pop("focus_reason", None) == row.ad_id else None),
                 blur=st.session_state.pop("triage_blur", False))
