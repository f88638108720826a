"""Read-only queries behind the workbench pages.

Plain SQLAlchemy selects with bound parameters, paginated, and filtered on
indexed columns where the data is large. They return plain dataclasses so a
page never holds ORM objects across Streamlit reruns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from casefiles.review import may_read
from core.schema import (
    Ad,
    AdVersion,
    Cluster,
    ClusterMember,
    HeldBackHit,
    IndicatorHit,
    ReviewDecision,
    Score,
    Site,
)


@dataclass(frozen=True)
class TriageFilters:
    sites: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    risk_min: float = 0.0
    risk_max: float = 1.0
    unreviewed_only: bool = False
    urgent_only: bool = False
    # Escalations of this team only (a coordinator's list); None: every team's (auditors).
    urgent_team: str | None = None
    # Ads that stay in an "unreviewed" list although decided: those the analyst decided on this
    # page, so the card shows the outcome in place instead of vanishing under the cursor.
    keep_ids: tuple[int, ...] = ()

    def as_detail(self) -> dict[str, Any]:
        """The filters as plain values, for the audit log."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@dataclass
class Hit:
    code: str
    category: str
    start: int
    end: int
    text: str
    weight: float
    explanation: str = ""
    source: str = ""


@dataclass
class TriageRow:
    ad_id: int
    version_id: int
    version_no: int
    site: str
    site_ad_id: str
    title: str
    text: str
    city: str
    risk: float
    reasons: list[str]
    captured_at: datetime
    decision: str | None  # the standing (final) decision; "hidden" when another team's
    decision_id: int | None  # the newest decision of any status: what a new decision must have seen
    decided_by: str | None
    hits: list[Hit] = field(default_factory=list)
    decision_team: str = ""
    proposal: str | None = None  # a downgrade waiting for a coordinator of the escalating team
    proposed_by: str | None = None
    proposal_reason: str = ""
    first_seen: datetime | None = None
    linked: int = 0  # other ads in the same network (shared phone, e-mail, handle, photo or text)
    why: str = "threshold"  # threshold: risk at or over flag_threshold; minor: a minor indicator below it


def is_newest_version() -> Any:
    """No later version of the same ad exists (an anti-join on the unique (ad_id, version_no) index)."""
    newer = aliased(AdVersion)
    return ~exists().where(newer.ad_id == AdVersion.ad_id, newer.version_no > AdVersion.version_no)


def is_newest_score() -> Any:
    """No later score of the same version exists."""
    newer = aliased(Score)
    return ~exists().where(newer.ad_version_id == Score.ad_version_id, newer.id > Score.id)


def is_newest_decision() -> Any:
    """No later final decision on the same ad exists (a proposal does not change what the ad is)."""
    newer = aliased(ReviewDecision)
    return ~exists().where(newer.ad_id == ReviewDecision.ad_id, newer.id > ReviewDecision.id,
                           newer.status == "final")


def _day_start(d: date) -> datetime:
    return datetime.combine(d, time.min, tzinfo=UTC)


