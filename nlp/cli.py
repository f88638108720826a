"""`signalstack extract` (JSON Lines in and out, no database) and `signalstack analyse` (stored ads)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from core.commandline import AS_USER, acting_user, fail


def _open_input(path: Path | None) -> IO[str]:
    if path is None or str(path) == "-":
        return sys.stdin
    try:
        return path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", 2)


app = typer.Typer(add_completion=False)


@app.command("extract")
def extract_command(
    input_path: Annotated[
        Path | None, typer.Argument(metavar="[INPUT]", help="JSON Lines file; stdin when absent or '-'.")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
    jobs: int = typer.Option(1, "--jobs", min=1, max=64, help="Worker processes (output order is kept)."),
    licences: Annotated[Path | None, typer.Option(
        "--licences", help="Licence register CSV (column `licence`); default: the setting licence_register.",
    )] = None,
) -> None:
    """Extract phones, e-mails, handles, ages, indicators and risk from ads as JSON Lines (no database).

    Each input line is an object with "id" and "text", and optionally "title", "lang" and
    "country" (ISO 3166, default NL). Each output line has id, lang, phones, phones_obfuscated,
    emails, handles, ages, indicators and risk; a bad line gives {"line": N, "error": ...}.
    """
    from core.settings import SettingsError, get_settings
    from nlp.licences import RegisterError, load_register

    try:
        register_path = str(licences) if licences else get_settings().licence_register
        register = load_register(register_path) if register_path else None
    except (RegisterError, SettingsError) as exc:
        fail(str(exc), 2)
    source = _open_input(input_path)
    try:
        target = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}", 2)
    try:
        from nlp.jsonl import extracted_lines

        for line in extracted_lines(source, jobs, register):
            target.write(line + "\n")
        target.flush()
    finally:
        if out:
            target.close()
        if source is not sys.stdin:
            source.close()

@app.command("analyse")
def analyse_command(
    batch: int = typer.Option(500, "--batch", min=1, help="Ad versions per transaction."),
    reanalyse: bool = typer.Option(False, "--reanalyse", help="Analyse every version again, not only new ones."),
    as_user: str = AS_USER,
) -> None:
    """Analyse stored ad versions: entities, indicator hits and a rule score (one transaction per batch)."""
    actor = acting_user(as_user)
    from sqlalchemy.exc import SQLAlchemyError

    from core.migrate import upgrade
    from core.settings import SettingsError, get_settings
    from nlp.analyse import analyse_pending
    from nlp.licences import RegisterError

    try:
        settings = get_settings()
        upgrade(settings)
        counts = analyse_pending(settings, batch=batch, reanalyse=reanalyse, actor=actor)
    except (SettingsError, RegisterError) as exc:
        fail(str(exc), 2)
    except SQLAlchemyError as exc:
        fail(f"database error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", 1)
    typer.echo(f"analysed {counts.analysed} ad versions, flagged {counts.flagged}")
