"""Analyse stored ad versions: entities, indicator hits and a rule score per version.

Each batch is one transaction: a version is either fully analysed (entities, hits, score,
``analysed_at``) or not touched, so a killed run leaves nothing half-done and a rerun resumes
where it stopped. On PostgreSQL, concurrent runs skip each other's locked rows.

The site's structured age and city fields are read too: an ad may state the age only there.
Those values have no place in the analysed text, so their entities and hits carry no span
(entity offsets NULL, hit offsets 0..0 with empty text) and say where they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core import audit
from core.db import session_scope
from core.schema import Ad, AdVersion, Entity, HeldBackHit, IndicatorHit, Score, Site, utcnow
from core.settings import Settings
from nlp.ages import MAX_AGE, MIN_AGE
from nlp.extract import SUPPORTING_ONLY, Extraction, extract
from nlp.lexicon import computed_entry
from nlp.licences import load_register
from nlp.risk import MODEL_VERSION, risk_reasons, risk_score

_FIELD_AGE = re.compile(r"^\D{0,12}(\d{1,2})\b")


@dataclass
class AnalyseCounts:
    analysed: int = 0
    flagged: int = 0
    batches: int = 0


def field_age(age_text: str) -> int | None:
    m = _FIELD_AGE.match(age_text.strip())
    age = int(m.group(1)) if m else None
    return age if age is not None and MIN_AGE <= age <= MAX_AGE else None


def _field_hits(version: AdVersion, extraction: Extraction) -> list[dict[str, Any]]:
    """Indicator hits from the site's age field, when the text itself does not state that age."""
    age = field_age(version.age_text or "")
    if age is None or age in extraction.ages or age > 18:
        return []
    entry = computed_entry("stated_age_under_18" if age < 18 else "stated_age_18")
    return [{
        "code": entry.code, "category": entry.category, "start": 0, "end": 0, "text": "",
        "weight": entry.weight, "source": entry.source,
        "explanation": f"Site age field says {version.age_text!r} (not in the text). {entry.explanation}",
    }]


def _entities(version: AdVersion, extraction: Extraction) -> list[Entity]:
    rows = [
        Entity(ad_version_id=version.id, kind=e.kind, value=e.value[:300], platform=e.platform,
               start=e.start, end=e.end, obfuscated=e.obfuscated)
        for e in extraction.entities
    ]
    age = field_age(version.age_text or "")
    if age is not None and age not in extraction.ages:
        rows.append(Entity(ad_version_id=version.id, kind="age", value=str(age), platform="site_field"))
    cities = {e.value for e in extraction.entities if e.kind == "city"}
    if version.city and version.city not in cities:
        rows.append(Entity(ad_version_id=version.id, kind="city", value=version.city[:300], platform="site_field"))
    return rows


@lru_cache(maxsize=64)
def site_content(site: str) -> str:
    """What a site carries, from its adapter: ``adult`` or ``mixed`` (no adapter, e.g. an imported site:
    ``adult``, which keeps the rule-based non-adult check)."""
    from crawlers.adapters import AdapterError, load_adapter

    try:
        return load_adapter(site).content
    except AdapterError:
        return "adult"


def _verdict_summary(listing: dict[str, Any] | None) -> dict[str, Any]:
    """What the analyst needs to judge a listing veto: how it was decided and the terms that weighed most."""
    if not listing:
        return {}
    terms = sorted(listing.get("reasons", []), key=lambda r: -abs(r["weight"]))[:5]
    return {"method": listing.get("method"), "adult_probability": listing.get("adult_probability"),
            "cue": listing.get("cue"), "terms": terms}


