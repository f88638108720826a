"""Weekly counts (new ads, new phone numbers, flagged ads per category and per city) and their notable rises.

A "potential trend" (a signal kind in the CCV approach) is a week whose count is at
least `factor` times the average of the weeks before it, and at least `min_count`.
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


def notable_rises(series: Series, factor: float = 2.0, min_count: int = 5,
                  baseline_weeks: int = 4) -> list[dict[str, Any]]:
    """Each key's weeks that rose to `factor` × the average of the `baseline_weeks` before (missing weeks are 0)."""
    rises = []
    for key, counts in series.items():
        if not counts:
            continue
        first, last = min(counts), max(counts)
        weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
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
    """The four weekly series the trends page charts, from `since` on."""
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
    return {
        "overall": weekly(new_ads + new_numbers),
        "category": weekly([(c, at) for c, _, at in per_category]),
        "city": weekly([(c or "?", at) for c, _, at in per_city]),
    }


def as_rows(series: Series) -> list[dict[str, Any]]:
    return [{"key": k, "week": w, "count": n} for k, counts in series.items() for w, n in sorted(counts.items())]
