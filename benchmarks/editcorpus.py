"""An ad corpus with word-level edits, written independently of the demo world, for clustering.

Why a second corpus: the demo world (``crawlers.demosite``) and ``models.synthetic``
were written alongside the clusterer, and a clusterer tuned on its own generator
flatters itself. This one follows only the rules of issue #15, in English, with its
own vocabulary and sentence grammar (nothing is taken from the demo world's phrase bank):

- an *operation* posts 2 to several hundred ads (log-uniform sizes) from one template
  whose slots (name, age, city, price, phone) are filled afresh in every ad;
- every ad gets 0 to 3 word-level edits: a word dropped, duplicated, or swapped with
  its neighbour;
- some operations (``variant_share``) have a second variant with one sentence rewritten,
  and part of their ads use it;
- every ad gets one of a few boilerplate lines, inserted at a random sentence boundary
  or, now and then, in the middle of a sentence;
- some ads end in a tail of emoji or punctuation;
- ``unique_share`` of the ads are unique texts, made by the same grammar, that share
  only the boilerplate lines with the rest; their truth label is None (alone).

Templates also draw 0 to 2 sentences from a small pool of stock sentences ("Parking is
free in the street."), so different operations share whole sentences, as they do online.
Content is non-explicit: name, age, city, availability, arrangements, price, contact.
It is still text we wrote: good figures here are not evidence of accuracy on real ads.

    python -m benchmarks.editcorpus --ads 20 --seed 1      # print a few ads with their truth
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

NAMES = ("Ava Bella Chloe Daisy Elena Freya Gina Hanna Ivy Jasmine Kira Leah Maya Nadia Olive Paige Quinn "
         "Rosa Sienna Tara Uma Violet Willow Xena Yasmin Zara Alina Bianca Carmen Delia Esme Flora Greta Holly "
         "Ines Jolie Kaya Layla Mira Nora").split()
CITIES = ["Leeds", "Bristol", "Manchester", "Liverpool", "Glasgow", "Cardiff", "Brighton", "Leicester",
          "Nottingham", "Sheffield", "Newcastle", "Oxford", "Cambridge", "York", "Bath", "Milton Keynes",
          "Stoke on Trent", "Reading", "Coventry", "Norwich", "Aberdeen", "Exeter", "Derby", "Swansea"]
GREETINGS = ["Hi there", "Hello gentlemen", "Good evening", "Welcome", "Hey you", "Greetings", "Hello and welcome",
             "Hi guys", "Well hello", "Nice to meet you"]
INTRO_VERBS = ["I am", "my name is", "they call me", "this is", "meet", "you found"]
STAY_VERBS = ["based in", "staying in", "living near", "new to", "visiting", "working from", "settled in"]
ADJECTIVES = ("cheerful warm witty calm elegant playful curious gentle bubbly thoughtful easygoing charming "
              "sociable graceful lively relaxed polished friendly sincere radiant petite tall sporty bookish "
              "stylish down-to-earth sunny patient attentive classy").split()
NOUNS = ["companion", "lady", "girl", "woman", "student", "host", "dinner date", "travel partner", "listener"]
QUALITIES = ["sense of humour", "smile", "laugh", "taste in music", "love of travel", "eye for detail",
             "way with words", "passion for food", "calm manner", "bright personality", "open mind"]
ACTIVITIES = ["long walks", "jazz evenings", "cooking", "art galleries", "wine tasting", "board games",
              "old films", "yoga", "city breaks", "live music", "reading crime novels", "photography",
              "cycling", "karaoke", "dancing", "theatre nights", "coffee shops", "gardening", "road trips"]
WHEN = ["every weekday", "most evenings", "weekends only", "from noon until late", "mornings and afternoons",
        "seven days a week", "on Fridays and Saturdays", "after six", "during lunch hours", "day and night"]
WHEN_EXTRA = ["with short notice", "by appointment", "if booked a day ahead", "for last minute plans",
              "when I am in town", "unless I say otherwise", "most of the time"]
AVAILABLE = ["Available", "Free", "Around", "You can find me", "Bookings are open", "I see visitors"]
ARRANGEMENTS = ["I receive guests in a {adj} apartment", "Visits to your hotel are possible",
                "I host in a quiet flat close to the station", "I can travel to you within the area",
                "Meetings at my place or yours", "I welcome you in a private studio",
                "Dinner dates and hotel visits only", "Discreet incall in a {adj} building"]
ARRANGE_EXTRA = ["with parking nearby", "near the ring road", "in a safe street", "with a lift",
                 "ten minutes from the centre", "with a separate entrance", "close to the shops"]
RATE_WORDS = ["My rate is", "The fee is", "Donation", "Price", "One hour costs", "I charge"]
RATE_EXTRA = ["for one hour", "per hour", "an hour", "for sixty minutes", "hourly", "for the first hour"]
RATE_NOTES = ["longer bookings on request", "cash only", "no haggling please", "overnight rates by message",
              "deposit for outcalls", "discount for regulars"]
CONTACT_VERBS = ["Call me on", "Text me at", "Message", "Ring", "Send a text to", "WhatsApp me on", "Reach me at"]
CONTACT_EXTRA = ["between ten and ten", "no calls after midnight", "texts preferred", "I reply quickly",
                 "say you saw this page", "no private numbers"]
SIGNOFFS = ["See you soon", "Hope to hear from you", "Take care", "Until then", "Speak soon", "Warm wishes",
            "Looking forward to it", "Bye for now"]
STOCK = ["Parking is free in the street.", "Showers and fresh towels are available.",
         "English and Spanish spoken.", "Please be on time.", "Respect is everything to me.",
         "Smart casual dress appreciated.", "Non smokers preferred.", "Hygiene is important to me.",
         "Photos are recent and genuine.", "No last minute cancellations please.",
         "Drinks are available on arrival.", "Gentlemen over thirty preferred."]
BOILERPLATE = ["Serious enquiries only.", "No withheld numbers.", "Real photos, no surprises.",
               "Safe, clean and discreet.", "Contact me via the site for more info.", "Adults only."]
TAILS = ["!!!", "💋💋💋", "😘", "✨✨", "~~~", "*** ♥ ***", "!! 🌹", "...", "xoxo", "💕💕"]


@dataclass(frozen=True)
class EditAd:
    id: str
    text: str
    operation: int | None  # None: a unique ad (its own cluster of one)


def _phone(rng: random.Random) -> str:
    digits = "07" + "".join(rng.choice("0123456789") for _ in range(9))
    style = rng.randrange(4)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:5]} {digits[5:]}"
    if style == 2:
        return f"+44 {digits[1:5]} {digits[5:8]} {digits[8:]}"
    return f"{digits[:5]}-{digits[5:8]}-{digits[8:]}"


def _price(rng: random.Random) -> str:
    amount = rng.randrange(80, 400, 10)
    return rng.choice([f"£{amount}", f"{amount} pounds", f"{amount} GBP", f"£{amount}.00"])


def _sentence(role: str, rng: random.Random) -> str:
    """One sentence of a role, with {name} {age} {city} {price} {phone} left as slots."""
    a, b = rng.sample(ADJECTIVES, 2)
    if role == "intro":
        return (f"{rng.choice(GREETINGS)}, {rng.choice(INTRO_VERBS)} {{name}}, {{age}}, "
                f"{rng.choice(STAY_VERBS)} {{city}}.")
    if role == "about":
        return f"A {a} and {b} {rng.choice(NOUNS)} with a {rng.choice(ADJECTIVES)} {rng.choice(QUALITIES)}."
    if role == "interests":
        x, y, z = rng.sample(ACTIVITIES, 3)
        return f"{rng.choice(['I enjoy', 'I love', 'In my free time I like', 'Ask me about'])} {x}, {y} and {z}."
    if role == "availability":
        return f"{rng.choice(AVAILABLE)} {rng.choice(WHEN)} {rng.choice(WHEN_EXTRA)}."
    if role == "arrangements":
        return f"{rng.choice(ARRANGEMENTS).format(adj=a)} {rng.choice(ARRANGE_EXTRA)}."
    if role == "rate":
        return f"{rng.choice(RATE_WORDS)} {{price}} {rng.choice(RATE_EXTRA)}, {rng.choice(RATE_NOTES)}."
    if role == "contact":
        return f"{rng.choice(CONTACT_VERBS)} {{phone}}, {rng.choice(CONTACT_EXTRA)}."
    return f"{rng.choice(SIGNOFFS)}, {{name}}."


ROLES = ("intro", "about", "interests", "availability", "arrangements", "rate", "contact", "signoff")


def _template(rng: random.Random) -> list[str]:
    """Intro and contact, 1 to 5 of the other sentences in a shuffled order, and 0 to 2 stock ones:
    short templates are where word edits cost most."""
    middle = rng.sample(ROLES[1:6], rng.randint(1, 5))
    roles = ["intro", *middle, "contact"] + (["signoff"] if rng.random() < 0.5 else [])
    sentences = [_sentence(role, rng) for role in roles]
    for stock in rng.sample(STOCK, rng.choice([0, 1, 1, 2])):
        sentences.insert(rng.randrange(1, len(sentences)), stock)
    return sentences


def _variant(template: list[str], rng: random.Random) -> list[str]:
    """The template with one sentence (not the intro) rewritten by the same grammar."""
    out = list(template)
    at = rng.randrange(1, len(out))
    role = next((r for r in ROLES if r != "intro" and _looks_like(out[at], r)), "about")
    rewritten = out[at]
    while rewritten == out[at]:
        rewritten = _sentence(role, rng)
    out[at] = rewritten
    return out


def _looks_like(sentence: str, role: str) -> bool:
    marks = {"rate": "{price}", "contact": "{phone}", "signoff": "{name}."}
    return marks.get(role, "\0") in sentence


def _edited(words: list[str], rng: random.Random, edits: int) -> list[str]:
    for _ in range(edits):
        if len(words) < 4:
            break
        at = rng.randrange(len(words) - 1)
        kind = rng.randrange(3)
        if kind == 0:
            del words[at]
        elif kind == 1:
            words.insert(at, words[at])
        else:
            words[at], words[at + 1] = words[at + 1], words[at]
    return words


def _render(sentences: list[str], rng: random.Random) -> str:
    name = rng.choice(NAMES)
    filled = [s.format(name=name, age=rng.randint(19, 45), city=rng.choice(CITIES), price=_price(rng),
                       phone=_phone(rng)) for s in sentences]
    boiler = rng.choice(BOILERPLATE)
    if rng.random() < 0.8:
        filled.insert(rng.randrange(len(filled) + 1), boiler)
        words = _edited(" ".join(filled).split(" "), rng, rng.randint(0, 3))
    else:  # in the middle of a sentence
        words = _edited(" ".join(filled).split(" "), rng, rng.randint(0, 3))
        words.insert(rng.randrange(len(words) + 1), boiler)
    text = " ".join(words)
    if rng.random() < 0.3:
        text = f"{text} {rng.choice(TAILS)}"
    return text


def _sizes(rng: random.Random, n_ads: int, largest: int) -> Iterator[int]:
    made = 0
    while made < n_ads:
        size = max(2, round(math.exp(rng.uniform(math.log(2), math.log(largest)))))
        size = min(size, n_ads - made)
        made += size
        yield size


def edit_corpus(n_ads: int, seed: int = 0, unique_share: float = 0.25, variant_share: float = 0.4,
                largest: int = 400) -> list[EditAd]:
    """``n_ads`` ads in random order: operations of 2..``largest`` ads plus unique ads."""
    rng = random.Random(seed)
    n_unique = round(n_ads * unique_share)
    plan: list[tuple[int | None, list[str]]] = []
    for operation, size in enumerate(_sizes(rng, n_ads - n_unique, largest)):
        template = _template(rng)
        second = _variant(template, rng) if rng.random() < variant_share and size >= 4 else None
        second_share = rng.uniform(0.2, 0.5)
        for _ in range(size):
            use = second if second is not None and rng.random() < second_share else template
            plan.append((operation, use))
    plan.extend((None, _template(rng)) for _ in range(n_unique))
    rng.shuffle(plan)
    return [EditAd(f"edit{i:07d}", _render(sentences, rng), operation)
            for i, (operation, sentences) in enumerate(plan)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ads", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for ad in edit_corpus(args.ads, args.seed):
        print(json.dumps({"id": ad.id, "operation": ad.operation, "text": ad.text}, ensure_ascii=False))


if __name__ == "__main__":
    main()
