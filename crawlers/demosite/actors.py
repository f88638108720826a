"""Who advertises in the demo world: independents, licensed agencies, exploitative operations, noise.

An actor controls one or more advertised persons and a set of contacts (phones, e-mail,
handles). Everything is drawn from one ``random.Random`` so the world is reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from crawlers.demosite.cities import CITIES, CITY_WEIGHTS, City, city_slug
from crawlers.demosite.draw import below, between, pick, weighted
from crawlers.demosite.texts import phrases

COERCION_CODES = (
    "third_person",
    "booking_via_third_party",
    "no_language",
    "always_available",
    "no_protection",
    "new_girls_weekly",
    "lives_on_premises",
)
MOVEMENT_CODES = ("new_in_town", "tour", "few_days")
MINOR_LINE_CODES = ("school_words", "youth_words", "first_time")
BAIT_CODES = ("always_available", "real_photos", "new_in_town", "tour", "few_days")
CITY_CUM_WEIGHTS = tuple(accumulate(CITY_WEIGHTS))
HANDLE_PLATFORMS = ("snapchat", "telegram", "instagram", "whatsapp")


@dataclass(frozen=True)
class Phone:
    e164: str
    national: str
    head: int  # length of the national prefix ("06" -> 2, "020" -> 3), for grouping digits


@dataclass
class Person:
    id: str
    actor_id: str
    name: str
    true_age: int | None  # None for non-adult (noise) listings
    base_images: list[str]
    codes: list[str] = field(default_factory=list)  # indicator lines only this person's ads carry

    @property
    def is_minor(self) -> bool:
        return self.true_age is not None and self.true_age < 18


@dataclass(frozen=True)
class Facilitator:
    """A place that provides rooms (a hotel, a holiday flat); the same one may serve several operations."""

    id: str
    kind: str  # hotel | apartment
    name: str
    street: str
    city: City

    @property
    def text(self) -> str:
        return f"{self.name}, {self.street}" if self.name else self.street


@dataclass
class Actor:
    id: str
    kind: str  # independent | agency | operation | noise
    lang: str  # nl | en | mixed
    cities: list[City]
    phones: list[Phone]
    emails: list[str]
    handles: list[tuple[str, str]]
    persons: list[Person] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # indicator lines every ad of the actor carries
    low_price: bool = False
    hard: bool = False
    name: str = ""  # agency or operation name shown in ads ("" for independents)
    licence: str | None = None
    licence_registered: bool = False
    disguise_rate: float = 0.0
    typo_rate: float = 0.0
    facilitators: dict[str, Facilitator] = field(default_factory=dict)  # by city name: where incall happens

    @property
    def operation_id(self) -> str | None:
        return self.id if self.kind == "operation" else None


class ActorFactory:
    """Draws actors with ids that count up; `rng` is the world's single random source."""

    def __init__(self, rng, disguise_rate: float, minor_rate: float) -> None:
        self.rng = rng
        self.disguise_rate = disguise_rate
        self.minor_rate = minor_rate
        self._actors = 0
        self._persons = 0
        self._image_count = 0
        self._licences = 0
        self._numbers: set[str] = set()
        self._handles: set[str] = set()
        self._agency_names: set[str] = set()
        self._emails: set[str] = set()  # personal addresses; agencies' follow from their unique names
        self.facilitators: dict[str, list[Facilitator]] = {}  # by city name, shared by all operations

    # --- small draws -------------------------------------------------------------------------
    def _city(self) -> City:
        return weighted(self.rng, CITIES, CITY_CUM_WEIGHTS)

    def _route(self, n: int) -> list[City]:
        route: list[City] = []
        while len(route) < n:
            city = self._city()
            if city not in route:
                route.append(city)
        return route

    def _lang(self, en: float, mixed: float) -> str:
        r = self.rng.random()
        return "en" if r < en else "mixed" if r < en + mixed else "nl"

    def _unique_number(self, make) -> Phone:
        while True:
            phone = make()
            if phone.e164 not in self._numbers:
                self._numbers.add(phone.e164)
                return phone

    def mobile(self) -> Phone:
        rng = self.rng
        r = rng.random()
        if r < 0.9:
            def make():
                national = f"06{pick(rng, '123458')}{below(rng, 10**7):07d}"
                return Phone("+31" + national[1:], national, 2)
        elif r < 0.95:
            def make():
                national = f"04{pick(rng, '789')}{below(rng, 10**7):07d}"
                return Phone("+32" + national[1:], national, 4)
        else:
            def make():
                national = f"{pick(rng, ('0151', '0152', '0176'))}{below(rng, 10**8):08d}"
                return Phone("+49" + national[1:], national, 4)
        return self._unique_number(make)

    def landline(self, city: City) -> Phone:
        rng = self.rng

        def make():
            national = f"{city.area_code}{pick(rng, '2345678')}{below(rng, 10**6):06d}"
            return Phone("+31" + national[1:], national, 3)

        return self._unique_number(make)

    def _handle(self, base: str) -> tuple[str, str]:
        platform = pick(self.rng, HANDLE_PLATFORMS)
        if platform == "whatsapp":
            return platform, ""  # filled with the actor's first phone by the caller
        while True:
            sep = pick(self.rng, (".", "_", ""))
            handle = f"{base.lower()}{sep}{pick(self.rng, phrases()['handle_suffixes'])}"
            if handle not in self._handles:
                self._handles.add(handle)
                return platform, handle
            base += pick(self.rng, "abcxyz")

    def _agency_name(self, city: City) -> str:
        """A name no other agency of this world has (so neither has its e-mail address).

        Two words give only 48 names, so a busy world draws one twice; the second agency
        then carries its city ("Crystal Agency Utrecht"), and a number if that is taken
        too. No extra random draw is made, so the rest of the world stays as it was.
        """
        words = phrases()
        name = f"{pick(self.rng, words['agency_words'])} {pick(self.rng, words['agency_kinds'])}"
        candidate, n = name, 1
        if candidate in self._agency_names:
            candidate = name = f"{name} {city.name}"
        while candidate in self._agency_names:
            n += 1
            candidate = f"{name} {n}"
        self._agency_names.add(candidate)
        return candidate

    def _email(self, local: str) -> str:
        """A personal address no other actor of this world has: a taken one counts its number up
        (no extra random draw)."""
        number, domain = between(self.rng, 10, 98), pick(self.rng, phrases()["email_domains"])
        while (address := f"{local.lower()}{number}@{domain}") in self._emails:
            number += 1
        self._emails.add(address)
        return address

    def _new_images(self, n: int) -> list[str]:
        out = []
        for _ in range(n):
            self._image_count += 1
            out.append(f"b{self._image_count:06d}")
        return out

    def _person(self, actor_id: str, true_age: int | None, n_images: int) -> Person:
        self._persons += 1
        name = pick(self.rng, phrases()["names"])
        return Person(f"P{self._persons:05d}", actor_id, name, true_age, self._new_images(n_images))

    def facilitator_in(self, city: City) -> Facilitator:
        """One of the (at most two) facilitators of a city: operations in a city often use the same one."""
        pool = self.facilitators.setdefault(city.name, [])
        if len(pool) < 2 and (not pool or self.rng.random() < 0.5):
            words = phrases()["facilitators"]
            n = sum(len(p) for p in self.facilitators.values()) + 1
            kind = pick(self.rng, ("hotel", "apartment"))
            name = pick(self.rng, words["hotel_names"]) if kind == "hotel" else ""
            street = f"{pick(self.rng, words['streets'])} {between(self.rng, 1, 140)}"
            pool.append(Facilitator(f"F{n:03d}", kind, name, street, city))
        return pick(self.rng, pool)

    def _actor_id(self) -> str:
        self._actors += 1
        return f"A{self._actors:04d}"

    def _contacts(self, actor: Actor, base: str, email_p: float, handle_p: float) -> None:
        if self.rng.random() < email_p:
            actor.emails.append(self._email(base))
        if self.rng.random() < handle_p:
            platform, handle = self._handle(base)
            actor.handles.append((platform, handle or actor.phones[0].e164.lstrip("+")))

    def next_licence(self, city: City) -> str:
        self._licences += 1
        return f"{city.slug[:3].upper()}-ESC-2025-{self._licences * 7 + 100:04d}"

    def _adult_age(self) -> int:
        return min(45, 18 + int(self.rng.expovariate(1 / 7)))

    # --- actors --------------------------------------------------------------------------------
    def independent(self) -> Actor:
        rng = self.rng
        actor = Actor(
            self._actor_id(), "independent", self._lang(0.25, 0.15), [self._city()], [], [], [],
            disguise_rate=self.disguise_rate * 0.6, typo_rate=pick(rng, (0.0, 0.02, 0.06)),
        )
        actor.phones.append(self.mobile())
        if rng.random() < 0.2:
            actor.phones.append(self.mobile())
        person = self._person(actor.id, self._adult_age(), between(rng, 1, 3))
        actor.persons.append(person)
        if rng.random() < 0.25:  # touring independents move between cities too
            actor.cities += [c for c in self._route(3) if c not in actor.cities][:2]
        self._contacts(actor, person.name, 0.4, 0.35)
        if rng.random() < 0.25:  # false-positive bait: a weak indicator on an adult's own ad
            code = pick(rng, BAIT_CODES + ("just_18",))
            if code == "just_18":
                person.true_age = pick(rng, (18, 19))
            actor.codes.append(code)
        if rng.random() < 0.2:
            actor.licence = self.next_licence(actor.cities[0])
            actor.licence_registered = True
        return actor

    def agency(self) -> Actor:
        rng = self.rng
        city = self._city()
        actor = Actor(
            self._actor_id(), "agency", self._lang(0.3, 0.0), [city], [self.landline(city)], [], [],
            disguise_rate=self.disguise_rate * 0.1, typo_rate=0.0,
        )
        actor.name = self._agency_name(city)
        actor.emails.append(f"info@{city_slug(actor.name)}.example")
        actor.licence = self.next_licence(city)
        actor.licence_registered = True
        actor.codes.append("third_person")  # agencies describe their people in the third person
        if rng.random() < 0.2:
            actor.codes.append("new_girls_weekly")
        if rng.random() < 0.3:
            actor.codes.append("real_photos")
        for _ in range(between(rng, 3, 7)):
            actor.persons.append(self._person(actor.id, between(rng, 21, 38), between(rng, 1, 3)))
        return actor

    def operation(self) -> Actor:
        rng = self.rng
        hard = rng.random() < 0.3
        actor = Actor(
            self._actor_id(), "operation", self._lang(0.35, 0.15), self._route(between(rng, 2, 5)), [], [], [],
            hard=hard, disguise_rate=0.0 if hard else min(1.0, self.disguise_rate * 2),
            typo_rate=pick(rng, (0.02, 0.06, 0.1)),
        )
        for _ in range(between(rng, 1, 3)):
            actor.phones.append(self.mobile())
        if hard:
            actor.codes += rng.sample(("always_available", "real_photos", "new_in_town"), between(rng, 0, 1))
        else:
            actor.codes += rng.sample(COERCION_CODES, between(rng, 1, 3))
            actor.codes += rng.sample(MOVEMENT_CODES, between(rng, 0, 2))
            if rng.random() < 0.5:
                actor.codes.append("real_photos")
            actor.low_price = rng.random() < 0.3
            if rng.random() < 0.25:
                actor.licence = self.next_licence(actor.cities[0]).replace("ESC", "ECS")  # not in the register
        if rng.random() < 0.5:  # incall through facilitators in some of its cities
            for city in actor.cities:
                if rng.random() < 0.6:
                    actor.facilitators[city.name] = self.facilitator_in(city)
        shared_image = self._new_images(1) if rng.random() < 0.3 else []
        for _ in range(between(rng, 2, 10)):
            minor = rng.random() < self.minor_rate
            age = between(rng, 15, 17) if minor else between(rng, 18, 24)
            person = self._person(actor.id, age, between(rng, 1, 3))
            person.base_images += shared_image
            if minor and not hard and rng.random() < 0.7:
                person.codes += rng.sample(MINOR_LINE_CODES, between(rng, 1, 2))
            actor.persons.append(person)
        self._contacts(actor, actor.persons[0].name, 0.3, 0.5)
        return actor

    def noise(self) -> Actor:
        city = self._city()
        actor = Actor(
            self._actor_id(), "noise", self._lang(0.3, 0.0), [city],
            [self.landline(city) if self.rng.random() < 0.5 else self.mobile()], [], [],
        )
        actor.persons.append(self._person(actor.id, None, 1))
        return actor
