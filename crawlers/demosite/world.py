"""Read a generated world folder and view it as the sites show it on one day."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import orjson

from crawlers.demosite.hostile import SITES


class WorldFolderError(ValueError):
    pass


@dataclass(frozen=True)
class LiveAd:
    """An ad as shown on one day: its newest version on or before that day."""

    site: str
    id: str
    urls: tuple[str, ...]
    kind: str
    page: str
    posted_at: str
    version: dict  # title, body, name, age, city, images, at, day, version

    @property
    def url(self) -> str:
        return self.urls[0]


class World:
    def __init__(self, folder: Path | str) -> None:
        folder = Path(folder)
        meta_path = folder / "meta.json"
        if not meta_path.is_file():
            raise WorldFolderError(f"{folder} is not a demo world (no meta.json); run `signalstack demosite generate`")
        try:
            self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
            with (folder / "world.jsonl").open(encoding="utf-8") as fh:
                self.ads = [orjson.loads(line) for line in fh if line.strip()]
            with (folder / "images.csv").open(encoding="utf-8", newline="") as fh:
                self.images = {row["file"]: (row["base"], row["transform"]) for row in csv.DictReader(fh)}
        except (OSError, ValueError, KeyError, orjson.JSONDecodeError) as exc:
            raise WorldFolderError(f"{folder}: cannot read the world: {exc}") from None
        self.folder = folder
        self.days = int(self.meta["days"])
        self.seed = int(self.meta["seed"])

    def day_view(self, day: int | None = None) -> DayView:
        day = self.days if day is None else day
        if not 1 <= day <= self.days:
            raise WorldFolderError(f"day must be between 1 and {self.days}")
        return DayView(self, day)


class DayView:
    """Live ads per site, newest posting first (the order listing pages show)."""

    def __init__(self, world: World, day: int) -> None:
        self.world = world
        self.day = day
        self.by_site: dict[str, list[LiveAd]] = {s: [] for s in SITES}
        self.by_id: dict[tuple[str, str], LiveAd] = {}
        for ad in world.ads:
            if ad["posted_day"] > day or (ad["removed_day"] is not None and ad["removed_day"] <= day):
                continue
            current = [v for v in ad["versions"] if v["day"] <= day][-1]
            live = LiveAd(ad["site"], ad["id"], tuple(ad["urls"]), ad["kind"], ad["page"], ad["posted_at"], current)
            self.by_site[ad["site"]].append(live)
            self.by_id[(ad["site"], ad["id"])] = live
        for ads in self.by_site.values():
            ads.sort(key=lambda a: (a.posted_at, a.id), reverse=True)

    def get(self, site: str, ad_id: str) -> LiveAd | None:
        return self.by_id.get((site, ad_id))

    def cities(self, site: str) -> list[tuple[str, str]]:
        """(slug, name) of cities with live ads on the site, by name."""
        from crawlers.demosite.cities import city_slug

        names = sorted({a.version["city"] for a in self.by_site[site]})
        return [(city_slug(n), n) for n in names]
