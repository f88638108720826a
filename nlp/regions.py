"""Where an ad says it is, as ISO 3166 regions with a weight: the hints that place a national phone
number ("0412 345 678") in a numbering plan when the site's country does not fit it.

Three kinds of hint, strongest first:
- a country calling code written in the text ("+61 ...", "0044", "(+44)"): weight 3;
- a city from ``data/regions.yaml`` ("new in Sydney", "Londen"): weight 2;
- a country name, or a country's top-level domain in an address or link (".co.uk"): weight 1.
Matching is case-sensitive on the written form; names that are also words or first names are
left out of the data file (it says which and why).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, NamedTuple

import phonenumbers
from pydantic import Field, field_validator, model_validator

from core.datafiles import DataFiles, Said, Strict, files_problems, load_model
from nlp.normalise import trie_pattern

REGIONS_FILE = Path(__file__).parent / "data" / "regions.yaml"
CODE_WEIGHT, CITY_WEIGHT, NAME_WEIGHT = 3, 2, 1


class Region(Strict):
    code: str
    """ISO 3166 alpha-2 code that `phonenumbers` knows (its numbering plan)."""
    names: list[Said] = []
    """The country's names, and names of its states or provinces."""
    cities: list[Said] = []
    """Major cities and well-known districts."""
    number_labels: list[Said] = []
    """Words that place only the number written right after them ("Belgisch nr 0472 ...", "NL: 06 ...",
    "Dutch number"): nationality words and country codes, which as ad-wide hints would say where a
    person is from rather than where her phone is."""

    @field_validator("code")
    @classmethod
    def _known_region(cls, code: str) -> str:
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"{code!r} is not a region phonenumbers knows")
        return code


class RegionHints(Strict):
    """``data/regions.yaml``: written place names -> the region whose phone numbers they suggest."""

    source: Said
    capitalised_only: list[str] = []
    """Forms that are ordinary words in lower case ("turkey", "china"): matched only capitalised."""
    languages: dict[str, list[str]] = {}
    """Language code -> regions where it is spoken (ties between equally good readings)."""
    lingua_franca: list[str] = []
    """Languages ads use wherever they are (English): the ad's language then says less than a mobile
    reading does about where a number is."""
    regions: Annotated[list[Region], Field(min_length=1)]

    @model_validator(mode="after")
    def _each_form_once(self) -> RegionHints:
        owner: dict[str, str] = {}
        twice = [f"{form!r} ({owner[form]}, {r.code})" for r in self.regions
                 for form in (*r.names, *r.cities, *r.number_labels)
                 if owner.setdefault(form, r.code) != r.code]
        if twice:
            raise ValueError(f"regions: written forms listed for two regions: {', '.join(twice)}")
        unknown = [form for form in self.capitalised_only if form not in owner]
        unknown += [code for codes in self.languages.values() for code in codes if code not in self._codes()]
        if unknown:
            raise ValueError(f"names no region or form of this file: {', '.join(unknown)}")
        return self

    def _codes(self) -> set[str]:
        return {r.code for r in self.regions}


def data_files() -> DataFiles:
    return [(REGIONS_FILE, RegionHints)]


def validate_all() -> list[str]:
    return files_problems(data_files())


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple[str, int]], frozenset[str], re.Pattern[str]]:
    """(lower-cased form -> (region, weight), forms matched only as written, pattern)."""
    data = load_model(REGIONS_FILE, RegionHints)
    weights: dict[str, tuple[str, int]] = {}
    for region in data.regions:
        weights |= {form.lower(): (region.code, NAME_WEIGHT) for form in region.names}
        weights |= {form.lower(): (region.code, CITY_WEIGHT) for form in region.cities}
    first = "".join(sorted({form[0] for form in weights}))
    # Matched on the lower-cased text (cheaper than ignoring case); word starts only, and a
    # look-ahead on first characters: most positions fail at once.
    pattern = re.compile(rf"\b(?=[{re.escape(first)}])" + trie_pattern(list(weights)) + r"(?![\w'])")
    return weights, frozenset(data.capitalised_only), pattern


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], re.Pattern[str]]:
    """(lower-cased form -> region, pattern of a label that ends where a number starts): the region's
    names, cities and number labels, then "nr", "number", "mobile" ... and a colon or a dash."""
    data = load_model(REGIONS_FILE, RegionHints)
    regions = {form.lower(): r.code for r in data.regions for form in (*r.names, *r.cities, *r.number_labels)}
    pattern = re.compile(rf"(?<![\w'])(?P<form>{trie_pattern(list(regions))})"
                         r"[ \t]*(?:(?:nr|nummer|number|no|num|mobile|mobiel|tel|phone|gsm|cell|sim)\.?[ \t]*)?"
                         r"[:=\-–/]?[ \t]*\(?$")
    return regions, pattern


@lru_cache(maxsize=1)
def number_label_forms() -> dict[str, str]:
    """Each region's number labels as written (``number_labels``: "Roemeens", "Belgian", "UK") -> region:
    the words that say which country a phone number is, never where a person is from."""
    data = load_model(REGIONS_FILE, RegionHints)
    return {form: r.code for r in data.regions for form in r.number_labels}


