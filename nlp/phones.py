"""Phone numbers, also disguised ones, as E.164 with their span in the original text.

Candidates are digit runs from ``normalise.digit_runs``, joined again where the gap between two
goes on with the number (odd separators, number words listed with commas, "06 and then ...", a chain
of groups, "double four", "drie keer zeven", a misspelled number word, a number stacked over short
lines, one announced in parts: ``_digit_runs``; number words spelled letter by letter are read as the
word); notes beside a run say how to read it (a "0" or a head such as "06" to put in front, "read it
backwards": ``read_phones``); inside a run the longest token sequence that ``phonenumbers``
accepts as a VALID number wins. What must never be read as a phone: prices, dates, times,
postcodes, licence/KvK/BTW numbers, IBANs, ad ids, body measurements and long digit runs. Dates,
times and IBANs are masked before the runs are built; labelled numbers (KvK, licence, ad id...) are
skipped by the label in front of them; the others never validate or lack the trunk prefix a national
number needs.

Which country a national number belongs to ("0412 345 678" is Dutch in Oss and Australian on a
mobile): the given country (the site's, NL by default) unless the ad's own hints clearly point
elsewhere (``nlp.regions``: a calling code, a city, a country name) and the number is valid there; a
country adjective that qualifies a phone word next to the number ("(Romanian number)", "Spaans mobiel")
places that number only (``_adjective_region``), and says nothing about the person. "plus forty seven
..." is read both as +47 and as +40 7..., a valid mobile reading winning.
When the given country does not fit the number, or no country is given (``country`` empty or
"auto"), the hinted regions are tried, strongest first; then the number as international without
its "+" (>= 10 digits); then its shape alone over every region the data file names, a mobile
reading winning over a landline. A number that is still valid in more than one region is reported
as ``AmbiguousPhone`` with its candidates, never with a guessed country.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

from nlp.normalise import (
    GAP_RE,
    NUMBER_WORDS,
    DigitRun,
    DigitToken,
    digit_runs,
    digit_tokens,
    disguise_kinds,
    glued_digits,
    number_word_value,
    trie_pattern,
)
from nlp.regex_start import with_start_class
from nlp.regions import (
    CITY_WEIGHT,
    CODE_WEIGHT,
    coded_numbers,
    hinted_regions,
    language_regions,
    lingua_franca,
    number_label_forms,
    number_label_region,
    region_hints,
)
from nlp.symbol_notes import substituted

MIN_DIGITS, MAX_DIGITS = 8, 15
MASK_CONTEXT = 16

# Day month year, or the year first as in ISO ("2026 03 04"): a four-digit year makes the groups
# a date, never a phone number.
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_SPACED_DATE = rf"(?:{_DAY} {_MONTH} (?:19|20)\d{{2}}|(?:19|20)\d{{2}} {_MONTH} {_DAY})"
_DATE = with_start_class(re.compile(
    # a day and a month (either order) that can be one: "86.76.05" in "04;86.76.05;71" is digit groups;
    # glued to a letter it is no date either ("O6-24-68-...", a look-alike zero first)
    rf"(?<![\w\-./])(?:(?:{_DAY}([-./]){_MONTH}\1|{_MONTH}([-./]){_DAY}\2)(?:19|20)?\d{{2}}"
    rf"|(?:19|20)\d{{2}}([-./]){_MONTH}\3{_DAY})(?![\d]|[-./]\d)"
    # dates written with spaces, "12 03 2026" or "2026 03 12": day, month and a four-digit year; several in a
    # row ("14 03 2026 - 21 03 2026") are dates too, not one long number
    rf"|(?<![\d\-./])(?<!\d ){_SPACED_DATE}(?:\s*[-–/&]\s*{_SPACED_DATE}|\s+{_SPACED_DATE})*(?![\d]| \d)"
))
# An hour and minutes that can be one: "75.84" or "30.61" in a run of digit groups is none, and nor is
# "13.57" right after a slash ("06/24.68/13.57").
_CLOCK = r"(?:[01]?\d|2[0-4])[.:h][0-5]\d"
_TIME = with_start_class(re.compile(rf"(?<![\d.:/]){_CLOCK}(?![\d.:])(?:\s*-\s*{_CLOCK}(?![\d.:]))?"))
# Opening hours, a range of whole hours with its unit: "11-19u", "10 - 22 h", "9-17 uur" (round 12); a
# number that ends before them does not go on with them.
_HOURS = with_start_class(re.compile(
    r"(?<![\d.:/])(?:[01]?\d|2[0-4])[ \t]?[-–][ \t]?(?:[01]?\d|2[0-4])[ \t]?(?:u|uur|h|hrs?|o['’]?clock)(?!\w)",
    re.IGNORECASE))
_IBAN = with_start_class(re.compile(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d{2,4}){2,5}\b"))
# An IBAN of any country (Belgian and German ones are digits after the check digits: "BE71 0961 2345 6769"),
# masked only when its ISO 7064 mod-97 check holds, so a number that merely follows two capitals stays a number
# (round 13).
_IBAN_ANY = with_start_class(re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"))


def _is_iban(written: str) -> bool:
    compact = written.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return 15 <= len(compact) <= 34 and int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
# Words that label a number as something other than a phone: registers, accounts, orders and parcels.
_NOT_PHONE_LABELS = (
    r"kvk", r"k\.v\.k\.?", r"btw", r"vat", r"iban", r"rekening\w*", r"bank\w*", r"vergunning\w*", r"licen[cst]\w*",
    r"registrat\w*", r"reg", r"(?:betalings)?kenmerk\w*", r"ad[\s-]?id", r"advert\w*", r"ref\w*", r"order\w*", r"bestel\w*", r"factuur\w*",
    r"invoice\w*", r"tracking\w*", r"barcode", r"zending\w*", r"pakket\w*", r"parcel", r"shipment",
    r"klantnummer", r"customer", r"bsn", r"id", r"postcode", r"zip", r"maten", r"measurements",
    r"imei", r"ean", r"sku", r"isbn",
    # a parking ticket, a fine, lucky numbers and a price list (round 14): "Parkeerbon 2026 / 0448 / 1193",
    # "geluksgetallen 6 12 19 27 33 41", "Prijzen: 150 / 250 / 400 / 1200"
    r"parkeer\w*", r"bonnummer", r"kassabon", r"bekeuring\w*", r"boete\w*", r"fine", r"geluks\w*", r"lucky",
    r"lotto\w*", r"loterij\w*", r"prijzen", r"prices", r"tarieven", r"rates",
)
# Things whose number is no phone when the label says "number" ("frame no.", "serienummer", "ticket nr");
# alone they may offer the phone ("Tickets: 024 ...").
_NUMBERED_THINGS = (
    r"frame", r"serial", r"serie", r"chassis", r"model", r"artikel", r"article", r"item", r"product", r"onderdeel",
    r"part", r"ticket", r"polis", r"policy", r"contract", r"dossier", r"claim", r"transac\w*", r"kenteken",
    r"voucher", r"coupon", r"lid", r"member\w*", r"account", r"pas",
    # a company's register number: "Company no. 08123456", "bedrijfsnummer 0812..." (round 12)
    r"company", r"bedrijf", r"charity", r"firm", r"business",
)
# The label, "no."/"nr"/"code", and a code's letters before its digits ("Tracking code 3S NLD 0612..."):
# a first part with a digit, then capitals.
_LABEL_BEFORE = with_start_class(re.compile(
    rf"\b(?:(?:{'|'.join(_NOT_PHONE_LABELS)})(?:\s*(?:no|nr|nummer|number|num|code|#))?"
    rf"|(?:{'|'.join(_NUMBERED_THINGS)})s?[\s-]?(?:no|nr|nummer|number|num|code|#))"
    # "Your booking reference is 2026 ...", "ordernummer was 4411 ...": the label and a verb (round 10)
    r"(?:\s+(?:is|was|luidt))?"
    # the code's letters after a colon too, glued to its digits: "Tracking: 3SABCD0612..." (round 12)
    # or a code's capitals alone before its digits: "Vergunningnummer: ESC-0341-2026-17" (round 14)
    r"(?:[\s.:#=-]+(?:(?-i:\d[A-Z0-9]{0,5})(?:\s*(?-i:[A-Z]{2,5}))?|(?-i:[A-Z]{2,5})))?[\s.:#=-]*$",
    re.IGNORECASE,
))


@dataclass(frozen=True)
class PhoneFound:
    e164: str
    start: int
    end: int
    disguises: tuple[str, ...]

    @property
    def obfuscated(self) -> bool:
        return bool(self.disguises)


@dataclass(frozen=True)
class AmbiguousPhone:
    """A number valid in more than one region, none of which the ad points to."""

    written: str
    start: int
    end: int
    candidates: tuple[str, ...]  # E.164, the likeliest first
    disguises: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"written": self.written, "candidates": list(self.candidates)}


@dataclass(frozen=True)
class PhoneReading:
    phones: list[PhoneFound]
    ambiguous: list[AmbiguousPhone]


AUTO = frozenset({"", "AUTO"})


def _needs_trunk_prefix(region: str) -> bool:
    metadata = PhoneMetadata.metadata_for_region(region)
    return bool(metadata and metadata.national_prefix == "0")


_NUMBER_KINDS = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number", "voip",
                 "pager", "uan", "voicemail")


class _Alternation:
    """Patterns as one alternation, compiled when first used: the shape stage asks every region's
    plan, and most regions never see a number of a length they have."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled.fullmatch(text)


@lru_cache(maxsize=512)
def _plan(region: str) -> tuple[str, frozenset[int], _Alternation | None]:
    """(national prefix, possible national lengths, pattern every valid national number matches:
    the number kinds' patterns together) of a region: a test before parsing, which
    costs a hundred times more. The pattern is None where the national prefix rewrites the number
    (Argentina, Mexico...): no shortcut there."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        return "", frozenset(), None
    # A number is valid when some region of its calling code has it ("07911 123456" read in GB is a
    # Guernsey mobile): the patterns of every region that shares the code.
    shared = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(metadata.country_code, (region,))
    metadatas = [m for m in map(PhoneMetadata.metadata_for_region, shared) if m is not None]
    kinds = [getattr(m, kind, None) for m in metadatas for kind in _NUMBER_KINDS]
    patterns = list(dict.fromkeys(d.national_number_pattern for d in kinds if d is not None and d.national_number_pattern))
    lengths = frozenset(n for m in metadatas for n in m.general_desc.possible_length)
    pattern = None if metadata.national_prefix_transform_rule or not patterns else \
        _Alternation("(?:" + "|".join(patterns) + ")")
    return metadata.national_prefix or "", lengths, pattern


@lru_cache(maxsize=512)
def _calling_code(region: str) -> str:
    return str(phonenumbers.country_code_for_region(region))


def _may_fit(digits: str, region: str) -> bool:
    """Whether `digits` (no "+" written) can be a national number of `region` at all."""
    if digits.startswith(("00", _calling_code(region))):
        return True  # an international call prefix or the country code: the parser reads them
    prefix, lengths, pattern = _plan(region)
    if pattern is None:
        return True
    national = digits[len(prefix):] if prefix and digits.startswith(prefix) else digits
    return len(national) in lengths and pattern.fullmatch(national) is not None \
        or len(digits) in lengths and pattern.fullmatch(digits) is not None


def masked_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Dates, times and IBANs around text[start:end] (lookbehinds still see what comes before)."""
    end = len(text) if end is None else end
    spans = [m.span() for pattern in (_DATE, _TIME, _HOURS, _IBAN) for m in pattern.finditer(text, start, end)]
    return spans + [m.span() for m in _IBAN_ANY.finditer(text, start, end) if _is_iban(m.group())]


