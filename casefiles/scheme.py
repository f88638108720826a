"""The points scheme (``scheme.yaml``) and the pure function that tallies a dossier with it.

A tally is transparent by construction: one row per signal with its points, how
often it occurred and the source of its weight. The suggested colour is the
highest colour whose threshold the total reaches, raised to any signal's
``minimum_colour``. It only suggests; a coordinator classifies.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import Field, StrictInt, model_validator

from core.datafiles import DataFiles, Said, Strict, files_problems, load_model

SCHEME_FILE = Path(__file__).with_name("scheme.yaml")
Colour = Literal["blauw", "groen", "oranje", "rood"]
Category = Literal["minor", "coercion", "movement", "obfuscation", "trust", "licensing"]
SignalCategory = Literal[Category, "review", "enrichment"]
Measure = Literal["cities", "ads", "confirmed_reviews", "urgent_reviews", "enrichments"]
COLOURS: tuple[str, ...] = get_args(Colour)
CATEGORIES: tuple[str, ...] = get_args(Category)
SIGNAL_CATEGORIES: tuple[str, ...] = get_args(SignalCategory)
MEASURES: tuple[str, ...] = get_args(Measure)
Points = Annotated[StrictInt, Field(ge=0)]


class ColourBand(Strict):
    code: Colour
    min_points: Points
    """The total from which a dossier suggests this colour."""
    meaning: Said
    source: Said


class Weight(Strict):
    points: Points
    """Points for the signal when it is present in the dossier."""
    max_count: Annotated[StrictInt, Field(ge=1)] = 1
    """How many occurrences (distinct ads, notes) earn points; 1 = presence."""
    minimum_colour: Colour = "blauw"
    """The suggestion is never lower than this colour when the signal is present."""
    source: Said
    """Where the weight comes from."""
    explanation: Said
    """Why the weight is what it is."""


class IndicatorWeight(Weight):
    """The weight of a lexicon indicator code, read from one ad's text."""

    category: Category


class SignalWeight(Weight):
    """A signal measured over the whole dossier; present when its measure reaches ``at_least``."""

    category: SignalCategory
    measure: Measure
    at_least: Points


class Scheme(Strict):
    """``scheme.yaml``: colours from low to high, and the points of each indicator and signal."""

    version: StrictInt = 1
    colours: list[ColourBand]
    indicators: Annotated[dict[str, IndicatorWeight], Field(min_length=1)]
    signals: Annotated[dict[str, SignalWeight], Field(min_length=1)]

    @model_validator(mode="after")
    def _colours_rise(self) -> Scheme:
        if tuple(c.code for c in self.colours) != COLOURS:
            raise ValueError(f"colours: must list {', '.join(COLOURS)} in that order")
        thresholds = [c.min_points for c in self.colours]
        if thresholds[0] != 0 or thresholds != sorted(set(thresholds)):
            raise ValueError("colours: min_points must rise strictly from 0")
        return self


def data_files() -> DataFiles:
    return [(SCHEME_FILE, Scheme)]


def validate_all() -> list[str]:
    """Problems in scheme.yaml (CI runs ``data_files()`` through ``python -m signalstack.check_data``)."""
    return files_problems(data_files())


@lru_cache(maxsize=1)
def load_scheme() -> dict[str, Any]:
    """The scheme as plain data (every optional key filled in with its default)."""
    return load_model(SCHEME_FILE, Scheme).model_dump()


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
    floor_codes: list[str] = []  # the signals that set the minimum colour
    for code, (category, count) in sorted(indicator_counts.items()):
        entry = scheme["indicators"].get(code)
        if entry is None:  # shown, not hidden: a lexicon code the scheme does not weigh yet
            rows.append({"category": category, "code": code, "points": 0, "count": count,
                         "source": "not in the points scheme", "explanation": ""})
            continue
        rows.append(_row(code, entry, count))
        floor, floor_codes = _raised(floor, floor_codes, code, entry)
    for code, entry in scheme["signals"].items():
        value = int(measures.get(entry["measure"], 0))
        if value < entry["at_least"] or value == 0:
            continue
        rows.append(_row(code, entry, value))
        floor, floor_codes = _raised(floor, floor_codes, code, entry)
    rows.sort(key=lambda r: (-r["points"], r["category"], r["code"]))
    by_category: dict[str, int] = {}
    for row in rows:
        by_category[row["category"]] = by_category.get(row["category"], 0) + row["points"]
    total = sum(r["points"] for r in rows)
    by_total = max(i for i, c in enumerate(scheme["colours"]) if total >= c["min_points"])
    return {"rows": rows, "by_category": by_category, "total": total,
            "suggested_colour": COLOURS[max(by_total, floor)],
            "minimum_colour": COLOURS[floor], "minimum_because": floor_codes}


def _raised(floor: int, codes: list[str], code: str, entry: dict[str, Any]) -> tuple[int, list[str]]:
    """The minimum colour after a signal whose entry may set one, and the signals that set it."""
    rank = colour_rank(entry.get("minimum_colour", "blauw"))
    if rank > floor:
        return rank, [code]
    if rank == floor and rank > 0:
        return floor, codes + [code]
    return floor, codes


def below_minimum(colour: str, points: dict[str, Any]) -> bool:
    """Whether `colour` is lower than the minimum the stacked signals set (``minimum_colour``)."""
    return colour_rank(colour) < colour_rank(points.get("minimum_colour", "blauw"))


def _row(code: str, entry: dict[str, Any], count: int) -> dict[str, Any]:
    counted = min(count, entry.get("max_count", 1))
    return {"category": entry["category"], "code": code, "points": entry["points"] * counted,
            "count": count, "source": entry["source"], "explanation": entry["explanation"]}
