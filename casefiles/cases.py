"""Cases and their stacked signals. Every change is audited (chain of custody)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefiles.review import latest_decision
from signalstack import audit
from signalstack.schema import Ad, Case, CaseSignal, utcnow


class CaseError(ValueError):
    pass


def _next_number(session: Session) -> str:
    year = utcnow().year
    count = session.execute(select(func.count(Case.id)).where(Case.number.like(f"SS-{year}-%"))).scalar()
    return f"SS-{year}-{count + 1:04d}"


def create_case(session: Session, title: str, team: str, actor: str) -> Case:
    if not title.strip():
        raise CaseError("a case needs a title")
    case = Case(number=_next_number(session), title=title.strip(), team=team, created_by=actor)
    session.add(case)
    session.flush()
    audit.record(session, actor, "case.create", "case", case.id, number=case.number, title=case.title, team=team)
    return case


def get_case(session: Session, case_ref: str | int) -> Case:
    """A case by id or by number (SS-2026-0001); CaseError when there is none."""
    ref = str(case_ref).strip()
    case = session.get(Case, int(ref)) if ref.isdigit() else session.execute(
        select(Case).where(Case.number == ref)).scalar()
    if case is None:
        raise CaseError(f"no case {ref!r}")
    return case


def add_ad(session: Session, case: Case, ad_id: int, actor: str, note: str = "") -> CaseSignal:
    """Stack the ad's current version in the case. Only a human-confirmed ad may enter a case."""
    ad = session.get(Ad, ad_id)
    if ad is None:
        raise CaseError(f"no ad with id {ad_id}")
    decision = latest_decision(session, ad_id)
    if decision is None or decision.decision not in ("confirm", "urgent"):
        raise CaseError(f"ad {ad_id} has not been confirmed by a reviewer; review it before adding it")
    version = ad.current
    existing = session.execute(select(CaseSignal).where(
        CaseSignal.case_id == case.id, CaseSignal.ad_version_id == version.id, CaseSignal.kind == "ad")).scalar()
    if existing is not None:
        return existing
    signal = CaseSignal(case_id=case.id, kind="ad", ad_id=ad.id, ad_version_id=version.id,
                        decision_id=decision.id, note=note, source=ad.url, added_by=actor)
    session.add(signal)
    session.flush()
    audit.record(session, actor, "case.add_ad", "case", case.id, ad_id=ad.id, version=version.version_no,
                 signal_id=signal.id)
    return signal


def list_cases(session: Session, team: str | None = None) -> list[Case]:
    q = select(Case).order_by(Case.id)
    if team is not None:
        q = q.where(Case.team == team)
    return list(session.execute(q).scalars())
