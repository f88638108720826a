"""The points scheme (``scheme.yaml``) and the pure function that tallies a dossier with it.

A tally is transparent by construction: one row per signal with its points, how
often it occurred and the source of its weight. The suggested colour is the
highest colour whose threshold the total reaches, raised to any signal's
``minimum_colour``. It only suggests; a coordinator classifies.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SCHEME_FILE = Path(__file__).with_name("scheme.yaml")
COLOURS = ("blauw", "groen", "oranje", "rood")
CATEGORIES = ("minor", "coercion", "movement", "obfuscation", "trust", "licensing")
SIGNAL_CATEGORIES = CATEGORIES + ("review", "enrichment")
MEASURES = ("cities", "ads", "confirmed_reviews", "urgent_reviews", "enrichments")
_ENTRY_KEYS = {"category", "points", "max_count", "minimum_colour", "source", "explanation",
               "measure", "at_least"}


def _entry_problems(where: str, entry: Any, categories: tuple[str, ...], is_signal: bool) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: must be a mapping"]
    problems = []
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        problems.append(f"{where}: unknown keys {sorted(unknown)}")
    if entry.get("category") not in categories:
        problems.append(f"{where}: category must be one of {', '.join(categories)}")
    for key in ("points", "max_count", "at_least"):
        if key in entry and (not isinstance(entry[key], int) or isinstance(entry[key], bool) or entry[key] < 0):
            problems.append(f"{where}: {key} must be a whole number >= 0")
    if "points" not in entry:
        problems.append(f"{where}: points missing")
    if entry.get("max_count", 1) < 1:
        problems.append(f"{where}: max_count must be at least 1")
    if "minimum_colour" in entry and entry["minimum_colour"] not in COLOURS:
        problems.append(f"{where}: minimum_colour must be one of {', '.join(COLOURS)}")
    for key in ("source", "explanation"):
        if not str(entry.get(key, "")).strip():
            problems.append(f"{where}: {key} must say where the weight comes from and why")
    if is_signal:
        if entry.get("measure") not in MEASURES:
            problems.append(f"{where}: measure must be one of {', '.join(MEASURES)}")
        if "at_least" not in entry:
            problems.append(f"{where}: at_least missing")
    elif "measure" in entry or "at_least" in entry:
        problems.append(f"{where}: measure/at_least belong under signals")
    return problems


def problems_in(data: Any) -> list[str]:
    if not isinstance(data, dict):
        return ["top level must be a mapping"]
    problems = []
    colours = data.get("colours")
    if not isinstance(colours, list) or [c.get("code") if isinstance(c, dict) else None
                                         for c in colours] != list(COLOURS):
        problems.append(f"colours must list {', '.join(COLOURS)} in that order")
    else:
        thresholds = [c.get("min_points") for c in colours]
        if not all(isinstance(t, int) for t in thresholds) or thresholds[0] != 0 \
                or thresholds != sorted(set(thresholds)):
            problems.append("colours: min_points must be whole numbers rising strictly from 0")
        for c in colours:
            for key in ("meaning", "source"):
                if not str(c.get(key, "")).strip():
                    problems.append(f"colours.{c['code']}: {key} missing")
    for section, categories, is_signal in (("indicators", CATEGORIES, False),
                                           ("signals", SIGNAL_CATEGORIES, True)):
        entries = data.get(section)
        if not isinstance(entries, dict) or not entries:
            problems.append(f"{section} must be a non-empty mapping")
            continue
        for code, entry in entries.items():
            problems += _entry_problems(f"{section}.{code}", entry, categories, is_signal)
    return problems


def validate_all() -> list[str]:
    """Problems in scheme.yaml (CI runs this through ``python -m core.check_data``)."""
    from core.check_data import yaml_file_problems

    return yaml_file_problems(SCHEME_FILE, problems_in)


@lru_cache(maxsize=1)
def load_scheme() -> dict[str, Any]:
    data = yaml.safe_load(SCHEME_FILE.read_text(encoding="utf-8"))
    problems = problems_in(data)
    if problems:
        raise ValueError(f"{SCHEME_FILE.name}: " + "; ".join(problems))
    return data


def colour_rank(colour: str) -> int:
    return COLOURS.index(colour)


def tally_signals(indicator_counts: dict[str, tuple[str, int]], measures: dict[str, int],
                  scheme: dict[str, Any] | None = None) -> dict[str, Any]:
    """Points for a dossier.

    `indicator_counts`: code -> (category, number of distinct ads showing it);
    `measures`: the dossier-wide measures named in ``MEASURES``.
    """
    scheme = scheme or load_scheme()
    rows: list[dict[str, Any]] = []
    floor = 0
    for code, (category, count) in sorted(indicator_counts.items()):
        entry = scheme["indicators"].get(code)
        if entry is None:  # shown, not hidden: a lexicon code the scheme does not weigh yet
            rows.append({"category": category, "code": code, "points": 0, "count": count,
                         "source": "not in the points scheme", "explanation": ""})
            continue
        rows.append(_row(code, entry, count))
        floor = max(floor, colour_rank(entry.get("minimum_colour", "blauw")))
    for code, entry in scheme["signals"].items():
        value = int(measures.get(entry["measure"], 0))
        if value < entry["at_least"] or value == 0:
            continue
        rows.append(_row(code, entry, value))
        floor = max(floor, colour_rank(entry.get("minimum_colour", "blauw")))
    rows.sort(key=lambda r: (-r["points"], r["category"], r["code"]))
    by_category: dict[str, int] = {}
    for row in rows:
        by_category[row["category"]] = by_category.get(row["category"], 0) + row["points"]
    total = sum(r["points"] for r in rows)
    by_total = max(i for i, c in enumerate(scheme["colours"]) if total >= c["min_points"])
    return {"rows": rows, "by_category": by_category, "total": total,
            "suggested_colour": COLOURS[max(by_total, floor)]}


def _row(code: str, entry: dict[str, Any], count: int) -> dict[str, Any]:
    counted = min(count, entry.get("max_count", 1))
    return {"category": entry["category"], "code": code, "points": entry["points"] * counted,
            "count": count, "source": entry["source"], "explanation": entry["explanation"]}