@lru_cache(maxsize=65536)
def _valid_e164(digits: str, plus: bool, region: str, trunk: bool) -> str | None:
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    if not plus and trunk and not digits.startswith("0"):
        return None
    e164 = _fast_e164(digits, plus, region)
    return _parsed_e164(digits, plus, region) if e164 is _UNSURE else e164


def _parsed_e164(digits: str, plus: bool, region: str | None) -> str | None:
    """The E.164 form of a valid number as `phonenumbers` parses and validates it."""
    try:
        number = phonenumbers.parse(("+" if plus else "") + digits, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if number.italian_leading_zero:
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return f"+{number.country_code}{number.national_number}"  # E.164 without the formatter's overhead


# The parse and validity check of ``phonenumbers`` for plain ASCII digits, step for step on the same
# metadata with the patterns compiled once: parsing costs about 30 µs a number and a validity check
# 10, mostly digit normalising and compile-cache look-ups that plain digits do not need. What the
# steps below do not cover (an international dialling prefix, the country code written without
# "+", a national prefix rewritten by a transform rule) is _UNSURE and goes to ``phonenumbers``;
# tests/nlp/test_nlp_phones.py compares both on random numbers of every region.
_UNSURE: Any = object()
_MAX_NSN = 17  # phonenumbers' _MAX_LENGTH_FOR_NSN
_DescTest = tuple[frozenset[int] | None, str]


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _desc_test(desc: Any) -> _DescTest | None:
    """A number description as (possible lengths or None for any, pattern); None: matches nothing.
    The pattern stays a string until a number of a possible length is tested: a region's ten-odd
    number kinds are mostly never needed, and compiling one costs up to a millisecond."""
    if desc is None or not desc.national_number_pattern:
        return None
    return (frozenset(desc.possible_length) or None), desc.national_number_pattern


def _matches(test: _DescTest | None, national: str) -> bool:
    if test is None:
        return False
    lengths, pattern = test
    return (lengths is None or len(national) in lengths) and _compiled(pattern).fullmatch(national) is not None


@dataclass(frozen=True)
class _Numbering:
    """What parsing and validating need of one region's metadata."""

    general: _DescTest | None
    kinds: tuple[_DescTest, ...]  # a number of a known type matches one of these (and `general`)
    prefix: re.Pattern[str] | None  # national prefix for parsing
    transform: bool
    lengths: tuple[int, ...]
    local_lengths: frozenset[int]
    leading: re.Pattern[str] | None
    idd: re.Pattern[str]
    code: str

    def known_type(self, national: str) -> bool:
        """``phonenumbers._number_type_helper`` is not UNKNOWN."""
        return _matches(self.general, national) and any(_matches(test, national) for test in self.kinds)


_KIND_ORDER = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan", "voicemail",
               "fixed_line")


_NUMBERINGS: dict[int, tuple[PhoneMetadata, _Numbering]] = {}


def _numbering(metadata: PhoneMetadata) -> _Numbering:
    """The _Numbering of a metadata object (phonenumbers keeps one per region for good)."""
    known = _NUMBERINGS.get(id(metadata))
    if known is not None and known[0] is metadata:
        return known[1]
    numbering = _new_numbering(metadata)
    _NUMBERINGS[id(metadata)] = (metadata, numbering)
    return numbering


def _new_numbering(metadata: PhoneMetadata) -> _Numbering:
    descs = [getattr(metadata, kind) for kind in _KIND_ORDER]
    if not metadata.same_mobile_and_fixed_line_pattern:
        descs.append(metadata.mobile)
    general = metadata.general_desc
    pattern = general.national_number_pattern if general is not None else None
    return _Numbering(
        general=_desc_test(general),
        kinds=tuple(t for t in map(_desc_test, descs) if t is not None),
        prefix=_compiled(metadata.national_prefix_for_parsing) if metadata.national_prefix_for_parsing else None,
        transform=bool(metadata.national_prefix_transform_rule),
        lengths=tuple(general.possible_length) if pattern else (),
        local_lengths=frozenset(general.possible_length_local_only) if pattern else frozenset(),
        leading=_compiled(metadata.leading_digits) if metadata.leading_digits is not None else None,
        idd=_compiled(metadata.international_prefix if metadata.international_prefix is not None else "NonMatch"),
        code=str(metadata.country_code),
    )


def _country_code_of(digits: str) -> tuple[int, str]:
    """``phonenumbers._extract_country_code``: (calling code, rest), (0, digits) when none."""
    if not digits or digits[0] == "0":
        return 0, digits
    for size in range(1, min(len(digits), 3) + 1):
        code = int(digits[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return code, digits[size:]
    return 0, digits


def _fast_e164(digits: str, plus: bool, region: str | None) -> Any:
    """E.164 of `digits` (with "+" before them or not) read in `region` when ``phonenumbers`` would
    parse it and find it valid, None when not, _UNSURE when these steps do not decide."""
    if not (digits.isascii() and digits.isdigit()) or not 3 <= len(digits) <= 250:
        return _UNSURE
    metadata = PhoneMetadata.metadata_for_region(region.upper(), None) if region is not None else None
    if plus:
        code, national = _country_code_of(digits)
        if code == 0:
            # phonenumbers tries the digits again without "+", as the region's: no region, no number
            return None if metadata is None else _UNSURE
        number_region = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[code][0]
        if number_region != region:
            metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, number_region)
        if metadata is None:
            return _UNSURE
    else:
        if region not in phonenumbers.SUPPORTED_REGIONS:
            return None  # no region to read a national number in
        if metadata is None:
            return _UNSURE
        numbering = _numbering(metadata)
        if numbering.idd.match(digits) or digits.startswith(numbering.code):
            return _UNSURE  # maybe an international prefix or the country code: the parser decides
        code, national = metadata.country_code, digits
    if len(national) < 2:
        return None
    numbering = _numbering(metadata)
    if numbering.transform or not numbering.lengths:
        return _UNSURE
    national = _without_national_prefix(national, numbering)
    if not 2 <= len(national) <= _MAX_NSN:
        return None
    return f"+{code}{national}" if _valid_national(code, national) else None


def _without_national_prefix(national: str, numbering: _Numbering) -> str:
    """``phonenumbers.parse`` on the national prefix: stripped when what remains has a possible length."""
    if numbering.prefix is None:
        return national
    match = numbering.prefix.match(national)
    if not match:
        return national
    rest = national[match.end() :]
    general = _compiled(numbering.general[1]) if numbering.general is not None else None
    if general is not None and general.fullmatch(national) and not general.fullmatch(rest):
        return national
    size, lengths = len(rest), numbering.lengths
    if size in numbering.local_lengths or size < lengths[0]:
        return national
    if size == lengths[0] or size > lengths[-1] or size in lengths[1:]:
        return rest
    return national


def _valid_national(code: int, national: str) -> bool:
    """``phonenumbers.is_valid_number`` of the number with this calling code and national number."""
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code)
    if not regions:
        return False
    if len(regions) == 1:
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0].upper())
        if metadata is None or regions[0] != "001" and metadata.country_code != code:
            return False
        return _numbering(metadata).known_type(national)
    for region in regions:
        metadata = PhoneMetadata.metadata_for_region(region.upper(), None)
        if metadata is None:
            continue
        numbering = _numbering(metadata)
        if numbering.leading is not None:
            if numbering.leading.match(national):
                return metadata.country_code == code and numbering.known_type(national)
        elif numbering.known_type(national):
            return metadata.country_code == code
    return False


_IDD = re.compile(r"^(?:00|011)")


def _international_e164(digits: str, plus: bool) -> str | None:
    """The digits read as an international number whether or not a "+" was written: "0044 20 ...",
    "011 44 ...", "61 412 345 678". At least 10 digits, so that short runs stay national."""
    bare = _IDD.sub("", digits)
    if len(bare) < 10 and not plus:
        return None
    return _valid_e164(bare, True, "ZZ", False)


@lru_cache(maxsize=65536)
def _is_mobile(e164: str) -> bool:
    kind = phonenumbers.number_type(phonenumbers.parse(e164))
    return kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


@lru_cache(maxsize=512)
def _region_reader(region: str) -> Callable[[str, bool], str | None]:
    trunk = _needs_trunk_prefix(region)

    def read(digits: str, plus: bool) -> str | None:
        if not plus and not _may_fit(digits, region):
            return None
        return _valid_e164(digits, plus, region, trunk)

    return read


