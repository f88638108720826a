"""Crawler commands: ``crawl``, ``crawls list``, ``capture show``, ``sites list`` / ``sites check``."""

from __future__ import annotations

import json
import sys

import typer

from core.commandline import AS_USER, acting_user, fail

app = typer.Typer(add_completion=False)
crawls_app = typer.Typer(help="Crawl jobs: who crawled what, when, why and on which legal ground.",
                         no_args_is_help=True)
app.add_typer(crawls_app, name="crawls")


@crawls_app.command("list")
def list_jobs(as_json: bool = typer.Option(False, "--json", help="One JSON object per job.")) -> None:
    """List crawl jobs."""
    from sqlalchemy import select

    from core.db import session_scope
    from core.migrate import upgrade
    from core.schema import CrawlJob

    upgrade()
    with session_scope() as session:
        jobs = session.execute(select(CrawlJob).order_by(CrawlJob.id)).scalars().all()
        rows = [{"id": j.id, "site": j.site.name, "status": j.status, "started_by": j.started_by,
                 "started_at": j.started_at.isoformat(timespec="seconds"),
                 "finished_at": j.finished_at.isoformat(timespec="seconds") if j.finished_at else None,
                 "pages": j.pages, "items": j.items, "errors": j.errors, "bytes": j.bytes,
                 "purpose": j.purpose, "legal_basis": j.legal_basis, "software": j.software_version}
                for j in jobs]
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row))
        return
    if not rows:
        typer.echo("no crawl jobs yet")
    for r in rows:
        typer.echo(f"{r['id']:>4}  {r['site']:10} {r['status']:11} {r['started_at']}  {r['pages']:>6} pages "
                   f"{r['items']:>6} ads {r['errors']:>4} errors  by {r['started_by']}: {r['purpose']} "
                   f"[{r['legal_basis']}]")



capture_app = typer.Typer(help="Stored captures (WARC evidence).", no_args_is_help=True)
sites_app = typer.Typer(help="Site adapters (crawlers/sites/*.yaml).", no_args_is_help=True)
app.add_typer(capture_app, name="capture")
app.add_typer(sites_app, name="sites")

@app.command("crawl")
def crawl(
    site: str = typer.Argument(None, help="Site adapter name (see `signalstack sites list`)."),
    purpose: str = typer.Option("", help="Why these ads are collected (required; recorded)."),
    legal_basis: str = typer.Option("", help="Legal ground for the collection (required; recorded)."),
    base_url: str = typer.Option("", help="Base URL of the site (default: the adapter's, or the demo site)."),
    resume: bool = typer.Option(False, "--resume", help="Continue this site's interrupted crawl."),
    as_user: str = AS_USER,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON line."),
) -> None:
    """Crawl one site into the evidence store (needs --purpose and --legal-basis)."""
    if not site:
        fail("name a site to crawl (see `signalstack sites list`)", 2)
    actor = acting_user(as_user)
    from sqlalchemy.exc import SQLAlchemyError

    from crawlers.adapters import AdapterError, load_adapter
    from crawlers.run import CrawlRefused, check_base_url, check_request, run_crawl, summary_json

    try:
        check_request(purpose, legal_basis)  # before anything is written, even the schema
        load_adapter(site)
        if base_url:
            check_base_url(base_url)
    except (CrawlRefused, AdapterError) as exc:
        fail(str(exc), 2)
    from core.migrate import upgrade

    try:
        upgrade()
        summary = run_crawl(site, purpose, legal_basis, actor, base_url or None, resume)
    except CrawlRefused as exc:
        fail(str(exc), 2)
    except SQLAlchemyError as exc:
        fail(f"database error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", 1)
    if as_json:
        typer.echo(summary_json(summary))
    else:
        typer.echo(f"crawl job {summary.job_id} of {site}: {summary.status}; {summary.pages} pages, "
                   f"{summary.items} ads stored ({summary.ads_new} new, {summary.ads_changed} changed, "
                   f"{summary.ads_unchanged} unchanged), {summary.ads_removed} marked removed, "
                   f"{summary.errors} errors, {summary.bytes / 1e6:.1f} MB")
        if summary.unmapped:
            typer.echo("fields the adapter does not map (kept in captures.unmapped): "
                       + ", ".join(f"{k} ×{v}" for k, v in sorted(summary.unmapped.items())))
    if summary.status == "interrupted":
        typer.secho(f"crawl interrupted; continue it with: signalstack crawl {site} --resume ...", err=True)
        raise typer.Exit(3)
    if summary.status == "failed":
        fail(f"crawl job {summary.job_id} failed (see `signalstack crawls list`)", 1)

