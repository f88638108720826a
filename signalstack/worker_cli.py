"""`signalstack workers start|schedule|status` and `signalstack queue crawl|analyse`."""

from __future__ import annotations

import json

import typer

from core.commandline import AS_USER, acting_user, fail


def _settings_with_broker():
    from core.settings import Settings, SettingsError

    try:
        settings = Settings()
    except SettingsError as exc:
        fail(str(exc), 2)
    if not settings.broker_url:
        fail("no broker_url is set, so tasks run in-process and there is nothing for a worker to take; "
             "set SIGNALSTACK_BROKER_URL (e.g. redis://127.0.0.1:6379/0)", 2)
    return settings


def _check_database(settings) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from core.db import get_engine, session_scope

    try:
        with session_scope(settings) as session:
            session.execute(text("SELECT 1 FROM audit_log LIMIT 1"))
    except SQLAlchemyError as exc:
        fail(f"the database is not reachable or not migrated ({exc.__class__.__name__}); "
             "run `signalstack db upgrade` once before starting workers", 2)
    finally:
        get_engine(settings).dispose()  # the prefork pool forks after this: children open their own


def _status_lines(report: dict) -> list[str]:
    lines = [f"mode: {report['mode']}" + (f" (broker {report['broker']})" if report.get("broker") else "")]
    if report.get("queues") is not None:
        lines.append("queues: " + ", ".join(f"{name} {n}" for name, n in report["queues"].items()))
    if "workers" in report:
        lines.append(f"workers online: {len(report['workers'])}" +
                     (f" ({', '.join(report['workers'])})" if report["workers"] else ""))
    if "pending_versions" in report:
        lines.append(f"ad versions waiting for analysis: {report['pending_versions']}")
    for site, job in sorted(report.get("last_crawl", {}).items()):
        lines.append(f"last successful crawl of {site}: job {job['job_id']} {job['status']} at "
                     f"{job['finished_at']} ({job['items']} ads, {job['errors']} errors)")
    failures = report.get("failures", [])
    lines.append(f"recent failures: {len(failures)}")
    lines += [f"  {f['at']} {f['kind']} {f['what']}: {f['error']}" for f in failures]
    lines += [f"problem: {p}" for p in report["problems"]]
    return lines


app = typer.Typer(add_completion=False)


workers_app = typer.Typer(help="Celery workers and the scheduler (scale-out).", no_args_is_help=True)
app.add_typer(workers_app, name="workers")
queue_app = typer.Typer(help="Hand work to the workers (without a broker it runs here).", no_args_is_help=True)
app.add_typer(queue_app, name="queue")

@workers_app.command("start")
def worker(
    concurrency: int = typer.Option(1, "--concurrency", "-c", min=1, help="Tasks run at the same time."),
    queues: str = typer.Option("crawl,analyse,maintenance", "--queues", "-Q",
                               help="Comma-separated queues to take tasks from."),
    pool: str = typer.Option("prefork", "--pool", help="prefork (processes) or solo (this process)."),
    hostname: str = typer.Option("", "--hostname", "-n", help="Worker name (default celery@<host>)."),
    loglevel: str = typer.Option("INFO", "--loglevel"),
) -> None:
    """Run a Celery worker that crawls, analyses and clusters (needs broker_url)."""
    from signalstack.workers.health import QUEUES

    settings = _settings_with_broker()
    unknown = [q for q in queues.split(",") if q.strip() not in QUEUES]
    if unknown or not queues.strip():
        fail(f"unknown queues {unknown}; choose from {', '.join(QUEUES)}", 2)
    if pool not in ("prefork", "solo"):
        fail("--pool must be prefork or solo", 2)
    _check_database(settings)
    from signalstack.tasks import app as celery_app

    argv = ["worker", f"--concurrency={concurrency}", f"--queues={queues}", f"--pool={pool}",
            f"--loglevel={loglevel}", "--without-gossip", "--without-mingle"]
    if hostname:
        argv.append(f"--hostname={hostname}")
    celery_app.worker_main(argv)

@workers_app.command("schedule")
def scheduler(loglevel: str = typer.Option("INFO", "--loglevel")) -> None:
    """Run Celery beat: monitoring crawls per site from monitor_schedule, plus an analysis sweep."""
    from crawlers.adapters import site_names
    from signalstack.tasks import app as celery_app
    from signalstack.tasks import beat_schedule
    from signalstack.workers.schedule import ScheduleError

    settings = _settings_with_broker()
    try:
        schedule = beat_schedule(settings, set(site_names()))
    except ScheduleError as exc:
        fail(str(exc), 2)
    celery_app.conf.beat_schedule = schedule
    settings.data_path.mkdir(parents=True, exist_ok=True)
    for name, entry in schedule.items():
        typer.echo(f"scheduled {name}: {entry['schedule']}")
    celery_app.Beat(schedule=str(settings.data_path / "celerybeat-schedule"), loglevel=loglevel).run()

@queue_app.command("crawl")
def queue_crawl(
    site: str = typer.Argument(..., help="Site adapter name (crawlers/sites/<name>.yaml)."),
    purpose: str = typer.Option("", "--purpose", help="Why these ads are collected (recorded)."),
    legal_basis: str = typer.Option("", "--legal-basis", help="The legal ground (recorded)."),
    base_url: str = typer.Option(None, "--base-url", help="Override the adapter's base URL."),
    as_user: str = AS_USER,
) -> None:
    """Queue a crawl of SITE (then analysis and clustering); without a broker it runs here."""
    from core.settings import Settings
    from crawlers.adapters import site_names
    from crawlers.run import CrawlRefused, check_request
    from signalstack.tasks import enqueue

    try:
        check_request(purpose, legal_basis)
    except CrawlRefused as exc:
        fail(str(exc), 2)
    if site not in site_names():
        fail(f"no site adapter named {site!r} (known: {', '.join(site_names())})", 2)
    who = acting_user(as_user)
    settings = Settings()
    try:
        result = enqueue(settings, "signalstack.crawl_site", site=site, purpose=purpose, legal_basis=legal_basis,
                         base_url=base_url, actor=who)
    except CrawlRefused as exc:
        fail(str(exc), 1)
    typer.echo(f"queued crawl of {site}: task {result}" if settings.broker_url
               else json.dumps(result, sort_keys=True, default=str))

@queue_app.command("analyse")
def queue_analysis() -> None:
    """Queue analysis of every ad version not analysed yet (then clustering); without a broker it runs here."""
    from core.settings import Settings
    from signalstack.tasks import enqueue

    settings = Settings()
    result = enqueue(settings, "signalstack.dispatch_analysis", then_cluster=True)
    typer.echo(f"queued analysis dispatch: task {result}" if settings.broker_url
               else f"analysed in {result['ranges']} batches of up to {settings.analyse_batch_size}")

@workers_app.command("status")
def status(as_json: bool = typer.Option(False, "--json", help="Print the report as JSON.")) -> None:
    """Queue lengths, workers online, last successful crawl per site, recent failures."""
    from core.settings import Settings, SettingsError
    from signalstack.tasks import health

    try:
        settings = Settings()
    except SettingsError as exc:
        fail(str(exc), 2)
    report = health(settings)
    if as_json:
        typer.echo(json.dumps(report, sort_keys=True))
    else:
        for line in _status_lines(report):
            typer.echo(line)
    if report["problems"]:
        raise typer.Exit(1)
