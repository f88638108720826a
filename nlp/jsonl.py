"""JSON Lines in, JSON Lines out: the pure part of `signalstack extract` (no database, no CLI)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

OPTIONAL_STRING_FIELDS = ("title", "lang", "country", "site_content")


def read_ad_object(line: str) -> dict[str, Any]:
    """One input line of the ad JSON Lines contract (`extract`, `cluster`) as an object with a valid
    `id`, a string `text` and string-or-null `title`, `lang`, `country`; ValueError says what is wrong."""
    if not line.strip():
        raise ValueError("empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    if "id" not in record:
        raise ValueError("missing 'id'")
    if not isinstance(record["id"], str | int) or isinstance(record["id"], bool):
        raise ValueError("'id' must be a string or an integer")
    if not isinstance(record.get("text"), str):
        raise ValueError("missing 'text'" if "text" not in record else "'text' must be a string")
    for name in OPTIONAL_STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            raise ValueError(f"'{name}' must be a string")
    return record


def extract_line(numbered: tuple[int, str], licence_register: frozenset[str] | None = None) -> str:
    """One input line to one output line: the contract fields, or {"line": N, "error": ...}."""
    number, line = numbered
    try:
        return json.dumps(_extract_record(line, licence_register), ensure_ascii=False)
    except ValueError as exc:
        return json.dumps({"line": number, "error": str(exc)}, ensure_ascii=False)


def _extract_record(line: str, licence_register: frozenset[str] | None = None) -> dict[str, Any]:
    import phonenumbers

    from nlp.extract import extract

    record = read_ad_object(line)
    country = "NL" if record.get("country") is None else record["country"].strip().upper()
    if country in ("", "AUTO"):
        country = "auto"  # no hint: the region of national numbers is inferred from the ad
    elif country not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown country {record['country']!r} (expected an ISO 3166 code such as NL, or \"auto\")")
    content = (record.get("site_content") or "adult").strip().lower()
    if content not in ("adult", "mixed"):
        raise ValueError(f"unknown site_content {record['site_content']!r} (expected \"adult\" or \"mixed\")")
    result = extract(record["text"], title=record.get("title") or None, lang=record.get("lang"), country=country,
                     licence_register=licence_register, site_content=content)
    return {"id": record["id"], **result.contract()}


def _warm_up() -> None:
    from nlp.extract import extract

    extract("warm up", country="NL")


def extracted_lines(lines: Iterable[str], jobs: int = 1,
                    licence_register: frozenset[str] | None = None) -> Iterator[str]:
    """Output lines in input order; with jobs > 1 the work is spread over that many processes."""
    numbered = ((n, line.rstrip("\r\n")) for n, line in enumerate(lines, start=1))
    work = partial(extract_line, licence_register=licence_register)
    if jobs <= 1:
        yield from map(work, numbered)
        return
    import multiprocessing

    _warm_up()  # build pipelines and matchers once; forked workers inherit them
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(work, numbered, chunksize=64)