def _triage_select(filters: TriageFilters) -> Select[Any]:
    # "Newest" as NOT EXISTS of a newer row: both SQLite (index probe per row) and PostgreSQL
    # (hash anti-join) plan this well. MAX() subqueries and GROUP BY derived tables led one or
    # the other into a scan per row once the tables grew.
    q = (
        select(Ad, AdVersion, Score, Site.name, ReviewDecision)
        .select_from(Score)
        .join(AdVersion, AdVersion.id == Score.ad_version_id)
        .join(Ad, Ad.id == AdVersion.ad_id)
        .join(Site, Site.id == Ad.site_id)
        .outerjoin(ReviewDecision, and_(ReviewDecision.ad_id == Ad.id, ReviewDecision.status == "final",
                                        is_newest_decision()))
        .where(Score.flagged.is_(True), Score.risk >= filters.risk_min, Score.risk <= filters.risk_max,
               is_newest_version(), is_newest_score())
    )
    if filters.sites:
        q = q.where(Site.name.in_(filters.sites))
    if filters.cities:
        q = q.where(AdVersion.city.in_(filters.cities))
    if filters.categories:
        # An uncorrelated IN: evaluated once. (A correlated EXISTS led SQLite to scan the whole
        # category index once per candidate row.)
        q = q.where(AdVersion.id.in_(select(IndicatorHit.ad_version_id)
                                     .where(IndicatorHit.category.in_(filters.categories))))
    if filters.date_from:
        q = q.where(AdVersion.captured_at >= _day_start(filters.date_from))
    if filters.date_to:
        q = q.where(AdVersion.captured_at < _day_start(filters.date_to + timedelta(days=1)))
    if filters.unreviewed_only:
        # NOT EXISTS rather than "the outer-joined decision IS NULL": PostgreSQL estimates the latter
        # at one row and then loops over every ad (15 s at 1M ads, 6 ms this way).
        any_decision = aliased(ReviewDecision)
        undecided = ~exists().where(any_decision.ad_id == Ad.id)
        q = q.where(or_(undecided, Ad.id.in_(filters.keep_ids)) if filters.keep_ids else undecided)
    if filters.urgent_only:
        q = q.where(ReviewDecision.decision == "urgent")
        if filters.urgent_team is not None:
            q = q.where(ReviewDecision.team == filters.urgent_team)
    return q


# How far past the current page the queue is counted. An exact count of a queue of 400,000 takes
# seconds on every page view, and no analyst pages that far: beyond this the total reads "N+".
COUNT_AHEAD = 1000


def triage_page(session: Session, filters: TriageFilters, page: int = 0, page_size: int = 20,
                viewer: Any = None) -> tuple[list[TriageRow], int, bool]:
    """One page of flagged ads (newest score of each ad's newest version), riskiest first, the total,
    and whether that total is exact (False: at least that many, counting stopped there).

    With a `viewer`, decisions of teams the viewer may not read show as "hidden", without
    reviewer or reason (``casefiles.review.may_read``)."""
    q = _triage_select(filters)
    cap = (max(page, 0) + 1) * page_size + COUNT_AHEAD
    total = session.execute(select(func.count()).select_from(q.limit(cap + 1).subquery())).scalar() or 0
    exact = total <= cap
    total = min(total, cap)
    rows = session.execute(
        q.order_by(Score.risk.desc(), Ad.id).limit(page_size).offset(max(page, 0) * page_size)
    ).all()
    hits = hits_for_versions(session, [v.id for _, v, _, _, _ in rows])
    latest = latest_decisions(session, [ad.id for ad, _, _, _, _ in rows])
    linked = linked_counts(session, [ad.id for ad, _, _, _, _ in rows])
    threshold = flag_threshold()
    result = []
    for ad, version, score, site_name, decision in rows:
        result.append(TriageRow(
            ad_id=ad.id, version_id=version.id, version_no=version.version_no, site=site_name,
            site_ad_id=ad.site_ad_id, title=version.title, text=version.text, city=version.city,
            risk=score.risk, reasons=[str(r) for r in score.reasons or []], captured_at=version.captured_at,
            decision=decision.decision if decision else None,
            decision_id=latest[ad.id].id if ad.id in latest else None,
            decided_by=decision.user.username if decision else None, hits=hits.get(version.id, []),
            decision_team=decision.team if decision else "",
            first_seen=ad.first_seen, linked=linked.get(ad.id, 0),
            why="threshold" if score.risk >= threshold else "minor",
        ))
        newest = latest.get(ad.id)
        if newest is not None and newest.status == "proposed":
            result[-1].proposal, result[-1].proposed_by = newest.decision, newest.user.username
            result[-1].proposal_reason = newest.reason
            result[-1].decision_team = result[-1].decision_team or newest.team
    if viewer is not None:
        result = [redacted(row, viewer, latest) for row in result]
    return result, total, exact


