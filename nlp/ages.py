"""Ages in an ad: the ages it states for the advertised person, apart from other ages.

Stated ages: "Lisa (19)", "19 jaar", "I am 19", "age: 19", "19yo", "24 yrs", "twenty-two years",
the title-suffix convention "<title> - 25" and "About me 29".

Numbers that look like ages but are not the person's age now:
- client age limits ("18-35", "no one under 21", "30+ gentlemen", "heren tot 60 jaar") are read
  as ``AgeLimit`` and reported apart (``client_age_limits``);
- past ages ("when I was 16", "since I was 19", "toen ik 16 was") are reported apart (``past_ages``);
- dates ("June 25, 2016", "25 juni", "Saturday 21", "the 21st", "12/06"), experience ("5 jaar
  ervaring"), times in a country ("2 years in NL"), prices, measurements and "24/7" are dropped.
Only the stated ages feed the `minor` rules (nlp.indicators.computed reads ``find_ages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.normalise import NUMBER_WORD, number_word_value

MIN_AGE, MAX_AGE = 10, 99
_NUM = rf"(?P<num>\d{{1,2}}|{NUMBER_WORD})"
_NOT_AFTER_NUMBER = (
    r"(?!\s*(?:[/+%€$:']|[.,]\d|[-–]\s*\d|cm|kg|lbs?\b|euro|eur\b|min|uur|u\b|x\b|keer|hours?\b|hrs?\b|h\b|"
    r"st\b|nd\b|rd\b|th\b|e\b|de\b|ste\b|(?:of\s+)?(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|okt|nov|dec|maart|mei|may)))"
)

# "19 jaar", "19-jarige", "19 years old", "19yo": found from the unit word backwards, because a
# pattern that starts with a number word would be tried at every character of every ad.
_AGE_UNIT = re.compile(
    r"(?:jaar(?:\s+oud)?|jr\b\.?|jarige|jarig|years?(?:\s+(?:old|young))?|yrs?(?:\s+old)?|yo\b|y/o|y\.o\.?)(?!\w)",
    re.IGNORECASE,
)
_DIGITS_BEFORE_UNIT = re.compile(r"(?<![\w/+\-.,$€£])(?P<num>\d{1,2})\s*-?\s*$")
_NUMBER_BEFORE_UNIT = re.compile(rf"(?<![\w/+\-.,]){_NUM}\s*-?\s*$", re.IGNORECASE)
_PATTERNS = [
    # ik ben 19, I am 19, I'm 19, zij is 19, age: 19, leeftijd 19, About me 29
    re.compile(
        rf"\b(?:ik\s+ben|ben\s+ik|i\s+am|i['’]m|im|zij\s+is|ze\s+is|she\s+is|she['’]s|leeftijd|age|aged|about\s+me|"
        rf"over\s+mij)"
        rf"\s*[:=\-–]?\s*{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    ),
    # net 18, just turned 18, turned 30 last week
    re.compile(rf"\b(?:net|pas|just(?:\s+turned)?|barely|(?:recently\s+)?turned)\s+{_NUM}\b{_NOT_AFTER_NUMBER}",
               re.IGNORECASE),
    # my 25th birthday, mijn 25e verjaardag
    re.compile(r"\b(?:my|mijn|m'n)\s+(?P<num>\d{2})(?:st|nd|rd|th|e|ste|de)\s+(?:birthday|bday|b-day|verjaardag)\b",
               re.IGNORECASE),
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
    r"(?=\s*(?:[,.!)&]|$)|\s+(?:en|and|uit|from|in|nu|now|-|–|available|beschikbaar|here|hier|new|nieuw|with|met)\b"
    r"|\s*-\s)",
    re.MULTILINE,
)
# A number set off by commas after a word, "smile, 31, Glasgow", "Mandy, twenty-nine, Dallas",
# "Ik ben Mirjam, negenendertig." (13 to 69 in words end in -teen, -tien, -tig or -ty, or -ty and a
# unit: only such words are checked in Python; an alternation of every number word costs more).
_BETWEEN_COMMAS = re.compile(
    r"(?<=[^\W\d_]),\s*(?P<num>\d{2}|[^\W\d_]*(?:teen|tien|tig|ty)(?:-?[^\W\d_]+)?)"
    r"(?=\s*,\s*[^\W\d_]|\s*[.!](?:\s|$)|\s*$)",
    re.MULTILINE,
)
_PERSON_NOUN = re.compile(
    r"(?:lady|girl|woman|babe|mom|mum|milf|mature|blonde|brunette|redhead|latina|asian|ebony|student|model|"
    r"dame|meid|vrouw|meisje|moeder|studente|dametje)s?",
    re.IGNORECASE,
)
# Capitalised words that a number follows without being an age: "Room 25", "Suite 12", "Top 10".
_NOT_A_NAME = re.compile(
    r"(?:room|rooms|suite|kamer|apt|apartment|appartement|unit|floor|verdieping|nr|no|number|nummer|huisnummer|bus|"
    r"tram|line|lijn|exit|afrit|highway|hwy|route|top|open|call|bel|text|rates?|prijs|price|only|alleen|specials?|"
    r"incall|outcall|min|hr|hour|hours|uur|page|pagina|chapter|week|day|dag|year|jaar|size|maat|cup|bh|bra|"
    r"block|blok|gate|pier|box|postbus|po|flat|house|huis|level|vol|episode|season|tel|phone)",
    re.IGNORECASE,
)
# A title that ends in a number: "Mature lady 45", "Gina 40 & fabulous", "Mia 24 & Zoe 27" (first line).
_TITLE_AGE = re.compile(
    r"(?<=[^\W\d_])\s+(?P<num>\d{2})(?=\s*(?:$|&|\+\s|and\s|en\s|[-–|!,]))", re.MULTILINE
)
_NOT_BEFORE_TITLE_AGE = re.compile(
    r"\b(?:at|till|until|from|for|to|tot|om|van|voor|room|kamer|suite|nr|no|number|top|open|since|sinds|over|under|"
    r"vanaf|boven|onder|specials?|only|incall|outcall|hh|hr|hrs|uur|min|mins|per|euro|eur|roses?|usd|gbp|price|"
    r"prijs|rates?|tarief|heren|men|clients|klanten|gents|aged?|ages|postcode|zip|street|straat|weg|laan|"
    r"[a-z]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk))$",
    re.IGNORECASE,
)
# The title-suffix convention: "Sweet and new in town - 25", "Latina | 23 | new": a two-digit number
# set off by a dash or bar at the end of a line (or between two such marks), after a word.
_LINE_SUFFIX = re.compile(r"[-–—|~]\s*(?P<num>\d{2})\s*(?:[!.*]*\s*$|[-–—|~]\s)", re.MULTILINE)
_PRICE_LINE = re.compile(
    r"[$€£]|\b(?:roses?|donations?|hh|hr|hrs|hours?|half|min|mins|minutes|uur|euro|eur|usd|price|prijs|rates?|"
    r"specials?|tarief|tarieven|qv|incall|outcall|\d+\s*(?:min|hr|h)\b)",
    re.IGNORECASE,
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
# Someone else's age: "my daughter (12)", "two kids aged 12 and 14".
_OTHER_PERSON_BEFORE = re.compile(
    r"\b(?:kids?|children|child|son|sons|daughters?|brother|sister|kinderen|kind|zoon|dochter|broer|zus|zusje)\b"
    r"[^.!?\n]{0,12}$",
    re.IGNORECASE,
)

# --- dates -----------------------------------------------------------------------------------
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januari|februari|maart|mei|juni|juli|augustus|oktober|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|okt|nov|dec)"
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag|mon|tues?|wed|thu|thurs?|fri|sat|sun)"
)
_ORDINAL = r"(?:st|nd|rd|th|e|de|ste)"
_DATES = re.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}{_ORDINAL}?\b(?:,?\s+(?:19|20)?\d{{2}}\b)?"  # June 25, 2016
    rf"|\b\d{{1,2}}{_ORDINAL}?\s+(?:of\s+)?{_MONTH}\b"  # 25 juni, 25th of June
    rf"|\b{_WEEKDAY}\.?,?\s+(?:the\s+)?\d{{1,2}}{_ORDINAL}?\b"  # Saturday 21, zaterdag 21e
    r"|\b\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:birthday|bday|b-day))"  # the 21st
    r"|(?<![\d.,])\d{1,2}[/.\-]\d{1,2}(?:[/.\-](?:19|20)?\d{2})?(?![\d])",  # 12/06, 12-06-2016
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-]\d+)?$")

# --- client age limits -----------------------------------------------------------------------
_CLIENT_WORDS = (
    r"(?:clients?|customers?|men|gents?|gentlemen|guys|heren|mannen|klanten|ages?|aged|leeftijd|"
    r"only|alleen|welcome|welkom|preferred|please|no\s+one|nobody|niemand)"
)
_RANGE = re.compile(
    r"(?<![\d.,:/\-$€£])(?P<lo>\d{2})\s*(?:-|–|—|to|tot|t/m|till|until|and|en)\s*(?P<hi>\d{2})(?!\d|[.,:]\d|%)"
    r"(?P<unit>\s*(?:jaar|years?|yrs?|y/?o)\b)?",
    re.IGNORECASE,
)
# Bounds end where the number starts ("no one under 21", "heren vanaf 25"): tried only for numbers
# whose previous word is one of _BOUND_WORDS, because a pattern tried at every word costs more.
_BOUND_BEFORE = re.compile(
    r"\b(?P<neg>(?:no\s+one|nobody|no(?:\s+\w+)?|not|niemand|geen(?:\s+\w+)?)\s+)?"
    r"(?P<word>under|below|younger\s+than|up\s+to|onder|jonger\s+dan|max(?:imum)?\.?(?:\s+age)?|tot|"
    r"over|above|older\s+than|vanaf|boven(?:\s+de)?|ouder\s+dan|min(?:imum)?\.?(?:\s+age)?|at\s+least|minstens)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_BOUND_WORDS = frozenset(
    "under below than to onder dan max maximum tot over above vanaf boven de min minimum least minstens age".split()
)
_AFTER_BOUND = re.compile(r"(?P<plus>\s*\+)?(?P<unit>\s*(?:jaar|years?|yrs?|y/?o)\b)?", re.IGNORECASE)
_TWO_DIGITS = re.compile(r"(?<![\d.,$€£])\d{2}(?!\d|[.,:]\d|%)")
_CLIENT_BEFORE = re.compile(rf"\b{_CLIENT_WORDS}\b[^.!?\n]{{0,25}}$", re.IGNORECASE)
_CLIENT_AFTER = re.compile(rf"^[^.!?\n]{{0,20}}\b{_CLIENT_WORDS}\b", re.IGNORECASE)
_UPPER_WORDS = re.compile(r"under|below|younger|up\s+to|onder|jonger|max|tot", re.IGNORECASE)

# --- past ages ---------------------------------------------------------------------------------
_NUM_ANY = rf"(\d{{1,2}}|{NUMBER_WORD})"  # unnamed: _PAST holds several
_PAST = re.compile(
    rf"\b(?=[wWsSaAbBuUtTfFiIoOzZ])(?:(?:when|since|after|before|until|till)\s+(?:i|she)\s+(?:was|turned|were)"
    rf"|(?:i|she)\s+was|at|from|since)\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?(?:only\s+|just\s+|about\s+)?"
    rf"{_NUM_ANY}\b(?:\s*(?:years?(?:\s+old)?|yrs?|yo)\b)?{_NOT_AFTER_NUMBER}"
    rf"|\btoen\s+(?:ik|zij|ze)\s+(?:pas\s+|nog\s+maar\s+|net\s+)?{_NUM_ANY}\s*(?:jaar\s+)?(?:oud\s+)?was\b"
    rf"|\b(?:sinds|vanaf|sedert|op)\s+(?:mijn|m'n|haar|ik)\s+{_NUM_ANY}(?:e|de|ste)?\b(?:\s*jaar)?"
    rf"|\b(?:ik|zij|ze)\s+was\s+{_NUM_ANY}\b(?:\s*jaar)?{_NOT_AFTER_NUMBER}",
    re.IGNORECASE,
)
_PAST_TRIGGERS = ("was ", "turned", "toen ", "sinds ", "sedert ", "since ", "age of", "vanaf mijn", "op mijn",
                  "op m'n", "vanaf m'n", "at ")
_PAST_AT = re.compile(r"^\s*(?:at|from|since)\b", re.IGNORECASE)
_PAST_VERB = re.compile(r"\b(?:was|were|turned)\b", re.IGNORECASE)
_PAST_AT_CONTEXT = re.compile(
    r"[^.!?\n]{0,30}?\b(?:i|she|ik|zij)\s+(?:started|began|moved|came|left|begon|kwam|ging)\b"
    r"|\s*(?:years?|yrs?|jaar)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AgeFound:
    age: int
    start: int
    end: int


@dataclass(frozen=True)
class AgeLimit:
    """A client age limit: `low` <= client age <= `high` (either may be None)."""

    low: int | None
    high: int | None
    start: int
    end: int

    def as_dict(self) -> dict[str, int | None]:
        return {"min": self.low, "max": self.high}


@dataclass(frozen=True)
class AgeReading:
    stated: list[AgeFound]
    client_limits: list[AgeLimit]
    past: list[AgeFound]


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
        if _STREET.search(m.group("word")) or _NOT_A_NAME.fullmatch(m.group("word")):
            continue  # "Demolaan 16", "Room 25": a house or room number, not an age
        if LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _PAREN_AGE.finditer(text):
        if _NAME_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            candidates.append((m.group("num"), m.start(), m.end()))
    first_line = text.find("\n")
    first_line = len(text) if first_line < 0 else first_line
    if first_line <= 80:
        for m in _TITLE_AGE.finditer(text, 0, first_line):
            word = re.search(r"[^\W\d_]+$", text[: m.start()])
            if word and (word.group()[0].isupper() or _PERSON_NOUN.fullmatch(word.group())) and \
                    not _NOT_BEFORE_TITLE_AGE.search(word.group()) and not _NOT_A_NAME.fullmatch(word.group()) and \
                    LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE and \
                    not _PRICE_LINE.search(text, 0, m.start()):
                candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _BETWEEN_COMMAS.finditer(text):
        age = _age_value(m.group("num"))
        if age is not None and LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _LINE_SUFFIX.finditer(text):
        before = text[max(0, m.start() - 3) : m.start()].rstrip()
        if not before or not (before[-1].isalpha() or before[-1] in "!)*."):
            continue  # after a word: "Sweet and new - 25", not "18 - 25" or "€ - 25"
        line_start = text.rfind("\n", 0, m.start()) + 1
        if LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE and \
                not _PRICE_LINE.search(text, line_start, m.start()):
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    return candidates


def _in_date(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a date ("June 25, 2016", "25 juni", "the 21st", "12/06")."""
    for m in _DATES.finditer(text, max(0, start - 30), min(len(text), end + 30)):
        if not (m.start() < end and start < m.end()):
            continue
        numeric = _NUMERIC_DATE.fullmatch(m.group())
        if numeric:
            a, b = int(numeric.group(1)), int(numeric.group(2))
            if not ((1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)):
                continue  # "18-35" is no date
        return True
    return False


