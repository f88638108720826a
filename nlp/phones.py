"""Phone numbers, also disguised ones, as E.164 with their span in the original text.

Candidates are digit runs from ``normalise.digit_runs``; inside a run the longest token
sequence that ``phonenumbers`` accepts as a VALID number wins. What must never be read as a
phone: prices, dates, times, postcodes, licence/KvK/BTW numbers, IBANs, ad ids, body
measurements and long digit runs. Dates, times and IBANs are masked before the runs are built;
labelled numbers (KvK, licence, ad id...) are skipped by the label in front of them; the
others never validate or lack the trunk prefix a national number needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumberFormat

from nlp.normalise import DigitRun, digit_runs, disguise_kinds

MIN_DIGITS, MAX_DIGITS = 8, 15
MASK_CONTEXT = 16

_DATE = re.compile(
    r"(?<![\d\-./])(?:\d{1,2}([-./])\d{1,2}\1(?:19|20)?\d{2}|(?:19|20)\d{2}([-./])\d{1,2}\2\d{1,2})(?![\d]|[-./]\d)"
)
_TIME = re.compile(r"(?<![\d.:])\d{1,2}[.:h]\d{2}(?![\d.:])(?:\s*-\s*\d{1,2}[.:h]\d{2}(?![\d.:]))?")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d{2,4}){2,5}\b")
_LABEL_BEFORE = re.compile(
    r"\b(?:kvk|k\.v\.k\.?|btw|vat|iban|rekening\w*|bank\w*|vergunning\w*|licen[cst]\w*|registrat\w*|reg|"
    r"ad[\s-]?id|advert\w*|ref\w*|order\w*|bsn|id|postcode|zip|maten|measurements)"
    r"(?:\s*(?:no|nr|nummer|number|num|#))?[\s.:#=-]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PhoneFound:
    e164: str
    start: int
    end: int
    disguises: tuple[str, ...]

    @property
    def obfuscated(self) -> bool:
        return bool(self.disguises)


def _needs_trunk_prefix(region: str) -> bool:
    metadata = PhoneMetadata.metadata_for_region(region)
    return bool(metadata and metadata.national_prefix == "0")


def masked_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Dates, times and IBANs around text[start:end] (lookbehinds still see what comes before)."""
    end = len(text) if end is None else end
    return [m.span() for pattern in (_DATE, _TIME, _IBAN) for m in pattern.finditer(text, start, end)]


@lru_cache(maxsize=65536)
def _valid_e164(digits: str, plus: bool, region: str, trunk: bool) -> str | None:
    if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
        return None
    if not plus and trunk and not digits.startswith("0"):
        return None
    try:
        number = phonenumbers.parse(("+" if plus else "") + digits, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if number.italian_leading_zero:
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    return f"+{number.country_code}{number.national_number}"  # E.164 without the formatter's overhead


def _plus_before(text: str, start: int) -> int | None:
    """Offset of a '+' written just before the number (international form), else None."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    return i if i >= 0 and text[i] in "+\uff0b" and start - i <= 2 else None


def _phones_in_run(text: str, run: DigitRun, region: str, trunk: bool) -> list[PhoneFound]:
    found = []
    tokens = run.tokens
    i = 0
    while i < len(tokens):
        hit = None
        plus_at = _plus_before(text, tokens[i].start)
        for j in range(len(tokens), i, -1):
            digits = "".join(t.digits for t in tokens[i:j])
            if len(digits) > MAX_DIGITS + 2:
                continue
            if len(digits) < MIN_DIGITS:
                break
            e164 = _valid_e164(digits, plus_at is not None, region, trunk)
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


def find_phones(text: str, country: str = "NL", masked: Sequence[tuple[int, int]] = ()) -> list[PhoneFound]:
    """Every phone number in `text`, in order of appearance (duplicates kept, spans differ)."""
    region = (country or "NL").upper()
    trunk = _needs_trunk_prefix(region)
    found = []
    for candidate in digit_runs(text, masked):
        if sum(len(t.digits) for t in candidate.tokens) < MIN_DIGITS:
            continue
        # Dates, times and IBANs are looked for only around runs long enough to be a phone.
        around = masked_ranges(text, max(0, candidate.start - MASK_CONTEXT), candidate.end + MASK_CONTEXT)
        runs = digit_runs(text, around, candidate.tokens) if around else [candidate]
        for run in runs:
            if sum(len(t.digits) for t in run.tokens) < MIN_DIGITS:
                continue
            if _LABEL_BEFORE.search(text, max(0, run.start - 30), run.start):
                continue
            found += _phones_in_run(text, run, region, trunk)
    return found