def flag_threshold() -> float:
    from core.settings import get_settings

    return float(get_settings().flag_threshold)


def linked_counts(session: Session, ad_ids: list[int]) -> dict[int, int]:
    """Per ad, how many other ads share its network cluster (one grouped query for a page of ads)."""
    if not ad_ids:
        return {}
    mine, other = aliased(ClusterMember), aliased(ClusterMember)
    rows = session.execute(
        select(mine.ad_id, func.count(func.distinct(other.ad_id)))
        .join(Cluster, and_(Cluster.id == mine.cluster_id, Cluster.kind == "network"))
        .join(other, and_(other.cluster_id == mine.cluster_id, other.ad_id != mine.ad_id))
        .where(mine.ad_id.in_(ad_ids)).group_by(mine.ad_id))
    return {ad_id: int(n) for ad_id, n in rows}


def ads_by_ids(session: Session, ad_ids: list[int], viewer: Any = None) -> list[TriageRow]:
    """Triage rows for the given ads (any order of `ad_ids` kept), e.g. the ads a user has claimed."""
    if not ad_ids:
        return []
    q = _triage_select(TriageFilters()).where(Ad.id.in_(ad_ids))
    rows = session.execute(q.order_by(Score.risk.desc(), Ad.id).limit(len(ad_ids))).all()
    hits = hits_for_versions(session, [v.id for _, v, _, _, _ in rows])
    latest = latest_decisions(session, [ad.id for ad, _, _, _, _ in rows])
    result = [TriageRow(
        ad_id=ad.id, version_id=version.id, version_no=version.version_no, site=site_name,
        site_ad_id=ad.site_ad_id, title=version.title, text=version.text, city=version.city, risk=score.risk,
        reasons=[str(r) for r in score.reasons or []], captured_at=version.captured_at,
        decision=decision.decision if decision else None,
        decision_id=latest[ad.id].id if ad.id in latest else None,
        decided_by=decision.user.username if decision else None, hits=hits.get(version.id, []),
        decision_team=decision.team if decision else "", first_seen=ad.first_seen)
        for ad, version, score, site_name, decision in rows]
    if viewer is not None:
        result = [redacted(row, viewer, latest) for row in result]
    return result


def new_flagged_since(session: Session, since: datetime | None) -> int:
    """Flagged ads first seen after `since` (all of them when None), counted up to COUNT_AHEAD."""
    q = _triage_select(TriageFilters())
    if since is not None:
        q = q.where(Ad.first_seen > since)
    return session.execute(select(func.count()).select_from(q.limit(COUNT_AHEAD).subquery())).scalar() or 0


def previous_visit(session: Session, username: str) -> datetime | None:
    """When `username` signed in before the current session (the second-newest successful sign-in)."""
    from core.schema import LoginAttempt

    return session.execute(select(LoginAttempt.at).where(LoginAttempt.username == username, LoginAttempt.ok.is_(True))
                           .order_by(LoginAttempt.at.desc()).offset(1).limit(1)).scalar()


def colour_changes(session: Session, team: str, since: datetime | None, limit: int = 20) -> list[dict[str, Any]]:
    """The team's dossiers whose colour was set since `since` (the last 7 days when None), newest first."""
    from core.schema import Classification, Dossier

    since = since or datetime.now(UTC) - timedelta(days=7)
    rows = session.execute(
        select(Dossier.id, Dossier.title, Dossier.subject, Classification.colour, Classification.previous_colour,
               Classification.decided_by, Classification.decided_at)
        .join(Classification, Classification.dossier_id == Dossier.id)
        .where(Dossier.team == team, Classification.decided_at > since)
        .order_by(Classification.id.desc()).limit(limit))
    return [dict(r._mapping) for r in rows]