def _plus_before(text: str, start: int) -> int | None:
    """Offset of a '+' (or the word "plus") written just before the number (international form)."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i >= 0 and text[i] in "+\uff0b" and start - i <= 2:
        return i
    word = _PLUS_WORD.search(text, max(0, start - 6), start)
    return word.start() if word else None


# "plus" may be glued to the number words after it ("PlusThreeOne..."), see ``normalise._read_tokens``.
_PLUS_WORD = with_start_class(re.compile(r"(?<![\w])plus\s{0,2}$", re.IGNORECASE))


_Spans = tuple[tuple[int | None, tuple[tuple[int, str], ...]], ...]
# The spans of the last runs read, by run identity (the region readers all walk the same spans).
_SPANS: dict[int, tuple[DigitRun, str, _Spans]] = {}


def _run_spans(text: str, run: DigitRun) -> _Spans:
    """Per start token: the "+" before it, and (end token, digits) of each span long enough to be a
    phone, longest first. Built once per run."""
    known = _SPANS.get(id(run))
    if known is not None and known[0] is run and known[1] is text:
        return known[2]
    tokens = run.tokens
    joined = "".join(t.digits for t in tokens)
    offsets = [0]
    for t in tokens:
        offsets.append(offsets[-1] + len(t.digits))
    spans: list[tuple[int | None, tuple[tuple[int, str], ...]]] = []
    n, last = len(tokens), 0
    for i in range(n):
        first = offsets[i]
        last = max(last, i)
        while last < n and offsets[last + 1] - first <= MAX_DIGITS + 2:
            last += 1  # where the longest span from token i ends: never left of where it did for i - 1
        ends = []
        for j in range(last, i, -1):
            if offsets[j] - first < MIN_DIGITS:
                break
            ends.append((j, joined[first : offsets[j]]))
        # the "+" before a start token matters only where a span starts
        spans.append((_plus_before(text, tokens[i].start) if ends else None, tuple(ends)))
    if len(_SPANS) >= 64:
        _SPANS.clear()
    _SPANS[id(run)] = (run, text, tuple(spans))
    return _SPANS[id(run)][2]


def _phones_in_run(text: str, run: DigitRun, read: Callable[[str, bool], str | None]) -> list[PhoneFound]:
    """The longest valid token sequences of the run, left to right, as `read` reads digits."""
    found = []
    tokens = run.tokens
    spans = _run_spans(text, run)
    i = 0
    while i < len(tokens):
        hit = None
        plus_at, ends = spans[i]
        for j, digits in ends:
            e164 = read(digits, plus_at is not None)
            if e164:
                hit = (j, e164)
                break
        if hit is None:
            i += 1
            continue
        j, e164 = hit
        start = plus_at if plus_at is not None else tokens[i].start
        kinds = disguise_kinds(tokens[i:j], run.gaps[i : j - 1])
        found.append(PhoneFound(e164, start, tokens[j - 1].end, tuple(kinds)))
        i = j
    return found


def _span_tokens(run: DigitRun, span: tuple[int, int]) -> list[int]:
    return [i for i, t in enumerate(run.tokens) if span[0] <= t.start < span[1]]


def _national_looking(text: str, run: DigitRun, found: PhoneFound, region: str) -> bool:
    if text[found.start] in "+＋":
        return True
    digits = "".join(run.tokens[i].digits for i in _span_tokens(run, (found.start, found.end)))
    if phonenumbers.country_code_for_region(region) == 1:
        groups = _written_groups(text, run, (found.start, found.end))
        return (len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")) and \
            (groups is None or groups in _NANP_GROUPS)
    return _plan(region)[0] == "0" and digits.startswith("0")


def _tail_of_groups(run: DigitRun, found: PhoneFound) -> bool:
    """Whether `found` starts after a group of three or four digits of its own run ("2026 0412 7789", a
    reference; round 10): the tail of a longer sequence of groups, no number placed abroad by shape."""
    i = next((k for k, t in enumerate(run.tokens) if t.start >= found.start), 0)
    return i > 0 and 3 <= len(run.tokens[i - 1].digits) <= 4 and run.tokens[i - 1].kind == "digits" \
        and run.gaps[i - 1].isspace()


@lru_cache(maxsize=512)
def _mobile_lengths(region: str) -> frozenset[int]:
    metadata = PhoneMetadata.metadata_for_region(region)
    mobile = metadata.mobile if metadata is not None else None
    return frozenset(mobile.possible_length) if mobile is not None and mobile.possible_length else frozenset()


def _shape_reader(region: str) -> Callable[[str, bool], str | None] | None:
    """The reader of `region` for national numbers placed by shape alone: written with its trunk
    prefix "0", or ten digits in the North American plan; None for regions whose numbers have
    neither. Numbers written with "+" never get here (see ``_Inference.read``)."""
    if phonenumbers.country_code_for_region(region) == 1:
        return lambda digits, plus: None if plus else _quick_e164(digits, region) if len(digits) in (10, 11) else None
    if _plan(region)[0] == "0":
        return lambda digits, plus: None if plus else _quick_e164(digits, region) if digits.startswith("0") else None
    return None


@lru_cache(maxsize=1)
def _shape_readers() -> tuple[tuple[str, bool, Callable[[str, bool], str | None]], ...]:
    """(region, whether in the North American plan, reader) of each region of the data file that has
    a shape reader, in file order."""
    readers = ((region, _shape_reader(region)) for region in hinted_regions())
    return tuple((region, phonenumbers.country_code_for_region(region) == 1, read)
                 for region, read in readers if read is not None)


def _quick_e164(digits: str, region: str) -> str | None:
    """E.164 of a national number that fits the region's patterns, without the parser: the shape
    stage tries every region and confirms only the readings it keeps (``_confirmed``)."""
    prefix, lengths, pattern = _plan(region)
    if pattern is None:
        return _valid_e164(digits, False, region, _needs_trunk_prefix(region))
    national = digits[len(prefix):] if prefix and digits.startswith(prefix) else digits
    if len(national) in lengths and pattern.fullmatch(national):
        return f"+{_calling_code(region)}{national}"
    return None


@lru_cache(maxsize=4096)
def _confirmed(e164: str) -> bool:
    fast = _fast_e164(e164[1:], True, None) if e164.startswith("+") else _UNSURE
    if fast is not _UNSURE:
        return fast is not None
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(e164))
    except phonenumbers.NumberParseException:
        return False


_NANP_GROUPS = {(10,), (3, 3, 4), (3, 7), (6, 4), (1, 3, 3, 4), (11,), (1, 10)}


def _written_groups(text: str, run: DigitRun, span: tuple[int, int]) -> tuple[int, ...] | None:
    """Lengths of the digit groups as written ("06-48271953" -> (2, 8)), when written in digits."""
    indexes = _span_tokens(run, span)
    if not indexes or any(run.tokens[i].kind not in ("digits", "unicode") for i in indexes):
        return None
    groups = [len(run.tokens[indexes[0]].digits)]
    for i in indexes[1:]:
        if run.gaps[i - 1]:
            groups.append(0)
        groups[-1] += len(run.tokens[i].digits)
    return tuple(groups)


@lru_cache(maxsize=4096)
def _national_groups(e164: str) -> tuple[int, ...]:
    national = phonenumbers.format_number(phonenumbers.parse(e164), PhoneNumberFormat.NATIONAL)
    return tuple(len(g) for g in re.findall(r"\d+", national))


def _digit_count(found: list[PhoneFound]) -> int:
    return sum(f.end - f.start for f in found)


# A country adjective that qualifies a phone word names the number's country: "0741 283 956 (Romanian
# number)", "Spaans mobiel 655 ...", "bel mijn Belgisch nummer: 0472 ...", "(UK number)" (round 10). It
# places the number beside it only, like ``regions.number_label_region``; it says nothing of the person,
# and is read only next to a phone word, never as an ad-wide hint.
_PHONE_WORD = (r"(?:(?:whats\s?app|wa)[ \t-]*)?"  # "Romanian WhatsApp number", "Spaanse WhatsApp: 6..."
               r"(?:number|nummer|nr|no|num|mobile|mobiel|mobieltje|cell|cellphone|phone|telefoon|tel|sim|simkaart|gsm|line|lijn"
               r"|whats\s?app)")


@lru_cache(maxsize=1)
def _adjective_patterns() -> tuple[dict[str, str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The region labels of ``regions.yaml`` (``number_labels``) as adjectives of a phone word: the words in
    any case ("roemeens"), the codes in capitals only ("UK number", "RO nummer": in lower case some are words);
    then the patterns before and after a number."""
    forms = {f: r for f, r in number_label_forms().items() if f.isalpha()}  # one word: not "NL-nummer"
    codes = {f: r for f, r in forms.items() if f.isupper() and len(f) <= 3}
    words = {f.lower(): r for f, r in forms.items() if f not in codes}
    adjective = rf"(?:(?i:{trie_pattern(sorted(words))})|{trie_pattern(sorted(codes))})"
    one = rf"(?P<adj>{adjective})[ \t-]*(?i:{_PHONE_WORD})\b\.?"
    before = re.compile(
        rf"(?:(?<![\w'])(?:{one})"
        # the adjective in brackets after the phone word: "my number (Romanian) 0722 ..."
        rf"|(?i:{_PHONE_WORD})[ \t]*\([ \t]*(?P<adj2>{adjective})[ \t]*\))"
        r"[ \t]*[:=\-–]?[ \t]*\(?[ \t]*$")
    after = re.compile(
        r"[ \t]*[(\[,\-–]?[ \t]*(?:(?i:it'?s|it\s+is|is|this\s+is|dit\s+is|het\s+is)[ \t]+)?(?:(?i:a|an|een|my|mijn|m'n)[ \t]+)?"
        + one)
    return words, codes, before, after


_PHONE_WORD_HINTS = ("numm", "numb", "nr", "no", "num", "mobi", "cell", "phone", "tel", "sim", "gsm", "line", "lijn",
                     "whats")
_ADJECTIVE_REACH = 40


def _adjective_region(text: str, run: DigitRun) -> str | None:
    """The region a country adjective with a phone word right before or after `run` names."""
    words, codes, before, after = _adjective_patterns()
    m = before.search(text, max(0, run.start - _ADJECTIVE_REACH), run.start) or \
        after.match(text, run.end, run.end + _ADJECTIVE_REACH)
    if m is None:
        return None
    adj = m.group("adj") or m.group("adj2")
    return codes.get(adj) or words.get(adj.lower())


