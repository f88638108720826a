"""Dossiers: every signal about one subject, stacked in time order and tallied with the points scheme.

A dossier's subject is a phone number (E.164), a network (a cluster key or id) or
an alias (an advertised name, e-mail address or handle). Its signals are not
copied in: they are gathered from the ads whenever asked, so new ad versions and
review decisions show up by themselves. Notes and colour classifications are
stored with who, when and why, and are never overwritten.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from casefiles.actors import UnknownActor, acting_user
from casefiles.scheme import COLOURS, below_minimum, colour_rank, tally_signals
from core import audit
from core.lookup import not_found_or_not_allowed, parse_id
from core.permissions import PermissionDenied, can
from core.schema import (
    Ad,
    AdVersion,
    Classification,
    Cluster,
    ClusterMember,
    Dossier,
    DossierNote,
    Entity,
    IndicatorHit,
    ReviewDecision,
    User,
)
from core.settings import get_settings

SUBJECT_KINDS = ("phone", "network", "alias")
NOTE_KINDS = ("note", "enrichment")


class DossierError(ValueError):
    pass


class DossierAccessDenied(DossierError, PermissionDenied):
    pass


def _resolved(session: Session, actor: User | str) -> User:
    try:
        return acting_user(session, actor)
    except UnknownActor as exc:
        raise DossierAccessDenied(str(exc)) from None


def _permitted(session: Session, actor: User | str, action: str, team: str | None) -> User:
    user = _resolved(session, actor)
    if not can(user, action, team):
        where = f" on team {team}'s dossier" if team is not None and team != user.team else ""
        raise DossierAccessDenied(f"{user.username} ({user.role}, team {user.team}) may not {action}{where}")
    return user


def _dossier(session: Session, actor: User | str, dossier_id: object, action: str) -> tuple[Dossier, User]:
    """The dossier and the acting user; a missing dossier and another team's get the same refusal."""
    ident = parse_id(dossier_id)
    dossier = session.get(Dossier, ident) if ident is not None else None
    user = _resolved(session, actor)
    if dossier is None:
        raise DossierError(not_found_or_not_allowed("dossier", dossier_id))
    if dossier.team != user.team and not can(user, action, dossier.team):
        raise DossierAccessDenied(not_found_or_not_allowed("dossier", dossier_id))
    return dossier, _permitted(session, user, action, dossier.team)


def normalised_subject(kind: str, subject: str) -> str:
    subject = subject.strip()
    if kind not in SUBJECT_KINDS:
        raise DossierError(f"unknown subject kind {kind!r}; choose one of {', '.join(SUBJECT_KINDS)}")
    if not subject:
        raise DossierError("a dossier needs a subject")
    if kind == "phone":
        try:
            number = phonenumbers.parse(subject, get_settings().default_country)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise DossierError(f"{subject!r} is not a valid phone number")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return subject


def create_dossier(session: Session, user: User | str, subject_kind: str, subject: str, title: str = "",
                   team: str | None = None) -> Dossier:
    acting = _resolved(session, user)
    team = team or acting.team
    acting = _permitted(session, acting, "dossier.create", team)
    dossier = Dossier(subject_kind=subject_kind, subject=normalised_subject(subject_kind, subject),
                      title=title.strip(), team=team, created_by=acting.username)
    session.add(dossier)
    session.flush()
    audit.record(session, acting.username, "dossier.create", "dossier", dossier.id,
                 subject_kind=dossier.subject_kind, subject=dossier.subject, team=team)
    return dossier


def get_dossier(session: Session, user: User | str, dossier_id: int) -> Dossier:
    return _dossier(session, user, dossier_id, "dossier.view")[0]


def list_dossiers(session: Session, user: User | str) -> list[Dossier]:
    """The dossiers of the user's team."""
    acting = _permitted(session, user, "dossier.view", None)
    return list(session.execute(select(Dossier).where(Dossier.team == acting.team).order_by(Dossier.id)).scalars())


def add_note(session: Session, user: User | str, dossier_id: int, text: str, kind: str = "note",
             source: str = "", partner: str | None = None, no_information: bool = False) -> DossierNote:
    """Record a note, or a partner's enrichment; `no_information` records that the partner knew nothing."""
    if kind not in NOTE_KINDS:
        raise DossierError(f"unknown note kind {kind!r}; choose one of {', '.join(NOTE_KINDS)}")
    dossier, acting = _dossier(session, user, dossier_id, "dossier.note")
    if kind == "enrichment" and not (partner or "").strip():
        raise DossierError("an enrichment names the partner it came from")
    if not text.strip() and not no_information:
        raise DossierError("a note needs text")
    note = DossierNote(dossier_id=dossier.id, kind=kind, text=text.strip(), source=source.strip(),
                       partner=(partner or "").strip() or None, no_information=no_information,
                       author=acting.username)
    session.add(note)
    session.flush()
    audit.record(session, acting.username, f"dossier.{kind}", "dossier", dossier.id, note_id=note.id,
                 partner=note.partner, source=note.source, no_information=no_information)
    return note


