"""Plan the world: which actors exist, which ads they post where and when, and the versions of each.

`plan_world` draws everything from the world's one random source; the guarantees that make a
small world still useful (a floor of minors, one 17 -> 18 age edit, a few injection attempts)
are applied here too, before ids are assigned in posting order.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate
from random import Random

from crawlers.demosite.actors import MINOR_LINE_CODES, Actor, ActorFactory
from crawlers.demosite.compose import AdState, draw_variant, email_notation, make_template, phone_notation
from crawlers.demosite.draw import below, between, pick, weighted
from crawlers.demosite.hostile import AD_PAGE_KINDS, SITES
from crawlers.demosite.texts import phrases
from crawlers.demosite.timeline import SITE_CUM_WEIGHTS, AdPlan, ad_days, city_on, images_for, plan_versions

# Share of actors by kind; chosen so that roughly 8% of ads are noise, half are independents,
# a sixth belong to agencies and a quarter to exploitative operations.
ACTOR_WEIGHTS = (("independent", 66), ("noise", 18), ("agency", 7), ("operation", 9))
CHARSET_SAFE_LINE = "Afspraak in café of hotel, één uur minimum."


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


def mark_injections(plans: list[AdPlan], rate: float, rng: Random) -> None:
    candidates = [p for p in plans if p.page == "normal" and p.actor.kind != "noise"]
    k = min(len(candidates), max(2, round(rate * len(plans))))
    lines = phrases()["injection_lines"]
    for i, plan in enumerate(rng.sample(candidates, k)):
        plan.injection = lines[i % len(lines)]
        plan.versions = [(d, s, replace(st, extra_lines=st.extra_lines + (plan.injection,)))
                         for d, s, st in plan.versions]


def assign_ids(plans: list[AdPlan], rng: Random) -> None:
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