class _Inference:
    """The region readings of one text: the given region first, then what the text hints at."""

    def __init__(self, text: str, region: str | None, masked: Sequence[tuple[int, int]], lang: str | None) -> None:
        self.text, self.region, self.masked, self.lang = text, region, masked, lang
        self._hints: Counter[str] | None = None
        lower = text.lower()
        self._phone_words = any(w in lower for w in _PHONE_WORD_HINTS)

    @property
    def hints(self) -> Counter[str]:
        if self._hints is None:
            self._hints = region_hints(self.text, self.masked)
        return self._hints

    def read(self, run: DigitRun) -> tuple[list[PhoneFound], list[AmbiguousPhone]]:
        labelled = number_label_region(self.text, run.start) or \
            (_adjective_region(self.text, run) if self._phone_words else None)
        if labelled and labelled != self.region and _plus_before(self.text, run.start) is None:
            # "Keulen: 0157 ... / Amsterdam: 06 ...": the label in front places this number only.
            found = _phones_in_run(self.text, run, _region_reader(labelled))
            if found:
                return found, []
        given = _phones_in_run(self.text, run, _region_reader(self.region)) if self.region else []
        if given:
            if labelled == self.region:
                return given, []  # "my Dutch one 06-...": the label keeps it home, whatever else the ad names
            return self._elsewhere(run, given) or given, []
        if _plus_before(self.text, run.start) is not None:
            # Written with its country code: valid or not, no other region reads it otherwise.
            return ([] if self.region else _phones_in_run(self.text, run, _international_e164)), []
        tried = {self.region} if self.region else set()
        by_weight = sorted(self.hints.items(), key=lambda kv: -kv[1])
        for i, (region, weight) in enumerate(by_weight):
            if region in tried:
                continue
            tried.add(region)
            found = _phones_in_run(self.text, run, _region_reader(region))
            if found:
                rivals = [r for r, w in by_weight[i + 1 :] if w == weight and r not in tried]
                return self._resolved(run, found, rivals)
        found = _phones_in_run(self.text, run, _international_e164)
        if found:
            return found, []
        if self._mistyped_at_home(run):
            return [], []
        found, ambiguous = self._by_shape(run, tried)
        if found and any(w >= CITY_WEIGHT for w in self.hints.values()):
            # The ad says where it is, and no region it names reads the number: not a guess abroad.
            return [], ambiguous + [self._ambiguous(f, [f.e164]) for f in found]
        return found, ambiguous

    def _mistyped_at_home(self, run: DigitRun) -> bool:
        """A number written with the given region's trunk prefix, in an ad in that region's language
        or as long as that region's mobile numbers ("06-72237154" on a Dutch site), that is not valid
        there is a mistyped or made-up local number far more often than a foreign one: it is not
        placed abroad by shape. ("07911 123456" on a Dutch site is one digit too long: British.)"""
        if not self.region:
            return False
        prefix = _plan(self.region)[0]
        digits = "".join(t.digits for t in run.tokens)
        if not prefix or not digits.startswith(prefix):
            return False
        return self.region in language_regions(self.lang) or len(digits) - len(prefix) in _mobile_lengths(self.region)

    def _elsewhere(self, run: DigitRun, given: list[PhoneFound]) -> list[PhoneFound] | None:
        """The reading in a region the text points to clearly more than to the given one."""
        if all(self.text[f.start] in "+＋" for f in given):
            return None  # written with a country code: nothing to infer
        hints = self._hints_for(run)
        own = hints.get(self.region or "", 0)
        for region, weight in hints.most_common():
            if weight < CITY_WEIGHT or weight <= own:
                break
            if region != self.region:
                found = _phones_in_run(self.text, run, _region_reader(region))
                if found and _digit_count(found) >= _digit_count(given):
                    return found
        return None

    def _hints_for(self, run: DigitRun) -> Counter[str]:
        """The hints less the calling codes written with other numbers: "06 87 12 34 09 or my French
        line +33 7 81 ..." writes the foreign number with its code and so this one as a local number.
        A code still counts when its number is this one written again ("+33 6 12 ... / 06 12 ...")."""
        coded = [c for c in coded_numbers(self.text) if c.end <= run.start or c.start >= run.end]
        if not coded:
            return self.hints
        mine = "".join(t.digits for t in run.tokens).lstrip("0")
        hints = Counter(self.hints)
        for number in coded:
            if number.national.lstrip("0") != mine:
                hints[number.region] -= CODE_WEIGHT
        return hints

    def _resolved(self, run: DigitRun, found: list[PhoneFound],
                  rivals: list[str]) -> tuple[list[PhoneFound], list[AmbiguousPhone]]:
        """`found` unless an equally hinted region reads the same digits as another number."""
        for region in rivals:
            other = {(f.start, f.end): f.e164 for f in _phones_in_run(self.text, run, _region_reader(region))}
            if any(other.get((f.start, f.end), f.e164) != f.e164 for f in found):
                return [], [self._ambiguous(f, [f.e164, other[(f.start, f.end)]]) for f in found]
        return found, []

    def _by_shape(self, run: DigitRun, tried: set[str | None]) -> tuple[list[PhoneFound], list[AmbiguousPhone]]:
        """Every region of the data file in which the run reads as a national number written the way
        that region writes one (with its trunk prefix "0", or ten digits in the North American plan):
        eight digits without a prefix (Denmark, Spain, Luxembourg...) are too often something else
        to place by shape alone. One reading of a span is taken; several are narrowed down (see
        ``_narrowed``), and what still has several stays ambiguous."""
        readings: dict[tuple[int, int], dict[str, PhoneFound]] = {}
        regions: dict[str, str] = {}
        # What no shape reader can read is not tried region by region: a span starting with "0" for
        # the trunk-prefix readers, one of 10 or 11 digits for the North American ones.
        spans = _run_spans(self.text, run)
        trunk = any(ends and ends[0][1].startswith("0") for _, ends in spans)
        nanp = any(len(digits) in (10, 11) for _, ends in spans for _, digits in ends)
        for region, north_american, read in _shape_readers():
            if region in tried or not (nanp if north_american else trunk):
                continue
            for f in _phones_in_run(self.text, run, read):
                if _national_looking(self.text, run, f, region) and not _tail_of_groups(run, f):
                    readings.setdefault((f.start, f.end), {})[f.e164] = f
                    regions.setdefault(f.e164, region)
        found: list[PhoneFound] = []
        ambiguous: list[AmbiguousPhone] = []
        taken: list[tuple[int, int]] = []
        for span in sorted(readings, key=lambda sp: (sp[0] - sp[1], sp[0])):  # longest first
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            options = readings[span]
            chosen = [e for e in self._narrowed(run, span, sorted(options), regions) if _confirmed(e)]
            if not chosen:
                taken.pop()
                continue
            if len(chosen) == 1:
                found.append(options[chosen[0]])
            else:
                ambiguous.append(self._ambiguous(options[chosen[0]], chosen))
        return sorted(found, key=lambda f: f.start), ambiguous

    def _narrowed(self, run: DigitRun, span: tuple[int, int], options: list[str],
                  regions: dict[str, str]) -> list[str]:
        """Of several readings, keep (while any remain) those of a region where the ad's language is
        spoken, then those whose digit groups are written as their region formats numbers
        ("(415) 739-2046", "06-48271953"), then mobile numbers. In a language ads use everywhere
        (English, ``regions.lingua_franca``) mobile numbers come first: an English ad's "064 ..." is an
        Irish landline only if no mobile reading remains."""
        groups = _written_groups(self.text, run, span)
        language = set(language_regions(self.lang))
        tests: list[Callable[[str], bool]] = [
            lambda e: regions.get(e) in language,
            lambda e: groups is not None and _national_groups(e) == groups,
            _is_mobile,
        ]
        if lingua_franca(self.lang):
            tests.insert(0, tests.pop())
        for keep in tests:
            if len(options) == 1:
                break
            narrowed = [e for e in options if keep(e)]
            options = narrowed or options
        return options

    def _ambiguous(self, found: PhoneFound, candidates: list[str]) -> AmbiguousPhone:
        return AmbiguousPhone(self.text[found.start : found.end], found.start, found.end,
                              tuple(dict.fromkeys(candidates)), found.disguises)


# "$" between spaced digit groups ("06 $ 23 $ 45 $ 67 $ 89"): a separator, where ``digit_runs`` reads
# " $" before digits as a price. Merged only when both sides of the "$" are spaces.
_SPACED_DOLLAR = re.compile(r"[ \t]\$[ \t]")
# A number broken over two lines ("My number starts with 06238\n49175", "06\n38175624"): joined only
# when the line says it holds a number and both parts are too short to be one alone, or the first part
# is a trunk prefix alone; a line break otherwise ends a number (lists of prices, times, ages).
_LINE_BREAK = re.compile(r"[ \t]*(?:\r?\n[ \t]*){1,2}")  # an empty line between the parts too (round 8)
_NUMBER_LEAD_IN = re.compile(r"(?:\w*nummer|\bnumber)\b[^\n\d]{0,30}$", re.IGNORECASE)
# The same said after the number, pointing back at it: "06 33 04\n91 82 <- my number", "... ← bel of app"
_NUMBER_LEAD_OUT = re.compile(r"[ \t]*(?:<-+|←|⬅\ufe0f?|<=|=|-+)[ \t]*(?:(?:my|mijn|m'n|het|the)[ \t]+)?"
                              r"(?:\w*nummer|number|nr\b|bel\b|app\b|call\b|text\b|whatsapp)", re.IGNORECASE)


def _digit_count_of(run: DigitRun) -> int:
    return sum(len(t.digits) for t in run.tokens)


# A number stacked over consecutive short lines that hold digit groups only ("06 48\n20 57\n39",
# "0745\n902\n318"), its first line starting like a number ("0", "+", "00"). A line longer than
# ``_STACKED_LINE_MAX`` digits is a number (or something else) of its own: "0612345678\n0687654321".
_STACKED_LINE = re.compile(r"[ \t]*\+?\d{1,4}(?:[ \t]\d{1,4})*[ \t]*")
_STACKED_LINE_MAX = 6
_CLOCK_LINE = re.compile(r"[ \t]*(?:[01]\d|2[0-4])[ \t]?[0-5]\d[ \t]*")
# or after a bracket that opens a note: "15 (elke regel een stukje)" (round 14)
_LAST_LINE_TAIL = re.compile(r"([ \t\d]*\d)(?:[,.;!]|[ \t]*[(\[])[ \t]*\D.*")


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line(s) around text[start:end]."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return text[begin : len(text) if stop < 0 else stop]


def _stacked_lines(text: str, prev: DigitRun, run: DigitRun, gap: str) -> bool:
    if gap.count("\n") != 1:
        return False  # consecutive lines only: an empty line between them parts two things
    if _digit_count_of(prev) >= MIN_DIGITS and (run.tokens[0].digits.startswith("0") or text[run.start - 1] == "+"):
        return False  # a number's worth of lines already, and the next line starts another number
    lines = _line_of(text, prev.start, run.end).split("\n")
    if not lines[0].lstrip(" \t+").startswith("0") and not lines[0].lstrip(" \t").startswith("+"):
        return False
    # the last line may go on after a comma, a full stop or a bracket: "38, Antwerpen"
    tail = _LAST_LINE_TAIL.match(lines[-1])
    if tail is not None:
        lines[-1] = tail.group(1)
    if all(_CLOCK_LINE.fullmatch(line) for line in lines):
        return False  # "09 00\n17 00": opening hours, a time on each line
    return all(_STACKED_LINE.fullmatch(line) and sum(c.isdigit() for c in line) <= _STACKED_LINE_MAX
               for line in lines)


# Number words stacked over lines, a few digits a line ("zero six\ntwo seven\nthree four\n..."): the lines
# hold number words only, the first starts with a zero (round 10).
_WORD_LINE_REST = re.compile(r"[ \t,\-]*")
_WORD_LINES_FULL = 10  # digits: a line starting with "zero" after these starts another number ("zero nine" may end one)


def _stacked_word_lines(text: str, prev: DigitRun, run: DigitRun, gap: str) -> bool:
    if gap.count("\n") != 1 or not all(t.kind in _WORD_KINDS for t in (*prev.tokens, *run.tokens)):
        return False
    if prev.tokens[0].digits[:1] != "0" or _digit_count_of(run) > _STACKED_LINE_MAX:
        return False
    if _digit_count_of(prev) >= _WORD_LINES_FULL and run.tokens[0].digits.startswith("0"):
        return False  # a number's worth of lines already, and the next line starts another number
    begin, stop = text.rfind("\n", 0, prev.start) + 1, text.find("\n", run.end)
    stop = len(text) if stop < 0 else stop
    tokens = (*prev.tokens, *run.tokens)
    cuts = [begin] + [x for t in tokens for x in (t.start, t.end)] + [stop]
    between = [text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]
    return all(_WORD_LINE_REST.fullmatch(part.replace("\n", "")) and part.count("\n") <= 1 for part in between)