def latest_decisions(session: Session, ad_ids: list[int]) -> dict[int, ReviewDecision]:
    """The newest decision of any status per ad."""
    if not ad_ids:
        return {}
    newer = aliased(ReviewDecision)
    rows = session.execute(select(ReviewDecision).where(
        ReviewDecision.ad_id.in_(ad_ids),
        ~exists().where(newer.ad_id == ReviewDecision.ad_id, newer.id > ReviewDecision.id))).scalars()
    return {d.ad_id: d for d in rows}


def redacted(row: TriageRow, viewer: Any, latest: dict[int, ReviewDecision]) -> TriageRow:
    """`row` as `viewer` may see it: another team's decision only as "hidden"."""
    newest = latest.get(row.ad_id)
    if newest is None or may_read(viewer, newest):
        return row
    row.decision = "hidden" if row.decision or row.proposal else None
    row.decided_by, row.decision_team = None, ""
    row.proposal, row.proposed_by, row.proposal_reason = None, None, ""
    return row


def hits_for_versions(session: Session, version_ids: list[int]) -> dict[int, list[Hit]]:
    found: dict[int, list[Hit]] = {}
    if not version_ids:
        return found
    rows = session.execute(
        select(IndicatorHit).where(IndicatorHit.ad_version_id.in_(version_ids))
        .order_by(IndicatorHit.ad_version_id, IndicatorHit.start, IndicatorHit.id)
    ).scalars()
    for h in rows:
        found.setdefault(h.ad_version_id, []).append(_hit(h))
    return found


def _hit(row: IndicatorHit | HeldBackHit) -> Hit:
    return Hit(code=row.code, category=row.category, start=row.start, end=row.end, text=row.text,
               weight=row.weight, explanation=row.explanation, source=row.source)


def filter_choices(session: Session) -> dict[str, list[str]]:
    """Values the triage filters can offer: site names, cities and indicator categories present."""
    return {
        "sites": list(session.execute(select(Site.name).order_by(Site.name)).scalars()),
        "cities": [c for c in session.execute(
            select(AdVersion.city).distinct().order_by(AdVersion.city)).scalars() if c],
        "categories": list(session.execute(
            select(IndicatorHit.category).distinct().order_by(IndicatorHit.category)).scalars()),
    }


def escalation_team(viewer: Any) -> str | None:
    """Whose escalations `viewer` sees: every team's for auditors, otherwise the own team's."""
    from core.permissions import can

    return None if can(viewer, "review.read_all") else str(getattr(viewer, "team", ""))


def urgent_items(session: Session, viewer: Any, limit: int = 50) -> list[TriageRow]:
    """Ads whose standing decision is an escalation by the viewer's team (every team's for auditors),
    each with any pending proposal to downgrade it, for the coordinators' dashboard."""
    filters = TriageFilters(urgent_only=True, urgent_team=escalation_team(viewer))
    rows, _, _ = triage_page(session, filters, page_size=limit, viewer=viewer)
    return rows


def queue_counts(session: Session, viewer: Any = None) -> dict[str, tuple[int, bool]]:
    """Flagged, unreviewed and urgent, each as (count, exact): counting stops past COUNT_AHEAD, as
    in the triage queue (a 400,000-ad queue took seconds to count on every home page view). With
    a `viewer`, urgent counts the escalations it may see."""
    team = escalation_team(viewer) if viewer is not None else None
    queues = {"flagged": TriageFilters(), "unreviewed": TriageFilters(unreviewed_only=True),
              "urgent": TriageFilters(urgent_only=True, urgent_team=team)}
    counts = {}
    for name, filters in queues.items():
        q = _triage_select(filters).limit(COUNT_AHEAD + 1).subquery()
        found = session.execute(select(func.count()).select_from(q)).scalar() or 0
        counts[name] = (min(found, COUNT_AHEAD), found <= COUNT_AHEAD)
    return counts


