"""Search results with context: a highlighted snippet, risk, the latest decision the viewer may read,
site, city and dates per ad; facets (site, city, indicator category, decision, date) over the matches.

The matching ads come from ``workbench.search`` (the same free input as everywhere). At most
``CANDIDATES`` of them, newest first, are read as small rows in one indexed query; facets are counted
and filters applied on those, so a page costs a fixed handful of queries however broad the search.
Decisions of other teams show only as "hidden" (``casefiles.review.may_read``), as in triage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from casefiles.review import may_read
from core.photos import parse_hash
from core.schema import Ad, AdVersion, Entity, IndicatorHit, ReviewDecision, Score, Site
from models.photos import similar_photos
from workbench.highlight import highlighted_html
from workbench.queries import Hit, hits_for_versions, is_newest_version
from workbench.search import SearchError, guess_kind, matching_ad_ids, normalised_phone

CANDIDATES = 2000  # matches read per search; facets count these (the total then reads "2000+")
SNIPPET_CHARS = 240
NO_DECISION = "none"
HIDDEN = "hidden"
FACETS = ("site", "city", "category", "decision")


@dataclass(frozen=True)
class SearchFilters:
    sites: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()  # confirm, dismiss, urgent, none, hidden
    date_from: date | None = None  # the ad was online on or after this day
    date_to: date | None = None  # ... and on or before this one

    def as_detail(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items() if v}


@dataclass
class Result:
    ad_id: int
    version_id: int
    site: str
    site_ad_id: str
    title: str
    city: str
    first_seen: datetime
    last_seen: datetime
    removed_at: datetime | None
    categories: set[str] = field(default_factory=set)
    decision: str = NO_DECISION
    risk: float | None = None
    snippet: str = ""  # safe HTML


@dataclass
class SearchPage:
    kind: str
    results: list[Result]  # this page
    total: int  # matches after the filters (of the candidates read)
    capped: bool  # more ads matched than were read
    facets: dict[str, dict[str, int]]  # facet -> value -> ads among the candidates


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _matching_ids(session: Session, kind: str, query: str, country: str) -> Any:
    phash = parse_hash(query) if kind == "image" else None
    if phash is not None:
        versions = [m.ad_version_id for m in similar_photos(session, phash)]
        return select(AdVersion.ad_id).where(AdVersion.id.in_(versions))
    return matching_ad_ids(kind, query, country)


def _candidates(session: Session, ids: Any) -> list[Result]:
    # The matches are cut at CANDIDATES before they are sorted: a broad text search (100,000 ads
    # containing "Titel 1") would otherwise join and sort every match (2.5 s on PostgreSQL at 300,000
    # ads; 0.1 s cut). Newest first then holds within the candidates, and the total reads "2000+".
    ids = ids.limit(CANDIDATES + 1).subquery()
    rows = session.execute(
        select(Ad.id, AdVersion.id, Site.name, Ad.site_ad_id, AdVersion.title, AdVersion.city, Ad.first_seen,
               Ad.last_seen, Ad.removed_at)
        .join(Site, Site.id == Ad.site_id).join(AdVersion, AdVersion.ad_id == Ad.id)
        .where(Ad.id.in_(select(ids.c[0])), is_newest_version())
        .order_by(Ad.last_seen.desc(), Ad.id.desc()).limit(CANDIDATES + 1)).all()
    return [Result(*row) for row in rows]


def _decisions(session: Session, viewer: Any, ad_ids: list[int]) -> dict[int, str]:
    """The standing decision per ad as `viewer` may see it: the decision, "hidden", or absent."""
    if not ad_ids:
        return {}
    newer = aliased(ReviewDecision)
    newest_any = ~exists().where(newer.ad_id == ReviewDecision.ad_id, newer.id > ReviewDecision.id)
    newer_final = aliased(ReviewDecision)
    newest_final = ~exists().where(newer_final.ad_id == ReviewDecision.ad_id, newer_final.id > ReviewDecision.id,
                                   newer_final.status == "final")
    out: dict[int, str] = {}
    for chunk in range(0, len(ad_ids), 500):
        part = ad_ids[chunk:chunk + 500]
        latest = session.execute(select(ReviewDecision).where(ReviewDecision.ad_id.in_(part), newest_any)).scalars()
        hidden = {d.ad_id for d in latest if viewer is not None and not may_read(viewer, d)}
        for d in session.execute(select(ReviewDecision).where(
                ReviewDecision.ad_id.in_(part), ReviewDecision.status == "final", newest_final)).scalars():
            readable = viewer is None or may_read(viewer, d)
            out[d.ad_id] = d.decision if readable and d.ad_id not in hidden else HIDDEN
        out.update({ad_id: HIDDEN for ad_id in hidden})
    return out


def _categories(session: Session, version_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for chunk in range(0, len(version_ids), 500):
        for vid, category in session.execute(select(IndicatorHit.ad_version_id, IndicatorHit.category).distinct()
                                             .where(IndicatorHit.ad_version_id.in_(version_ids[chunk:chunk + 500]))):
            out.setdefault(vid, set()).add(category)
    return out


def _passes(r: Result, f: SearchFilters, skip: str = "") -> bool:
    """Whether `r` passes the filters (all but the facet `skip`, so a facet counts its own alternatives)."""
    if f.sites and skip != "site" and r.site not in f.sites:
        return False
    if f.cities and skip != "city" and r.city not in f.cities:
        return False
    if f.categories and skip != "category" and not (r.categories & set(f.categories)):
        return False
    if f.decisions and skip != "decision" and r.decision not in f.decisions:
        return False
    if f.date_from and _aware(r.last_seen) < _day_start(f.date_from):
        return False
    if f.date_to and _aware(r.first_seen) >= _day_start(f.date_to + timedelta(days=1)):
        return False
    return True


def _facet_values(r: Result, facet: str) -> list[str]:
    if facet == "site":
        return [r.site]
    if facet == "city":
        return [r.city] if r.city else []
    if facet == "category":
        return sorted(r.categories)
    return [r.decision]


def facet_counts(results: list[Result], filters: SearchFilters) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for facet in FACETS:
        for r in results:
            if _passes(r, filters, skip=facet):
                for value in _facet_values(r, facet):
                    counts[facet][value] = counts[facet].get(value, 0) + 1
    return {facet: dict(sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))) for facet, values in counts.items()}


@dataclass
class _Mark:
    start: int
    end: int
    code: str
    category: str


def snippet(text: str, hits: list[Hit], marks: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """Safe HTML of a window of `text` around the first search match (else the first indicator), with
    the matches marked yellow and the indicator spans in their category colours."""
    anchor = marks[0][0] if marks else (hits[0].start if hits else 0)
    start = max(0, min(anchor - width // 3, len(text) - width))
    end = min(len(text), start + width)
    spans = [_Mark(h.start - start, h.end - start, h.code, h.category) for h in hits
             if h.end > start and h.start < end]
    spans += [_Mark(a - start, b - start, "search", "match") for a, b in marks if b > start and a < end]
    window = text[start:end].replace("\n", " ")
    body = highlighted_html(window, spans)
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return body.replace('<div style="white-space:pre-wrap">', '<div style="white-space:pre-wrap">' + prefix, 1)[
        :-len("</div>")] + suffix + "</div>"


def _marks(text: str, kind: str, query: str, entities: list[tuple[str, str, int, int]], wanted: str) -> list[
        tuple[int, int]]:
    if kind == "text":
        found, lowered, needle = [], text.lower(), query.strip().lower()
        at = lowered.find(needle)
        while at >= 0 and len(found) < 20:
            found.append((at, at + len(needle)))
            at = lowered.find(needle, at + len(needle))
        return found
    # An entity read from a field outside the text (the site's phone field) has no span to mark.
    return [(s, e) for k, v, s, e in entities
            if k == kind and v.lower() == wanted.lower() and s is not None and e is not None and e > s]


def _fill(session: Session, page: list[Result], kind: str, query: str, country: str) -> None:
    version_ids = [r.version_id for r in page]
    if not version_ids:
        return
    texts = dict(session.execute(select(AdVersion.id, AdVersion.title).where(AdVersion.id.in_(version_ids))).all())
    bodies = dict(session.execute(select(AdVersion.id, AdVersion.body).where(AdVersion.id.in_(version_ids))).all())
    hits = hits_for_versions(session, version_ids)
    risks: dict[int, float] = {}
    for vid, risk in session.execute(select(Score.ad_version_id, Score.risk).where(
            Score.ad_version_id.in_(version_ids)).order_by(Score.id)).all():
        risks[vid] = risk  # the newest score wins
    entities: dict[int, list[tuple[str, str, int, int]]] = {}
    if kind in ("phone", "email", "handle"):
        for vid, k, v, s, e in session.execute(select(Entity.ad_version_id, Entity.kind, Entity.value, Entity.start,
                                                      Entity.end).where(Entity.ad_version_id.in_(version_ids),
                                                                        Entity.kind == kind)).all():
            entities.setdefault(vid, []).append((k, v, s, e))
    wanted = normalised_phone(query, country)[0] if kind == "phone" else query.strip().lstrip("@")
    for r in page:
        title, body = texts.get(r.version_id, ""), bodies.get(r.version_id, "")
        text = f"{title}\n{body}" if title else body
        r.risk = risks.get(r.version_id)
        r.snippet = snippet(text, hits.get(r.version_id, []),
                            _marks(text, kind, query, entities.get(r.version_id, []), wanted))


def search_page(session: Session, kind: str, query: str, country: str = "NL",
                filters: SearchFilters = SearchFilters(), viewer: Any = None, limit: int = 20,
                offset: int = 0) -> SearchPage:
    """One page of matching ads (newest first) with context, and the facets over the matches."""
    if not query.strip():
        raise SearchError("nothing to search for")
    kind = guess_kind(query) if kind == "auto" else kind
    candidates = _candidates(session, _matching_ids(session, kind, query, country))
    capped = len(candidates) > CANDIDATES
    candidates = candidates[:CANDIDATES]
    categories = _categories(session, [r.version_id for r in candidates])
    decisions = _decisions(session, viewer, [r.ad_id for r in candidates])
    for r in candidates:
        r.categories = categories.get(r.version_id, set())
        r.decision = decisions.get(r.ad_id, NO_DECISION)
    kept = [r for r in candidates if _passes(r, filters)]
    page = kept[offset:offset + limit]
    _fill(session, page, kind, query, country)
    return SearchPage(kind, page, len(kept), capped, facet_counts(candidates, filters))
