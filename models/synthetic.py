"""Synthetic templated ads with known templates, for tests, evaluation and benchmarks.

Each template is a short ad in Dutch (name, age, city, availability, price,
contact only) built from random phrase choices plus filler words, so distinct
templates share grammar and boilerplate ("bel voor een afspraak", "100% echt")
but not their wording. An ad fills a template's slots with fresh values, and a
share of ads is lightly edited (a sentence dropped or a boilerplate line added),
as reposts are. Same seed, same ads.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

NAMES = ["Lisa", "Sanne", "Eva", "Mila", "Noor", "Julia", "Emma", "Sara", "Tess", "Anna", "Lotte", "Roos",
         "Fleur", "Iris", "Nina", "Vera", "Maud", "Jade", "Lina", "Zoe"]
CITIES = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
          "Breda", "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Zwolle", "Leiden", "Maastricht"]
BOILERPLATE = ["Bel voor een afspraak.", "100% echt.", "Geen nep.", "Discreet en betrouwbaar.",
               "Alleen serieuze reacties.", "Stuur gerust een bericht."]
OPENERS = ["Hoi, ik ben {name}, {age} jaar.", "Hallo! Mijn naam is {name} en ik ben {age}.",
           "{name} hier, {age} jaar jong.", "Welkom bij {name} ({age})."]
PLACES = ["Nieuw in {city}!", "Te vinden in {city}.", "Ontvang in {city} en omgeving.", "Deze week in {city}."]
TIMES = ["Beschikbaar {days}.", "Bereikbaar {days} op afspraak.", "Je kunt me {days} bellen."]
DAYS = ["in het weekend", "doordeweeks", "'s avonds", "overdag", "op maandag en dinsdag", "na acht uur"]
PRICES = ["Prijs {price} euro per uur.", "Tarief vanaf {price} euro.", "{price} euro per afspraak."]
CONTACTS = ["Bel {phone}.", "Bereikbaar op {phone}.", "Whatsapp {phone}."]
FILLER = ("rustige gezellige vriendelijke sportieve spontane nette lieve vrolijke zorgzame goede fijne mooie "
          "kamer locatie avond gesprek wandeling etentje gezelschap reis hotel appartement bezoek tijd sfeer "
          "muziek humor wijn thee koffie boek film stad strand park terras zon regen winter zomer lente "
          "dansen lezen koken fietsen zwemmen reizen lachen praten luisteren genieten ontspannen").split()


@dataclass(frozen=True)
class SyntheticAd:
    id: str
    text: str
    template: int


def _template(rng: random.Random) -> str:
    filler = " ".join(rng.choice(FILLER) for _ in range(rng.randint(8, 14)))
    sentences = [
        rng.choice(OPENERS), rng.choice(PLACES), f"Ik ben een {filler}.", rng.choice(TIMES),
        rng.choice(PRICES), rng.choice(CONTACTS), *rng.sample(BOILERPLATE, 2),
    ]
    return " ".join(sentences)


def _phone(rng: random.Random) -> str:
    return "06 " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(4))


def synthetic_ads(n_ads: int, mean_per_template: float = 5.0, edit_share: float = 0.2,
                  seed: int = 0) -> Iterator[SyntheticAd]:
    """`n_ads` ads from about n_ads / mean_per_template templates (geometric cluster sizes)."""
    rng = random.Random(seed)
    made, template_no = 0, 0
    while made < n_ads:
        template = _template(rng)
        size = 1
        while rng.random() > 1 / mean_per_template:
            size += 1
        for _ in range(min(size, n_ads - made)):
            text = template.format(name=rng.choice(NAMES), age=rng.randint(18, 35), city=rng.choice(CITIES),
                                   days=rng.choice(DAYS), price=rng.choice(range(80, 300, 10)),
                                   phone=_phone(rng))
            if rng.random() < edit_share:
                sentences = text.split(". ")
                if rng.random() < 0.5 and len(sentences) > 4:
                    sentences.pop(rng.randrange(1, len(sentences)))
                    text = ". ".join(sentences)
                else:
                    text = f"{text} {rng.choice(BOILERPLATE)}"
            yield SyntheticAd(f"syn{made:07d}", text, template_no)
            made += 1
        template_no += 1
