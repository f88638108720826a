"""Search by phone in any written form, e-mail, handle, text, image hash, ad id or URL."""

from __future__ import annotations

import streamlit as st

from core.settings import get_settings
from workbench.access import require
from workbench.actions import show_flash
from workbench.i18n import t
from workbench.search import KINDS, SearchError, search_ads
from workbench.ui import audit_once, db, md, viewer
from workbench.watch_actions import watch_control

PAGE_SIZE = 50

who = viewer()
require(who, "ad.view")
st.title(t("page.search"))
show_flash()

kind_param = st.query_params.get("kind", "auto")
c1, c2 = st.columns([1, 4])
kind = c1.selectbox(t("search.kind"), KINDS, index=KINDS.index(kind_param) if kind_param in KINDS else 0,
                    format_func=lambda k: t("search.kind." + k), key="search_kind")
query = c2.text_input(t("search.query"), value=st.query_params.get("q", ""), key="search_query",
                      placeholder=t("search.hint"))
if not query.strip():
    st.info(t("search.empty_query"))
    st.stop()

page = int(st.session_state.get("search_page", 1)) - 1
try:
    with st.spinner(t("common.loading")), db() as session:
        found, total, searched = search_ads(session, kind, query, get_settings().default_country,
                                            limit=PAGE_SIZE, offset=page * PAGE_SIZE)
        audit_once(session, who, "search", "query", "", kind=searched, query=query.strip(), page=page + 1)
except SearchError as exc:
    st.error(t("search.bad_query", detail=str(exc)))
    st.stop()

st.caption(t("search.count", total=total, kind=t("search.kind." + searched)))
watch_control(who, searched, query.strip(), "search")
if not found:
    st.info(t("search.nothing"))
for f in found:
    label = f"{f.ad_id} · {md(f.site)} · {md(f.city or '—')} · {md(f.title or f.site_ad_id)}"
    st.page_link("views/ad.py", label=label, query_params={"ad": str(f.ad_id)}, icon=":material/article:")
if total > PAGE_SIZE:
    st.number_input(t("triage.page"), min_value=1, max_value=-(-total // PAGE_SIZE), step=1, key="search_page")
if searched in ("phone", "email", "handle"):
    st.page_link("views/network.py", label=t("ad.to_network"),
                 query_params={"seed": f"{searched}:{query.strip().lstrip('@')}"}, icon=":material/hub:")
