"""Cases and their stacked signals. Every change is audited (chain of custody).

Acts take the acting ``User`` or a username (which must name an active account);
the permission matrix (``signalstack/permissions.yaml``) decides, and a refusal is a
``CaseAccessDenied``, which is both a ``CaseError`` and a ``PermissionDenied``.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefiles.actors import UnknownActor, acting_user
from casefiles.review import latest_decision
from core import audit
from core.lookup import not_found_or_not_allowed, parse_id
from core.permissions import PermissionDenied, can
from core.schema import Ad, Case, CaseSignal, Dossier, User, utcnow


class CaseError(ValueError):
    pass


class CaseAccessDenied(CaseError, PermissionDenied):
    pass


def permitted_user(session: Session, actor: User | str, action: str, team: str | None) -> User:
    """The acting user, if the matrix lets them do `action` on `team`'s work; else CaseAccessDenied."""
    try:
        user = acting_user(session, actor)
    except UnknownActor as exc:
        raise CaseAccessDenied(str(exc)) from None
    if not can(user, action, team):
        where = f" on team {team}'s work" if team is not None and team != user.team else ""
        raise CaseAccessDenied(f"{user.username} ({user.role}, team {user.team}) may not {action}{where}")
    return user


def _next_number(session: Session) -> str:
    year = utcnow().year
    count = session.execute(select(func.count(Case.id)).where(Case.number.like(f"SS-{year}-%"))).scalar()
    return f"SS-{year}-{count + 1:04d}"


def create_case(session: Session, title: str, team: str, actor: User | str) -> Case:
    user = permitted_user(session, actor, "case.create", team)
    if not title.strip():
        raise CaseError("a case needs a title")
    case = Case(number=_next_number(session), title=title.strip(), team=team, created_by=user.username)
    session.add(case)
    session.flush()
    audit.record(session, user.username, "case.create", "case", case.id, number=case.number,
                 title=case.title, team=team)
    return case


def get_case(session: Session, case_ref: str | int, user: User | str | None = None) -> Case:
    """A case by id or by number (SS-2026-0001); CaseError when there is none.

    With `user`, also CaseAccessDenied when that user may not view it (another team's case).
    """
    ref = str(case_ref).strip()
    if ref.isdigit():
        ident = parse_id(ref)
        case = session.get(Case, ident) if ident is not None else None
    else:
        case = session.execute(select(Case).where(Case.number == ref)).scalar()
    if case is None:
        raise CaseError(not_found_or_not_allowed("case", repr(ref)))
    if user is not None:
        _visible(session, user, "case.view", case.team, "case", repr(ref))
    return case


def _visible(session: Session, actor: User | str, action: str, team: str, kind: str, ref: object) -> User:
    """Like ``permitted_user``, but another team's object gets the same refusal as a missing one."""
    try:
        user = acting_user(session, actor)
    except UnknownActor as exc:
        raise CaseAccessDenied(str(exc)) from None
    if team != user.team and not can(user, action, team):
        raise CaseAccessDenied(not_found_or_not_allowed(kind, ref))
    return permitted_user(session, user, action, team)


def add_ad(session: Session, case: Case, ad_id: int, actor: User | str, note: str = "") -> CaseSignal:
    """Stack the ad's current version in the case. Only a human-confirmed ad may enter a case."""
    user = permitted_user(session, actor, "case.add", case.team)
    ident = parse_id(ad_id)
    ad = session.get(Ad, ident) if ident is not None else None
    if ad is None:
        raise CaseError(not_found_or_not_allowed("ad", ad_id))
    decision = latest_decision(session, ad_id)
    if decision is None or decision.decision not in ("confirm", "urgent"):
        raise CaseError(f"ad {ad_id} has not been confirmed by a reviewer; review it before adding it")
    version = ad.current
    existing = session.execute(select(CaseSignal).where(
        CaseSignal.case_id == case.id, CaseSignal.ad_version_id == version.id, CaseSignal.kind == "ad")).scalar()
    if existing is not None:
        return existing
    signal = CaseSignal(case_id=case.id, kind="ad", ad_id=ad.id, ad_version_id=version.id,
                        decision_id=decision.id, note=note, source=ad.url, added_by=user.username)
    session.add(signal)
    session.flush()
    audit.record(session, user.username, "case.add_ad", "case", case.id, ad_id=ad.id, version=version.version_no,
                 signal_id=signal.id)
    return signal