def analyse_version(session: Session, version: AdVersion, country: str, flag_threshold: float,
                    licence_register: frozenset[str] | None = None, content: str = "adult") -> bool:
    """Store this version's analysis (earlier rows must be cleared first); returns whether it is flagged."""
    extraction = extract(version.body or "", title=version.title or None, country=country or "NL",
                         licence_register=licence_register, site_content=content)
    hits = extraction.indicators + _field_hits(version, extraction)
    session.add_all(_entities(version, extraction))
    session.add_all(
        IndicatorHit(ad_version_id=version.id, code=h["code"], category=h["category"], start=h["start"],
                     end=h["end"], text=h["text"], weight=h["weight"], explanation=h["explanation"],
                     source=h["source"])
        for h in hits
    )
    verdict = _verdict_summary(extraction.listing)
    session.add_all(
        HeldBackHit(ad_version_id=version.id, code=h["code"], category=h["category"], start=h["start"],
                    end=h["end"], text=h["text"], weight=h["weight"], explanation=h["explanation"],
                    source=h["source"], reason=h["suppressed"],
                    # weak evidence alone has no listing verdict behind it, only its own reason
                    verdict={"method": "supporting"} if h["suppressed"] == SUPPORTING_ONLY else verdict)
        for h in extraction.suppressed
    )
    risk = risk_score(hits)
    flagged = risk >= flag_threshold or any(h["category"] == "minor" for h in hits)
    session.add(Score(ad_version_id=version.id, model_version=MODEL_VERSION, risk=risk, flagged=flagged,
                      reasons=risk_reasons(hits)))
    version.lang = extraction.lang
    version.analysed_at = utcnow()
    return flagged


def _clear_analysis(session: Session, version_ids: list[int]) -> None:
    """Remove what an earlier analysis stored for these versions (a rerun replaces, never adds)."""
    for table in (Entity, IndicatorHit, HeldBackHit):
        session.execute(delete(table).where(table.ad_version_id.in_(version_ids)))
    session.execute(delete(Score).where(Score.ad_version_id.in_(version_ids), Score.model_version == MODEL_VERSION))


def locked_versions(session: Session, *conditions: Any, limit: int | None = None) -> list[tuple[AdVersion, str, str]]:
    """(version, site country, site name) rows matching `conditions`, in id order, locked for this transaction.

    ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so that two analysers never take the same row;
    SQLite's ``BEGIN IMMEDIATE`` serialises writers anyway."""
    query = (
        select(AdVersion, Site.country, Site.name)
        .join(Ad, Ad.id == AdVersion.ad_id)
        .join(Site, Site.id == Ad.site_id)
        .where(*conditions)
        .order_by(AdVersion.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query.with_for_update(of=AdVersion, skip_locked=True)).all())


def analyse_rows(session: Session, rows: list[tuple[AdVersion, str, str]], threshold: float, register: Any,
                 actor: str, reanalyse: bool = False) -> int:
    """The one analysis transaction body, for the in-process path and the workers alike: clear what an
    earlier run stored, analyse each version, and audit the batch. Returns how many were flagged.

    The caller owns the transaction: nothing is visible until it commits, and a kill leaves nothing."""
    _clear_analysis(session, [version.id for version, *_ in rows])
    flagged = sum(analyse_version(session, version, country, threshold, register, site_content(site))
                  for version, country, site in rows)
    audit.record(session, actor, "analyse", "ad_versions", f"{rows[0][0].id}-{rows[-1][0].id}",
                 analysed=len(rows), flagged=flagged, model_version=MODEL_VERSION, reanalyse=reanalyse)
    return flagged


def analyse_pending(settings: Settings, batch: int = 500, reanalyse: bool = False,
                    actor: str = "system:analyse") -> AnalyseCounts:
    """Analyse every version not analysed yet (or all, with `reanalyse`), one transaction per batch."""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    counts = AnalyseCounts()
    last_id = 0
    threshold = float(settings.flag_threshold)
    register = load_register(settings.licence_register) if settings.licence_register else None
    while True:
        with session_scope(settings) as session:
            conditions = [AdVersion.id > last_id]
            if not reanalyse:
                conditions.append(AdVersion.analysed_at.is_(None))
            rows = locked_versions(session, *conditions, limit=batch)
            if not rows:
                break
            flagged = analyse_rows(session, rows, threshold, register, actor, reanalyse)
            last_id = rows[-1][0].id
        counts.analysed += len(rows)
        counts.flagged += flagged
        counts.batches += 1
    return counts
