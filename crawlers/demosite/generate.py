"""Generate the synthetic ad world: `generate_world(ads, days, seed, out)`.

Writes, into `out`:
- ``meta.json``     parameters, start date, counts;
- ``world.jsonl``   one line per ad with all its versions (what the server renders);
- ``images.csv``    image file name -> (base image, transform), rendered lazily by the server;
- ``truth.jsonl``   one line per ad version, with exact spans (see docs/DEMO_WORLD.md);
- ``truth/*.csv``   actors, operations, persons, networks, licences, hostile pages.

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
from itertools import accumulate
from pathlib import Path
from random import Random

import orjson

from crawlers.demosite import truth as truth_mod
from crawlers.demosite.actors import MINOR_LINE_CODES, Actor, ActorFactory
from crawlers.demosite.cities import city_slug
from crawlers.demosite.compose import (
    AdState,
    draw_variant,
    email_notation,
    make_template,
    phone_notation,
    phone_value,
    render_version,
)
from crawlers.demosite.draw import below, between, pick, weighted
from crawlers.demosite.hostile import AD_PAGE_KINDS, SITES
from crawlers.demosite.texts import Value, flatten, parse_line, phrases, render_text
from crawlers.demosite.timeline import (
    SITE_CUM_WEIGHTS,
    AdPlan,
    ad_days,
    changes_between,
    city_on,
    images_for,
    plan_versions,
)

FORMAT_VERSION = 1
START_DATE = date(2026, 11, 1)
# Share of actors by kind; chosen so that roughly 8% of ads are noise, half are independents,
# a sixth belong to agencies and a quarter to exploitative operations.
ACTOR_WEIGHTS = (("independent", 66), ("noise", 18), ("agency", 7), ("operation", 9))
CHARSET_SAFE_LINE = "Afspraak in café of hotel, één uur minimum."


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


def _stated_age(actor: Actor, person, rng) -> tuple[int | None, bool]:
    """(stated age, written as "net 18"?) for a person's ad."""
    age = person.true_age
    if age is None:
        return None, False
    if "just_18" in actor.codes:
        return 18, True
    if person.is_minor:
        r = rng.random()
        if r < 0.25:
            return 17, False
        if r < 0.3:
            return 16, False
        stated = 18 if r < 0.8 else 19
        return stated, stated == 18 and rng.random() < 0.4
    if rng.random() < 0.15:
        age = max(18, age - between(rng, 1, 3))
    return age, False


def first_state(plan: AdPlan, days: int, rng) -> AdState:
    actor, person, template = plan.actor, plan.person, plan.template
    lang = template.lang if template else "nl"
    stated, just_18 = _stated_age(actor, person, rng)
    price = between(rng, 4, 7) * 10 if actor.low_price else between(rng, 12, 25) * 10
    if actor.kind == "operation":
        shown = [actor.phones[actor.persons.index(person) % len(actor.phones)]]
    else:
        shown = [actor.phones[0]]
    if len(actor.phones) > 1 and rng.random() < 0.3:
        shown += [p for p in actor.phones if p not in shown][:1]
    email = email_notation(actor.emails[0], actor, lang, rng) if actor.emails and rng.random() < 0.7 else None
    handle = actor.handles[0] if actor.handles and rng.random() < 0.7 else None
    extra = ()
    if actor.kind == "independent" and rng.random() < 0.08:
        extra = (pick(rng, phrases()["disclaimer_lines"][lang]),)
    city = city_on(actor, plan.posted_day, days, rng)
    return AdState(
        city=city,
        address=actor.facilitators.get(city.name),
        stated_age=stated,
        just_18=just_18,
        price=price,
        price_form=below(rng, 3),
        phones=tuple(phone_notation(p, actor, lang, rng) for p in shown),
        email=email,
        handle=handle,
        codes=tuple(actor.codes + person.codes),
        age_form=below(rng, 3),
        extra_lines=extra,
        variant=draw_variant(rng) if template is not None else (),
    )


def _new_actor(factory: ActorFactory, kind: str) -> Actor:
    make = {"independent": factory.independent, "agency": factory.agency, "operation": factory.operation,
            "noise": factory.noise}
    return make[kind]()


