"""`signalstack case ...`: build cases, export and verify evidence bundles, import partner bundles,
draft platform requests. Commands act as a named user (``--as``, else the ``user`` setting /
``SIGNALSTACK_USER``); the permission matrix applies as in the workbench."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from core.commandline import AS_USER, acting_user, fail


def _errors() -> tuple[type[Exception], ...]:
    from casefiles.bundle import BundleError
    from casefiles.cases import CaseError
    from casefiles.dossiers import DossierError
    from casefiles.importer import ImportRefused
    from casefiles.signing import SigningError
    from core.permissions import PermissionDenied

    return (CaseError, DossierError, BundleError, ImportRefused, SigningError, PermissionDenied)




app = typer.Typer(add_completion=False)


case_app = typer.Typer(help="Cases and evidence bundles.", no_args_is_help=True)
app.add_typer(case_app, name="case")

@case_app.command("create")
def create(title: str = typer.Option(..., "--title", help="Short title of the case."),
           team: str = typer.Option(..., "--team", help="Team that owns the case."),
           as_user: str = AS_USER) -> None:
    """Open a case for a team."""
    from casefiles.cases import create_case
    from core.db import session_scope
    from core.migrate import upgrade

    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            case = create_case(s, title, team, actor)
            number, case_id = case.number, case.id
    except _errors() as exc:
        fail(str(exc), 2)
    typer.echo(f"{number} (id {case_id}) created for team {team}")

@case_app.command("add")
def add(case: str = typer.Argument(..., help="Case number (SS-2026-0001) or id."),
        ad: int | None = typer.Option(None, "--ad", help="Id of a reviewed and confirmed ad."),
        dossier: int | None = typer.Option(None, "--dossier", help="Id of a dossier."),
        as_user: str = AS_USER) -> None:
    """Stack a confirmed ad or a dossier in a case."""
    from casefiles.cases import add_ad, add_dossier, get_case
    from core.db import session_scope
    from core.migrate import upgrade

    if (ad is None) == (dossier is None):
        fail("give exactly one of --ad or --dossier", 2)
    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            found = get_case(s, case)
            signal = add_ad(s, found, ad, actor) if ad is not None else add_dossier(s, found, dossier, actor)
            what, number, signal_id = f"ad {ad}" if ad is not None else f"dossier {dossier}", found.number, signal.id
    except _errors() as exc:
        fail(str(exc), 2)
    typer.echo(f"{what} stacked in {number} (signal {signal_id})")

@case_app.command("list")
def list_(as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
          as_user: str = AS_USER) -> None:
    """The cases of your team."""
    from casefiles.cases import list_cases
    from core import audit
    from core.db import session_scope
    from core.migrate import upgrade

    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            rows = [{"id": c.id, "number": c.number, "title": c.title, "team": c.team, "status": c.status,
                     "signals": len(c.signals), "created_by": c.created_by, "created_at": c.created_at.isoformat()}
                    for c in list_cases(s, user=actor)]
            audit.record(s, actor, "case.list", "case", "", count=len(rows))
    except _errors() as exc:
        fail(str(exc), 2)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for r in rows:
        typer.echo(f"{r['number']:16} {r['status']:7} {r['signals']:4} signals  {r['team']:12} {r['title']}")

@case_app.command("export")
def export(case: Annotated[str, typer.Argument(help="Case number or id.")],
           out: Annotated[Path, typer.Option("--out", help="Bundle path: a folder, or a .zip file.")],
           as_user: str = AS_USER) -> None:
    """Export a signed BagIt evidence bundle of the case (audited)."""
    from casefiles.bundle import export_case
    from core.db import session_scope
    from core.migrate import upgrade
    from core.settings import get_settings

    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            result = export_case(s, get_settings(), actor, case, out)
    except _errors() as exc:
        fail(str(exc), 2)
    typer.echo(f"{result.case_number}: {result.signals} signals, {result.captures} captures, "
               f"{result.files} files -> {result.path}")
    typer.echo(f"signing key fingerprint (sha256): {result.key_fingerprint}")
    if result.pdf_note:
        typer.echo(f"no PDF report: {result.pdf_note}", err=True)

@case_app.command("verify")
def verify(path: Annotated[Path, typer.Argument(help="Bundle folder or .zip.")]) -> None:
    """Check a bundle: completeness, every digest, the signatures, the WARC payload digests."""
    from casefiles.verify import verify_bundle

    result = verify_bundle(path)
    for problem in result.problems:
        typer.secho(f"FAIL {problem}", fg=typer.colors.RED, err=True)
    if not result.ok:
        fail(f"{path}: {len(result.problems)} problems; do not rely on this bundle", 1)
    typer.echo(f"{path}: OK ({result.files} files; case {result.info.get('External-Identifier', '?')} "
               f"from {result.info.get('Source-Organization', '?')})")
    typer.echo(f"signed with key fingerprint (sha256) {result.key_fingerprint}; compare it with the sender's")
    if result.audit_checkpoint:
        typer.echo(f"audit checkpoint (signed): {result.audit_checkpoint}")

@case_app.command("import")
def import_(case: Annotated[str, typer.Argument(help="Case number or id.")],
            bundle: Annotated[Path, typer.Argument(help="Partner bundle folder or .zip.")],
            dossier: int | None = typer.Option(None, "--dossier", help="Also add the notes to this dossier."),
            as_user: str = AS_USER) -> None:
    """Add a verified partner bundle to a case as enrichment."""
    from casefiles.importer import import_bundle
    from core.db import session_scope
    from core.migrate import upgrade
    from core.settings import get_settings

    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            result = import_bundle(s, get_settings(), actor, case, bundle, dossier)
    except _errors() as exc:
        fail(str(exc), 2)
    typer.echo(f"{result.notes} enrichment notes from {result.partner} added to {result.case_number}")

@case_app.command("request")
def request(case: Annotated[str, typer.Argument(help="Case number or id.")],
            platform: Annotated[str, typer.Option("--platform", help="Site name as stored (e.g. classic).")],
            out: Annotated[Path, typer.Option("--out", help="Letter path (.html; a .pdf is written beside it).")],
            legal_basis: str = typer.Option("", "--legal-basis", help="Legal basis to state in the letter."),
            as_user: str = AS_USER) -> None:
    """Draft a data request to a platform for the case's ads (HON protocol step 3)."""
    from casefiles.request import platform_request
    from core.db import session_scope
    from core.migrate import upgrade
    from core.settings import get_settings

    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            result = platform_request(s, get_settings(), actor, case, platform, out, legal_basis)
    except _errors() as exc:
        fail(str(exc), 2)
    typer.echo(f"request for {result.ads} ads written to {result.html_path}"
               + (f" and {result.pdf_path}" if result.pdf_path else ""))
    if result.pdf_note:
        typer.echo(f"no PDF: {result.pdf_note}", err=True)


