"""Trends: new ads, new numbers, flagged ads per category and per city per week; notable rises flagged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from core.settings import get_settings
from workbench.access import require
from workbench.i18n import t
from workbench.trends import as_rows, notable_rises, trend_series
from workbench.ui import audit_once, db, viewer


@st.cache_data(ttl=600, show_spinner=False)
def weekly_series(database: str, weeks: int) -> dict:
    """The series, recomputed at most every ten minutes: they scan every ad of the period."""
    with db() as session:
        return trend_series(session, datetime.now(UTC) - timedelta(weeks=weeks))


who = viewer()
require(who, "ad.view")
st.title(t("page.trends"))

c1, c2, c3 = st.columns(3)
weeks = c1.number_input(t("trends.weeks"), min_value=2, max_value=104, value=12, key="trends_weeks")
factor = c2.number_input(t("trends.factor"), min_value=1.1, max_value=10.0, value=2.0, step=0.1, key="trends_factor")
min_count = c3.number_input(t("trends.min_count"), min_value=1, max_value=1000, value=5, key="trends_min")

with st.spinner(t("common.loading")), db() as session:
    series = weekly_series(get_settings().resolved_database_url, int(weeks))
    audit_once(session, who, "page.view", "page", "trends", weeks=int(weeks))

if not any(series.values()):
    st.info(t("trends.empty"))
    st.stop()

rises = [dict(r, series=name) for name, s in series.items()
         for r in notable_rises(s, factor=float(factor), min_count=int(min_count))]
st.subheader(t("trends.potential"))
if rises:
    st.dataframe([{t("trends.series"): t("trends.series." + r["series"]), t("trends.key"): r["key"],
                   t("trends.week"): r["week"].isoformat(), t("trends.count"): r["count"],
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
    chart = alt.Chart(pd.DataFrame(rows)).mark_line(point=True).encode(
        x=alt.X("week:T", title=t("trends.week")), y=alt.Y("count:Q", title=t("trends.count")),
        color=alt.Color("key:N", title=t("trends.key")), tooltip=["key", "week", "count"])
    st.altair_chart(chart, width="stretch", key=f"trends_{name}")
