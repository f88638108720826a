"""Search by phone in any written form, e-mail, handle, text, image hash, ad id or URL; each result with a
highlighted snippet, risk, the latest decision the viewer may read, site, city and dates; facets."""

from __future__ import annotations

import streamlit as st

from core.settings import get_settings
from workbench.access import require
from workbench.actions import show_flash
from workbench.errors import message as error_message
from workbench.i18n import plural, t
from workbench.saved_search_actions import save_control, saved_list
from workbench.search import KINDS, SearchError
from workbench.search_results import HIDDEN, NO_DECISION, SearchFilters, search_page
from workbench.ui import audit_once, db, md, short_time, viewer
from workbench.watch_actions import watch_control

PAGE_SIZE = 20

who = viewer()
require(who, "ad.view")
st.title(t("page.search"))
show_flash()

kind_param = st.query_params.get("kind", "auto")
c1, c2 = st.columns([1, 4])
kind = c1.selectbox(t("search.kind"), KINDS, index=KINDS.index(kind_param) if kind_param in KINDS else 0,
                    format_func=lambda k: t("search.kind." + k), key="search_kind",
                    placeholder=t("common.choose"))
query = c2.text_input(t("search.query"), value=st.query_params.get("q", ""), key="search_query",
                      placeholder=t("search.hint"))
saved_list(who, expanded=not query.strip())
if not query.strip():
    st.info(t("search.empty_query"))
    st.stop()


def decision_label(value: str) -> str:
    if value == NO_DECISION:
        return t("search.decision.none")
    if value == HIDDEN:
        return t("search.decision.hidden")
    return t("decision." + value)


def facet_label(facet: str, value: str) -> str:
    if facet == "decision":
        return decision_label(value)
    if facet == "category":
        return t("category." + value)
    return value


facets_column, results_column = st.columns([1, 3])
state = st.session_state
filters = SearchFilters(
    sites=tuple(state.get("search_facet_site", ())), cities=tuple(state.get("search_facet_city", ())),
    categories=tuple(state.get("search_facet_category", ())),
    decisions=tuple(state.get("search_facet_decision", ())),
    date_from=state.get("search_date_from"), date_to=state.get("search_date_to"))
page = int(state.get("search_page", 1)) - 1
try:
    with st.spinner(t("common.loading")), db() as session:
        found = search_page(session, kind, query, get_settings().default_country, filters, who,
                            limit=PAGE_SIZE, offset=page * PAGE_SIZE)
        audit_once(session, who, "search", "query", "", kind=found.kind, query=query.strip(), page=page + 1,
                   **({"filters": filters.as_detail()} if filters.as_detail() else {}))
except SearchError as exc:
    st.error(t("search.bad_query", detail=error_message(exc)))
    st.stop()

with facets_column:
    st.subheader(t("search.facets"))
    for facet in ("site", "city", "category", "decision"):
        counts = found.facets.get(facet, {})
        chosen = [v for v in state.get(f"search_facet_{facet}", []) if v not in counts]
        options = list(counts) + chosen
        if options:
            st.multiselect(t("search.facet." + facet), options, key=f"search_facet_{facet}",
                           placeholder=t("search.facet.any"),
                           format_func=lambda v, f=facet, c=counts: f"{facet_label(f, v)} ({c.get(v, 0)})")
    st.date_input(t("search.date_from"), format="DD-MM-YYYY", value=None, key="search_date_from")
    st.date_input(t("search.date_to"), format="DD-MM-YYYY", value=None, key="search_date_to")

with results_column:
    total = f"{found.total}+" if found.capped else str(found.total)
    st.caption(t("search.count", total=plural("triage.ads", total), kind=t("search.kind." + found.kind)))
    save_column, watch_column = st.columns(2)
    with save_column:
        save_control(who, kind, query, filters.as_detail())
    with watch_column:
        watch_control(who, found.kind, query.strip(), "search")
    if not found.results:
        st.info(t("search.nothing"))
    for r in found.results:
        with st.container(border=True):
            label = f"{r.ad_id} · {md(r.site)} · {md(r.city or '—')} · {md(r.title or r.site_ad_id)}"
            st.page_link("views/ad.py", label=label, query_params={"ad": str(r.ad_id)}, icon=":material/article:")
            st.html(r.snippet)
            risk = "—" if r.risk is None else f"{r.risk:.2f}"
            online = t("search.dates", first=short_time(r.first_seen), last=short_time(r.last_seen))
            if r.removed_at:
                online += " · " + t("search.removed", at=short_time(r.removed_at))
            st.caption(f"{t('search.risk', risk=risk)} · {t('search.decision', decision=decision_label(r.decision))}"
                       f" · {md(r.site)} · {md(r.city or '—')} · {online}")
    if found.total > PAGE_SIZE:
        st.number_input(t("triage.page"), min_value=1, max_value=-(-found.total // PAGE_SIZE), step=1,
                        key="search_page")
    if found.kind in ("phone", "email", "handle"):
        st.page_link("views/network.py", label=t("ad.to_network"),
                     query_params={"seed": f"{found.kind}:{query.strip().lstrip('@')}"}, icon=":material/hub:")
