"""Kernel commands: `db upgrade|backup|restore`, `settings show`, `users add|signout`, `audit verify|checkpoint`, `ads dump`."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import Annotated

import typer

from core.commandline import AS_USER, acting_user, fail

app = typer.Typer(add_completion=False)


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
    from core.ads_dump import dump_lines
    from core.db import session_scope
    from core.migrate import upgrade

    upgrade()
    with session_scope() as s:
        for line in dump_lines(s):
            typer.echo(line)

@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the newest schema."""
    from core.migrate import upgrade
    from core.settings import get_settings

    upgrade()
    shown = dict((name, value) for name, value, _ in get_settings().as_rows())  # secrets masked
    typer.echo(f"database at newest schema: {shown['database_url'] or 'embedded SQLite'}")

settings_app = typer.Typer(help="Settings with their values and help text.", invoke_without_command=True)
app.add_typer(settings_app, name="settings")


@settings_app.callback()
def _settings_default(ctx: typer.Context) -> None:
    """Show every setting (same as `settings show`)."""
    if ctx.invoked_subcommand is None:
        show_settings(as_json=False)


@settings_app.command("show")
def show_settings(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Show every setting with its current value and help text."""
    from core.settings import SettingsError, get_settings

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
    as_user: str = AS_USER,
) -> None:
    """Add a local account (password stored as an argon2 hash)."""
    from core.db import session_scope
    from core.migrate import upgrade
    from core.users import UserError, add_user

    actor = acting_user(as_user)
    upgrade()
    if not password:
        password = getpass.getpass("password: ")
    try:
        with session_scope() as s:
            add_user(s, username, password, role=role, team=team, actor=actor)
    except UserError as exc:
        fail(str(exc), 2)
    typer.echo(f"user {username} added ({role}, team {team})")


@users_app.command("signout")
def users_signout(username: str, as_user: str = AS_USER) -> None:
    """Sign an account out everywhere: revoke all its workbench sessions (each revocation audited)."""
    from sqlalchemy import select

    from core import sessions
    from core.db import session_scope
    from core.migrate import upgrade
    from core.schema import User

    actor = acting_user(as_user)
    upgrade()
    with session_scope() as s:
        user = s.execute(select(User).where(User.username == username.strip())).scalar()
        if user is None:
            fail(f"no user {username!r}", 2)
        ended = sessions.revoke_all(s, user, actor)
    typer.echo(f"user {username}: {ended} session(s) ended")

@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit chain, then the database against the newest signed checkpoint (a cut tail)."""
    from core.audit import verify_chain
    from core.checkpoints import verify_against_checkpoint
    from core.db import session_scope
    from core.keys import SigningError
    from core.migrate import upgrade
    from core.settings import get_settings

    upgrade()
    try:
        with session_scope() as s:
            report = verify_chain(s)
            against = verify_against_checkpoint(s, get_settings()) if report.ok else None
    except SigningError as exc:
        fail(str(exc), 2)
    if not report.ok:
        fail(f"audit chain broken at entry {report.first_bad_id}: {report.problem}")
    assert against is not None
    if not against.ok:
        fail(f"audit log does not match its checkpoint: {against.message}")
    typer.echo(f"audit chain intact: {report.entries} entries; {against.message}")


@audit_app.command("checkpoint")
def audit_checkpoint() -> None:
    """Sign the audit chain's head and append it to <data_dir>/audit-checkpoints.jsonl."""
    from core.checkpoints import write_checkpoint
    from core.db import session_scope
    from core.keys import SigningError
    from core.migrate import upgrade
    from core.settings import get_settings

    upgrade()
    try:
        with session_scope() as s:
            cp = write_checkpoint(s, get_settings(), reason="on demand")
    except (SigningError, OSError) as exc:
        fail(str(exc), 2)
    typer.echo(f"checkpoint written: {cp['entries']} entries, head {cp['hash'][:16]}…, key {cp['key_fingerprint'][:16]}…")


@db_app.command("backup")
def backup_cmd(out: Annotated[Path, typer.Argument(help="Backup file to write (must not exist).")]) -> None:
    """Copy the whole database to OUT while others keep working (SQLite online backup, or pg_dump -Fc)."""
    from core.backup import BackupError, backup
    from core.settings import get_settings

    try:
        info = backup(get_settings(), out)
    except BackupError as exc:
        fail(str(exc), 2)
    typer.echo(f"backup written: {out} ({info})")


@db_app.command("restore")
def restore_cmd(
    source: Annotated[Path, typer.Argument(help="Backup file made by `signalstack db backup`.")],
    force: bool = typer.Option(False, "--force", help="Overwrite a database that already holds data."),
) -> None:
    """Restore a backup into the configured database; refuses a non-empty one unless --force."""
    from core.backup import BackupError, restore
    from core.settings import get_settings

    try:
        report = restore(get_settings(), source, force=force)
    except BackupError as exc:
        fail(str(exc), 2)
    typer.echo(f"restored from {source}; audit chain intact: {report.entries} entries")