def clusters_of_ad(session: Session, ad_id: int) -> list[Cluster]:
    return list(session.execute(
        select(Cluster).join(ClusterMember, ClusterMember.cluster_id == Cluster.id)
        .where(ClusterMember.ad_id == ad_id).order_by(Cluster.kind, Cluster.id)
    ).scalars())


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with the wildcards in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def text_matches(column: Any, text: str) -> Any:
    return func.lower(column).like(like_pattern(text.lower()), escape="\\")


def any_text_matches(columns: list[Any], text: str) -> Any:
    return or_(*(text_matches(c, text) for c in columns))


@dataclass
class EntityRow:
    kind: str
    value: str
    platform: str
    obfuscated: bool


@dataclass
class VersionView:
    id: int
    version_no: int
    captured_at: datetime
    title: str
    body: str
    name: str
    age_text: str
    city: str
    posted_at: str
    phones_text: str
    images: list[dict[str, Any]]
    text: str
    hits: list[Hit]
    entities: list[EntityRow]
    risk: float | None
    flagged: bool
    reasons: list[str]
    model_version: str
    capture: dict[str, Any] | None
    # Indicators found but not counted, with why (``core.schema.HeldBackHit``): (hit, reason, verdict).
    held_back: list[tuple[Hit, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class DecisionView:
    id: int
    decision: str
    reason: str
    username: str
    version_no: int | None
    created_at: datetime
    status: str = "final"  # or "proposed": waiting for a coordinator of the escalating team


@dataclass
class AdView:
    id: int
    site: str
    site_ad_id: str
    url: str
    first_seen: datetime
    last_seen: datetime
    removed_at: datetime | None
    versions: list[VersionView]
    decisions: list[DecisionView]  # those the viewer may read
    clusters: list[dict[str, Any]]
    latest_decision_id: int | None = None  # of any team: what a new decision must have seen
    hidden_decisions: int = 0  # decisions of another team, not shown

    @property
    def standing(self) -> str | None:
        """The newest final decision the viewer may read (a proposal does not change it)."""
        final = [d for d in self.decisions if d.status == "final"]
        return final[-1].decision if final else None


def _capture_dict(capture: Any) -> dict[str, Any] | None:
    if capture is None:
        return None
    return {"id": capture.id, "url": capture.url, "fetched_at": capture.fetched_at,
            "http_status": capture.http_status, "sha256": capture.sha256, "warc_file": capture.warc_file,
            "warc_offset": capture.warc_offset, "warc_record_id": capture.warc_record_id}


def ad_view(session: Session, ad_id: int, viewer: Any = None) -> AdView | None:
    """Everything the ad page shows about one ad, oldest version first; None when there is no such ad.

    With a `viewer`, only the decisions it may read (its team's; every team's for auditors)."""
    from core.schema import Entity

    ad = session.get(Ad, ad_id)
    if ad is None:
        return None
    version_ids = [v.id for v in ad.versions]
    hits = hits_for_versions(session, version_ids)
    entities: dict[int, list[EntityRow]] = {}
    scores: dict[int, Score] = {}
    if version_ids:
        for e in session.execute(select(Entity).where(Entity.ad_version_id.in_(version_ids))
                                 .order_by(Entity.ad_version_id, Entity.start, Entity.id)).scalars():
            entities.setdefault(e.ad_version_id, []).append(EntityRow(e.kind, e.value, e.platform, e.obfuscated))
        for s in session.execute(select(Score).where(Score.ad_version_id.in_(version_ids))
                                 .order_by(Score.id)).scalars():
            scores[s.ad_version_id] = s  # the newest wins
    held: dict[int, list[tuple[Hit, str, dict[str, Any]]]] = {}
    if version_ids:
        for h in session.execute(select(HeldBackHit).where(HeldBackHit.ad_version_id.in_(version_ids))
                                 .order_by(HeldBackHit.ad_version_id, HeldBackHit.start, HeldBackHit.id)).scalars():
            held.setdefault(h.ad_version_id, []).append((_hit(h), h.reason, h.verdict or {}))
    versions = []
    for v in ad.versions:
        score = scores.get(v.id)
        versions.append(VersionView(
            id=v.id, version_no=v.version_no, captured_at=v.captured_at, title=v.title, body=v.body,
            name=v.name, age_text=v.age_text, city=v.city, posted_at=v.posted_at, phones_text=v.phones_text,
            images=[i for i in (v.images or []) if isinstance(i, dict)], text=v.text, hits=hits.get(v.id, []),
            entities=entities.get(v.id, []), risk=score.risk if score else None,
            flagged=bool(score and score.flagged), reasons=[str(r) for r in (score.reasons if score else [])],
            model_version=score.model_version if score else "", capture=_capture_dict(v.capture),
            held_back=held.get(v.id, [])))
    version_no = {v.id: v.version_no for v in ad.versions}
    rows = list(session.execute(select(ReviewDecision).where(ReviewDecision.ad_id == ad_id)
                                .order_by(ReviewDecision.id)).scalars())
    readable = [d for d in rows if viewer is None or may_read(viewer, d)]
    decisions = [
        DecisionView(d.id, d.decision, d.reason, d.user.username, version_no.get(d.ad_version_id), d.created_at,
                     d.status)
        for d in readable
    ]
    clusters = [{"id": c.id, "kind": c.kind, "key": c.key, "summary": c.summary or {}}
                for c in clusters_of_ad(session, ad_id)]
    return AdView(ad.id, ad.site.name, ad.site_ad_id, ad.url, ad.first_seen, ad.last_seen, ad.removed_at,
                  versions, decisions, clusters, rows[-1].id if rows else None, len(rows) - len(readable))


def cases_with_signals(session: Session, team: str | None) -> list[dict[str, Any]]:
    """The cases of `team` (all teams when None), newest first, each with its stacked signals."""
    from core.schema import Case, CaseSignal

    q = select(Case).order_by(Case.id.desc())
    if team is not None:
        q = q.where(Case.team == team)
    cases = list(session.execute(q).scalars())
    signals: dict[int, list[CaseSignal]] = {}
    if cases:
        for s in session.execute(select(CaseSignal).where(CaseSignal.case_id.in_([c.id for c in cases]))
                                 .order_by(CaseSignal.added_at, CaseSignal.id)).scalars():
            signals.setdefault(s.case_id, []).append(s)
    return [{"id": c.id, "number": c.number, "title": c.title, "team": c.team, "status": c.status,
             "created_by": c.created_by, "created_at": c.created_at,
             "signals": [{"id": s.id, "kind": s.kind, "ad_id": s.ad_id, "dossier_id": s.dossier_id, "note": s.note, "source": s.source,
                          "added_by": s.added_by, "added_at": s.added_at} for s in signals.get(c.id, [])]}
            for c in cases]


def users_list(session: Session) -> list[dict[str, Any]]:
    from core.schema import User

    return [{"id": u.id, "username": u.username, "role": u.role, "team": u.team, "lang": u.lang,
             "active": u.active, "created_at": u.created_at}
            for u in session.execute(select(User).order_by(User.username)).scalars()]


def audit_page(session: Session, actor: str = "", action: str = "", page: int = 0,
               page_size: int = 100) -> tuple[list[dict[str, Any]], int]:
    """Audit entries newest first, filtered by actor and action prefix, and how many match."""
    from core.schema import AuditEntry

    q = select(AuditEntry)
    if actor.strip():
        q = q.where(AuditEntry.actor == actor.strip())
    if action.strip():
        q = q.where(AuditEntry.action.like(like_pattern(action.strip())[1:], escape="\\"))
    total = session.execute(select(func.count()).select_from(q.subquery())).scalar() or 0
    rows = session.execute(q.order_by(AuditEntry.id.desc()).limit(page_size).offset(page * page_size)).scalars()
    return [{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "object_type": e.object_type,
             "object_id": e.object_id, "detail": e.detail, "hash": e.hash[:16]} for e in rows], total