def _broken_number(text: str, prev: DigitRun, run: DigitRun, gap: str) -> bool:
    if _LINE_BREAK.fullmatch(gap) is None or _digit_count_of(prev) + _digit_count_of(run) > MAX_DIGITS:
        return False
    if len(prev.tokens) == 1 and _TRUNK_ALONE.fullmatch(prev.tokens[0].digits):
        return True  # "06" alone before the break: a trunk prefix is no number on its own
    if _stacked_lines(text, prev, run, gap) or _stacked_word_lines(text, prev, run, gap):
        return True
    return _digit_count_of(prev) < MIN_DIGITS and _digit_count_of(run) < MIN_DIGITS \
        and (_NUMBER_LEAD_IN.search(text, max(0, prev.start - 50), prev.start) is not None
             or _NUMBER_LEAD_OUT.match(text, run.end) is not None)


_TRUNK_ALONE = re.compile(r"0\d{1,3}")


# Separators that ``normalise.GAP_RE`` does not list but that stand for one it does: Unicode dashes
# ("‑", "－", "–"), full-width signs, bullets, and symbols such as hearts or stars between the digit
# groups ("06 ❤ 29 ❤ 48"). Each maps to an ASCII separator and the gap is tested as ``GAP_RE`` tests
# it; currency signs, letters, digits and line breaks map to nothing, so prices and lists stay apart.
_BULLETS = frozenset("•·‧∙⋅◦")
_MAX_ODD_GAP = 6
_REPEATED_SEPARATOR = re.compile(r"([*~|#.\-])\1+")
_PRICE_GAP = re.compile(r".*\s\$")


def _ascii_separator(char: str) -> str | None:
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return ""  # variation selectors and zero-width joiners belong to the sign before them
    if category == "Pd":
        return "-"
    if category in ("So", "Sk") or char in _BULLETS:
        return "*"
    if category == "Zs":
        return " "
    folded = unicodedata.normalize("NFKC", char)  # full-width "／", "．", "｜"
    return folded if len(folded) == 1 and folded.isascii() and not folded.isalnum() else None


def _odd_separator(gap: str) -> bool:
    if len(gap) > _MAX_ODD_GAP:
        return False
    if gap.isascii():  # judged by ``digit_runs`` already, unless it repeats a symbol ("723 ~~~ 118")
        squeezed = _REPEATED_SEPARATOR.sub(r"\1", gap)
        return squeezed != gap and GAP_RE.fullmatch(squeezed) is not None
    mapped = [char if char.isascii() else _ascii_separator(char) for char in gap]
    if None in mapped:
        return False
    plain = "".join(mapped)  # type: ignore[arg-type]
    # a symbol repeated is one separator: "359 ••• 89 ••• 842" (round 10)
    plain = _REPEATED_SEPARATOR.sub(r"\1", plain)
    return GAP_RE.fullmatch(plain) is not None and not ("$" in plain and _PRICE_GAP.match(plain))


# Number words listed with commas ("zero six, four one, two nine"): a comma next to a number word
# goes on the number, where between plain digits it separates a list (prices, ages). The part after
# the comma must be too short to be a number alone.
_COMMA = re.compile(r"[ \t]*,[ \t]*")
_WORD_KINDS = frozenset({"word", "glued"})


def _comma_in_words(prev: DigitRun, run: DigitRun, gap: str) -> bool:
    # After a head of up to three digits (a country code, a trunk prefix: "drie een, zes, vijf nul zeven
    # ...") the rest may be as long as a number alone (round 8).
    return "," in gap and (prev.tokens[-1].kind in _WORD_KINDS or run.tokens[0].kind in _WORD_KINDS) \
        and (_digit_count_of(run) < MIN_DIGITS or _digit_count_of(prev) <= 3) and _COMMA.fullmatch(gap) is not None


# A number spelled digit by digit with a comma between its groups ("oh 7 3 8 5, 5 7 won 2 for oh", round 12):
# single digits (or digit words) on both sides, the first part starting with a zero and three digits long at
# least; a list of single numbers ("sizes 1, 2, 3") has no such head.
def _comma_digit_by_digit(prev: DigitRun, run: DigitRun, gap: str) -> bool:
    return "," in gap and _COMMA.fullmatch(gap) is not None and len(prev.tokens) >= 3 \
        and prev.tokens[0].digits == "0" and all(len(t.digits) == 1 for t in (*prev.tokens, *run.tokens)) \
        and len(prev.tokens) + len(run.tokens) <= MAX_DIGITS


# A number told in parts ("06 and then 51 72 83 94", "06 en dan 1335 en eindigt op 9531"): words that
# go on with the same number, after a head that starts like a national number ("0") and is too short
# to be one: one group as written or spoken ("06", "nul zes"; not "09 00" as a time is written), or a
# number told in parts already; it must be a trunk prefix alone (up to four digits) or the rest short
# too. A bare "and"/"en" is no such word: "between 09 00 and 13 00" is a range.
_CONTINUATIONS = (
    "and then", "then", "followed by", "and after that", "after that", "and ending in", "ending in",
    "ends in", "ends with", "and ends in", "and ends with", "and finally",
    "en dan", "dan", "daarna", "en daarna", "gevolgd door", "eindigt op", "en eindigt op", "eindigend op",
    "en als laatste", "en tot slot",
    # a number announced in parts: "first half 0618, second half ...", "eerste deel 06 52, tweede deel ..."
    "second half", "second part", "the second half", "the second part", "part two", "part 2", "the rest",
    "tweede deel", "tweede helft", "het tweede deel", "de tweede helft", "deel twee", "deel 2", "de rest",
    "last part", "laatste deel", "and the rest", "en de rest",
    # the middle of three parts: "Start: 06. Middle: 4758. End: 6970" (round 11)
    "middle", "midden", "middle part", "middelste deel", "next", "next part", "volgende deel",
    # "starts 07540\nand ends 219861" (round 12)
    "ends", "ending", "ends on", "and ends", "and ends on", "eindigt", "eindigt met", "en eindigt", "en eindigt met",
    # said with a subject (read before these words, _CONTINUATION): "en ik eindig met 75", "and I finish with 47"
    # (round 14)
    "eindig", "eindig met", "eindig op", "end", "end with", "end on", "finish", "finish with", "finishes with",
    "sluit af met", "afsluiten met",
    # the last digits put after the rest: "06 42 88 15 en zet er 91 achter", "then add 91 at the end" (round 14)
    "zet er", "zet daar", "plak er", "plak daar", "put", "stick", "append",
)
# What may follow those words before the rest (round 10): "en dan komt er nog 90 58 achter", "then comes"
_CONTINUATION_FILLERS = ("komt", "komen", "volgt", "er", "nog", "achter", "comes", "come", "follows", "is",
                         # "Then add 96 07 18", "dan erachter 85 96" (round 11)
                         "add", "erachter", "erbij", "plak", "type")
# The head of a number announced as the first of its parts: then a head of any kind is told in parts.
# "My number starts with 06 42 71 and then ...", "begint met" too (round 10).
_FIRST_PART = re.compile(r"(?:(?:first|1st|eerste)[ \t]+(?:half|part|deel|helft|bit|stuk)"
                         r"|(?:part|deel)[ \t]+(?:one|1|een|één)|\bbegin|\bstart"
                         # "My number starts 07540", "Eerst 06, dan ..." (round 12)
                         r"|\b(?:starts|begins|begint|first|firstly|eerst)"
                         r"|(?:begin|begint|beginnen|begins|starts|start)[ \t]+(?:met|with))[ \t]*(?:[:=\-]|is\b)?[ \t]*\Z",
                         re.IGNORECASE)
# The words after a part that ends a sentence ("First half: 06-330. Second half: 621-87", round 10).
# The part may end a line or a bracket: "eerste deel 06 34\nrest volgt: ...", "(zero six) then ..." (round 11)
_CONTINUATION = re.compile(rf"[ \t]*[)\]]?[ \t]*[,.;]?[ \t]*\n?[ \t]*(?:(?:and|en)[ \t]+)?(?:(?:ik|i|it|het|die|dat|this|that)[ \t]+)?"
                           # "rest:", "end:", "eind:" (round 10)
                           r"(?:rest|end|eind|einde|"
                           rf"{trie_pattern(sorted(_CONTINUATIONS))})"
                           rf"(?:[ \t]+(?:{trie_pattern(sorted(_CONTINUATION_FILLERS))})(?![^\W\d_]))*[ \t]*[:,]?[ \t]*",
                           re.IGNORECASE)
_MAX_CONTINUATION_GAP = 24
# The same words in brackets between the groups say on their own that the number is told in parts:
# "06 48 (then) 20 35 (and last) 71" (round 12).
_BRACKETED_CONTINUATION = re.compile(rf"[ \t]*[(\[][ \t]*(?:(?:and|en)[ \t]+)?(?:last|laatst|{trie_pattern(sorted(_CONTINUATIONS))})"
                                     r"[ \t]*[)\]][ \t]*", re.IGNORECASE)
_MAX_COUNTRY_HEAD = 5  # digits: "+39 338", a country code and the first group of a number told in parts
# Digits put after a whole head: "en zet er 91 achter", "and add 91 at the end" (round 14)
_APPENDED = re.compile(r"[ \t]*[,.;]?[ \t]*(?:(?:and|en|then|dan)[ \t]+)?(?:zet|plak|put|stick|add|append|voeg)[ \t]+"
                       r"(?:er|daar|on|at the end|toe)?[ \t]*", re.IGNORECASE)


def _continued_number(text: str, prev: DigitRun, run: DigitRun, gap: str) -> bool:
    # A head with its country code may be told in parts too: "begint met +39 338\nen dan 998 8776" (round 12).
    plus = _plus_before(text, prev.start)
    if not (prev.tokens[0].digits.startswith("0") or plus is not None) or gap.isspace():
        return False
    head, rest = _digit_count_of(prev), _digit_count_of(run)
    if _BRACKETED_CONTINUATION.fullmatch(gap):  # the last part may follow a head of a number's length
        return head + rest <= MAX_DIGITS and rest < MIN_DIGITS and len(gap) <= _MAX_CONTINUATION_GAP
    # a head told in parts already, every part with its word, may pass a number's length by a last short part:
    # "begint met 06, dan 41, dan komt 93, daarna 28 en ik eindig met 75" (round 14)
    parted = (bool(prev.gaps) and all(_CONTINUATION.fullmatch(g) for g in prev.gaps) or _APPENDED.fullmatch(gap) is not None) \
        and rest <= 4 and head < 11
    if len(gap) > _MAX_CONTINUATION_GAP or head >= MIN_DIGITS and not parted or head + rest > MAX_DIGITS \
            or (head > 4 and rest >= MIN_DIGITS) or plus is not None and head > _MAX_COUNTRY_HEAD:
        return False
    spoken = len(prev.tokens) == 1 or all(t.kind in _WORD_KINDS for t in prev.tokens)  # "06", "nul zes"
    told_in_parts = spoken and head >= 2 and plus is None or any(_CONTINUATION.fullmatch(g) for g in prev.gaps) \
        or _APPENDED.fullmatch(gap) is not None \
        or _FIRST_PART.search(text, max(0, (prev.start if plus is None else plus) - 20),
                              prev.start if plus is None else plus) is not None
    return told_in_parts and _CONTINUATION.fullmatch(gap) is not None


