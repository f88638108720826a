"""Trust commands: `purge` (retention), `privacy report`, `backup`, `restore`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from signalstack.cli import fail

AS_USER = typer.Option("", "--as", help="Actor named in the audit log (default: the `user` setting, else "
                       "'retention').")


def register(app: typer.Typer) -> None:
    privacy_app = typer.Typer(help="Reports for the data-protection officer.", no_args_is_help=True)
    app.add_typer(privacy_app, name="privacy")

    @app.command("purge")
    def purge_cmd(
        dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would go; change nothing."),
        as_user: str = AS_USER,
    ) -> None:
        """Delete or pseudonymise data past its retention (settings retention_*_days); never case material."""
        from signalstack.db import session_scope
        from signalstack.migrate import upgrade
        from signalstack.retention import purge, remove_files
        from signalstack.settings import get_settings

        settings = get_settings()
        upgrade(settings)
        actor = (as_user or settings.user or "retention").strip()
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
        from signalstack.db import session_scope
        from signalstack.migrate import upgrade
        from signalstack.privacy import privacy_report, report_lines
        from signalstack.settings import get_settings

        settings = get_settings()
        upgrade(settings)
        with session_scope(settings) as s:
            report = privacy_report(s, settings)
        if as_json:
            typer.echo(json.dumps(report, default=str, sort_keys=True))
            return
        for line in report_lines(report):
            typer.echo(line)

    @app.command("backup")
    def backup_cmd(out: Annotated[Path, typer.Argument(help="Backup file to write (must not exist).")]) -> None:
        """Copy the whole database to OUT while others keep working (SQLite online backup, or pg_dump -Fc)."""
        from signalstack.backup import BackupError, backup
        from signalstack.settings import get_settings

        try:
            info = backup(get_settings(), out)
        except BackupError as exc:
            fail(str(exc), 2)
        typer.echo(f"backup written: {out} ({info})")

    @app.command("restore")
    def restore_cmd(
        source: Annotated[Path, typer.Argument(help="Backup file made by `signalstack backup`.")],
        force: bool = typer.Option(False, "--force", help="Overwrite a database that already holds data."),
    ) -> None:
        """Restore a backup into the configured database; refuses a non-empty one unless --force."""
        from signalstack.backup import BackupError, restore
        from signalstack.settings import get_settings

        try:
            report = restore(get_settings(), source, force=force)
        except BackupError as exc:
            fail(str(exc), 2)
        typer.echo(f"restored from {source}; audit chain intact: {report.entries} entries")