def plan_world(ads: int, days: int, rng: Random, factory: ActorFactory) -> tuple[list[Actor], list[AdPlan]]:
    actors: list[Actor] = []
    plans: list[AdPlan] = []
    kinds, weights = zip(*ACTOR_WEIGHTS, strict=True)
    cum_weights = tuple(accumulate(weights))
    hostile_budget = len(SITES) * len(AD_PAGE_KINDS)
    while len(plans) < ads - hostile_budget:
        actor = _new_actor(factory, weighted(rng, kinds, cum_weights))
        actors.append(actor)
        template = None if actor.kind == "noise" else make_template(actor, rng)
        for person in actor.persons:
            sites, site_weights = SITE_CUM_WEIGHTS[actor.kind]
            for n, (posted, removed) in enumerate(ad_days(actor, days, rng)):
                if len(plans) >= ads - hostile_budget:
                    break
                plan = AdPlan(actor, person, template, weighted(rng, sites, site_weights),
                              posted, below(rng, 86400), removed)
                plan.images = images_for(person, n == 0, rng)
                if actor.kind == "noise":
                    plan.noise_entry = below(rng, len(phrases()["noise"][actor.lang]))
                plan_versions(plan, first_state(plan, days, rng), days, rng)
                plans.append(plan)
    if factory.minor_rate > 0:  # an explicit 0 asks for a world without minors
        _ensure_minors(plans, max(1, ads // 100), days, rng)
        _ensure_age_edit(plans, days, rng)
    for site in SITES:
        for page in AD_PAGE_KINDS:
            actor = factory.independent()
            actor.lang, actor.disguise_rate, actor.typo_rate, actor.codes = "nl", 0.0, 0.0, []
            actor.cities = actor.cities[:1]
            actors.append(actor)
            template = make_template(actor, rng, emoji=False)
            template.lowercase = False
            plan = AdPlan(actor, actor.persons[0], template, site, 1, below(rng, 86400), None, page=page)
            plan.images = images_for(actor.persons[0], True, rng)
            state = replace(first_state(plan, days, rng), extra_lines=(CHARSET_SAFE_LINE,), handle=None)
            plan.versions.append((1, plan.posted_sec, state))
            plans.append(plan)
    return actors, plans


def _ensure_minors(plans: list[AdPlan], floor: int, days: int, rng: Random) -> None:
    """At least `floor` minors advertised (when operations exist): the case the tool exists for.

    Persons of operations are turned into minors until the floor is met; their ads are planned
    again, so stated ages and versions follow (e.g. a stated 17 edited to 18)."""
    minors = {p.person.id for p in plans if p.person.is_minor}
    by_person: dict[str, list[AdPlan]] = {}
    for plan in plans:
        if plan.actor.kind == "operation" and not plan.person.is_minor:
            by_person.setdefault(plan.person.id, []).append(plan)
    candidates = sorted(by_person.values(), key=lambda ps: (ps[0].actor.hard, ps[0].person.id))
    for person_plans in candidates[: max(0, floor - len(minors))]:
        person = person_plans[0].person
        person.true_age = between(rng, 15, 17)
        if not person_plans[0].actor.hard:
            person.codes += rng.sample(MINOR_LINE_CODES, between(rng, 0, 2))
        for plan in person_plans:
            plan.versions = []
            plan_versions(plan, first_state(plan, days, rng), days, rng)


def _ensure_age_edit(plans: list[AdPlan], days: int, rng: Random) -> None:
    """At least one minor's ad first states 17 and is later edited to 18 (when a minor's ad lives long
    enough): the correction platforms demand, and a signal in the version history."""
    for plan in plans:
        first = plan.versions[0][2]
        if plan.person.is_minor and first.stated_age is not None and first.stated_age < 18 and len(plan.versions) > 1:
            return
    for plan in plans:
        last_live = (plan.removed_day - 1) if plan.removed_day else days
        if plan.person.is_minor and plan.page == "normal" and last_live > plan.posted_day:
            first = replace(plan.versions[0][2], stated_age=17, just_18=False)
            plan.versions = []
            plan_versions(plan, first, days, rng)
            return


def _mark_injections(plans: list[AdPlan], rate: float, rng: Random) -> None:
    candidates = [p for p in plans if p.page == "normal" and p.actor.kind != "noise"]
    k = min(len(candidates), max(2, round(rate * len(plans))))
    lines = phrases()["injection_lines"]
    for i, plan in enumerate(rng.sample(candidates, k)):
        plan.injection = lines[i % len(lines)]
        plan.versions = [(d, s, replace(st, extra_lines=st.extra_lines + (plan.injection,)))
                         for d, s, st in plan.versions]


def _assign_ids(plans: list[AdPlan], rng: Random) -> None:
    """Ids count up in posting order per site, as on real sites (so ids reveal no actor)."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    seen: set[str] = set()
    counters = {"classic": 480000, "search": 7100000}
    for site in SITES:
        ordered = sorted((p for p in plans if p.site == site), key=lambda p: (p.posted_day, p.posted_sec))
        for plan in ordered:
            if site == "profiles":
                while True:
                    token = "".join(pick(rng, alphabet) for _ in range(8))
                    if token not in seen:
                        seen.add(token)
                        break
                plan.site_ad_id = token
            else:
                counters[site] += between(rng, 1, 9)
                plan.site_ad_id = str(counters[site])


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
    _mark_injections(plans, injection_rate, rng)
    _assign_ids(plans, rng)
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