@capture_app.command("show")
def capture_show(
    capture_id: int,
    raw: bool = typer.Option(False, "--raw", help="Body exactly as received (still content-encoded)."),
    as_user: str = AS_USER,
) -> None:
    """Replay a stored response from its WARC record: status line, headers, then the body (audited)."""
    actor = acting_user(as_user)
    import hashlib

    from core import audit
    from core.db import session_scope
    from core.migrate import upgrade
    from core.schema import Capture
    from core.settings import get_settings
    from crawlers.capture import read_response

    upgrade()
    settings = get_settings()
    with session_scope() as session:
        capture = session.get(Capture, capture_id)
        if capture is None:
            fail(f"no capture {capture_id}", 2)
        if not capture.warc_file or capture.warc_offset is None:
            fail(f"capture {capture_id} was made with WARC capture off; only its digest is stored", 2)
        audit.record(session, actor, "capture.show", "capture", capture_id)
        warc_file, offset, expected = capture.warc_file, capture.warc_offset, capture.sha256
    path = settings.warc_path(warc_file)
    if not path.is_file():
        fail(f"WARC file {path} is missing", 1)
    try:
        record = read_response(path, offset)
    except (ValueError, OSError) as exc:
        fail(f"cannot read the WARC record: {exc}", 1)
    payload = record.raw_stream.read()
    if hashlib.sha256(payload).hexdigest() != expected:
        fail(f"payload digest does not match capture {capture_id}: the WARC file was altered", 1)
    typer.echo(f"WARC-Record-ID: {record.rec_headers.get_header('WARC-Record-ID')}", err=True)
    typer.echo(f"WARC-Target-URI: {record.rec_headers.get_header('WARC-Target-URI')}", err=True)
    typer.echo(f"WARC-Date: {record.rec_headers.get_header('WARC-Date')}", err=True)
    sys.stdout.write(record.http_headers.to_str())
    sys.stdout.flush()
    body = payload
    encoding = (record.http_headers.get_header("Content-Encoding") or "").lower()
    if not raw and encoding in ("gzip", "x-gzip", "deflate"):
        import zlib

        body = zlib.decompress(payload, 47 if "gzip" in encoding else zlib.MAX_WBITS)
    sys.stdout.buffer.write(body)
    sys.stdout.buffer.flush()

@sites_app.command("list")
def sites_list() -> None:
    """List the site adapters."""
    from crawlers.adapters import load_adapter, site_names

    for name in site_names():
        typer.echo(f"{name:12} {load_adapter(name).description}")

@sites_app.command("check")
def sites_check(
    site: str,
    pages: str = typer.Option("", help="Folder of saved pages (default tests/data/SITE)."),
) -> None:
    """Run an adapter offline against saved pages; report each field found or missing."""
    from pathlib import Path

    from crawlers.adapters import AdapterError
    from crawlers.check import check_site

    try:
        reports = check_site(site, Path(pages) if pages else None)
    except AdapterError as exc:
        fail(str(exc), 2)
    if not reports:
        fail(f"no saved pages for {site} (listing*.html, *.json, detail*.html)", 2)
    for report in reports:
        typer.echo(f"{report.path.name} ({report.kind}): {'ok' if report.ok else 'PROBLEMS'}")
        for key, value in report.found.items():
            typer.echo(f"  found    {key:28} {value}")
        for key in report.missing:
            typer.echo(f"  missing  {key}")
        for problem in report.problems:
            typer.echo(f"  problem  {problem}")
    if not all(r.ok for r in reports):
        raise typer.Exit(1)


if __name__ == "__main__":  # crawlers.run starts each crawl in a child process through this
    app()