# A number told in parts over a sentence or a line of words ("first bit 07582, second bit is in the next
# line.\n011349", "Eerst 06, dan 1335. De laatste cijfers stuur ik in de volgende zin. Die zijn 9047.",
# round 12): the head is announced as a first part, or told in parts already, and starts like a national
# number ("0") short of one; the words between (no digits, two sentence or line breaks at most) say the
# rest comes (second, next, last, rest, tweede, volgende, laatste ...).
_MAX_TOLD_GAP = 80
_REST_WORD = re.compile(r"(?<![^\W\d_])(?:second|2nd|next|rest|last|remaining|final|ends?|ending|tweede|volgende|"
                        r"laatste|overige|eindigt|daarna)(?![^\W\d_])", re.IGNORECASE)
_TOLD_BREAKS = re.compile(r"[.!?\n]+")


def _told_far(text: str, prev: DigitRun, run: DigitRun, gap: str) -> bool:
    head, rest = _digit_count_of(prev), _digit_count_of(run)
    # a third part after two: "Eerste deel 06 52. Tweede deel 73 19. Laatste deel 84." (round 14)
    parted = bool(prev.gaps) and any(_CONTINUATION.fullmatch(g) for g in prev.gaps) and rest <= 4 and head < 11
    if len(gap) > _MAX_TOLD_GAP or head >= MIN_DIGITS and not parted or rest >= MIN_DIGITS or head + rest > MAX_DIGITS \
            or not prev.tokens[0].digits.startswith("0") or any(c.isdigit() for c in gap):
        return False
    if len(_TOLD_BREAKS.findall(gap)) > 2 or _REST_WORD.search(gap) is None:
        return False
    return any(_CONTINUATION.fullmatch(g) for g in prev.gaps) \
        or _FIRST_PART.search(text, max(0, prev.start - 20), prev.start) is not None


# The longest gap any of the joins below takes; most runs of an ad are further apart than that.
_MAX_JOIN_GAP = max(_MAX_CONTINUATION_GAP, _MAX_ODD_GAP)


# A separator said as a word between digit groups: "702 dot 555 dot 1234", "06 streepje 12 34" (round 13).
_WORD_SEPARATOR = re.compile(r"[ \t]+(?i:dot|dash|hyphen|point|punt|streep(?:je)?)[ \t]+")
_MAX_WORD_SEPARATOR_GAP = 12


def _joined_runs(text: str, prev: DigitRun, run: DigitRun) -> bool:
    """Whether `run` goes on the number of `prev` across a gap ``digit_runs`` splits at."""
    gap = text[prev.end : run.start]
    return _SPACED_DOLLAR.fullmatch(gap) is not None or _broken_number(text, prev, run, gap) \
        or _odd_separator(gap) or _comma_in_words(prev, run, gap) or _comma_digit_by_digit(prev, run, gap) \
        or _continued_number(text, prev, run, gap)


# "double four", "dubbel vier", "triple 0": the digit after the word, said twice or three times.
_REPEAT = re.compile(r"(?i:(?P<word>double|dubbel|dubbele|triple|tripel|trippel))[ \t]+")
_REPEATS = {"double": 2, "dubbel": 2, "dubbele": 2, "triple": 3, "tripel": 3, "trippel": 3}
# "drie keer zeven", "twee keer vier", "three times seven": a count word, "keer"/"times", and the digit
# said that many times. Only a count said as a word (not "2 keer 60 min") of two to four.
_TIMES = re.compile(r"[ \t]+(?i:keer|maal|times)[ \t]+")
_TIMES_COUNTS = frozenset("234")
# A number word misspelled by one letter ("fourty", "seben", "negn") between number words: a disguised
# run already, where an ordinary word that close to a number word ("fine", "echt", "tegen") is rare.
_MISSPELT = re.compile(r"(?P<before>[ \t,\-]*)(?P<word>[^\W\d_]{4,14})(?P<after>[ \t,\-]*)")
_NUMBER_WORD_FORMS = tuple((w, v) for w, v in NUMBER_WORDS.items() if len(w) >= 4 and w.isalpha())


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one letter left out, added, changed or two neighbours swapped turn `a` into `b` (a != b)."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


@lru_cache(maxsize=4096)
def _misspelt_value(word: str) -> tuple[str, int] | None:
    """(the number word, its value) one edit from `word`, when all such words have one value."""
    lower = word.lower()
    close = {v: w for w, v in _NUMBER_WORD_FORMS if w != lower and _one_edit_apart(lower, w)}
    return next(iter(close.items()))[::-1] if len(close) == 1 else None


def _misspelt_join(text: str, prev: DigitRun, run: DigitRun) -> DigitRun | None:
    """`prev` and `run` as one run across a misspelled number word between them, else None."""
    last, first = prev.tokens[-1], run.tokens[0]
    if last.kind not in _WORD_KINDS and first.kind not in _WORD_KINDS or run.start - prev.end > 20:
        return None
    m = _MISSPELT.fullmatch(text, prev.end, run.start)
    if m is None or not m["before"] or not m["after"]:
        return None
    known = _misspelt_value(m["word"])
    if known is None:
        return None
    word, value = known
    token = DigitToken(m.start("word"), m.end("word"), str(value), "word")
    rest, gaps = run.tokens, (m["before"], m["after"], *run.gaps)
    compound = number_word_value(f"{word} {text[first.start : first.end]}") if m["after"] in (" ", "-") else None
    if compound is not None and 20 < compound < 100 and first.kind == "word" and len(first.digits) == 1:
        token = DigitToken(token.start, first.end, str(compound), "word")  # "fourty six": 46
        rest, gaps = run.tokens[1:], (m["before"], *run.gaps)
    return DigitRun((*prev.tokens, token, *rest), (*prev.gaps, *gaps))


# Dutch tens and unit written apart, unit first ("vier en twintig"): one number, as "vierentwintig".
_DUTCH_TENS = frozenset({"twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"})
_DUTCH_AND = re.compile(r"[ \t]+en[ \t]+", re.IGNORECASE)


def _repeated_digit(text: str, prev: DigitRun, run: DigitRun) -> DigitRun | None:
    """`prev` and `run` as one run when a word between them repeats the digit after it ("06 double
    four ..."), else None."""
    first = run.tokens[0]
    if run.start - prev.end > 12 or len(first.digits) != 1:
        return None
    gap = text[prev.end : run.start]
    last = prev.tokens[-1]
    if last.kind == "word" and last.digits in _TIMES_COUNTS and _TIMES.fullmatch(gap):
        # "drie keer zeven": the count word before the gap is no digit of the number
        token = DigitToken(last.start, first.end, first.digits * int(last.digits), "word")
        if len(prev.tokens) == 1:
            return DigitRun((token,) + run.tokens[1:], run.gaps)
        return DigitRun(prev.tokens[:-1] + (token,) + run.tokens[1:], prev.gaps[:-1] + run.gaps)
    word = gap.lstrip(" \t,")
    repeat = _REPEAT.fullmatch(word) if len(word) < len(gap) else None
    if repeat is None:
        return None
    start = prev.end + len(gap) - len(word)
    token = DigitToken(start, first.end, first.digits * _REPEATS[repeat["word"].lower()], "word")
    return DigitRun(prev.tokens + (token,) + run.tokens[1:], prev.gaps + (gap[: len(gap) - len(word)],) + run.gaps)


def _dutch_tens_join(text: str, prev: DigitRun, run: DigitRun) -> DigitRun | None:
    """`prev` and `run` as one run with "vier en twintig" read as 24, else None."""
    last, first = prev.tokens[-1], run.tokens[0]
    if last.kind != "word" or len(last.digits) != 1 or last.digits == "0" or first.kind != "word" \
            or text[first.start : first.end].lower() not in _DUTCH_TENS:
        return None
    if not _DUTCH_AND.fullmatch(text, last.end, first.start):
        return None
    token = DigitToken(last.start, first.end, str(int(first.digits) + int(last.digits)), "word")
    return DigitRun(prev.tokens[:-1] + (token,) + run.tokens[1:], prev.gaps + run.gaps)


# Digit groups chained by one sign that ``digit_runs`` does not take as a separator ("06,24,68,13,57",
# "06 + 24 + 68 + 13 + 57", "06:24:68:13:57"): four or more short groups, the first with the trunk
# prefix, the same sign each time. A comma counts only without spaces, as prose lists have them.
_CHAIN_GROUPS, _CHAIN_GROUP_DIGITS, _CHAIN_GAP = 4, 4, 3


def _chain_link(text: str, prev: DigitRun, run: DigitRun, sign: str | None) -> str | None:
    """The sign between two single-group runs when it can chain them (the same as `sign` if given)."""
    if run.start - prev.end > _CHAIN_GAP or len(prev.tokens) != 1 or len(run.tokens) != 1 \
            or len(run.tokens[0].digits) > _CHAIN_GROUP_DIGITS:
        return None
    gap = text[prev.end : run.start]
    if not gap or (sign is not None and gap != sign) or gap.isspace():
        return None
    if any(c.isalnum() or c in "\r\n" for c in gap) or ("," in gap and gap != ","):
        return None
    return gap


# What a chain looks like in digits, with a sign ``digit_runs`` does not join at (it joins at the
# others): texts without one are not looked at run by run.
_CHAIN = re.compile(r"0\d{0,3}([ \t]?[,:+=<>?%&^`][ \t]?)\d{1,4}(?:\1\d{1,4}){2,}")


def _chained(text: str, runs: list[DigitRun]) -> list[DigitRun]:
    out: list[DigitRun] = []
    i = 0
    while i < len(runs):
        if not runs[i].tokens[0].digits.startswith("0"):  # a chain starts with the trunk prefix
            out.append(runs[i])
            i += 1
            continue
        j, sign = i, None
        while j + 1 < len(runs) and (link := _chain_link(text, runs[j], runs[j + 1], sign)) is not None:
            sign, j = link, j + 1
        chain = runs[i : j + 1]
        if len(chain) >= _CHAIN_GROUPS and chain[0].tokens[0].digits.startswith("0") \
                and len(chain[0].tokens[0].digits) <= _CHAIN_GROUP_DIGITS:
            out.append(DigitRun(tuple(r.tokens[0] for r in chain), (sign or "",) * (len(chain) - 1)))
            i = j + 1
        else:
            out.append(runs[i])
            i += 1
    return out


# Digits inside a word stand for letters ("n1ne", "f0ur", "thr33", "4cht"), or a digit is written with
# the rest of its own word ("6ix", "7even", "1ne", "zer0"): either way the word is one digit.
_LEET_AS_I, _LEET_AS_L = str.maketrans("013457", "oieast"), str.maketrans("013457", "olease")
_DIGIT_IN_WORD = re.compile(r"(?P<digit>\d)(?P<tail>[^\W\d_]{2,})|(?P<head>[^\W\d_]{2,})(?P<last>\d)")
_ALNUM_AROUND = re.compile(r"[^\W_]*")


