"""Dutch cities of the demo world, with URL slugs and landline area codes."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    name: str
    area_code: str  # national landline prefix, e.g. "020"

    @property
    def slug(self) -> str:
        return city_slug(self.name)


def city_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


CITIES: tuple[City, ...] = (
    City("Amsterdam", "020"),
    City("Rotterdam", "010"),
    City("Den Haag", "070"),
    City("Utrecht", "030"),
    City("Eindhoven", "040"),
    City("Groningen", "050"),
    City("Tilburg", "013"),
    City("Almere", "036"),
    City("Breda", "076"),
    City("Nijmegen", "024"),
    City("Apeldoorn", "055"),
    City("Haarlem", "023"),
    City("Arnhem", "026"),
    City("Enschede", "053"),
    City("Amersfoort", "033"),
    City("Zaandam", "075"),
    City("'s-Hertogenbosch", "073"),
    City("Zwolle", "038"),
    City("Leiden", "071"),
    City("Maastricht", "043"),
)
# Bigger cities carry more ads (roughly by population).
CITY_WEIGHTS: tuple[int, ...] = (12, 9, 7, 5, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)