def matching_versions(session: Session, dossier: Dossier) -> list[AdVersion]:
    """Every ad version that concerns the dossier's subject."""
    if dossier.subject_kind == "phone":
        ids = select(Entity.ad_version_id).where(Entity.kind == "phone", Entity.value == dossier.subject)
        q = select(AdVersion).where(AdVersion.id.in_(ids))
    elif dossier.subject_kind == "network":
        cluster_ids = select(Cluster.id).where(or_(
            Cluster.key == dossier.subject,
            Cluster.id == (int(dossier.subject) if dossier.subject.isdigit() else -1)))
        ad_ids = select(ClusterMember.ad_id).where(ClusterMember.cluster_id.in_(cluster_ids))
        q = select(AdVersion).where(AdVersion.ad_id.in_(ad_ids))
    else:
        alias = dossier.subject.lower()
        ids = select(Entity.ad_version_id).where(Entity.kind.in_(("email", "handle")),
                                                 func.lower(Entity.value) == alias)
        q = select(AdVersion).where(or_(func.lower(AdVersion.name) == alias, AdVersion.id.in_(ids)))
    # Ad, site and capture come in a few set-wise queries, not three lazy loads per version: a
    # number shared by hundreds of ads otherwise costs thousands of round trips per page view.
    q = q.options(selectinload(AdVersion.ad).selectinload(Ad.site), selectinload(AdVersion.capture))
    return list(session.execute(q.order_by(AdVersion.captured_at, AdVersion.id)).scalars())


_CHUNK = 500


def _by_version(session: Session, model: Any, version_ids: list[int], order: Any,
                *options: Any) -> dict[int, list[Any]]:
    """Rows of `model` per ad version, `order`ed, fetched in chunks of version ids (with loader `options`)."""
    found: dict[int, list[Any]] = {}
    for i in range(0, len(version_ids), _CHUNK):
        chunk = version_ids[i:i + _CHUNK]
        query = select(model).where(model.ad_version_id.in_(chunk)).order_by(model.ad_version_id, order)
        for row in session.execute(query.options(*options)).scalars():
            found.setdefault(row.ad_version_id, []).append(row)
    return found


def ad_version_signals(session: Session, versions: list[AdVersion]) -> list[dict[str, Any]]:
    """`ad_version_signal` for many versions, with their hits and decisions read set-wise."""
    ids = [v.id for v in versions]
    hits = _by_version(session, IndicatorHit, ids, IndicatorHit.start)
    decisions = _by_version(session, ReviewDecision, ids, ReviewDecision.id, selectinload(ReviewDecision.user))
    return [ad_version_signal(session, v, hits.get(v.id, []), decisions.get(v.id, [])) for v in versions]


def ad_version_signal(session: Session, version: AdVersion, hits: list[IndicatorHit] | None = None,
                      decisions: list[ReviewDecision] | None = None) -> dict[str, Any]:
    if hits is None:
        hits = session.execute(select(IndicatorHit).where(IndicatorHit.ad_version_id == version.id)
                               .order_by(IndicatorHit.start)).scalars().all()
    if decisions is None:
        decisions = session.execute(select(ReviewDecision).where(ReviewDecision.ad_version_id == version.id)
                                    .order_by(ReviewDecision.id)).scalars().all()
    capture = version.capture
    return {
        "kind": "ad_version", "when": version.captured_at,
        "who": f"crawler ({version.ad.site.name})",
        "source": capture.url if capture else version.ad.url,
        "ad_id": version.ad_id, "site": version.ad.site.name, "site_ad_id": version.ad.site_ad_id,
        "version_id": version.id, "version_no": version.version_no,
        "title": version.title, "name": version.name, "age_text": version.age_text, "city": version.city,
        "content_sha256": version.content_sha256,
        "capture_id": capture.id if capture else None,
        "capture_sha256": capture.sha256 if capture else None,
        "warc_record_id": capture.warc_record_id if capture else None,
        "indicators": [{"code": h.code, "category": h.category, "text": h.text, "start": h.start, "end": h.end,
                        "weight": h.weight} for h in hits],
        "decisions": [{"decision": d.decision, "reason": d.reason, "who": d.user.username, "when": d.created_at}
                      for d in decisions],
    }


