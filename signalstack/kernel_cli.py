"""Kernel commands: database, settings, users, audit."""

from __future__ import annotations

import getpass
import json

import typer

from signalstack.cli import fail


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
    users_app = typer.Typer(help="Local user accounts.", no_args_is_help=True)
    audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
    app.add_typer(db_app, name="db")
    app.add_typer(users_app, name="users")
    app.add_typer(audit_app, name="audit")
    ads_app = typer.Typer(help="Stored ads.", no_args_is_help=True)
    app.add_typer(ads_app, name="ads")

    @ads_app.command("dump")
    def ads_dump() -> None:
        """Write stored ads (current version) with extracted fields, risk and clusters as JSON Lines."""
        from signalstack.ads_dump import dump_lines
        from signalstack.db import session_scope
        from signalstack.migrate import upgrade

        upgrade()
        with session_scope() as s:
            for line in dump_lines(s):
                typer.echo(line)

    @db_app.command("upgrade")
    def db_upgrade() -> None:
        """Create or migrate the database to the newest schema."""
        from signalstack.migrate import upgrade
        from signalstack.settings import get_settings

        upgrade()
        shown = dict((name, value) for name, value, _ in get_settings().as_rows())  # secrets masked
        typer.echo(f"database at newest schema: {shown['database_url'] or 'embedded SQLite'}")

    @app.command("settings")
    def show_settings(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
        """Show every setting with its current value and help text."""
        from signalstack.settings import SettingsError, get_settings

        try:
            rows = get_settings().as_rows()
        except SettingsError as exc:
            fail(str(exc), 2)
        if as_json:
            typer.echo(json.dumps({n: v for n, v, _ in rows}, default=str))
            return
        for name, value, help_text in rows:
            typer.echo(f"{name:24} {value!s:40} {help_text}")

    @users_app.command("add")
    def users_add(
        username: str,
        role: str = typer.Option("analyst", help="analyst | coordinator | auditor | admin"),
        team: str = typer.Option("default", help="Team whose cases the user may see."),
        password: str = typer.Option("", help="Password; asked for when not given.", envvar="SIGNALSTACK_NEW_PASSWORD"),
    ) -> None:
        """Add a local account (password stored as an argon2 hash)."""
        from signalstack.db import session_scope
        from signalstack.migrate import upgrade
        from signalstack.users import UserError, add_user

        upgrade()
        if not password:
            password = getpass.getpass("password: ")
        try:
            with session_scope() as s:
                add_user(s, username, password, role=role, team=team)
        except UserError as exc:
            fail(str(exc), 2)
        typer.echo(f"user {username} added ({role}, team {team})")

    @audit_app.command("verify")
    def audit_verify() -> None:
        """Check the audit chain; names the first edited, deleted or re-ordered entry."""
        from signalstack.audit import verify_chain
        from signalstack.db import session_scope
        from signalstack.migrate import upgrade

        upgrade()
        with session_scope() as s:
            report = verify_chain(s)
        if not report.ok:
            fail(f"audit chain broken at entry {report.first_bad_id}: {report.problem}")
        typer.echo(f"audit chain intact: {report.entries} entries")
