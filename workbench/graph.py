"""The network as an interactive chart: fixed colours per node kind, readable labels, the start
highlighted, leaves grouped past ``MAX_NODES``, and room at the edges so no node is clipped.

Everything here is pure (a networkx graph in, plain rows and an Altair spec out), so it is tested
without a browser. ``workbench.network`` loads the graph; ``views/network.py`` shows it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd

# One colour per kind, the same in every graph (a legend learned once stays true).
KIND_COLOURS = {
    "ad": "#2b6cb0",
    "phone": "#c53030",
    "email": "#dd6b20",
    "handle": "#6b46c1",
    "image": "#2f855a",
    "cluster": "#b7791f",
    "group": "#718096",
}
KINDS = tuple(KIND_COLOURS)
MAX_NODES = 200  # beyond this, leaves of one kind around one node are grouped into "+N"
LABEL_CHARS = 28
EDGE_PAD = 0.12  # share of the layout's width/height kept free around it
LABEL_PAD = 0.22  # more on the right: labels are written to the right of their node
SELECTION = "node"


def short(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cluster_name(summary: dict[str, Any] | None, kind: str = "", cluster_id: Any = "") -> str:
    """A text cluster named by the start of its template (slots as "…"); one without a template (a
    network of shared contacts) by its kind and number. Never by its hash key."""
    template = str((summary or {}).get("template") or "")
    if template:
        import re

        return "“" + short(re.sub(r"\{[^}]*\}", "…", template), 26) + "”"
    return f"{kind or 'cluster'} #{cluster_id}"


def node_label(kind: str, value: str, title: str = "", cluster_names: dict[str, str] | None = None) -> str:
    if kind == "ad":
        return short(title or f"ad {value}")
    if kind == "handle":
        return short("@" + value.lstrip("@"))
    if kind == "image":
        return "▣ " + value[:8]
    if kind == "cluster":
        return (cluster_names or {}).get(value) or f"cluster {value}"
    return short(value)


def group_leaves(graph: nx.Graph, keep: set[str], max_nodes: int = MAX_NODES) -> nx.Graph:
    """`graph` with, while it has more than `max_nodes` nodes, the leaves of one kind hanging off the
    same node (biggest groups first) replaced by one node "+N" of kind ``group``. Nodes in `keep`
    (the start) are never grouped."""
    if graph.number_of_nodes() <= max_nodes:
        return graph
    graph = graph.copy()
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in graph.nodes:
        if node in keep or graph.degree(node) != 1:
            continue
        (hub,) = graph.neighbors(node)
        groups[(hub, graph.nodes[node]["kind"])].append(node)
    for (hub, kind), leaves in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        if graph.number_of_nodes() <= max_nodes:
            break
        if len(leaves) < 2:
            continue
        group = f"group:{hub}:{kind}"
        graph.remove_nodes_from(leaves)
        graph.add_node(group, kind="group", value=kind, count=len(leaves), members=sorted(leaves),
                       title=", ".join(sorted(leaves)[:20]))
        graph.add_edge(hub, group)
    return graph


def chart_rows(graph: nx.Graph, start: set[str], cluster_names: dict[str, str] | None = None,
               group_label: Any = None, seed: int = 7) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(node rows with x, y, kind, label, tooltip, start flag; edge rows as point pairs)."""
    if graph.number_of_nodes() == 0:
        return [], []
    # k a little above networkx's 1/sqrt(n) spreads the labels of a dense graph further apart.
    pos = nx.spring_layout(graph, seed=seed, k=1.6 / max(graph.number_of_nodes(), 1) ** 0.5, iterations=80)
    nodes = []
    for node, data in graph.nodes(data=True):
        kind = data["kind"]
        value = node.split(":", 1)[1]
        if kind == "group":
            label = group_label(data["value"], data["count"]) if group_label else f"+{data['count']}"
        else:
            # An ad is labelled by number and site (``build_graph``); its own title is in the tooltip.
            label = node_label(kind, value, data.get("label" if kind == "ad" else "title", ""), cluster_names)
        nodes.append({"id": node, "kind": kind, "label": ("★ " if node in start else "") + label,
                      "title": short(data.get("title", ""), 80), "x": float(pos[node][0]),
                      "y": float(pos[node][1]), "degree": graph.degree(node), "start": node in start})
    edges = []
    for i, (a, b) in enumerate(graph.edges()):
        edges.append({"edge": i, "x": float(pos[a][0]), "y": float(pos[a][1])})
        edges.append({"edge": i, "x": float(pos[b][0]), "y": float(pos[b][1])})
    return nodes, edges