def _note_signal(note: DossierNote) -> dict[str, Any]:
    return {"kind": note.kind, "when": note.created_at, "who": note.author, "source": note.source,
            "partner": note.partner, "text": note.text, "no_information": note.no_information,
            "note_id": note.id}


def stacked_signals(session: Session, dossier_id: int) -> list[dict[str, Any]]:
    """Time-ordered: every matching ad version (with its indicator hits and decisions), and the notes."""
    ident = parse_id(dossier_id)
    dossier = session.get(Dossier, ident) if ident is not None else None
    if dossier is None:
        raise DossierError(not_found_or_not_allowed("dossier", dossier_id))
    signals = ad_version_signals(session, matching_versions(session, dossier))
    signals += [_note_signal(n) for n in dossier.notes]
    return sorted(signals, key=lambda s: s["when"])


def measures_of(signals: list[dict[str, Any]]) -> tuple[dict[str, tuple[str, int]], dict[str, int]]:
    """(indicator code -> (category, distinct ads), dossier-wide measures) from stacked signals."""
    ads_by_code: dict[str, set[int]] = {}
    category: dict[str, str] = {}
    cities: set[str] = set()
    ads: set[int] = set()
    decisions: dict[str, set[int]] = {"confirm": set(), "urgent": set()}
    enrichments = 0
    for s in signals:
        if s["kind"] == "ad_version":
            ads.add(s["ad_id"])
            if s["city"].strip():
                cities.add(s["city"].strip().lower())
            for hit in s["indicators"]:
                ads_by_code.setdefault(hit["code"], set()).add(s["ad_id"])
                category[hit["code"]] = hit["category"]
            for d in s["decisions"]:
                if d["decision"] in decisions:
                    decisions[d["decision"]].add(s["ad_id"])
        elif s["kind"] == "enrichment" and not s["no_information"]:
            enrichments += 1
    counts = {code: (category[code], len(ids)) for code, ids in ads_by_code.items()}
    return counts, {"cities": len(cities), "ads": len(ads), "confirmed_reviews": len(decisions["confirm"]),
                    "urgent_reviews": len(decisions["urgent"]), "enrichments": enrichments}


def tally(session: Session, dossier_id: int) -> dict[str, Any]:
    return tally_of(stacked_signals(session, dossier_id))


def tally_of(signals: list[dict[str, Any]]) -> dict[str, Any]:
    """The points tally of signals already gathered (a page showing both gathers them once)."""
    return tally_signals(*measures_of(signals))


def history(session: Session, dossier_id: int) -> list[Classification]:
    return list(session.execute(select(Classification).where(Classification.dossier_id == int(dossier_id))
                                .order_by(Classification.id)).scalars())


def classify(session: Session, user: User | str, dossier_id: int, colour: str, reason: str,
             below_minimum_reason: str = "") -> Classification:
    """Set the dossier's colour. Keeps who, when, why, the move (up/down) and the points shown.

    A colour below the minimum that the stacked signals set (scheme ``minimum_colour``, e.g. oranje for
    a stated age under 18) needs its own reason, `below_minimum_reason`; it is kept and audited.
    """
    dossier, acting = _dossier(session, user, dossier_id, "dossier.classify")
    if colour not in COLOURS:
        raise DossierError(f"unknown colour {colour!r}; choose one of {', '.join(COLOURS)}")
    if not reason.strip():
        raise DossierError("a classification needs a reason")
    previous = history(session, dossier.id)
    before = previous[-1].colour if previous else None
    if before is None:
        direction = "initial"
    else:
        step = colour_rank(colour) - colour_rank(before)
        direction = "up" if step > 0 else "down" if step < 0 else "same"
    points = tally(session, dossier.id)
    if below_minimum(colour, points):
        if not below_minimum_reason.strip():
            raise DossierError(f"{colour} is below the minimum {points['minimum_colour']} for the stacked signals "
                               f"({', '.join(points['minimum_because'])}); give a reason for going below it")
        points = dict(points, below_minimum_reason=below_minimum_reason.strip())
    row = Classification(dossier_id=dossier.id, colour=colour, previous_colour=before, direction=direction,
                         reason=reason.strip(), suggested_colour=points["suggested_colour"],
                         points_total=points["total"], tally=points, decided_by=acting.username)
    session.add(row)
    session.flush()
    audit.record(session, acting.username, "dossier.classify", "dossier", dossier.id, colour=colour,
                 previous=before, direction=direction, suggested=points["suggested_colour"],
                 total=points["total"], reason=row.reason,
                 **({"below_minimum": points["minimum_colour"], "below_minimum_reason": points["below_minimum_reason"]}
                    if "below_minimum_reason" in points else {}))
    return row
