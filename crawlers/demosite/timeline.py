"""Ads over time: when each ad is posted, edited and removed, and what each edit changes.

Days are numbered 1..days. An ad is live on day D if posted on or before D and not yet
removed (``removed_day`` is None or greater than D).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import accumulate

from crawlers.demosite.actors import Actor, Person
from crawlers.demosite.compose import AdState, AdTemplate, draw_variant, new_phone_notation
from crawlers.demosite.draw import below, between, pick

MAX_VERSIONS = 4
EDIT_RATE = {"independent": 0.06, "agency": 0.04, "operation": 0.12, "noise": 0.02}
REMOVE_RATE = {"independent": 0.3, "agency": 0.15, "operation": 0.4, "noise": 0.3}
ADS_PER_PERSON = {"independent": (1, 3), "agency": (1, 2), "operation": (1, 3), "noise": (1, 1)}
SITE_WEIGHTS = {
    "independent": ((("classic", "profiles", "search")), (45, 35, 20)),
    "agency": ((("classic", "profiles", "search")), (40, 40, 20)),
    "operation": ((("classic", "profiles", "search")), (45, 25, 30)),
    "noise": ((("classic", "search")), (50, 50)),
}
SITE_CUM_WEIGHTS = {kind: (sites, tuple(accumulate(w))) for kind, (sites, w) in SITE_WEIGHTS.items()}
IMAGE_TRANSFORMS = ("q60", "s70", "c2", "m", "mq70", "s50")


@dataclass
class AdPlan:
    actor: Actor
    person: Person
    template: AdTemplate | None  # None for noise listings (their own wording)
    site: str
    posted_day: int
    posted_sec: int
    removed_day: int | None
    versions: list[tuple[int, int, AdState]] = field(default_factory=list)  # (day, second of day, state)
    images: list[tuple[str, str]] = field(default_factory=list)  # (base image id, transform)
    page: str = "normal"
    injection: str = ""
    noise_entry: int = -1
    site_ad_id: str = ""
    urls: list[str] = field(default_factory=list)  # canonical first


def ad_days(actor: Actor, days: int, rng) -> list[tuple[int, int | None]]:
    """(posted_day, removed_day) for each ad of one person: removals are often followed by a re-post."""
    low, high = ADS_PER_PERSON[actor.kind]
    n = between(rng, low, high)
    out: list[tuple[int, int | None]] = []
    posted = between(rng, 1, days)
    for _ in range(n):
        removed = None
        if posted < days and rng.random() < REMOVE_RATE[actor.kind]:
            removed = between(rng, posted + 1, days)
        out.append((posted, removed))
        posted = removed if removed is not None else between(rng, posted, days)
    return out


def city_on(actor: Actor, day: int, days: int, rng):
    """Operations drift along their route over the period (displacement); others mostly stay."""
    route = actor.cities
    if len(route) == 1:
        return route[0]
    if actor.kind == "operation":
        i = min(len(route) - 1, (day - 1) * len(route) // days)
        if rng.random() < 0.25:
            i = below(rng, len(route))
        return route[i]
    return route[0] if rng.random() < 0.6 else pick(rng, route)


def edit(state: AdState, plan: AdPlan, rng) -> AdState:
    """The next version's state: one realistic change."""
    actor = plan.actor
    if plan.template is None:  # a noise listing only ever rewrites its phone number
        for _ in range(10):
            edited = new_phone_notation(state, actor, "nl", rng)
            if edited.phones[0][1] != state.phones[0][1]:
                return edited
        return state
    if state.stated_age is not None and state.stated_age < 18:
        return replace(state, stated_age=18, just_18=rng.random() < 0.3)
    kinds = ["price", "phone", "text"]
    if len(actor.cities) > 1:
        kinds += ["city", "city"]
    kind = pick(rng, kinds)
    if kind == "city":
        others = [c for c in actor.cities if c != state.city]
        city = pick(rng, others)
        return replace(state, city=city, address=actor.facilitators.get(city.name))
    if kind == "price":
        step = pick(rng, (-20, -10, 10, 20, 30))
        # An actor planted as cheap stays below the EUR 100 the indicator names, or the truth would lie.
        ceiling = 90 if actor.low_price else 1000
        return replace(state, price=min(ceiling, max(30, state.price + step)), price_form=below(rng, 3))
    if kind == "phone":
        return new_phone_notation(state, actor, plan.template.lang if plan.template else "nl", rng)
    if state.codes and rng.random() < 0.4:
        dropped = pick(rng, state.codes)
        return replace(state, codes=tuple(c for c in state.codes if c != dropped))
    if rng.random() < 0.5:
        return replace(state, variant=draw_variant(rng))
    return replace(state, drop_about=not state.drop_about)


CHANGE_FIELDS = (("age", ("stated_age", "just_18")), ("city", ("city",)), ("price", ("price", "price_form")),
                 ("phone", ("phones",)), ("indicator_lines", ("codes",)), ("wording", ("variant", "drop_about")))


def changes_between(before: AdState, after: AdState) -> list[str]:
    """What an edit changed, in words the truth uses: age, city, price, phone, indicator_lines, wording."""
    return [name for name, fields in CHANGE_FIELDS
            if any(getattr(before, f) != getattr(after, f) for f in fields)]


def plan_versions(plan: AdPlan, first: AdState, days: int, rng) -> None:
    """Fill plan.versions: version 1 at posting, then edits on later live days."""
    plan.versions.append((plan.posted_day, plan.posted_sec, first))
    last_live = (plan.removed_day - 1) if plan.removed_day else days
    state = first
    forced = first.stated_age is not None and first.stated_age < 18 and last_live > plan.posted_day
    force_day = between(rng, plan.posted_day + 1, last_live) if forced else None
    for day in range(plan.posted_day + 1, last_live + 1):
        if len(plan.versions) >= MAX_VERSIONS:
            break
        if day == force_day or rng.random() < EDIT_RATE[plan.actor.kind]:
            edited = edit(state, plan, rng)
            if edited == state:
                if plan.template is None:
                    continue  # nothing to change on this noise listing today
                edited = replace(state, drop_about=not state.drop_about)  # an edit always changes something
            state = edited
            plan.versions.append((day, below(rng, 86400), state))


def images_for(person: Person, first_ad: bool, rng) -> list[tuple[str, str]]:
    bases = person.base_images
    chosen = rng.sample(bases, between(rng, 1, len(bases)))
    if first_ad:
        return [(b, "o") for b in chosen]
    return [(b, pick(rng, IMAGE_TRANSFORMS)) for b in chosen]
