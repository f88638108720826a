"""Counts per day or per week (new ads, new phone numbers, flagged ads per category and per city) and
their notable rises.

A "potential trend" (a signal kind in the CCV approach) is a period whose count is at
least `factor` times the average of the periods before it, and at least `min_count`.
The period follows the data: days when it spans a few weeks at most (weeks would be
single dots), weeks when it spans longer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.schema import Ad, AdVersion, Entity, IndicatorHit, Score
from workbench.queries import is_newest_score

Series = dict[str, dict[date, int]]


def week_of(moment: datetime | date) -> date:
    """The Monday that starts the ISO week of `moment`."""
    day = moment.date() if isinstance(moment, datetime) else moment
    return day - timedelta(days=day.weekday())


def weekly(pairs: list[tuple[str, datetime]]) -> Series:
    """Count (key, moment) pairs per key per week."""
    series: dict[str, Counter[date]] = defaultdict(Counter)
    for key, moment in pairs:
        series[key][week_of(moment)] += 1
    return {k: dict(v) for k, v in series.items()}


DAYS_UP_TO = 42  # a span of up to six weeks is charted per day


def time_unit(moments: list[datetime | date]) -> str:
    """"day" when the data spans at most DAYS_UP_TO days, else "week"."""
    if not moments:
        return "week"
    days = [m.date() if isinstance(m, datetime) else m for m in moments]
    return "day" if (max(days) - min(days)).days <= DAYS_UP_TO else "week"


def bucketed(pairs: list[tuple[str, datetime]], unit: str) -> Series:
    """Count (key, moment) pairs per key per day or week (the Monday that starts it)."""
    if unit == "week":
        return weekly(pairs)
    series: dict[str, Counter[date]] = defaultdict(Counter)
    for key, moment in pairs:
        series[key][moment.date() if isinstance(moment, datetime) else moment] += 1
    return {k: dict(v) for k, v in series.items()}


def notable_rises(series: Series, factor: float = 2.0, min_count: int = 5,
                  baseline_weeks: int = 4, unit: str = "week") -> list[dict[str, Any]]:
    """Each key's periods that rose to `factor` × the average of the `baseline_weeks` periods before
    (missing periods are 0); the period is a week, or a day with `unit="day"`."""
    rises = []
    step = timedelta(days=1) if unit == "day" else timedelta(weeks=1)
    for key, counts in series.items():
        if not counts:
            continue
        first, last = min(counts), max(counts)
        weeks = [first + step * i for i in range((last - first) // step + 1)]
        for i, week in enumerate(weeks):
            before = [counts.get(w, 0) for w in weeks[max(0, i - baseline_weeks):i]]
            if not before:
                continue
            baseline = sum(before) / len(before)
            count = counts.get(week, 0)
            if count >= min_count and count >= factor * max(baseline, 1.0):
                rises.append({"key": key, "week": week, "count": count, "baseline": round(baseline, 1)})
    return sorted(rises, key=lambda r: (r["week"], r["key"]))


def _flagged_versions(since: datetime) -> Any:
    """Versions captured since `since` whose newest score is flagged."""
    return (select(AdVersion.id).join(Score, Score.ad_version_id == AdVersion.id)
            .where(is_newest_score(), Score.flagged.is_(True), AdVersion.captured_at >= since))


def trend_series(session: Session, since: datetime) -> dict[str, Series]:
    """The weekly series the trends page charts, from `since` on."""
    return trend_data(session, since, unit="week")[1]


def trend_data(session: Session, since: datetime, unit: str | None = None) -> tuple[str, dict[str, Series]]:
    """The series the trends page charts, from `since` on, per day or week (`unit`; None: from the data's span)."""
    new_ads = [("new ads", at) for at in session.execute(
        select(Ad.first_seen).where(Ad.first_seen >= since)).scalars()]
    first_use = session.execute(
        select(Entity.value, func.min(AdVersion.captured_at)).join(AdVersion, AdVersion.id == Entity.ad_version_id)
        .where(Entity.kind == "phone").group_by(Entity.value)).all()
    new_numbers = [("new numbers", at) for _, at in first_use if at is not None and at >= since]
    flagged = _flagged_versions(since).subquery()
    per_category = session.execute(
        select(IndicatorHit.category, AdVersion.ad_id, func.min(AdVersion.captured_at))
        .join(AdVersion, AdVersion.id == IndicatorHit.ad_version_id)
        .where(IndicatorHit.ad_version_id.in_(select(flagged.c.id)))
        .group_by(IndicatorHit.category, AdVersion.ad_id)).all()
    per_city = session.execute(
        select(AdVersion.city, AdVersion.ad_id, func.min(AdVersion.captured_at))
        .where(AdVersion.id.in_(select(flagged.c.id))).group_by(AdVersion.city, AdVersion.ad_id)).all()
    if unit is None:
        unit = time_unit([at for _, at in new_ads + new_numbers] + [at for _, _, at in per_category + per_city])
    return unit, {
        "overall": bucketed(new_ads + new_numbers, unit),
        "category": bucketed([(c, at) for c, _, at in per_category], unit),
        "city": bucketed([(c or "?", at) for c, _, at in per_city], unit),
    }


def as_rows(series: Series) -> list[dict[str, Any]]:
    return [{"key": k, "week": w, "count": n} for k, counts in series.items() for w, n in sorted(counts.items())]