def _word_before(text: str, pos: int) -> str:
    """The word right before `pos` (over spaces and a colon), lower case, without a final dot."""
    i = pos
    while i > 0 and text[i - 1] in " :\t\u00a0":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i].lower().rstrip(".")


def _client_limits(text: str) -> list[AgeLimit]:
    """Ranges ("18-35", "tussen 25 en 60 jaar"), bounds ("no one under 21", "heren vanaf 25") and
    "30+" said of clients: anchored on each two-digit number, with client words around."""
    limits: list[AgeLimit] = []

    def context(start: int, end: int) -> bool:
        return bool(_CLIENT_BEFORE.search(text, max(0, start - 40), start) or
                    _CLIENT_AFTER.search(text[end : end + 30]))

    covered = 0
    for number in _TWO_DIGITS.finditer(text):
        start = number.start()
        if start < covered:
            continue  # the upper end of a range already read
        num = int(number.group())
        ranged = _RANGE.match(text, start)
        if ranged:
            lo, hi = int(ranged.group("lo")), int(ranged.group("hi"))
            if 16 <= lo < hi <= 99 and (ranged.group("unit") or context(start, ranged.end())):
                limits.append(AgeLimit(lo, hi, start, ranged.end()))
                covered = ranged.end()
                continue
        if num < 16:
            continue
        after = _AFTER_BOUND.match(text, number.end())
        end = after.end() if after else number.end()
        bound = _BOUND_BEFORE.search(text, max(0, start - 40), start) \
            if _word_before(text, start) in _BOUND_WORDS else None
        if bound:
            if not (after.group("unit") or after.group("plus") or bound.group("neg") or context(bound.start(), end)):
                continue
            upper = bool(_UPPER_WORDS.match(bound.group("word")))
            if bound.group("neg"):
                upper = not upper  # "no one under 21": 21 is the lowest age
            limits.append(AgeLimit(None, num, bound.start(), end) if upper else AgeLimit(num, None, bound.start(), end))
        elif after.group("plus") and context(start, end):
            limits.append(AgeLimit(num, None, start, end))
    return limits


