"""Network: the ads around a seed and what links them, their timeline, and their moves between cities."""

from __future__ import annotations

import html
import json

import altair as alt
import pandas as pd
import streamlit as st

from core.settings import get_settings
from workbench.access import require
from workbench.actions import show_flash
from workbench.errors import message as error_message
from workbench.graph import (
    KIND_COLOURS,
    KINDS,
    SELECTION,
    chart_rows,
    cluster_name,
    group_leaves,
    localised,
    network_chart,
    selected_node,
)
from workbench.i18n import code_label, plural, t
from workbench.network import (
    build_graph,
    city_changes,
    clusters_in,
    expanded_neighbourhood,
    movements,
    resolve_seed,
)
from workbench.search import SearchError
from workbench.ui import audit_once, db, md, short_time, viewer
from workbench.watch_actions import watch_control

who = viewer()
require(who, "ad.view")
st.title(t("page.network"))

c1, c2, c3 = st.columns([4, 1, 2])
seed = c1.text_input(t("network.seed"), value=st.query_params.get("seed", ""), key="network_seed",
                     placeholder=t("network.seed_hint"))
hops = c2.number_input(t("network.hops"), min_value=1, max_value=3, value=2, key="network_hops")
click = c3.radio(t("network.click"), ("open", "expand"), format_func=lambda m: t("network.click." + m),
                 horizontal=True, key="network_click")
if not seed.strip():
    st.info(t("network.choose"))
    st.stop()
show_flash()

# Nodes the analyst expanded, per start (a new start begins unexpanded).
expansions = st.session_state.setdefault("network_expanded", {})
expanded = expansions.setdefault(seed.strip(), [])
country = get_settings().default_country
try:
    with st.spinner(t("common.loading")), db() as session:
        seed_kind, seed_value, seeds = resolve_seed(session, seed, country)
        facts = expanded_neighbourhood(session, seeds, int(hops), expanded, country=country)
        clusters = [(c.id, c.kind, c.key, c.summary or {}) for c in clusters_in(session, facts)]
        audit_once(session, who, "network.view", "seed", seed.strip(), hops=int(hops), ads=len(facts),
                   expanded=list(expanded))
except SearchError as exc:
    st.error(t("search.bad_query", detail=error_message(exc)))
    st.stop()
watch_control(who, seed_kind, seed_value, "network_seed")

if not facts:
    st.info(t("network.nothing"))
    st.stop()

graph = build_graph(facts)
start = {f"ad:{a}" for a in seeds} if seed_kind in ("ad", "url") else {f"{seed_kind}:{seed_value}"}
start = {n for n in start if n in graph} or {f"ad:{a}" for a in seeds if f"ad:{a}" in graph}
shown = group_leaves(graph, start)
cluster_names = {str(cid): cluster_name(summary, code_label("network.cluster_kind.", kind), cid)
                 for cid, kind, _, summary in clusters}
kind_names = {k: t("network.kind." + k) for k in KINDS}
nodes, edges = chart_rows(shown, start, cluster_names,
                          group_label=lambda kind, n: t("network.group", count=n, kind=t("network.kind." + kind)))
for node in nodes:  # an ad's label is "ad 12 · site" (workbench.network): the word in the viewer's language
    star = "★ " if node["start"] else ""
    if node["kind"] == "ad" and node["label"].startswith(star + "ad "):
        node["label"] = f"{star}{t('triage.ad')} {node['label'].removeprefix(star + 'ad ')}"
st.caption(t("network.count", ads=plural("triage.ads", len(facts)),
             links=plural("network.links", graph.number_of_nodes() - len(facts))))
if shown.number_of_nodes() < graph.number_of_nodes():
    st.caption(t("network.grouped", shown=shown.number_of_nodes(), total=graph.number_of_nodes()))
st.html('<div style="display:flex;flex-wrap:wrap;gap:14px;font-size:0.85rem">' + "".join(
    f'<span><span style="display:inline-block;width:11px;height:11px;border-radius:50%;background:{colour};'
    f'margin-right:4px"></span>{html.escape(kind_names[kind])}</span>' for kind, colour in KIND_COLOURS.items())
    + f"<span>★ {html.escape(t('network.start'))}</span></div>")
picked = selected_node(st.altair_chart(
    network_chart(nodes, edges, kind_names, tooltip_titles=(t("network.kind"), t("field.title"))),
    width="stretch", key="network_graph", on_select="rerun", selection_mode=SELECTION))
if picked:
    kind, _, value = picked.partition(":")
    if click == "expand" and kind != "group":
        if picked not in expanded:
            expanded.append(picked)
            st.rerun()
    elif kind == "ad":
        st.switch_page("views/ad.py", query_params={"ad": value})
    elif kind in ("phone", "email", "handle", "image"):
        st.switch_page("views/search.py", query_params={"kind": kind, "q": value})
    elif kind == "cluster":
        st.switch_page("views/network.py", query_params={"seed": f"cluster:{value}"})
    elif kind == "group":
        st.caption(md(shown.nodes[picked].get("title", "")))