def add_dossier(session: Session, case: Case, dossier_id: int, actor: User | str) -> CaseSignal:
    """Stack a dossier (and so every signal it gathers about its subject) in the case."""
    user = permitted_user(session, actor, "case.add", case.team)
    ident = parse_id(dossier_id)
    dossier = session.get(Dossier, ident) if ident is not None else None
    if dossier is None:
        raise CaseError(not_found_or_not_allowed("dossier", dossier_id))
    _visible(session, user, "dossier.view", dossier.team, "dossier", dossier_id)
    existing = session.execute(select(CaseSignal).where(
        CaseSignal.case_id == case.id, CaseSignal.dossier_id == dossier.id, CaseSignal.kind == "dossier")).scalar()
    if existing is not None:
        return existing
    signal = CaseSignal(case_id=case.id, kind="dossier", dossier_id=dossier.id,
                        note=dossier.title or f"{dossier.subject_kind} {dossier.subject}",
                        source=f"dossier {dossier.id}: {dossier.subject_kind} {dossier.subject}",
                        added_by=user.username)
    session.add(signal)
    session.flush()
    audit.record(session, user.username, "case.add_dossier", "case", case.id, dossier_id=dossier.id,
                 signal_id=signal.id)
    return signal


def add_case_note(session: Session, case: Case, text: str, actor: User | str, kind: str = "note",
                  source: str = "") -> CaseSignal:
    """A note or a partner's enrichment on the case itself, with where it came from."""
    if kind not in ("note", "enrichment"):
        raise CaseError(f"unknown note kind {kind!r}; choose note or enrichment")
    user = permitted_user(session, actor, "case.add", case.team)
    if not text.strip():
        raise CaseError("a note needs text")
    signal = CaseSignal(case_id=case.id, kind=kind, note=text.strip(), source=source, added_by=user.username)
    session.add(signal)
    session.flush()
    audit.record(session, user.username, f"case.add_{kind}", "case", case.id, signal_id=signal.id, source=source)
    return signal


def list_cases(session: Session, team: str | None = None, user: User | str | None = None) -> list[Case]:
    """Cases, optionally of one team; with `user`, only the cases of that user's team."""
    q = select(Case).order_by(Case.id)
    if user is not None:
        acting = permitted_user(session, user, "case.view", None)
        team = acting.team
    if team is not None:
        q = q.where(Case.team == team)
    return list(session.execute(q).scalars())


def set_status(session: Session, case: Case, status: str, actor: User | str, reason: str) -> Case:
    """Close or reopen a case (coordinators of its team), with a reason; audited with the status before."""
    user = permitted_user(session, actor, "case.close", case.team)
    if status not in ("open", "closed"):
        raise CaseError(f"unknown status {status!r}; choose open or closed")
    if not reason.strip():
        raise CaseError("closing or reopening a case needs a reason")
    if case.status == status:
        raise CaseError(f"case {case.number} is {status} already")
    before, case.status = case.status, status
    session.flush()
    audit.record(session, user.username, "case.close" if status == "closed" else "case.reopen", "case", case.id,
                 number=case.number, before=before, reason=reason.strip())
    return case


def record_export_check(session: Session, case: Case, actor: User | str, file: str, sha256: str, verified: bool,
                        files: int, problems: list[str]) -> None:
    """Audit the check of an exported bundle (``casefiles.verify``): the export history per case reads these."""
    user = permitted_user(session, actor, "case.export", case.team)
    audit.record(session, user.username, "case.export_checked", "case", case.id, number=case.number, file=file,
                 sha256=sha256, verified=bool(verified), files=int(files), problems=problems[:5])


def export_history(session: Session, case: Case) -> list[dict[str, object]]:
    """Every checked export of `case`, newest first: who, when, file, SHA-256, verified, files."""
    from core.schema import AuditEntry

    rows = session.execute(select(AuditEntry).where(
        AuditEntry.object_type == "case", AuditEntry.object_id == str(case.id),
        AuditEntry.action == "case.export_checked").order_by(AuditEntry.id.desc())).scalars()
    return [{"who": e.actor, "at": e.at, "file": e.detail.get("file", ""), "sha256": e.detail.get("sha256", ""),
             "verified": bool(e.detail.get("verified")), "files": e.detail.get("files", 0)} for e in rows]
