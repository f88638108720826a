"""Indicators computed from extracted entities (stated ages, disguised contacts, very low prices) and
from the shape of the text (a schedule of cities, ``nlp.indicators.schedule``).

Each rule is named by an entry in ``computed.yaml``, which holds its weight, explanation, source
and ``options`` (e.g. the price threshold), so the rule here stays free of numbers to tune.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nlp.ages import AgeFound
from nlp.emails import EmailFound
from nlp.indicators.compiled import compiled_lexicon, computed_entry
from nlp.indicators.context import cues_regex, has_adult_cue
from nlp.indicators.schedule import schedule_spans, stay_spans
from nlp.lexicon_types import Entry
from nlp.licences import LicenceFound
from nlp.listing import NON_ADULT_BELOW, shipped_model
from nlp.phones import PhoneFound
from nlp.prices import PriceFound
from nlp.textmodel import shipped_model as shipped_text_model

NEAR_CHARS = 25


@dataclass(frozen=True)
class ComputedHit:
    entry: Entry
    start: int
    end: int


_CLAUSE_END = re.compile(r"[.;!?\n]")


@lru_cache(maxsize=64)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for "one of `words`, as a word": a match of it is a match of one word's own regex."""
    if not words:
        return None
    return re.compile("(?<!\\w)(?:" + "|".join(re.escape(w.lower()) for w in words) + ")(?!\\w)")


def _near(text: str, start: int, end: int, words: Iterable[str]) -> bool:
    """One of `words` within NEAR_CHARS of the span, without crossing a sentence or line end."""
    pattern = _any_word(tuple(words))
    if pattern is None:
        return False
    before = _CLAUSE_END.split(text[max(0, start - NEAR_CHARS) : start])[-1]
    after = _CLAUSE_END.split(text[end : end + NEAR_CHARS])[0]
    return pattern.search((before + text[start:end] + after).lower()) is not None


def _reads_as_adult_ad(text: str) -> bool:
    """An adult-service cue, or a listing classifier that does not find the text ordinary: a bare
    "30 euro" is her rate in an escort ad and the price of a thing in a sale."""
    if has_adult_cue(text):
        return True
    model = shipped_model()
    return model is None or model.adult_probability(text) >= NON_ADULT_BELOW


def _in_sentence(text: str, start: int, end: int, words: Iterable[str]) -> bool:
    """One of `words` in the sentence around the span."""
    pattern = _any_word(tuple(words))
    if pattern is None:
        return False
    before = _CLAUSE_END.split(text[:start])[-1]
    after = _CLAUSE_END.split(text[end:])[0]
    return pattern.search((before + text[start:end] + after).lower()) is not None


def _mentions(text: str, words: Iterable[str]) -> bool:
    """One of `words` anywhere in the text, as a word."""
    pattern = _any_word(tuple(words))
    return pattern is not None and pattern.search(text.lower()) is not None


def computed_hits(
    text: str,
    ages: list[AgeFound],
    phones: list[PhoneFound],
    emails: list[EmailFound],
    prices: list[PriceFound],
    licences: Sequence[LicenceFound] = (),
    licence_register: frozenset[str] | None = None,
) -> list[ComputedHit]:
    hits = []
    under_18, is_18 = computed_entry("stated_age_under_18"), computed_entry("stated_age_18")
    for age in ages:
        rule = under_18 if age.age < 18 else is_18 if age.age == 18 else None
        if rule is not None and not _near(text, age.start, age.end, rule.options.get("exclude_near", [])):
            hits.append(ComputedHit(rule, age.start, age.end))
    phone_rule = computed_entry("phone_disguised")
    hits += [ComputedHit(phone_rule, p.start, p.end) for p in phones if p.obfuscated]
    email_rule = computed_entry("email_disguised")
    hits += [ComputedHit(email_rule, e.start, e.end) for e in emails if e.obfuscated]
    price_rule = computed_entry("very_low_price")
    threshold = float(price_rule.options["max_amount"])
    exclude = price_rule.options.get("exclude_near", [])
    rate_words = price_rule.options.get("rate_near", [])
    adult = None  # asked once, only when a low price has no rate word next to it
    for price in prices:
        if price.amount >= threshold or _near(text, price.start, price.end, exclude):
            continue
        if rate_words and not _near(text, price.start, price.end, rate_words):
            adult = _reads_as_adult_ad(text) if adult is None else adult
            if not adult:
                continue
        hits.append(ComputedHit(price_rule, price.start, price.end))
    schedule_rule = computed_entry("city_schedule")
    spans = schedule_spans(text)
    if spans and not _mentions(text, schedule_rule.options.get("exclude_in_text", [])):
        hits += [ComputedHit(schedule_rule, start, end) for start, end in spans]
    stay_rule = computed_entry("stay_window")
    stays = stay_spans(text)
    if stays and not _mentions(text, stay_rule.options.get("exclude_in_text", [])):
        exclude = stay_rule.options.get("exclude_near", [])
        hits += [ComputedHit(stay_rule, start, end) for start, end in stays
                 if not _in_sentence(text, start, end, exclude)]
    if licence_register is not None:
        unknown = computed_entry("licence_unknown")
        hits += [ComputedHit(unknown, lic.start, lic.end) for lic in licences if lic.number not in licence_register]
    return hits


_supporting: tuple[object, frozenset[str]] | None = None


def supporting_codes() -> frozenset[str]:
    """The codes of supporting entries: weak evidence that raises its category only beside another hit."""
    global _supporting
    lexicon = compiled_lexicon()
    if _supporting is None or _supporting[0] is not lexicon:
        _supporting = (lexicon, frozenset(e.code for e in lexicon.entries if e.supporting))
    return _supporting[1]


def minor_arranged(text: str) -> list[ComputedHit]:
    """Asked when the ad already has a minor hit: its appointments going through someone else (an
    office, agency, reception, "us": the cues of computed rule ``minor_arranged``) is a coercion hit."""
    entry = computed_entry("minor_arranged")
    m = cues_regex(tuple(entry.options.get("cues", ()))).search(text)
    return [ComputedHit(entry, m.start(), m.end())] if m else []


@dataclass(frozen=True)
class ModelHit:
    entry: Entry
    start: int
    end: int
    probability: float
    terms: list[tuple[str, float]]


def text_model_hits(text: str, categories: Sequence[str]) -> list[ModelHit]:
    """The indicator text model's readings (``nlp.textmodel``) for `categories`, each over the
    threshold of its computed entry ``text_model_<category>``."""
    model = shipped_text_model()
    if model is None or not categories:
        return []
    entries = {c: computed_entry(f"text_model_{c}") for c in categories}
    thresholds = {c: float(e.options["threshold"]) for c, e in entries.items()}
    return [ModelHit(entries[r.category], r.start, r.end, r.probability, r.terms)
            for r in model.readings(text, thresholds)]
