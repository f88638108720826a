"""Network: the ads around a seed and what links them, their timeline, and their moves between cities."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import streamlit as st

from core.settings import get_settings
from workbench.access import require
from workbench.actions import show_flash
from workbench.i18n import t
from workbench.network import (
    build_graph,
    city_changes,
    clusters_in,
    layout_frames,
    movements,
    neighbourhood,
    seed_ad_ids,
)
from workbench.search import SearchError
from workbench.ui import audit_once, db, md, short_time, viewer
from workbench.watch_actions import watch_control

who = viewer()
require(who, "ad.view")
st.title(t("page.network"))

c1, c2 = st.columns([4, 1])
seed = c1.text_input(t("network.seed"), value=st.query_params.get("seed", ""), key="network_seed",
                     placeholder="ad:12 · phone:06 1234 5678 · email:… · handle:… · image:<phash> · cluster:3")
hops = c2.number_input(t("network.hops"), min_value=1, max_value=3, value=2, key="network_hops")
if not seed.strip():
    st.info(t("network.choose"))
    st.stop()
show_flash()
seed_kind, _, seed_value = seed.strip().partition(":")
watch_control(who, seed_kind.strip().lower(), seed_value.strip(), "network_seed")

try:
    with st.spinner(t("common.loading")), db() as session:
        seeds = seed_ad_ids(session, seed.strip(), get_settings().default_country)
        facts = neighbourhood(session, seeds, hops=int(hops))
        clusters = [(c.id, c.kind, c.key, c.summary or {}) for c in clusters_in(session, facts)]
        audit_once(session, who, "network.view", "seed", seed.strip(), hops=int(hops), ads=len(facts))
except SearchError as exc:
    st.error(t("search.bad_query", detail=str(exc)))
    st.stop()

if not facts:
    st.info(t("network.nothing"))
    st.stop()

graph = build_graph(facts)
st.caption(t("network.count", ads=len(facts), links=graph.number_of_nodes() - len(facts)))
nodes, edges = layout_frames(graph)
edge_chart = alt.Chart(pd.DataFrame(edges or [{"edge": 0, "x": 0.0, "y": 0.0}])).mark_line(
    color="#bbbbbb", strokeWidth=1).encode(x=alt.X("x:Q", axis=None), y=alt.Y("y:Q", axis=None), detail="edge:N")
node_chart = alt.Chart(pd.DataFrame(nodes)).mark_circle(opacity=0.9).encode(
    x="x:Q", y="y:Q", color=alt.Color("kind:N", title=t("network.kind")),
    size=alt.Size("degree:Q", legend=None, scale=alt.Scale(range=[60, 600])),
    tooltip=[alt.Tooltip("label:N", title=t("network.node")), alt.Tooltip("title:N", title=t("field.title"))])
chart = edge_chart + node_chart if edges else node_chart
st.altair_chart(chart.properties(height=520).interactive(), width="stretch", key="network_graph")

linked = sorted((n for n, d in graph.nodes(data=True) if d["kind"] != "ad"), key=lambda n: -graph.degree(n))
if linked:
    st.subheader(t("network.shared"))
    st.dataframe([{t("network.kind"): graph.nodes[n]["kind"], t("network.value"): n.split(":", 1)[1],
                   t("network.ads"): graph.degree(n)} for n in linked], hide_index=True,
                 width="stretch", key="network_shared")

st.subheader(t("network.timeline"))
timeline = pd.DataFrame([{"ad": f"ad {f.ad_id}", "from": min(f.posted_at or f.first_seen, f.first_seen),
                          "to": f.removed_at or f.last_seen,
                          "site": f.site} for f in facts.values()])
st.altair_chart(alt.Chart(timeline).mark_bar().encode(
    x=alt.X("from:T", title=t("network.time")), x2="to:T", y=alt.Y("ad:N", sort="x", title=None),
    color="site:N", tooltip=["ad", "site", "from", "to"]), width="stretch", key="network_timeline")

st.subheader(t("network.cities"))
moves = pd.DataFrame(movements(facts))
st.altair_chart(alt.Chart(moves).mark_line(point=True).encode(
    x=alt.X("at:T", title=t("network.time")), y=alt.Y("city:N", title=t("triage.city")), color=alt.Color(
        "ad:N", legend=None), tooltip=["ad", "city", "at"]), width="stretch", key="network_cities")
changes = city_changes(facts)
if changes:
    st.markdown(t("network.moves", count=len(changes)))
    st.dataframe([{t("triage.ad"): c["ad"], t("network.time"): short_time(c["at"]), t("network.from"): c["from"],
                   t("network.to"): c["to"]} for c in changes], hide_index=True, width="stretch",
                 key="network_moves")
else:
    st.caption(t("network.no_moves"))

st.subheader(t("network.clusters"))
if not clusters:
    st.caption(t("network.no_clusters"))
for cluster_id, kind, key, summary in clusters:
    with st.expander(md(f"{kind} · {key} (#{cluster_id})")):
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
