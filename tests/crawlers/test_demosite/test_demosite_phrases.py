"""The world's text material (phrases.yaml) and its disguises: valid, in the shared vocabulary, reversible."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from test_demosite_generate import VOCABULARY

from crawlers.demosite.compose import SLOT_CATEGORY
from crawlers.demosite.disguise import DIGIT_WORDS, PHONE_DISGUISES, written_email, written_phone
from crawlers.demosite.texts import Marked, Slot, parse_line, phrases

SLOTS = {"name", "age", "age_short", "city", "price", "phone", "email", "handle", "agency", "licence"}
FORBIDDEN = re.compile(r"\b(nationalit|ethnic|etnisch|religi|afkomst)", re.IGNORECASE)


def all_templates(data) -> list[str]:
    out = []
    for group in ("sections", "agency_sections"):
        for lang in data[group].values():
            for variants in lang.values():
                out += variants
    for lang in data["noise"].values():
        for entry in lang:
            out += [entry["title"], *entry["body"]]
    for lines in data["disclaimer_lines"].values():
        out += lines
    return out


def test_templates_use_known_slots_and_decoys_use_known_codes():
    codes = set().union(*VOCABULARY.values())
    for template in all_templates(phrases()):
        for piece in parse_line(template):
            if isinstance(piece, Slot):
                assert piece.name in SLOTS, template
            elif isinstance(piece, Marked):
                assert piece.code in codes, template


def test_intros_name_the_person_age_and_city():
    data = phrases()
    for group in ("sections", "agency_sections"):
        for lang in data[group].values():
            for intro in lang["intro"]:
                assert {"{name}", "{age}", "{city}"} <= set(re.findall(r"\{\w+\}", intro)), intro


def test_indicator_phrases_follow_the_shared_vocabulary():
    data = phrases()
    for code, entry in data["indicators"].items():
        assert code in VOCABULARY[entry["category"]], code
        for lang in ("nl", "en"):
            assert entry[lang], (code, lang)
            for prefix, phrase, suffix in entry[lang]:
                assert phrase.strip() == phrase != "" and isinstance(prefix, str) and isinstance(suffix, str)
    for code, category in SLOT_CATEGORY.items():
        assert code in VOCABULARY[category]


def test_no_text_mentions_ethnicity_nationality_or_religion():
    data = phrases()
    texts = all_templates(data) + [p for e in data["indicators"].values() for lang in ("nl", "en")
                                   for t in e[lang] for p in t]
    assert not [t for t in texts if FORBIDDEN.search(t)]


def undisguise(written: str) -> str:
    """A reference reading of a disguised number: words, look-alike letters, emoji and wide digits to digits."""
    text = unicodedata.normalize("NFKC", written).replace("\ufe0f", "").replace("\u20e3", "")
    for words in DIGIT_WORDS.values():
        for digit, word in enumerate(words):
            text = re.sub(rf"\b{word}\b", str(digit), text)
    text = text.replace("O", "0").replace("l", "1").replace("I", "1")
    return re.sub(r"\D", "", text)


@pytest.mark.parametrize("disguise", PHONE_DISGUISES)
@pytest.mark.parametrize("number", [("0612345678", "+31612345678", 2), ("0201234567", "+31201234567", 3),
                                    ("0470123456", "+32470123456", 4)])
def test_every_phone_disguise_is_readable_back(disguise, number):
    national, e164, head = number
    rng = random.Random(5)
    for lang in ("nl", "en"):
        for _ in range(5):
            written, types = written_phone(national, e164, head, disguise, lang, rng)
            assert types == [disguise]
            expected = national if e164.startswith("+31") else "00" + e164[1:]
            assert undisguise(written) == expected, written


def test_disguised_emails_hide_the_at_sign_but_keep_the_parts():
    rng = random.Random(2)
    for lang in ("nl", "en"):
        for _ in range(6):
            written = written_email("lisa93@mail.example.com", True, lang, rng)
            assert "@" not in written and "lisa93" in written and "example" in written
    assert written_email("lisa93@mail.example.com", False, "nl", rng) == "lisa93@mail.example.com"