if expanded:
    st.caption(t("network.expanded", nodes=", ".join(expanded)))
    if st.button(t("network.reset"), key="network_reset"):
        expansions[seed.strip()] = []
        st.rerun()

linked = sorted((n for n, d in graph.nodes(data=True) if d["kind"] != "ad"), key=lambda n: -graph.degree(n))
if linked:
    st.subheader(t("network.shared"))
    st.dataframe([{t("network.kind"): kind_names.get(graph.nodes[n]["kind"], graph.nodes[n]["kind"]),
                   t("network.value"): n.split(":", 1)[1],
                   t("network.ads"): graph.degree(n)} for n in linked], hide_index=True,
                 width="stretch", key="network_shared")

st.subheader(t("network.timeline"))
timeline = pd.DataFrame([{"ad": f"{t('triage.ad')} {f.ad_id}",
                          "from": min(f.posted_at or f.first_seen, f.first_seen),
                          "to": f.removed_at or f.last_seen,
                          "site": f.site} for f in facts.values()])
# Axes, legend and tooltips titled in the viewer's language; dates as Dutch analysts write them.
st.altair_chart(localised(alt.Chart(timeline).mark_bar().encode(
    x=alt.X("from:T", title=t("network.time")), x2="to:T", y=alt.Y("ad:N", sort="x", title=None),
    color=alt.Color("site:N", title=t("triage.site")),
    tooltip=[alt.Tooltip("ad:N", title=t("triage.ad")), alt.Tooltip("site:N", title=t("triage.site")),
             alt.Tooltip("from:T", title=t("network.from"), format="%d-%m-%Y"),
             alt.Tooltip("to:T", title=t("network.to"), format="%d-%m-%Y")])),
    width="stretch", key="network_timeline")

st.subheader(t("network.cities"))
moves = pd.DataFrame([dict(m, ad=f"{t('triage.ad')} {m['ad'].removeprefix('ad ')}") for m in movements(facts)])
st.altair_chart(localised(alt.Chart(moves).mark_line(point=True).encode(
    x=alt.X("at:T", title=t("network.time")), y=alt.Y("city:N", title=t("triage.city")), color=alt.Color(
        "ad:N", legend=None), tooltip=[alt.Tooltip("ad:N", title=t("triage.ad")),
                                       alt.Tooltip("city:N", title=t("triage.city")),
                                       alt.Tooltip("at:T", title=t("network.time"), format="%d-%m-%Y %H:%M")])),
    width="stretch", key="network_cities")
changes = city_changes(facts)
if changes:
    st.markdown(plural("network.moves", len(changes)))
    st.dataframe([{t("triage.ad"): c["ad"], t("network.time"): short_time(c["at"]), t("network.from"): c["from"],
                   t("network.to"): c["to"]} for c in changes], hide_index=True, width="stretch",
                 key="network_moves")
else:
    st.caption(t("network.no_moves"))

st.subheader(t("network.clusters"))
if not clusters:
    st.caption(t("network.no_clusters"))
for cluster_id, kind, _key, summary in clusters:
    named = cluster_name(summary, code_label("network.cluster_kind.", kind), cluster_id)
    kind_label = code_label("network.cluster_kind.", kind)
    with st.expander(md(f"{named} · {kind_label} #{cluster_id}" if summary.get("template") else named)):
        if summary.get("template"):
            st.markdown(t("network.template"))
            st.code(str(summary["template"]), language=None)
        slots = summary.get("slots")
        if isinstance(slots, list) and all(isinstance(x, dict) for x in slots):
            st.markdown(t("network.slots"))
            st.dataframe([{"#": x.get("slot"), t("network.kind"): x.get("kind"), t("network.value"): "; ".join(
                f"{v.get('value')} ({v.get('count')})" if isinstance(v, dict) else str(v)
                for v in x.get("values", []))} for x in slots], hide_index=True, width="stretch",
                key=f"slots_{cluster_id}")
        elif slots:
            st.markdown(t("network.slots"))
            st.code(json.dumps(slots, ensure_ascii=False, indent=1, default=str), language="json")
        rest = {k: v for k, v in summary.items() if k not in ("template", "slots")}
        if rest:
            st.code(json.dumps(rest, ensure_ascii=False, indent=1, default=str), language="json")

st.subheader(t("network.ads_list"))
for f in sorted(facts.values(), key=lambda f: f.ad_id):
    st.page_link("views/ad.py", label=md(f"{f.ad_id} · {f.site} · {f.title}"), query_params={"ad": str(f.ad_id)},
                 icon=":material/article:")
