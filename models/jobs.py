"""The `signalstack cluster` contract on plain data: JSON Lines in, one assignment per line out.

Input lines are objects with ``id`` and ``text`` and optionally ``title``,
``phones``, ``emails``, ``handles``, ``images``, ``lang``, ``country``. A line that
cannot be read becomes ``{"line": N, "error": "..."}`` in the output, at its place,
and the other lines are still clustered. Cluster keys are stable: the same ads
give the same keys whatever their order (see ``models.keys``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.schema import analysis_text
from models.centrecluster import CentreClusterer
from models.keys import stable_keys
from models.linking import NetworkLinker, image_hashes, network_members
from models.textcluster import TextClusterer
from nlp.jsonl import read_ad_object

IDENTIFIER_FIELDS = ("phones", "emails", "handles")
TEXT_PREFIX, NETWORK_PREFIX = "t", "n"


TEXT_ENGINES = {"centre": CentreClusterer, "text": TextClusterer}


def text_clusterer(engine: str | None = None, threshold: float | None = None) -> TextClusterer | CentreClusterer:
    """The configured text engine (setting ``text_clusterer``, or `engine`), with its own default
    similarity threshold unless `threshold` is given."""
    if engine is None:
        from core.settings import get_settings

        engine = str(get_settings().text_clusterer)
    if engine not in TEXT_ENGINES:
        raise ValueError(f"unknown text clusterer {engine!r}: choose {' or '.join(TEXT_ENGINES)}")
    return TEXT_ENGINES[engine]() if threshold is None else TEXT_ENGINES[engine](threshold=threshold)


class BadLine(ValueError):
    pass


@dataclass
class ParsedLine:
    line: int
    record: dict[str, Any] | None = None
    error: str | None = None


def _string_list(obj: Mapping[str, Any], field: str) -> list[str] | None:
    if field not in obj or obj[field] is None:
        return None
    value = obj[field]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BadLine(f"'{field}' must be a list of strings")
    return value


def parse_record(raw: str) -> dict[str, Any]:
    """One input line as a record for the clusterers, or BadLine saying what is wrong."""
    try:
        obj = read_ad_object(raw)
    except ValueError as exc:
        raise BadLine(str(exc)) from None
    record: dict[str, Any] = {
        "id": obj["id"],
        "body": obj["text"],
        "title": obj.get("title") or "",
        "lang": obj.get("lang"),
        "country": obj.get("country") or "NL",
    }
    record["text"] = analysis_text(record["title"], record["body"])
    record["phones"] = _string_list(obj, "phones")
    record["emails"] = _string_list(obj, "emails")
    handles = obj.get("handles")
    if handles is not None and (
        not isinstance(handles, list) or not all(isinstance(h, str | dict) for h in handles)
    ):
        raise BadLine("'handles' must be a list of {platform, handle} objects or strings")
    record["handles"] = handles
    images = obj.get("images") or []
    if not isinstance(images, list):
        raise BadLine("'images' must be a list of pHash hex strings or {phash, phash_mirror} objects")
    try:
        for image in images:
            image_hashes(image)
    except ValueError as exc:
        raise BadLine(f"images: {exc}") from None
    record["images"] = images
    return record


def parse_lines(lines: Iterable[str]) -> list[ParsedLine]:
    parsed = []
    for number, raw in enumerate(lines, start=1):
        try:
            parsed.append(ParsedLine(number, record=parse_record(raw)))
        except BadLine as exc:
            parsed.append(ParsedLine(number, error=str(exc)))
    return parsed


def _field(result: Any, name: str) -> Any:
    return result.get(name) if isinstance(result, Mapping) else getattr(result, name, None)


def fill_identifiers(records: Sequence[dict[str, Any]]) -> bool:
    """Extract phones, e-mails and handles with ``nlp.extract`` where the input gave none.

    Returns False when ``nlp.extract`` is not installed (then only given identifiers link).
    """
    missing = [r for r in records if any(r.get(f) is None for f in IDENTIFIER_FIELDS)]
    if not missing:
        return True
    try:
        from nlp.extract import extract
    except ImportError:
        return False
    failed: list[str] = []
    for record in missing:
        try:
            result = extract(
                record["body"], title=record["title"] or None, lang=record["lang"], country=record["country"]
            )
        except Exception as exc:  # one ad nlp cannot read must not stop the batch
            failed.append(f"{record['id']}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
            continue
        for field in IDENTIFIER_FIELDS:
            if record.get(field) is None:
                record[field] = list(_field(result, field) or [])
    if failed:
        print(
            f"warning: nlp.extract failed on {len(failed)} ads (linked on given identifiers only); "
            f"first: {failed[0]}",
            file=sys.stderr,
        )
    return True


def mark_non_adult(records: Sequence[dict[str, Any]]) -> bool:
    """Set ``non_adult`` where a record has none: True for a job ad, a sale, tutoring and the
    like (``nlp.indicators.context.is_non_adult_listing``: a non-adult cue and no adult-service
    cue). The linker then does not join it to anyone by its text cluster.

    Returns False when ``nlp`` is not installed (then text clusters link every ad).
    """
    try:
        from nlp.indicators.context import is_non_adult_listing
    except ImportError:
        return False
    for record in records:
        if record.get("non_adult") is None:
            record["non_adult"] = is_non_adult_listing(record["text"])
    return True


def text_cluster_keys(
    records: Sequence[Mapping[str, Any]],
    clusterer: TextClusterer | CentreClusterer | None = None,
    previous: Mapping[str, str] | None = None,
    member_key: str = "id",
) -> list[str | None]:
    clusterer = clusterer or text_clusterer()
    labels = clusterer.fit([r["text"] for r in records]).labels_
    return _keyed(records, labels, TEXT_PREFIX, previous, member_key)


def network_keys(
    records: Sequence[dict[str, Any]],
    linker: NetworkLinker | None = None,
    previous: Mapping[str, str] | None = None,
    member_key: str = "id",
) -> tuple[list[str | None], NetworkLinker]:
    """Network key per record; records should carry ``text_cluster`` to link near-duplicates."""
    linker = (linker or NetworkLinker()).fit(records)
    return _keyed(records, linker.labels_, NETWORK_PREFIX, previous, member_key), linker


def _keyed(
    records: Sequence[Mapping[str, Any]],
    labels: Any,
    prefix: str,
    previous: Mapping[str, str] | None,
    member_key: str,
) -> list[str | None]:
    groups = network_members(labels)
    keys = stable_keys([[str(records[i][member_key]) for i in g] for g in groups], prefix, previous)
    out: list[str | None] = [None] * len(records)
    for group, key in zip(groups, keys, strict=True):
        for i in group:
            out[i] = key
    return out


def cluster_lines(lines: Iterable[str], by: str = "all", threshold: float | None = None,
                  engine: str | None = None) -> list[dict[str, Any]]:
    """The output objects of `signalstack cluster`, one per input line, in order."""
    if by not in ("text", "all"):
        raise ValueError(f"--by must be 'text' or 'all', not {by!r}")
    parsed = parse_lines(lines)
    good = [p for p in parsed if p.record is not None]
    records = [p.record for p in good]
    text_keys = text_cluster_keys(records, text_clusterer(engine, threshold)) if records else []
    if by == "all" and records:
        if not fill_identifiers(records):
            print(
                "warning: nlp.extract is not available; linking only on identifiers given in the input",
                file=sys.stderr,
            )
        mark_non_adult(records)
        for record, key in zip(records, text_keys, strict=True):
            record["text_cluster"] = key
        keys, _ = network_keys(records)
    else:
        keys = text_keys
    assigned = {p.line: key for p, key in zip(good, keys, strict=True)}
    return [
        {"id": p.record["id"], "cluster": assigned[p.line]}
        if p.record is not None
        else {"line": p.line, "error": p.error}
        for p in parsed
    ]
