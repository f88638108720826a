"""Generate the synthetic ad world: `generate_world(ads, days, seed, out)`.

Writes, into `out`:
- ``meta.json``     parameters, start date, counts;
- ``world.jsonl``   one line per ad with all its versions (what the server renders);
- ``images.csv``    image file name -> (base image, transform), rendered lazily by the server;
- ``truth.jsonl``   one line per ad version, with exact spans (see docs/DEMO_WORLD.md);
- ``truth/*.csv``   actors, operations, persons, networks, licences, facilitators, hostile pages.

Who advertises what and when is planned in `planning`; here every version is rendered and written.

Same arguments, same bytes: one ``random.Random(seed)`` drives every draw, and nothing
depends on the clock, dict hashing or the file system.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from random import Random

import orjson

from crawlers.demosite import truth as truth_mod
from crawlers.demosite.actors import ActorFactory
from crawlers.demosite.cities import city_slug
from crawlers.demosite.compose import AdState, phone_value, render_version
from crawlers.demosite.hostile import AD_PAGE_KINDS, SITES
from crawlers.demosite.planning import assign_ids, mark_injections, plan_world
from crawlers.demosite.texts import Value, flatten, parse_line, phrases, render_text
from crawlers.demosite.timeline import AdPlan, changes_between

FORMAT_VERSION = 1
START_DATE = date(2026, 11, 1)


class WorldError(ValueError):
    pass


@dataclass(frozen=True)
class WorldSummary:
    out: Path
    ads: int
    versions: int
    actors: int
    operations: int
    minors: int
    noise: int

    def lines(self) -> list[str]:
        return [
            f"world written to {self.out}",
            f"{self.ads} ads, {self.versions} ad versions, {self.actors} actors",
            f"{self.operations} exploitative operations, {self.minors} minors advertised, {self.noise} noise listings",
        ]


@cache
def _date_of(day: int) -> str:
    return (START_DATE + timedelta(days=day - 1)).isoformat()


def iso_at(day: int, second: int) -> str:
    """ISO-8601 UTC time of `second` into world day `day` (day 1 = START_DATE)."""
    hours, rest = divmod(second, 3600)
    return f"{_date_of(day)}T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}Z"


def ad_urls(plan: AdPlan, first_city_slug: str) -> list[str]:
    """Every URL under which the ad is served; the first is canonical."""
    i = plan.site_ad_id
    if plan.site == "classic":
        return [f"/classic/ad/{i}"]
    if plan.site == "profiles":
        slug = city_slug(plan.person.name) if plan.actor.kind != "noise" else "listing"
        return [f"/profiles/p/{slug}-{i}"]
    return [f"/search/ad/{i}", f"/search/item?id={i}", f"/search/ad/{i}?from={first_city_slug}"]


def image_file(seed: int, base: str, transform: str) -> str:
    # A hash, not the base id, so file names do not reveal which ads share a photo.
    return hashlib.sha256(f"{seed}/{base}/{transform}".encode()).hexdigest()[:16] + ".jpg"


def render_plan_version(plan: AdPlan, state: AdState, rng: Random):
    """(title, body, marks) of one version; noise listings use their own wording, not a template."""
    if plan.template is not None:
        return render_version(plan.actor, plan.person, state, plan.template, rng)
    entry = phrases()["noise"][plan.actor.lang][plan.noise_entry]
    values = {"city": Value(state.city.name), "phone": phone_value(state)}
    return render_text(parse_line(entry["title"]), flatten([parse_line(x) for x in entry["body"]]), values)


def generate_world(
    ads: int = 300,
    days: int = 14,
    seed: int = 7,
    out: Path | str = Path("demo-world"),
    disguise_rate: float = 0.25,
    minor_rate: float = 0.15,
    injection_rate: float = 0.01,
) -> WorldSummary:
    """Write a world folder of `ads` ads over `days` days; the same arguments give the same bytes."""
    hostile = len(SITES) * len(AD_PAGE_KINDS)
    if ads < hostile + 8:
        raise WorldError(f"--ads must be at least {hostile + 8} (the world carries {hostile} hostile-page ads)")
    if not 1 <= days <= 366:
        raise WorldError("--days must be between 1 and 366")
    for name, rate in (("disguise_rate", disguise_rate), ("minor_rate", minor_rate),
                       ("injection_rate", injection_rate)):
        if not 0.0 <= rate <= 1.0:
            raise WorldError(f"{name} must be between 0 and 1")
    out = Path(out)
    rng = Random(seed)
    factory = ActorFactory(rng, disguise_rate, minor_rate)
    actors, plans = plan_world(ads, days, rng, factory)
    mark_injections(plans, injection_rate, rng)
    assign_ids(plans, rng)
    plans.sort(key=lambda p: (SITES.index(p.site), p.posted_day, p.posted_sec))

    out.mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(exist_ok=True)
    images: dict[str, tuple[str, str]] = {}
    n_versions = 0
    with (out / "world.jsonl").open("wb") as world_fh, (out / "truth.jsonl").open("wb") as truth_fh:
        for plan in plans:
            files = []
            for base, transform in plan.images:
                name = image_file(seed, base, transform)
                images[name] = (base, transform)
                files.append(name)
            urls = plan.urls = ad_urls(plan, plan.versions[0][2].city.slug)
            world_versions = []
            previous, shown_before = None, None
            for number, (day, second, state) in enumerate(plan.versions, start=1):
                title, body, marks = render_plan_version(plan, state, rng)
                age_text = truth_mod.stated_age_text(state.stated_age, plan.template)
                if (title, body, age_text, state.city.name) == shown_before and plan.template is not None:
                    # the edit changed nothing a reader sees (e.g. a dropped line that was not shown)
                    state = replace(state, drop_about=not state.drop_about)
                    plan.versions[number - 1] = (day, second, state)
                    title, body, marks = render_plan_version(plan, state, rng)
                shown_before = (title, body, age_text, state.city.name)
                at = iso_at(day, second)
                name = plan.person.name if plan.actor.kind != "noise" else ""
                world_versions.append({
                    "version": number, "day": day, "at": at, "title": title, "body": body,
                    "name": name, "age": age_text, "city": state.city.name, "images": files,
                })
                record = truth_mod.version_record(plan, number, day, at, state, title, body,
                                                  marks, urls, files, age_text, name)
                record["changes"] = changes_between(previous, state) if previous else []
                previous = state
                truth_fh.write(orjson.dumps(record) + b"\n")
                n_versions += 1
            world_fh.write(orjson.dumps({
                "site": plan.site, "id": plan.site_ad_id, "urls": urls,
                "kind": "noise" if plan.actor.kind == "noise" else "ad", "page": plan.page,
                "posted_day": plan.posted_day, "posted_at": iso_at(plan.posted_day, plan.posted_sec),
                "removed_day": plan.removed_day, "versions": world_versions,
            }) + b"\n")

    with (out / "images.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "base", "transform"])
        for name in sorted(images):
            writer.writerow([name, *images[name]])
    truth_mod.write_tables(out / "truth", actors, plans)
    summary = WorldSummary(
        out=out,
        ads=len(plans),
        versions=n_versions,
        actors=len(actors),
        operations=sum(a.kind == "operation" for a in actors),
        minors=len({p.person.id for p in plans if p.person.is_minor}),
        noise=sum(p.actor.kind == "noise" for p in plans),
    )
    meta = {
        "format": FORMAT_VERSION, "seed": seed, "ads": ads, "days": days, "start_date": START_DATE.isoformat(),
        "sites": list(SITES),
        "params": {"disguise_rate": disguise_rate, "minor_rate": minor_rate, "injection_rate": injection_rate},
        "counts": {"ads": summary.ads, "versions": n_versions, "actors": summary.actors,
                   "operations": summary.operations, "minors": summary.minors, "noise": summary.noise,
                   "images": len(images)},
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return summary