def domains(nodes: list[dict[str, Any]]) -> tuple[list[float], list[float]]:
    """x and y scale domains with room around the nodes (and their labels), so none is clipped."""
    xs, ys = [n["x"] for n in nodes] or [0.0], [n["y"] for n in nodes] or [0.0]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return ([min(xs) - EDGE_PAD * width, max(xs) + LABEL_PAD * width],
            [min(ys) - EDGE_PAD * height, max(ys) + EDGE_PAD * height])


def network_chart(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], kind_names: dict[str, str],
                  height: int = 560, tooltip_titles: tuple[str, str] = ("node", "title")) -> alt.LayerChart:
    """Edges, nodes (click-selectable, the start ringed) and labels, on fixed scales with no axes."""
    x_domain, y_domain = domains(nodes)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=x_domain, nice=False, zero=False))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=y_domain, nice=False, zero=False))
    colour = alt.Color("kind:N", legend=None, scale=alt.Scale(domain=list(KIND_COLOURS),
                                                              range=list(KIND_COLOURS.values())))
    frame = pd.DataFrame(nodes)
    frame["kind_name"] = frame["kind"].map(lambda k: kind_names.get(k, k))
    # nearest: a click anywhere picks the closest node, so a label drawn over a node never swallows it.
    pick = alt.selection_point(name=SELECTION, fields=["id"], on="click", clear="dblclick", nearest=True)
    layers = []
    if edges:
        layers.append(alt.Chart(pd.DataFrame(edges)).mark_line(color="#a0aec0", strokeWidth=1, opacity=0.7)
                      .encode(x=x, y=y, detail="edge:N"))
    layers.append(alt.Chart(frame).mark_circle(opacity=0.95, stroke="#1a202c", cursor="pointer").encode(
        x=x, y=y, color=colour,
        size=alt.condition("datum.start", alt.value(700), alt.Size("degree:Q", legend=None,
                                                                     scale=alt.Scale(range=[90, 420]))),
        strokeWidth=alt.condition("datum.start", alt.value(4), alt.value(0)),
        tooltip=[alt.Tooltip("kind_name:N", title=tooltip_titles[0]), alt.Tooltip("label:N", title=" "),
                 alt.Tooltip("title:N", title=tooltip_titles[1])],
    ).add_params(pick))
    for is_start, weight, size in ((False, "normal", 11), (True, "bold", 13)):
        layers.append(alt.Chart(frame).transform_filter(f"{'' if is_start else '!'}datum.start").mark_text(
            align="left", dx=10 if not is_start else 16, fontSize=size, fontWeight=weight, color="#1a202c",
            limit=170).encode(x=x, y=y, text="label:N"))
    return (alt.layer(*layers).properties(width="container", height=height, padding=0)
            .configure_view(strokeWidth=0))


def selected_node(state: Any) -> str | None:
    """The node id a click selected, from what ``st.altair_chart(on_select=...)`` returned."""
    try:
        picked = state.selection[SELECTION]
    except (AttributeError, KeyError, TypeError):
        return None
    if isinstance(picked, list) and picked and isinstance(picked[0], dict):
        return str(picked[0].get("id") or "") or None
    return None


# Vega's d3 time-format locale for Dutch: axis labels "3 nov", "ma 3", not "Nov 03", "Mon 03".
NL_TIME = {
    "dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["", ""],
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"],
    "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
}
NL_NUMBER = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}


def localised(chart: Any) -> Any:
    """`chart` with dates and numbers in the viewer's language (Vega's defaults are English: "Nov 03")."""
    from workbench.i18n import current_language

    if current_language() == "nl":
        return chart.configure(locale={"time": NL_TIME, "number": NL_NUMBER})
    return chart