def _past_ages(text: str) -> list[AgeFound]:
    found = []
    for m in _PAST.finditer(text):
        raw = next(g for g in m.groups() if g is not None)
        age = _age_value(raw)
        if age is None or not MIN_AGE <= age <= MAX_AGE:
            continue
        if _PAST_AT.match(m.group()) and not _PAST_VERB.search(m.group()) and "age" not in m.group().lower() \
                and not _PAST_AT_CONTEXT.match(text, m.end(), m.end() + 40):
            continue  # "at 16 I started" is a past age; "at 22:00" or "from 25 euro" is not
        found.append(AgeFound(age, m.start(), m.end()))
    return found


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def read_ages(text: str) -> AgeReading:
    """Stated ages, client age limits and past ages, each in order of appearance."""
    candidates = _candidates(text)
    has_digits = any(c.isdigit() for c in text)
    limits = _client_limits(text) if has_digits else []
    lowered = text.lower()
    past = _past_ages(text) if candidates or any(w in lowered for w in _PAST_TRIGGERS) else []
    if not candidates:
        return AgeReading([], limits, past)
    others = [(x.start, x.end) for x in limits] + [(p.start, p.end) for p in past]
    found: list[AgeFound] = []
    for raw, start, end in candidates:
        age = _age_value(raw)
        if age is None or not MIN_AGE <= age <= MAX_AGE:
            continue
        if _LIMIT_BEFORE.search(text, max(0, start - 25), start):
            continue
        if _NOT_PERSON_AFTER.match(text, end):
            continue
        if _OTHER_PERSON_BEFORE.search(text, max(0, start - 40), start):
            continue
        at = text.find(raw, start, end)
        num_start = at if at >= 0 else start
        if _overlaps(num_start, num_start + len(raw), others):
            continue
        if _in_date(text, num_start, num_start + len(raw)):
            continue
        if any(f.start < end and start < f.end for f in found):
            continue
        found.append(AgeFound(age, start, end))
    found.sort(key=lambda f: f.start)
    return AgeReading(found, limits, past)


def find_ages(text: str) -> list[AgeFound]:
    """Stated ages with the span of the age phrase, in order of appearance, overlapping phrases once."""
    return read_ages(text).stated
