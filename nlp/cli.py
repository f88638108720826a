"""`signalstack extract` (JSON Lines in and out, no database) and `signalstack analyse` (stored ads)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from signalstack.cli import fail

OPTIONAL_STRING_FIELDS = ("title", "lang", "country")


def extract_line(numbered: tuple[int, str]) -> str:
    """One input line to one output line: the contract fields, or {"line": N, "error": ...}."""
    number, line = numbered
    try:
        return json.dumps(_extract_record(line), ensure_ascii=False)
    except ValueError as exc:
        return json.dumps({"line": number, "error": str(exc)}, ensure_ascii=False)


def _extract_record(line: str) -> dict[str, Any]:
    import phonenumbers

    from nlp.extract import extract

    if not line.strip():
        raise ValueError("empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    if "id" not in record:
        raise ValueError("missing field 'id'")
    if not isinstance(record.get("text"), str):
        raise ValueError("field 'text' must be a string")
    for name in OPTIONAL_STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ValueError(f"field {name!r} must be a string")
    country = (record.get("country") or "NL").upper()
    if country not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown country {record['country']!r} (expected an ISO 3166 code such as NL)")
    result = extract(record["text"], title=record.get("title") or None, lang=record.get("lang"), country=country)
    return {"id": record["id"], **result.contract()}


def _warm_up() -> None:
    from nlp.extract import extract

    extract("warm up", country="NL")


def extracted_lines(lines: Iterable[str], jobs: int = 1) -> Iterator[str]:
    """Output lines in input order; with jobs > 1 the work is spread over that many processes."""
    numbered = ((n, line.rstrip("\r\n")) for n, line in enumerate(lines, start=1))
    if jobs <= 1:
        yield from map(extract_line, numbered)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs, initializer=_warm_up) as pool:
        yield from pool.imap(extract_line, numbered, chunksize=64)


def _open_input(path: Path | None) -> IO[str]:
    if path is None or str(path) == "-":
        return sys.stdin
    try:
        return path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", 2)
        raise  # unreachable; fail() exits


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        input_path: Annotated[
            Path | None, typer.Argument(metavar="[INPUT]", help="JSON Lines file; stdin when absent or '-'.")
        ] = None,
        out: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
        jobs: int = typer.Option(1, "--jobs", min=1, max=64, help="Worker processes (output order is kept)."),
    ) -> None:
        """Extract phones, e-mails, handles, ages, indicators and risk from ads as JSON Lines (no database).

        Each input line is an object with "id" and "text", and optionally "title", "lang" and
        "country" (ISO 3166, default NL). Each output line has id, lang, phones, phones_obfuscated,
        emails, handles, ages, indicators and risk; a bad line gives {"line": N, "error": ...}.
        """
        source = _open_input(input_path)
        try:
            target = out.open("w", encoding="utf-8") if out else sys.stdout
        except OSError as exc:
            fail(f"cannot write {out}: {exc.strerror}", 2)
        try:
            for line in extracted_lines(source, jobs):
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
    ) -> None:
        """Analyse stored ad versions: entities, indicator hits and a rule score (one transaction per batch)."""
        from sqlalchemy.exc import SQLAlchemyError

        from nlp.analyse import analyse_pending
        from signalstack.migrate import upgrade
        from signalstack.settings import SettingsError, get_settings

        try:
            settings = get_settings()
            upgrade(settings)
            counts = analyse_pending(settings, batch=batch, reanalyse=reanalyse)
        except SettingsError as exc:
            fail(str(exc), 2)
        except SQLAlchemyError as exc:
            fail(f"database error: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", 1)
        typer.echo(f"analysed {counts.analysed} ad versions, flagged {counts.flagged}")
