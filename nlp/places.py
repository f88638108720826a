"""Dutch and Belgian place names in ad text, from the gazetteer ``data/places.yaml``.

Matching is case-sensitive on the written form: place names that are also ordinary words
("Best", "Zeist" is fine, "Ede" is not a word) are left out of the list on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PLACES_FILE = Path(__file__).parent / "data" / "places.yaml"


@dataclass(frozen=True)
class PlaceFound:
    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], re.Pattern[str]]:
    data = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8"))
    canonical: dict[str, str] = {}
    for entry in data["places"]:
        for form in [entry["name"], *entry.get("also", [])]:
            canonical[form] = entry["name"]
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'])")
    return canonical, pattern


def find_places(text: str) -> list[PlaceFound]:
    canonical, pattern = _places()
    return [PlaceFound(canonical[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]