@lru_cache(maxsize=1)
def _digit_words() -> dict[str, tuple[str, ...]]:
    """Each digit's number words ("6": "six", "zes")."""
    words: dict[str, list[str]] = {}
    for word, value in NUMBER_WORDS.items():
        if value < 10 and len(word) >= 3 and word.isalpha():
            words.setdefault(str(value), []).append(word)
    return {digit: tuple(forms) for digit, forms in words.items()}


@lru_cache(maxsize=4096)
def _leet_digits(word: str) -> str | None:
    """The digits a word of letters and digits stands for ("n1ne" -> "9", "6ix" -> "6"), or None."""
    lower = word.lower()
    for table in (_LEET_AS_I, _LEET_AS_L):
        value = NUMBER_WORDS.get(lower.translate(table))
        if value is not None:
            return str(value)
    m = _DIGIT_IN_WORD.fullmatch(lower)
    if m is None:
        return None
    digit, part = (m["digit"], m["tail"]) if m["digit"] else (m["last"], m["head"])
    fits = str.endswith if m["digit"] else str.startswith
    if any(len(w) == len(part) + 1 and fits(w, part) for w in _digit_words().get(digit, ())):
        return digit
    return None


def _leet_tokens(text: str, tokens: list[DigitToken]) -> list[DigitToken]:
    """The tokens with each word of letters and digits that spells a digit read as that one digit."""
    out: list[DigitToken] = []
    size, word_end = len(text), -1
    for token in tokens:
        if token.start < word_end:
            continue  # inside a word read already ("s3v3n")
        if token.kind == "digits" and (token.start > 0 and text[token.start - 1].isalpha()
                                       or token.end < size and text[token.end].isalpha()):
            start = token.start
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            end = _ALNUM_AROUND.match(text, token.end).end()
            digits = _leet_digits(text[start:end])
            if digits is not None and not any(t.end > start for t in out[-1:]):
                out.append(DigitToken(start, end, digits, "letters"))
                word_end = end
                continue
        out.append(token)
    return out


# A number word spelled out letter by letter ("z-e-r-o s-i-x", "z e r o  s i x", "N.U.L"): single letters
# joined by one and the same separator; a wider gap (or another separator) ends the word. The letters
# are read as the word only when together they make a number word, or glued number words ("zerosix").
_SPELLED = re.compile(r"(?<![^\W\d_])[^\W\d_](?P<sep>[ .\-_*])[^\W\d_](?:(?P=sep)[^\W\d_]){1,7}(?![^\W\d_])")
# Whether _SPELLED can match (single letters with a separator between: "z e s"), as a regex that opens with
# the first separator, which the engine skips to, and looks back at the letter before it and at what stands
# before that letter: the same texts as opening with the look-behind, which is tried at every character.
_SPELLED_HINT = re.compile(
    r"[ .\-_*](?<=[^\W\d_][ .\-_*])(?<![^\W\d_][^\W\d_][ .\-_*])[^\W\d_][ .\-_*][^\W\d_](?![^\W\d_])")


def _spelled_tokens(text: str, tokens: list[DigitToken]) -> list[DigitToken]:
    """The tokens with each number word spelled letter by letter read as its digits."""
    if _SPELLED_HINT.search(text) is None:
        return tokens
    spelled = []
    for m in _SPELLED.finditer(text):
        word = m.group(0).replace(m["sep"], "").lower()
        value = NUMBER_WORDS.get(word)
        digits = str(value) if value is not None and value < 100 else glued_digits(word)
        if digits is not None:
            spelled.append(DigitToken(m.start(), m.end(), digits, "word"))
    if not spelled:
        return tokens
    kept = [t for t in tokens if not any(s.start < t.end and t.start < s.end for s in spelled)]
    return sorted(kept + spelled, key=lambda t: t.start)


# A calling code of three digits said in words after "plus": "plus vierhonderdtwintig 731 ...", "plus three
# hundred fifty nine 88 ..." (round 10). The tokens only know words up to 99; the longest run of words
# that names a calling code is one token.
_CODE_WORDS = with_start_class(re.compile(
    r"(?<![\w])plus[ \t]+(?P<words>(?:[^\W\d_]+[ \t-]+)?[^\W\d_]*(?:honderd|hundred)[^\W\d_]*(?:[ \t-]+(?:and[ \t]+)?[^\W\d_]+){0,2})",
    re.IGNORECASE,
))
_WORD_SPLIT = re.compile(r"[ \t-]+(?:and[ \t]+)?")


def _code_word_tokens(text: str, tokens: list[DigitToken]) -> list[DigitToken]:
    lower = text.lower()
    if "honderd" not in lower and "hundred" not in lower:
        return tokens
    coded = []
    for m in _CODE_WORDS.finditer(text):
        words = m.group("words")
        cuts = [w.start() for w in _WORD_SPLIT.finditer(words)] + [len(words)]
        for cut in reversed(cuts):  # the longest words that name a calling code
            value = number_word_value(words[:cut].replace("-", " "))
            if value is not None and 100 <= value <= 999 and \
                    phonenumbers.region_code_for_country_code(value) != "ZZ":
                coded.append(DigitToken(m.start("words"), m.start("words") + cut, str(value), "word"))
                break
    if not coded:
        return tokens
    kept = [t for t in tokens if not any(c.start < t.end and t.start < c.end for c in coded)]
    return sorted(kept + coded, key=lambda t: t.start)


def _digit_runs(text: str, masked: Sequence[tuple[int, int]] = (),
                tokens: Sequence[DigitToken] | None = None) -> list[DigitRun]:
    """``normalise.digit_runs``, with runs split where a number goes on joined again: a spaced "$", a
    line break in a number (``_broken_number``), an odd separator, a comma between number words, words
    that go on with the number, a repeated digit, Dutch tens after their unit, a chain of groups; and
    words of letters and digits read as one digit (``_leet_tokens``)."""
    if tokens is None:
        tokens = _code_word_tokens(text, _spelled_tokens(text, _leet_tokens(text, digit_tokens(text))))
    runs = digit_runs(text, masked, tokens)
    if len(runs) < 2:
        return runs
    if _CHAIN.search(text):
        runs = _chained(text, runs)
    merged = [runs[0]]
    for run in runs[1:]:
        prev = merged[-1]
        far = run.tokens[0].start - prev.tokens[-1].end
        if far <= _MAX_WORD_SEPARATOR_GAP and _WORD_SEPARATOR.fullmatch(text, prev.tokens[-1].end, run.tokens[0].start):
            gap = text[prev.tokens[-1].end : run.tokens[0].start]
            merged[-1] = DigitRun(prev.tokens + run.tokens, prev.gaps + (gap,) + run.gaps)
            continue
        if far > _MAX_JOIN_GAP:
            if far <= _MAX_TOLD_GAP and _told_far(text, prev, run, text[prev.tokens[-1].end : run.tokens[0].start]):
                merged[-1] = DigitRun(prev.tokens + run.tokens,
                                      prev.gaps + (text[prev.tokens[-1].end : run.tokens[0].start],) + run.gaps)
            else:
                merged.append(run)  # most runs of an ad: too far apart for any join
            continue
        joined = _join(text, prev, run)
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(run)
    return merged


_LETTER = re.compile(r"[^\W\d_]")


def _join(text: str, prev: DigitRun, run: DigitRun) -> DigitRun | None:
    """`prev` and `run` as one run when the gap between them goes on with the number, else None. The
    joins that take words in the gap are tried only where the tokens around it allow them."""
    last, first = prev.tokens[-1], run.tokens[0]
    if not _LETTER.search(text, last.end, first.start):
        if _joined_runs(text, prev, run):
            return DigitRun(prev.tokens + run.tokens, prev.gaps + (text[last.end : first.start],) + run.gaps)
        return None
    if (prev.tokens[0].digits.startswith("0") or _plus_before(text, prev.start) is not None) and (_continued_number(text, prev, run, text[last.end : first.start])
                                                   or _told_far(text, prev, run, text[last.end : first.start])):
        return DigitRun(prev.tokens + run.tokens, prev.gaps + (text[last.end : first.start],) + run.gaps)
    joined = _repeated_digit(text, prev, run) if len(first.digits) == 1 else None
    if joined is None and last.kind == "word" and len(last.digits) == 1:
        joined = _dutch_tens_join(text, prev, run)
    if joined is None and (last.kind in _WORD_KINDS or first.kind in _WORD_KINDS):
        joined = _misspelt_join(text, prev, run)
    return joined


# "(add 0 at the start)", "put zero in front", "zet er een 0 voor": the ad drops the trunk prefix and
# says so. A run near such a note that does not start with "0" is read with one first.
_ZERO_WORDS = ("0", "zero", "nul", "oh", "een 0", "een nul", "a 0", "a zero", "the 0", "the zero", "de 0", "de nul")
_ZERO_PLACES = ("in front", "in front of it", "at the start", "at the beginning", "at the front", "before it",
                "first", "ervoor", "er voor", "vooraan", "voor het nummer", "aan het begin", "eerst")
_ZERO_FIRST = with_start_class(re.compile(rf"(?<!\w)(?:{trie_pattern(sorted(_ZERO_WORDS))})\s+(?:{trie_pattern(sorted(_ZERO_PLACES))})(?!\w)"
                         # "zet er wel een nul voor", "doe er even een 0 voor" (round 10): a filler word
                         r"|(?<!\w)(?:zet|plak|doe)\s+(?:er\s+)?(?:(?:wel|even|nog|dan|gewoon|zelf|maar)\s+)?(?:een\s+)?"
                         r"(?:0|nul)\s+(?:voor|bij)(?!\w)"
                         # "leading zero left off", "the 0 is missing", "eerste nul weggelaten", "eerst een 0" (round 10)
                         r"|(?<!\w)(?:leading|eerste)\s+(?:0|zero|nul)(?!\w)"
                         r"|(?<!\w)(?:0|zero|nul)\s+(?:is\s+)?(?:missing|ontbreekt|weggelaten|left\s+off|removed|dropped|omitted|vergeten)(?!\w)"
                         r"|(?<!\w)eerst\s+een\s+(?:0|nul)(?!\w)"
                         # "(Dutch mobile, add 0)", "add a zero", "voeg een 0 toe" (round 12): a zero added is its trunk
                         r"|(?<!\w)(?:add|voeg)\s+(?:a\s+|an\s+|een\s+|the\s+|de\s+)?(?:0|zero|nul)(?:\s+toe)?(?!\w)"
                         # "my mobile without the first zero", "zonder de eerste 0" (round 13): said left off
                         r"|(?<!\w)(?:without|zonder|minus)\s+(?:the\s+|de\s+|its\s+)?(?:first\s+|leading\s+|eerste\s+)?(?:0|zero|nul)(?!\w)"
                         # "(begin met 0)", "starts with zero", "begint met een nul" (round 8)
                         r"|(?<!\w)(?:begin|begint|beginnen|start|starts|starting|begins)\s+(?:met|with)\s+(?:een\s+|a\s+)?"
                         r"(?:0|zero|nul|oh)(?!\w)",
                         re.IGNORECASE))
