"""Ages the ad states for the advertised person ("Lisa (19)", "19 jaar", "I am 19", "age: 19", "19yo").

Other numbers that look like ages are not ages of the person: client age limits ("vanaf 18 jaar",
"18 years and older"), experience ("5 jaar ervaring"), times in a country ("2 years in NL"),
prices, and "24/7". They are excluded by what stands right before or after the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.normalise import NUMBER_WORD, number_word_value

MIN_AGE, MAX_AGE = 10, 99
_NUM = rf"(?P<num>\d{{1,2}}|{NUMBER_WORD})"
_NOT_AFTER_NUMBER = r"(?!\s*(?:[/+%€:]|[.,]\d|cm|kg|euro|eur\b|min|uur|u\b|x\b|keer))"

# "19 jaar", "19-jarige", "19 years old", "19yo": found from the unit word backwards, because a
# pattern that starts with a number word would be tried at every character of every ad.
_AGE_UNIT = re.compile(
    r"(?:jaar(?:\s+oud)?|jr\b\.?|jarige|jarig|years?(?:\s+old)?|yrs?(?:\s+old)?|yo\b|y/o|y\.o\.?)(?!\w)",
    re.IGNORECASE,
)
_DIGITS_BEFORE_UNIT = re.compile(r"(?<![\w/+\-.,])(?P<num>\d{1,2})\s*-?\s*$")
_NUMBER_BEFORE_UNIT = re.compile(rf"(?<![\w/+\-.,]){_NUM}\s*-?\s*$", re.IGNORECASE)
_PATTERNS = [
    # ik ben 19, I am 19, I'm 19, zij is 19, age: 19, leeftijd 19
    re.compile(
        rf"\b(?:ik\s+ben|i\s+am|i'm|im|zij\s+is|ze\s+is|she\s+is|she's|leeftijd|age|aged)\s*[:=]?\s*"
        rf"{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    ),
    # net 18, just turned 18
    re.compile(rf"\b(?:net|pas|just(?:\s+turned)?|barely)\s+{_NUM}\b{_NOT_AFTER_NUMBER}", re.IGNORECASE),
    # jonge vrouw van 24, girl of 19
    re.compile(
        rf"\b(?:vrouw|meid|meisje|dame|girl|lady|woman|student\w*)\s+(?:van|of)\s+{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    ),
]
# "Lisa, 19, uit Utrecht", "Chloe hier, 20,", "ik ben Mila. 20 en", title "Den Haag: Chloe 20": a bare
# number right after a capitalised word, closed by punctuation, the line end or a linking word.
_AFTER_NAME = re.compile(
    r"\b(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)(?:\s+(?:hier|here))?(?:[,.]\s*|\s+)(?P<num>\d{2})"
    r"(?=\s*(?:[,.!)]|$)|\s+(?:en|and|uit|from|in|nu|now|-|–)\b|\s*-\s)",
    re.MULTILINE,
)
# Street names end in one of these; the number after them is a house number.
_STREET = re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|park|hof|markt|steeg|pad|dreef|ring|baan|kwartier|"
    r"street|road|avenue|lane|square)$",
    re.IGNORECASE,
)
LOOSE_MIN_AGE, LOOSE_MAX_AGE = 13, 69
# Lisa (19): the bracket right after a name
_PAREN_AGE = re.compile(r"\(\s*(?P<num>\d{2})\s*\)")
_NAME_BEFORE = re.compile(r"[A-Za-zÀ-ÿ]\s?$")
_LIMIT_BEFORE = re.compile(
    r"\b(?:vanaf|v\.a\.|from|over|boven|above|under|onder|below|al|sinds|since|for|ruim|than|dan|tot|till|until|"
    r"min\.?|minimum|max\.?|maximum|minstens|least|klanten|clients|heren|mannen|men|gents|tussen|between|en|and)"
    r"\s*$",
    re.IGNORECASE,
)
_NOT_PERSON_AFTER = re.compile(
    r"\s*(?:ervaring|experience|geleden|ago|in\s+(?:nl|nederland|the|this|het\s+vak)|werkzaam|in\s+business|"
    r"(?:en|of|and|or)\s+(?:ouder|older|up|over|above|boven))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AgeFound:
    age: int
    start: int
    end: int


def _age_value(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else number_word_value(raw)


def _candidates(text: str) -> list[tuple[str, int, int]]:
    """(number as written, phrase start, phrase end) for every age-like phrase."""
    candidates = []
    for unit in _AGE_UNIT.finditer(text):
        if unit.start() and (text[unit.start() - 1].isalpha() and not text[unit.start() - 1].isdigit()):
            continue  # "jaar" inside a word such as "verjaardag"
        window_start = max(0, unit.start() - 30)
        # Digits are the common case; the number-word alternation is only tried when they fail.
        before = _DIGITS_BEFORE_UNIT.search(text, window_start, unit.start()) or \
            _NUMBER_BEFORE_UNIT.search(text, window_start, unit.start())
        if before:
            candidates.append((before.group("num"), before.start(), unit.end()))
    for pattern in _PATTERNS:
        candidates += [(m.group("num"), m.start(), m.end()) for m in pattern.finditer(text)]
    for m in _AFTER_NAME.finditer(text):
        if _STREET.search(m.group("word")):
            continue  # "Demolaan 16": a house number, not an age
        if LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _PAREN_AGE.finditer(text):
        if _NAME_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            candidates.append((m.group("num"), m.start(), m.end()))
    return candidates


def find_ages(text: str) -> list[AgeFound]:
    """Stated ages with the span of the age phrase, in order of appearance, overlapping phrases once."""
    found: list[AgeFound] = []
    for raw, start, end in _candidates(text):
        age = _age_value(raw)
        if age is None or not MIN_AGE <= age <= MAX_AGE:
            continue
        if _LIMIT_BEFORE.search(text, max(0, start - 25), start):
            continue
        if _NOT_PERSON_AFTER.match(text, end):
            continue
        if any(f.start < end and start < f.end for f in found):
            continue
        found.append(AgeFound(age, start, end))
    found.sort(key=lambda f: f.start)
    return found
