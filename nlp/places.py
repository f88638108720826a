"""Dutch and Belgian place names in ad text, from the gazetteer ``data/places.yaml``.

Matching is case-sensitive on the written form: place names that are also ordinary words
("Best", "Zeist" is fine, "Ede" is not a word) are left out of the list on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from core.datafiles import DataFiles, Said, Strict, files_problems, load_model

PLACES_FILE = Path(__file__).parent / "data" / "places.yaml"


class Place(Strict):
    name: Said
    """The place's name as it is written, and the name every form is reported as."""
    also: list[Said] = []
    """Other written forms (another language, the official name)."""


class Gazetteer(Strict):
    """``data/places.yaml``: the place names read as ``city`` entities."""

    places: Annotated[list[Place], Field(min_length=1)]

    @model_validator(mode="after")
    def _each_form_once(self) -> Gazetteer:
        owner: dict[str, int] = {}
        twice = []
        for i, place in enumerate(self.places):
            for form in dict.fromkeys((place.name, *place.also)):
                if owner.setdefault(form, i) != i:
                    twice.append(f"{form!r} ({self.places[owner[form]].name}, {place.name})")
        if twice:
            raise ValueError(f"places: written forms listed twice: {', '.join(twice)}")
        return self


def data_files() -> DataFiles:
    return [(PLACES_FILE, Gazetteer)]


def validate_all() -> list[str]:
    return files_problems(data_files())


@dataclass(frozen=True)
class PlaceFound:
    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], re.Pattern[str]]:
    canonical: dict[str, str] = {}
    for place in load_model(PLACES_FILE, Gazetteer).places:
        for form in (place.name, *place.also):
            canonical[form] = place.name
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'])")
    return canonical, pattern


@lru_cache(maxsize=1)
def _starts() -> re.Pattern[str]:
    """Where a name of the gazetteer starts, not after a word character or an apostrophe (a superset
    of where ``_places``' pattern matches). It consumes the name's first character, which the engine
    skips to at C speed, and looks at the rest; the pattern itself opens with a lookbehind and is
    tried at every character of the text."""
    rests: dict[str, list[str]] = {}
    for form in sorted(_places()[0], key=len, reverse=True):
        rests.setdefault(form[0], []).append(re.escape(form[1:]))
    branches = [re.escape(first) + ("(?=" + "|".join(after) + ")" if all(after) else "")
                for first, after in sorted(rests.items())]
    return re.compile("(?:" + "|".join(branches) + r")(?<![\w'][\s\S])")


def is_place_name(form: str) -> bool:
    """Whether `form`, exactly as written, is a place name in the gazetteer ("Kampen", not "kampen")."""
    return form in _places()[0]


_last: tuple[str | None, list[PlaceFound]] = (None, [])  # the last text and its places: extraction and the
# text model both read them (one tuple, replaced whole: a thread never sees one text with another's places)


def find_places(text: str) -> list[PlaceFound]:
    global _last
    last = _last
    if last[0] is not text:
        canonical, pattern = _places()
        found, end = [], 0
        for start in _starts().finditer(text):  # finditer's matches, tried only where a name starts
            if start.start() >= end and (m := pattern.match(text, start.start())) is not None:
                found.append(PlaceFound(canonical[m.group()], m.start(), m.end()))
                end = m.end()
        last = _last = (text, found)
    return list(last[1])
