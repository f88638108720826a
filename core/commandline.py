"""What every command line shares: a clear failure without a traceback, and who is acting.

Stages build their own Typer apps on these helpers; the composition root (``signalstack.cli``)
mounts those apps. Nothing here imports a stage or the root.
"""

from __future__ import annotations

from typing import NoReturn

import typer

AS_USER = typer.Option("", "--as", help="Act as this account (default: the `user` setting / SIGNALSTACK_USER).")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a clear message (no traceback) and exit with `code`."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def acting_user(as_user: str = "") -> str:
    """The one rule for who a writing command acts as: ``--as``, else the ``user`` setting.

    Refused when neither is set: the audit log must name a person, not a login name or 'cli'.
    The demo acts as its demo account and scheduled jobs as ``system:<job>`` (``system_actor``).
    """
    from core.settings import SettingsError, get_settings

    try:
        name = (as_user or get_settings().user or "").strip()
    except SettingsError as exc:
        fail(str(exc), 2)
    if not name:
        fail("no acting user: pass --as USER or set the `user` setting (SIGNALSTACK_USER)", 2)
    return name


def system_actor(job: str) -> str:
    """The actor a scheduled or automatic job records in the audit log."""
    return f"system:{job}"
