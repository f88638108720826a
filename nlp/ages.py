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

_PATTERNS = [
    # 19 jaar, 19 jaar oud, 19-jarige, 19 years old, 19yo, 19 y/o
    re.compile(
        rf"(?<![\w/+\-.,]){_NUM}\s*-?\s*(?:jaar(?:\s+oud)?|jr\b\.?|jarige|jarig|years?(?:\s+old)?|yrs?(?:\s+old)?"
        rf"|yo\b|y/o|y\.o\.?)",
        re.IGNORECASE,
    ),
    # ik ben 19, I am 19, I'm 19, zij is 19, age: 19, leeftijd 19
    re.compile(
        rf"\b(?:ik\s+ben|i\s+am|i'm|im|zij\s+is|ze\s+is|she\s+is|she's|leeftijd|age|aged)\s*[:=]?\s*"
        rf"{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    ),
    # Lisa (19)
    re.compile(r"(?<=[A-Za-zÀ-ÿ])\s*(?P<span>\(\s*(?P<num>\d{2})\s*\))"),
    # jonge vrouw van 24, girl of 19
    re.compile(
        rf"\b(?:vrouw|meid|meisje|dame|girl|lady|woman|student\w*)\s+(?:van|of)\s+{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    ),
]
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


def find_ages(text: str) -> list[AgeFound]:
    """Stated ages with the span of the age phrase, in order of appearance, overlapping phrases once."""
    found: list[AgeFound] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            age = _age_value(m.group("num"))
            if age is None or not MIN_AGE <= age <= MAX_AGE:
                continue
            if _LIMIT_BEFORE.search(text, max(0, m.start() - 25), m.start()):
                continue
            if _NOT_PERSON_AFTER.match(text, m.end()):
                continue
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            start = m.start("span") if "span" in pattern.groupindex else m.start()
            found.append(AgeFound(age, start, m.end()))
    found.sort(key=lambda f: f.start)
    return found