retention_app = typer.Typer(help="Retention of ads, captures and images (settings retention_*_days).",
                            no_args_is_help=True)
app.add_typer(retention_app, name="retention")
privacy_app = typer.Typer(help="Reports for the data-protection officer.", no_args_is_help=True)
app.add_typer(privacy_app, name="privacy")


@retention_app.command("purge")
def purge_cmd(
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would go; change nothing."),
    as_user: str = AS_USER,
) -> None:
    """Delete or pseudonymise data past its retention (settings retention_*_days); never case material."""
    from casefiles.retention import purge, remove_files
    from core.db import session_scope
    from core.migrate import upgrade
    from core.settings import get_settings

    actor = acting_user(as_user)
    settings = get_settings()
    upgrade(settings)
    with session_scope(settings) as s:
        result = purge(s, settings, actor, dry_run=dry_run)
    removed = 0 if dry_run else remove_files(result.files_to_remove)
    verb = "would purge" if dry_run else "purged"
    typer.echo(f"{verb}: " + ", ".join(f"{k} {v}" for k, v in result.counts.items())
               + f"; {result.protected_ads} ads protected by cases or dossiers"
               + ("" if dry_run else f"; {removed} files removed"))


@privacy_app.command("report")
def privacy_report_cmd(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Personal data held, by category (counts only), with legal bases and what is due for purge."""
    from casefiles.retention import purge
    from core.db import session_scope
    from core.migrate import upgrade
    from core.privacy import privacy_report, report_lines
    from core.settings import get_settings

    settings = get_settings()
    upgrade(settings)
    with session_scope(settings) as s:
        due = purge(s, settings, actor="system:privacy-report", dry_run=True)
        report = privacy_report(s, settings, due)
    if as_json:
        typer.echo(json.dumps(report, default=str, sort_keys=True))
        return
    for line in report_lines(report):
        typer.echo(line)


watches_app = typer.Typer(help="Watchlists: watch a phone, e-mail, handle, photo or phrase; alerts on new ads.",
                          no_args_is_help=True)
app.add_typer(watches_app, name="watches")


@watches_app.command("add")
def watches_add(kind: str = typer.Argument(..., help="phone, email, handle, photo (pHash) or text."),
                value: str = typer.Argument(..., help="What to watch, as written."),
                reason: str = typer.Option(..., "--reason", help="Why the team watches it."),
                days: int = typer.Option(180, "--days", help="Days until the watch expires (at most 366)."),
                review_days: int = typer.Option(30, "--review-days", help="Days until the watch is reviewed."),
                as_user: str = AS_USER) -> None:
    """Watch something for the acting user's team."""
    from datetime import timedelta

    from casefiles.watches import create_watch
    from core.db import session_scope
    from core.migrate import upgrade
    from core.schema import utcnow
    from core.settings import get_settings

    actor = acting_user(as_user)
    settings = get_settings()
    upgrade(settings)
    now = utcnow()
    try:
        with session_scope(settings) as s:
            watch = create_watch(s, actor, kind, value, reason, review_at=now + timedelta(days=min(review_days, days)),
                                 expires_at=now + timedelta(days=days), country=settings.default_country)
            typer.echo(f"watch {watch.id}: {watch.kind} {watch.value} (team {watch.team}, review "
                       f"{watch.review_at:%Y-%m-%d}, expires {watch.expires_at:%Y-%m-%d})")
    except _errors() as exc:
        fail(str(exc))


@watches_app.command("list")
def watches_list(as_user: str = AS_USER) -> None:
    """The team's active watches and open alerts."""
    from casefiles.watches import list_alerts, list_watches
    from core.db import session_scope
    from core.migrate import upgrade

    actor = acting_user(as_user)
    upgrade()
    try:
        with session_scope() as s:
            for w in list_watches(s, actor):
                typer.echo(f"watch {w.id}: {w.kind} {w.value} · {w.owner} · review {w.review_at:%Y-%m-%d} · "
                           f"expires {w.expires_at:%Y-%m-%d} · {w.reason}")
            for a in list_alerts(s, actor):
                typer.echo(f"alert {a.id}: watch {a.watch_id} · ad {a.ad_id} · {a.reason}")
    except _errors() as exc:
        fail(str(exc))


@watches_app.command("match")
def watches_match() -> None:
    """Raise alerts for ad versions analysed since the last match (run after `signalstack analyse`)."""
    from dataclasses import asdict

    from casefiles.watches import match_new
    from core.db import session_scope
    from core.migrate import upgrade

    upgrade()
    with session_scope() as s:
        result = match_new(s)
    typer.echo(json.dumps(asdict(result)))