# A note names a place (in front, ervoor, at the start...): texts without any of these words have none.
_ZERO_PLACE_WORDS = ("front", "start", "begin", "first", "before", "ervoor", "er voor", "vooraan", "voor het",
                     "eerst", "zet er", "zet een", "plak er", "plak een", "doe er", "doe een", "leading", "eerste",
                     "missing", "ontbreekt", "weggelaten", "left off", "removed", "dropped", "omitted", "vergeten",
                     "add ", "voeg ", "without", "zonder", "minus")
_ZERO_NOTE_REACH = 60


class _ZeroNotes:
    """Where the text says to put a "0" in front, looked for once, when a run first needs it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: list[tuple[int, int]] | None = None

    def near(self, run: DigitRun) -> bool:
        if self._spans is None:
            lower = self.text.lower()
            noted = any(word in lower for word in _ZERO_PLACE_WORDS)
            self._spans = [m.span() for m in _ZERO_FIRST.finditer(self.text)] if noted else []
        return any(run.start - _ZERO_NOTE_REACH <= s and e <= run.end + _ZERO_NOTE_REACH for s, e in self._spans)


def _with_trunk_zero(run: DigitRun, prefix: str = "0") -> DigitRun:
    """The run with a "0" (or `prefix`) before it, written nowhere (an empty span at the run's start)."""
    zero = DigitToken(run.start, run.start, prefix, "word")
    return DigitRun((zero, *run.tokens), ("", *run.gaps))


# "ps begin met 06", "starts with 06", "put 06 in front", "zet er 06 voor": the head of the number given
# apart from its rest, before or after it. A run near such a note that does not start with "0" is read
# with the head first; the head alone is too short to be read as a number itself.
_PREFIX_NOTE = with_start_class(re.compile(
    r"(?<!\w)(?:begin|begint|beginnen|start|starts|starting|begins|starten)\s+(?:met|with)\s+(?P<head>0\d{1,3})(?![\d\s]*\d)"
    r"|(?<!\w)(?:put|add|zet|plak|doe)\s+(?:er\s+)?(?P<put>0\d{1,3})\s+"
    r"(?:in\s+front|at\s+the\s+(?:start|front|beginning)|before|voor|ervoor|vooraan)(?!\w)"
    # the head named as hers, the rest after it: "mijn 06 is: 2-negen-4-...", "my 07 = 7 9 ..." (round 13)
    r"|(?<!\w)(?:my|mijn|m'n|her|haar)\s+(?P<mine>0\d{1,3})\s*(?:is\s*:?|=|:)",
    re.IGNORECASE,
))
_PREFIX_NOTE_REACH = 80
_PREFIXED_REST = frozenset(range(6, 10))  # the rest of a number after a head of two to four digits


# "read it backwards", "achterstevoren", "omgekeerd", "right to left": the number is written reversed. A
# run near such a note that ends in "0" and does not start with one is read reversed first (its trunk
# prefix then comes first); its reading as written is kept only when that fails.
_REVERSE_NOTE = with_start_class(re.compile(
    r"(?<!\w)(?:backwards?|in\s+reverse|reversed|right\s+to\s+left|achterstevoren|achteruit|omgekeerd|"
    r"van\s+rechts\s+naar\s+links|andersom|(?:van\s+)?achter\s+naar\s+voren|back\s+to\s+front|from\s+the\s+(?:end|back))(?!\w)",
    re.IGNORECASE,
))
_REVERSE_HINTS = ("backward", "reverse", "right to left", "achterstevoren", "achteruit", "omgekeerd",
                  "rechts naar links", "andersom", "achter naar voren", "back to front", "from the end", "from the back")
_REVERSE_NOTE_REACH = 40


def _reverse_notes(text: str) -> list[tuple[int, int]]:
    lower = text.lower()
    if not any(w in lower for w in _REVERSE_HINTS):
        return []
    return [m.span() for m in _REVERSE_NOTE.finditer(text)]


def _reversed_run(notes: list[tuple[int, int]], run: DigitRun) -> DigitRun | None:
    """`run` as one token of its digits reversed, when a note near it says to read it so."""
    if not any(run.start - _REVERSE_NOTE_REACH <= s and e <= run.end + _REVERSE_NOTE_REACH for s, e in notes):
        return None
    digits = "".join(t.digits for t in run.tokens)[::-1]
    if run.tokens[0].digits.startswith("0") or not digits.startswith("0"):
        return None  # reversed, a number starts with its trunk "0"; written so, it is read as written
    return DigitRun((DigitToken(run.start, run.end, digits, "word"),), ())


def _prefix_notes(text: str) -> list[tuple[int, int, str]]:
    lower = text.lower()
    if not any(w in lower for w in ("begin", "start", "put ", "add ", "zet ", "plak ", "doe ", "my ", "mijn ", "m'n ",
                                    "her ", "haar ")):
        return []
    return [(m.start(), m.end(), m["head"] or m["put"] or m["mine"]) for m in _PREFIX_NOTE.finditer(text)]


def _noted_head(notes: list[tuple[int, int, str]], run: DigitRun) -> str | None:
    """The head a note near `run` gives it, when `run` could be the rest of a number after it."""
    if run.tokens[0].digits.startswith("0") or _digit_count_of(run) not in _PREFIXED_REST:
        return None
    for start, end, head in notes:
        if run.start - _PREFIX_NOTE_REACH <= start and end <= run.end + _PREFIX_NOTE_REACH \
                and not (start <= run.start < end):
            return head
    return None


def read_phones(text: str, country: str | None = "NL", masked: Sequence[tuple[int, int]] = (),
                lang: str | None = None) -> PhoneReading:
    """Every phone number in `text`, in order of appearance (duplicates kept, spans differ), and the
    numbers that stay ambiguous between regions. `country` "" or "auto" (or None): infer it. `lang`
    (nl, en) breaks ties between regions that read a number equally well."""
    written = text
    text = substituted(text)  # a stand-in symbol and its note: "06-1X-83-X7-29 (vervang X door 6)"
    region = (country or "").upper()
    inference = _Inference(text, None if region in AUTO else region, masked, lang)
    found: list[PhoneFound] = []
    ambiguous: list[AmbiguousPhone] = []
    zero_notes = _ZeroNotes(text)
    prefix_notes = _prefix_notes(text)
    reverse_notes = _reverse_notes(text)
    for candidate in _digit_runs(text, masked):
        tokens = candidate.tokens
        head = _noted_head(prefix_notes, candidate) if prefix_notes else None
        if head is not None and not _LABEL_BEFORE.search(text, max(0, candidate.start - 30), candidate.start) \
                and not masked_ranges(text, candidate.start, candidate.end):  # a date, a time: no rest
            phones, unsure = inference.read(_with_trunk_zero(candidate, head))
            if phones or unsure:
                found += phones
                ambiguous += unsure
                continue
        if len(tokens) == 1 and len(tokens[0].digits) < MIN_DIGITS or \
                sum(len(t.digits) for t in tokens) < MIN_DIGITS:
            continue
        # Dates, times and IBANs are looked for only around runs long enough to be a phone.
        around = masked_ranges(text, max(0, candidate.start - MASK_CONTEXT), candidate.end + MASK_CONTEXT)
        runs = _digit_runs(text, around, candidate.tokens) if around else [candidate]
        for run in runs:
            if sum(len(t.digits) for t in run.tokens) < MIN_DIGITS:
                continue
            if _LABEL_BEFORE.search(text, max(0, run.start - 30), run.start):
                continue
            backwards = _reversed_run(reverse_notes, run) if reverse_notes else None
            if backwards is not None:
                phones, unsure = inference.read(backwards)
                if phones or unsure:
                    found += phones
                    ambiguous += unsure
                    continue
            if not run.tokens[0].digits.startswith("0") and zero_notes.near(run):
                phones, unsure = inference.read(_with_trunk_zero(run))
                if phones or unsure:
                    found += phones
                    ambiguous += unsure
                    continue
            phones, unsure = inference.read(run)
            split = _split_code_word(text, run)
            if split is not None:
                phones, unsure = _likelier(inference, (phones, unsure), split)
            found += phones
            ambiguous += unsure
    if text != written:  # a number read through a symbol note is disguised, and shown as the ad wrote it
        found = [replace(p, disguises=(*p.disguises, "symbol_note")) if text[p.start:p.end] != written[p.start:p.end]
                 else p for p in found]
        ambiguous = [replace(a, written=written[a.start:a.end]) for a in ambiguous]
    return PhoneReading(found, ambiguous)


# "plus forty seven two two ...": a tens word and a unit after "plus" are one number (+47 ...) or a tens
# code and the first digit of the rest (+40 7 ...), round 10. Both are read; a reading that validates
# wins over one that does not, and a mobile number over a landline (ads give mobiles).
_TENS_UNIT = re.compile(r"(?P<tens>twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)[ \t-]*"
                        r"(?P<unit>one|two|three|four|five|six|seven|eight|nine)", re.IGNORECASE)


def _split_code_word(text: str, run: DigitRun) -> DigitRun | None:
    first = run.tokens[0]
    if first.kind not in _WORD_KINDS or len(first.digits) != 2 or _plus_before(text, run.start) is None:
        return None
    m = _TENS_UNIT.fullmatch(text, first.start, first.end)
    if m is None:
        return None
    tens = DigitToken(first.start, m.end("tens"), first.digits[0] + "0", first.kind)
    unit = DigitToken(m.start("unit"), first.end, first.digits[1], first.kind)
    return DigitRun((tens, unit, *run.tokens[1:]), (text[tens.end : unit.start], *run.gaps))


def _likelier(inference: _Inference, read: tuple[list[PhoneFound], list[AmbiguousPhone]],
              split: DigitRun) -> tuple[list[PhoneFound], list[AmbiguousPhone]]:
    other = inference.read(split)
    if not other[0]:
        return read
    if not read[0] or (all(_is_mobile(f.e164) for f in other[0]) and not all(_is_mobile(f.e164) for f in read[0])):
        return other
    return read


# A WhatsApp click-to-chat link carries the number in international form without "+" ("wa.me/316...").
_WA_LINK = with_start_class(re.compile(r"(?<![\w.])(?:https?://)?(?:api\.)?wa\.me/\+?(\d{8,15})(?!\w)", re.IGNORECASE))


def link_phones(text: str) -> list[PhoneFound]:
    """Numbers in WhatsApp links: a phone number, not a handle (links are masked from the digit reading)."""
    found = []
    if "wa.me/" not in text.lower():
        return found
    for m in _WA_LINK.finditer(text):
        e164 = _international_e164(m.group(1), True)
        if e164:
            found.append(PhoneFound(e164, m.start(1), m.end(1), ()))
    return found


def find_phones(text: str, country: str | None = "NL", masked: Sequence[tuple[int, int]] = ()) -> list[PhoneFound]:
    """Every phone number in `text` placed in one region, in order of appearance."""
    return read_phones(text, country, masked).phones