def number_label_region(text: str, start: int) -> str | None:
    """The region a label right before `start` gives the number there: "Keulen: 0157 ...",
    "Amsterdam: 06 ...", "Belgisch nr 0472 ...", "UK: 07..." (ad-wide hints are ``region_hints``)."""
    regions, pattern = _labels()
    before = text[max(0, start - 32) : start]
    m = pattern.search(before.lower())
    if m is None:
        return None
    form = m.group("form")
    capitalised_only = _lowered(_gazetteer()[1])
    written = before[m.start("form") : m.end("form")] if len(before) == len(before.lower()) else form
    if form in capitalised_only and written == form:
        return None  # "turkey", "china": words, not places
    return regions[form]


def lingua_franca(lang: str | None) -> bool:
    """Whether ads in `lang` are written everywhere (per the data file), so that it places no number."""
    return (lang or "") in _lingua_franca()


@lru_cache(maxsize=1)
def _lingua_franca() -> frozenset[str]:
    return frozenset(load_model(REGIONS_FILE, RegionHints).lingua_franca)


def language_regions(lang: str | None) -> tuple[str, ...]:
    """The regions where `lang` is spoken, per the data file (empty for an unknown language)."""
    return _languages().get(lang or "", ())


@lru_cache(maxsize=1)
def _languages() -> dict[str, tuple[str, ...]]:
    return {lang: tuple(codes) for lang, codes in load_model(REGIONS_FILE, RegionHints).languages.items()}


# Each starts with a literal (the check on the character before comes after it, as a look-behind),
# so the engine looks for "+" or "00" with its fast scan instead of trying every position.
_CALLING_CODE = re.compile(r"(?:\+(?<![\w+]\+)|＋(?<![\w+]＋)|00(?<![\w+]00))\s?\(?(?P<cc>[1-9]\d{0,2})")
_IDD_00 = re.compile(r"00(?<!\w00)\d")
_FOLLOWING = re.compile(r"\)?[\s.\-]?\d[\d\s().\-]{5,}")
_TLD = re.compile(r"\.(?:com?\.)?(?P<tld>[a-z]{2})(?![\w.])", re.IGNORECASE)
_TLD_REGION = {"uk": "GB"}


def _calling_code_region(digits: str) -> tuple[str, int] | None:
    """The main region of the country calling code at the start of `digits` (codes are prefix-free),
    and the code's length."""
    for size in (1, 2, 3):
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(digits[:size])) if len(digits) >= size else None
        if regions:
            return (regions[0], size) if regions[0] != "001" else None
    return None


class CodedNumber(NamedTuple):
    """A number written with its calling code: the code's region, where it is, its national digits."""

    region: str
    start: int
    end: int
    national: str


def coded_numbers(text: str) -> list[CodedNumber]:
    """The numbers written with a calling code ("+61 ...", "0044 ...", "(+44) ..."), each a hint."""
    if not ("+" in text or "＋" in text or _IDD_00.search(text)):
        return []
    found = []
    for m in _CALLING_CODE.finditer(text):
        following = _FOLLOWING.match(text, m.end(), m.end() + 20)
        if following:  # a number follows: "+ 100 extra" is a price, not a calling code
            digits = re.sub(r"\D", "", m.group("cc") + following.group())
            coded = _calling_code_region(digits)
            if coded:
                region, size = coded
                found.append(CodedNumber(region, m.start(), following.end(), digits[size:]))
    return found


def region_hints(text: str, address_spans: Sequence[tuple[int, int]] = ()) -> Counter[str]:
    """Region -> weight of every hint in `text`; `address_spans` are e-mail addresses and links,
    whose country top-level domains count as hints."""
    weights, capitalised_only, pattern = _gazetteer()
    hints: Counter[str] = Counter()
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    if lowered.isascii() or not _NON_ASCII_WORD_CHAR.search(lowered):
        pattern = _ascii_pattern()  # the same matches, with ASCII-only word classes (cheaper to test)
    for m in pattern.finditer(lowered):
        form = m.group()
        if form in _lowered(capitalised_only) and (not same_length or text[m.start() : m.end()] == form):
            continue  # "turkey", "china": words, not places
        region, weight = weights[form]
        hints[region] += weight
    for coded in coded_numbers(text):
        hints[coded.region] += CODE_WEIGHT
    for start, end in address_spans:
        for m in _TLD.finditer(text, start, end):
            tld = m.group("tld").lower()
            region = _TLD_REGION.get(tld, tld.upper())
            if region in phonenumbers.SUPPORTED_REGIONS:
                hints[region] += NAME_WEIGHT
    return hints


_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


@lru_cache(maxsize=1)
def _ascii_pattern() -> re.Pattern[str]:
    """The gazetteer pattern with ASCII-only ``\\b`` and ``\\w``: the same matches on text whose word
    characters are all ASCII (forms with other letters cannot match there; "€" or an emoji is no
    word character either way)."""
    pattern = _gazetteer()[2]
    return re.compile(pattern.pattern, pattern.flags & ~re.UNICODE | re.ASCII)


@lru_cache(maxsize=1)
def _lowered(forms: frozenset[str]) -> frozenset[str]:
    return frozenset(f.lower() for f in forms)


def hinted_regions() -> tuple[str, ...]:
    """Every region the data file names, in file order: the regions tried by number shape alone."""
    return _hinted_regions()


@lru_cache(maxsize=1)
def _hinted_regions() -> tuple[str, ...]:
    return tuple(r.code for r in load_model(REGIONS_FILE, RegionHints).regions)
