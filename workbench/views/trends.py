"""Trends: new ads, new numbers, flagged ads per category and per city per day or week (from the data's
span); notable rises flagged. Charts read dates in the viewer's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from core.settings import get_settings
from workbench.access import require
from workbench.graph import localised
from workbench.i18n import category_label, t
from workbench.trends import as_rows, notable_rises, trend_data
from workbench.ui import audit_once, db, viewer


@st.cache_data(ttl=600, show_spinner=False)
def trend_series_cached(database: str, weeks: int) -> tuple[str, dict]:
    """The series, recomputed at most every ten minutes: they scan every ad of the period."""
    with db() as session:
        return trend_data(session, datetime.now(UTC) - timedelta(weeks=weeks))


who = viewer()
require(who, "ad.view")
st.title(t("page.trends"))

c1, c2, c3 = st.columns(3)
weeks = c1.number_input(t("trends.weeks"), min_value=2, max_value=104, value=12, key="trends_weeks")
factor = c2.number_input(t("trends.factor"), min_value=1.1, max_value=10.0, value=2.0, step=0.1, key="trends_factor")
min_count = c3.number_input(t("trends.min_count"), min_value=1, max_value=1000, value=5, key="trends_min")

with st.spinner(t("common.loading")), db() as session:
    unit, series = trend_series_cached(get_settings().resolved_database_url, int(weeks))
    audit_once(session, who, "page.view", "page", "trends", weeks=int(weeks))

if not any(series.values()):
    st.info(t("trends.empty"))
    st.stop()

st.caption(t("trends.per." + unit))
rises = [dict(r, series=name) for name, s in series.items()
         for r in notable_rises(s, factor=float(factor), min_count=int(min_count), unit=unit)]
st.subheader(t("trends.potential"))
if rises:
    st.dataframe([{t("trends.series"): t("trends.series." + r["series"]),
                   t("trends.key"): category_label(r["key"]) if r["series"] == "category" else
                   t("trends.overall." + r["key"].replace(" ", "_")) if r["series"] == "overall" else r["key"],
                   t("trends.period." + unit): r["week"].strftime("%d-%m-%Y"), t("trends.count"): r["count"],
                   t("trends.baseline"): r["baseline"]} for r in rises],
                 hide_index=True, width="stretch", key="trends_rises")
else:
    st.caption(t("trends.no_rises"))

for name in ("overall", "category", "city"):
    st.subheader(t("trends.series." + name))
    rows = as_rows(series[name])
    if not rows:
        st.caption(t("trends.empty"))
        continue
    frame = pd.DataFrame(rows)
    if name == "category":
        frame["key"] = frame["key"].map(category_label)
    elif name == "overall":
        frame["key"] = frame["key"].map(lambda k: t("trends.overall." + k.replace(" ", "_")))
    time_format = "%d %b" if unit == "day" else "%d %b %Y"
    chart = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("week:T", title=t("trends.period." + unit), axis=alt.Axis(format=time_format)),
        y=alt.Y("count:Q", title=t("trends.count")),
        color=alt.Color("key:N", title=t("trends.key")),
        tooltip=[alt.Tooltip("key:N", title=t("trends.key")),
                 alt.Tooltip("week:T", title=t("trends.period." + unit), format="%d-%m-%Y"),
                 alt.Tooltip("count:Q", title=t("trends.count"))])
    st.altair_chart(localised(chart), width="stretch", key=f"trends_{name}")
