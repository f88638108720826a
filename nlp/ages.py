"""Ages in an ad: the ages it states for the advertised person, apart from other ages.

Stated ages are read by a small grammar rather than by phrases:
- cue words before the number (I'm, ik ben, she is, age, leeftijd, my age is, aged, about me, Age...23),
  with an adverb between ("I'm only 19", "ik ben nu 27"), or a unit after it (jaar, jr, jarige, years
  old/young, yrs, yo, y/o, y.o., and "j"/"y" glued to the digits: "22j");
- number words in English and Dutch, apart, hyphenated or glued ("twenty three", "twentyfive",
  "drieëntwintig");
- position conventions: a title suffix after a dash, bar or tilde ("<title> - 25", "Tori | twenty
  four | Leeds", "♥ -- 24"), a number set off by symbols ("💕 22 💕"), a title that opens with the
  age ("19 and new in town"), a bare number after a name ("Lisa, 19,", "Lena 25 Amsterdam",
  "Lisa (19)"), after an introduction ("hi im jess 19 from"), after "Name is" ("Mia is 23 and Ella
  is 25"), a duo's two ages ("Maya & Leah, 24 and 26", "Wij zijn Anouk en Demi, zevenentwintig en
  negenentwintig", "we are 24 and 26"), the writer's friend ("en mijn vriendin is 34"), a bare number that
  is a whole segment of the title ("25 - Fenna - Emmen", "Mum of one, 37"), an answer marked as one
  ("Q: How old are you? A: 28") and the number after height and weight in a stats run ("5'4, 120lbs and 23").

Numbers that look like ages but are not the person's age now:
- client age limits ("18-35", "no one under 21", "30+ gentlemen", "heren tot 60 jaar") are read
  as ``AgeLimit`` and reported apart (``client_age_limits``);
- past ages ("when I was 16", "since I was 19", "toen ik 16 was") are reported apart (``past_ages``);
- dates ("June 25, 2016", "25 juni", "Saturday 21", "the 21st", "12/06"), experience ("5 jaar
  ervaring", "I have 10 years of experience", "17 years of happy clients", "wij bestaan 25 jaar"),
  times in a country ("2 years in NL"), prices,
  measurements, times, durations ("24 hours", "30 & 60 min") and "24/7" are dropped.
Only the stated ages feed the `minor` rules (nlp.indicators.computed reads ``find_ages``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from nlp.indicators.gates import (
    GateBits,
    gate_text,
    matches_at,
    regex_gate,
    regex_matches,
    regex_prefixes,
    regex_word_start,
)
from nlp.normalise import NUMBER_WORD, number_word_value
from nlp.regex_start import with_start_class

MIN_AGE, MAX_AGE = 10, 99
ADULT_AGE = 18
CHILD_AGE_BELOW = 12  # an age under this beside an adult's is a child's or a count, never the advertiser's
_NUM = rf"(?P<num>\d{{1,2}}|{NUMBER_WORD})"
_NOT_AFTER_NUMBER = (
    # and a distance, a stay or a marriage's years: "ben 20 km van Utrecht", "ben 20 dagen op vakantie" (round 12)
    r"(?!\s*(?:[+%€$:']|/\s*\d|[.,]\d|[-–]\s*\d|cm|kg|km\b|miles?\b|dag(?:en)?\b|days?\b|weken\b|weeks?\b|maanden\b|months?\b|nachten\b|nights?\b|lbs?\b|euro|eur\b|min|uur|u\b|x\b|keer|hours?\b|hrs?\b|h\b|"
    r"(?:jaar|years?)\s+(?:getrouwd|married|samen|together|gescheiden|divorced|ervaring|experience|in\s+(?:het|the)\s+vak|escort|werkzaam)\b|"
    r"st\b|nd\b|rd\b|th\b|e\b|de\b|ste\b|(?:of\s+)?(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|okt|nov|dec|maart|mei|may)))"
)

# An adverb between a cue and the number: "I'm only 19", "ik ben nu 27", "I am now 30" ("ik ben al 10
# jaar" is a duration, so "al"/"already" is not one of them).
_ADVERB = r"(?:(?:now|nu|only|pas|nog\s+maar|just|really|echt|actually|officially|officieel|also|ook|still|nog)\s+)?"
# "years" in the other languages of the women who advertise here ("26 años", "24 ans", "23 Jahre",
# "25 lat", "22 anni", "21 ani"): after a number they are the same unit as "jaar".
_FOREIGN_YEARS = r"a[nñ]os|ans|jahre(?:\s+alt)?|anni|lat|ani|år"
# Her years counted in springs or summers, a poetic unit: "29 lentes jong", "25 primaveras", "22 summers young"
# (round 11); "zomers"/"summers" only with "jong"/"young" after them ("5 summers ago" is no age).
_SEASONS_YOUNG = r"lentes(?:\s+jong)?|lenten|primaveras|(?:springs|summers|zomers)\s+(?:young|jong)"
# "19 jaar", "19-jarige", "19 years old", "19yo": found from the unit word backwards, because a
# pattern that starts with a number word would be tried at every character of every ad.
_AGE_UNIT = with_start_class(re.compile(
    r"(?:jaar(?:\s+(?:oud|jong))?|jr\b\.?|j\.(?=\s|$)|jarige|jarig|years?(?:\s+(?:old|young))?|yrs?(?:\s+(?:old|young))?|yo\b|y/o|"
    r"y\.o\.?|" + _FOREIGN_YEARS + r"|" + _SEASONS_YOUNG + r")(?!\w)",
    re.IGNORECASE,
))
# What every match of _AGE_UNIT starts with, one per alternative of it ("ja": jaar, jarige, jahre; "an": anos,
# ans, anni, ani ...): it is tried only where one occurs (gates.regex_matches), not at every character.
_AGE_UNIT_STARTS = ("ja", "jr", "j.", "ye", "yr", "yo", "y/", "y.", "an", "añ", "la", "år", "le", "pr", "sp", "su", "zo")
# The start of a range right before a number: "12 t/m ", "14 tot ", "16 to ".
_RANGE_START = re.compile(r"(?<![\d.,])\d{1,2}\s*(?:-|–|t/m|tot(?:\s+en\s+met)?|to|till|until)\s*$", re.IGNORECASE)
_DIGITS_BEFORE_UNIT = with_start_class(re.compile(r"(?<![\w/+\-.,$€£])(?P<num>\d{1,2})\s*-?\s*$"))
_NUMBER_BEFORE_UNIT = with_start_class(re.compile(rf"(?<![\w/+\-.,]){_NUM}\s*-?\s*$", re.IGNORECASE))
# Each pattern opens with a lookahead for the first letters of its cue words, so that the engine
# fails at once at the other characters (measured: half the time of the bare alternation).
_PATTERNS = [
    # ik ben 19, I am 19, I'm 19, I'm only 19, zij is 19, age: 19, my age is 26, Age...23, leeftijd 19, About me 29,
    # and text-speak "ik b 16", "ik bn 19", and "ben 16" with the "ik" left out (round 12; Dutch "ben" goes with
    # "ik" alone)
    with_start_class(re.compile(
        rf"\b(?=[aAbBiIlLoOsSzZ])(?:ik\s+(?:ben|bn|b)|ben\s+ik|ben|i\s+am|i['’]m|im|zij\s+is|ze\s+is|she\s+is|she['’]s|"
        rf"(?:leeftijd|age)(?:\s+is)?|aged|about\s+me|"
        rf"over\s+mij)"
        rf"\s*(?:[:=\-–]|\.{{2,}}|…)?\s*{_ADVERB}{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    )),
    # "Age is just a number: 50", "Leeftijd, als je het wilt weten: 31", "My age? 44", "Q: Age? A: 31": the
    # age word, a few words, then a mark (and an answer's mark) and the number; not when the words speak of clients or a limit ("Age of clients: 25").
    with_start_class(re.compile(
        rf"\b(?=[aAlL])(?:age|leeftijd)\b(?![^\d\n:?=]*\b(?:limit|min|minimum|max|maximum|clients?|men|gents|heren|"
        rf"mannen|klanten|requirement|range|grens|gap|verschil|groups?|vanaf|from|over|under|onder|boven)\b)"
        rf"[^\d\n:.!?=]{{0,30}}?\s*[:=?]\s*(?:(?:a|answer|antwoord)\s*[:.)]\s*)?{_ADVERB}{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    )),
    # net 18, just turned 18, turned 30 last week
    with_start_class(re.compile(rf"\b(?=[bBjJnNpPrRtT])(?:net|pas|just(?:\s+turned)?|barely|(?:recently\s+)?turned)\s+{_NUM}\b{_NOT_AFTER_NUMBER}",
               re.IGNORECASE)),
    # "ben 16 maar ...": the Dutch "ik" dropped at the start of a sentence
    with_start_class(re.compile(rf"(?:^|(?<=[.!?\n])[ \t]*)(?P<cue>[Bb]en)[ \t]+{_ADVERB}{_NUM}\b{_NOT_AFTER_NUMBER}")),
    # "sweet and shy, only 16.": an adverb and a number closing a clause after a comma
    with_start_class(re.compile(
        r"(?<=[,;])[ \t]*(?:only|just|barely|pas|nog\s+maar|net)[ \t]+(?P<num>1[3-9]|[2-6]\d)(?=[ \t]*(?:[.!?,;)]|$))",
        re.IGNORECASE,
    )),
    # "Only 19 and very shy", "Net 18 en nieuw": at the start of a sentence, closed by "and" and a word
    with_start_class(re.compile(
        r"(?:^|(?<=[.!?\n])[ \t]*)(?i:only|just|barely|pas|net|nog\s+maar)[ \t]+(?P<num>1[3-9]|[2-6]\d)"
        r"(?=[ \t]+(?i:and|en|&)[ \t]+(?!(?i:up|over|older|ouder|boven|min|mins|minutes|euro|roses)\b)[^\W\d_])",
        re.MULTILINE,
    )),
    # "26 now, turning 27 next month", "Nu nog 44, volgende maand word ik 45": the age now, said first;
    # after a birth year, "so 25 now", "dus nu 25" (round 13)
    with_start_class(re.compile(
        r"(?:^|(?<=[.!?\n,;:])[ \t]*)(?:(?i:so|dus|thus|which\s+makes\s+me|making\s+me)[ \t]+)?"
        r"(?:(?i:nu|now)[ \t]+(?i:nog|still)[ \t]+)?(?P<num>[1-6]\d)"
        r"(?:(?<=\d)[ \t]+(?i:now|nu)\b|(?<=\d)(?=[ \t]*,[ \t]*(?i:turning|word\s+ik|I'?ll\s+be)\b))",
        re.MULTILINE,
    )),
    # "I started at 20, now 33", "sinds mijn 19e hier, inmiddels 32": the age now, after a past one
    with_start_class(re.compile(
        rf"(?:[,;\-–]|\band\b|\ben\b|\bbut\b|\bmaar\b|^|(?<=[.!?\n]))\s*(?:(?:dus|so|thus)\s+)?"  # "dus nu 27" (round 11)
        rf"(?:(?:i'?m|ik\s+ben|she'?s|zij\s+is)\s+)?"
        rf"(?:now|nu|inmiddels|intussen)\s+(?:(?:still|nog)\s+)?(?:even\s+)?(?P<num>\d{{2}})\b(?!\s*(?:years?|yrs?|jaar)\s+(?:in|als|as|of|ervaring|experience))"
        rf"{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    )),
    # vorige maand 16 geworden, net 21 geworden: a recent birthday is the current age
    with_start_class(re.compile(
        rf"\b(?:(?:vorige|afgelopen|deze)\s+(?:maand|week|zomer|winter|herfst|lente)|gisteren|eergisteren|onlangs|"
        rf"laatst|recent(?:elijk)?|net|pas)\s+{_NUM}\s+(?:jaar\s+)?geworden\b",
        re.IGNORECASE,
    )),
    # my 25th birthday, mijn 25e verjaardag
    with_start_class(re.compile(r"\b(?:my|mijn|m'n)\s+(?P<num>\d{2})(?:st|nd|rd|th|e|ste|de)\s+(?:birthday|bday|b-day|verjaardag)\b",
               re.IGNORECASE)),
    # jonge vrouw van 24, girl of 19
    with_start_class(re.compile(
        rf"\b(?=[dDgGlLmMsSvVwW])(?:vrouw|meid|meisje|dame|girl|lady|woman|student\w*)\s+(?:van|of)\s+{_NUM}\b{_NOT_AFTER_NUMBER}",
        re.IGNORECASE,
    )),
    # a birthday cake before a number is the age field: "🎂 28", "🎂: 31" (round 8)
    re.compile(r"\U0001F382\s*[:=\-–]?\s*(?P<num>[1-6]\d)\b(?![.,:/]\d)"),
    # a field list that opens with the age: "31 / Breda / 140", "24 | Utrecht | incall" (round 8)
    re.compile(r"(?:^|(?<=\n))[ \t]*(?P<num>[1-6]\d)[ \t]*[/|][ \t]*(?=[A-ZÀ-Ý][a-zà-ÿ])"),
    # an age in words opening the text or a line, closed by a mark or "and": "Twenty seven, easygoing",
    # "Fifty-three and proud." (round 8); words from twenty up only ("Two girls, one number" is no age)
    re.compile(rf"(?:^|(?<=\n))[ \t]*(?:(?i:now|nu|inmiddels)[ \t]+)?(?P<num>(?=(?i:twenty|thirty|forty|fifty|sixty|\w*twintig|\w*dertig|\w*veertig|\w*vijftig|\w*zestig)){NUMBER_WORD})"
               r"(?=[ \t]*(?:[,!.;]|[ \t]+(?i:and|en|&|now|nu)\b))", re.IGNORECASE),  # "Thirty-six now, ..." (round 10)
    # the title's name repeated in lower case before the age: "Bella" / "bella 27 utrecht" (round 8)
    re.compile(r"\A[ \t]*(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+)[ \t]*\n[ \t]*(?i:(?P=name))[ \t,]+(?P<num>[1-6]\d)\b(?![.,:/]\d)"),
    # her years as hers: "met mijn 41 jaren", "with my 41 years I know ..." (round 9); not "my 10 years of
    # experience", "mijn 5 jaar in het vak"
    re.compile(rf"\b(?i:mijn|m'n|my)\s+(?P<num>\d{{2}}|{NUMBER_WORD})\s+(?i:jaren|years)\b"
               r"(?!\s+(?i:of|in|als|as|ervaring|experience|hier|here|geleden|ago|werk|work)\b)", re.IGNORECASE),
    # "ben 31" after a comma, the Dutch "ik" dropped mid-sentence: "Ik ben Fenna, ben 31 en ..." (round 9)
    re.compile(rf"(?<=,)[ \t]*(?P<cue>[Bb]en)[ \t]+{_ADVERB}(?P<num>1[89]|[2-6]\d)\b{_NOT_AFTER_NUMBER}"
               r"(?!\s*(?i:dagen|weken|maanden|days|weeks|months|minuten|seconden|keer|procent|kilo)\b)"
               r"(?!\s*(?i:jaar|years?)\s+(?i:ervaring|experience|in|als|as|hier|here|bezig)\b)"),
    # the exact age after a rough one: "mid-thirties, 34 to be exact", "43, om precies te zijn" (round 9)
    re.compile(r"(?<![\d.,:/])(?P<num>[1-6]\d)[ \t]*,?[ \t]*(?i:to\s+be\s+(?:exact|precise)|om\s+precies\s+te\s+zijn)\b"),
    # an age denied, then the true one: "geen twintig meer maar 41", "not 25 anymore but 36" (round 9)
    re.compile(rf"\b(?i:geen|niet|not|no\s+longer)\s+(?:\d{{2}}|{NUMBER_WORD})(?:\s+(?i:meer|anymore|any\s+more))?"
               rf"\s*,?\s*(?i:maar|but)\s+(?:(?i:al|already|nu|now|wel)\s+)?(?P<num>\d{{2}})\b{_NOT_AFTER_NUMBER}"
               # a price corrected is no age: "not 20 but 30 roses", "geen 50 maar 40 per half uur"
               r"(?!\s*(?i:roses?|per|p/?h|an?\s+hour|voor|for|dollars?|pounds?|bucks|procent|percent)\b)",
               re.IGNORECASE),
    # the age asked and answered: "How old are you? 24.", "Hoe oud ben je? 27", "Wat is je leeftijd? 30" (round 9)
    re.compile(rf"\b(?i:how\s+old\s+are\s+(?:you|u)|how\s+old\s+is\s+(?:she|[A-ZÀ-Ý][a-zà-ÿ]+)|"
               r"how\s+old(?=\s*\?)|hoe\s+oud(?=\s*\?)|"  # "Q: How old? A: 28" (round 10)
               r"hoe\s+oud\s+(?:ben\s+(?:je|jij|u)|is\s+(?:ze|zij|[A-ZÀ-Ý][a-zà-ÿ]+))|"
               rf"wat\s+is\s+(?:je|jouw|uw)\s+leeftijd|what['’]?s\s+your\s+age|what\s+is\s+your\s+age)"
               # the answer may be marked as one: "Q: How old are you? A: 28", "Antwoord: 31" (round 10)
               rf"\s*\??\s*[:\-–]?\s*(?:(?:a|answer|antwoord)\s*[:.)]\s*)?(?P<num>\d{{2}}|{NUMBER_WORD})\b{_NOT_AFTER_NUMBER}",
               re.IGNORECASE),
    # an age as a hashtag in a list of hashtags: "#26 #Utrecht #incall" (round 9); a tag of its own
    # ("#1 in town", "room #12") is no age
    re.compile(r"(?<![\w#])#(?P<num>1[89]|[2-6]\d)(?!\w)"
               r"(?=[ \t,]*#(?!(?i:off|deal|korting|sale|promo|actie|discount|aanbieding|procent|percent)\b)[^\W\d_])"),
    # "Identical twins, both 22!", "allebei 24", "Moeder van drie (5, 9 en 12), zelf 42" (round 10): the number
    # after "both" or "self" closes the phrase
    re.compile(r"(?<![\w'])(?i:both|allebei|beiden|zelf|ikzelf|myself)[ \t]+(?P<num>1[89]|[2-6]\d)\b" + _NOT_AFTER_NUMBER +
               r"(?=[ \t]*(?:[,.!;)]|$)|[ \t]+(?i:jaar|years?|and|en)\b)", re.MULTILINE),
    # a duo's second woman, named by the writer: "en mijn vriendin is 34", "my friend is 27", "mijn collega
    # Roos is 29" (round 10); a friend or colleague only (a daughter or a son is a child: the filters in
    # read_ages drop those), not a difference ("my friend is 5 years older"), not one the clause says is
    # not on offer ("mijn vriendin is 24 maar zij werkt niet"), and not "her friend" (the writer's
    # third person speaks of someone else's friend)
    re.compile(rf"\b(?i:mijn|m'n|my)\s+(?i:beste\s+|best\s+)?"
               r"(?i:vriendin(?:netje)?|friend|girlfriend|gf|bestie|collega|colleague|partner(?:\s+in\s+crime)?)"
               r"(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+)?(?:\s+(?i:is|is\s+ook|is\s+also|is\s+nu|is\s+now)\s+|[ \t]*[:(]?[ \t]*"
               # without the verb the number closes the phrase: "Ik ben 30, mijn vriendin 34."
               r"(?=(?:\d{2}|[^\W\d_]+)(?:[ \t]*[,.!;)]|[ \t]*$|[ \t]+(?i:en|and|jaar|years?)\b)))"
               rf"(?P<num>\d{{2}}|{NUMBER_WORD})\b{_NOT_AFTER_NUMBER}"
               r"(?!\s*(?:(?i:jaar|years?|yrs?)\s+)?(?i:ouder|jonger|older|younger|geleden|ago)\b)"
               r"(?![^.!?\n]{0,50}\b(?i:niet|not|geen|no|doesn'?t|isn'?t|don'?t)\b)"),
    # the verb last, in a Dutch clause: "omdat ik 16 ben", "dat ik pas 17 ben" (round 12)
    with_start_class(re.compile(rf"\b(?=[iI])ik\s+{_ADVERB}{_NUM}\s+(?:jaar\s+|jaar\s+oud\s+)?ben\b", re.IGNORECASE)),
]


def _telling_gate(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """The literal sets every match of `pattern` needs (nlp.indicators.gates), less those with a single
    letter ("i", "m"), which nearly every ad holds."""
    return tuple(s for s in regex_gate(pattern.pattern) if not any(len(lit) == 1 and lit.isalpha() for lit in s))


# Most ads lack a word that some of these patterns need ("birthday", "just"): then they are not run.
_PATTERN_GATES = [_telling_gate(p) for p in _PATTERNS]
# Tried at every character, each of these patterns costs a tenth of a millisecond on an ad of real
# length; so each is run only where a match can be (``_pattern_matches``), one of three ways:
# ("prefixes", (words, word start)): where one of the words every match starts with occurs (at a
# word's start if every match starts one; gates.regex_matches);
# ("sentence", None): at the start of the text and right after each [.!?\n] (its lookbehind);
# ("core", regex): over the whole text, only when the gate text holds this part of every match.
_AFTER_SENTENCE_MARK = re.compile(r"[.!?\n]")
_ONLY_AGE_CORE = re.compile(r"(?:only|just|barely|pas|maar|net)[ \t]+(?:1[3-9]|[2-6]\d)")  # "nog maar" holds "maar"
_PATTERN_WHERE: list[tuple[str, object]] = [
    ("prefixes", (regex_prefixes(_PATTERNS[0].pattern), regex_word_start(_PATTERNS[0].pattern))),
    ("prefixes", (regex_prefixes(_PATTERNS[1].pattern), regex_word_start(_PATTERNS[1].pattern))),
    ("prefixes", (("net", "pas", "just", "barely", "recently", "turned"), True)),  # "\b...(?:recently\s+)?turned"
    ("sentence", None),
    ("core", _ONLY_AGE_CORE),
    ("core", _ONLY_AGE_CORE),
    # the two branches' shared \d{2} taken out: the engine then skips to a digit (twice as fast on an ad)
    ("core", re.compile(r"\d{2}(?:[ \t]+(?:now|nu)\b|[ \t]*,[ \t]*(?:turning|word|i'?ll)\b)")),
    ("core", re.compile(r"(?:now|nu|inmiddels|intussen)\s+(?:(?:still|nog)\s+)?(?:even\s+)?\d{2}")),
    ("all", None),  # its gate, two words, nearly always shut
    ("all", None),
    ("prefixes", (regex_prefixes(_PATTERNS[10].pattern), regex_word_start(_PATTERNS[10].pattern))),
    ("core", re.compile("\U0001F382")),  # the cake
    ("sentence", None),  # a field list at a line's start
    ("sentence", None),  # an age in words at a line's start
    ("all", None),  # anchored at the text's start: one try
    ("prefixes", (regex_prefixes(_PATTERNS[15].pattern), regex_word_start(_PATTERNS[15].pattern))),
    ("core", re.compile(r",[ \t]*ben[ \t]+")),
    ("core", re.compile(r"to be (?:exact|precise)|om precies te zijn")),
    ("core", re.compile(r"(?:maar|but)\s+(?:(?:al|already|nu|now|wel)\s+)?\d\d")),
    ("prefixes", (regex_prefixes(_PATTERNS[19].pattern), regex_word_start(_PATTERNS[19].pattern))),
    ("core", re.compile(r"#\d\d")),
    ("prefixes", (("both", "allebei", "beiden", "zelf", "ikzelf", "myself"), True)),
    ("prefixes", (("mijn", "m'n", "my"), True)),
    ("core", re.compile(r"\bik\s+\S+(?:\s+\S+)?\s+ben\b", re.IGNORECASE)),  # "ik ... ben": the clause's ends
]
_PLACES_TRIED_MAX = 200  # more places than this: the pattern scans the text itself


def _pattern_matches(pattern: re.Pattern[str], where: tuple[str, object], text: str,
                     lowered: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, trying the pattern only where `where` says a match can be."""
    how, what = where
    if how == "prefixes" and what[0]:
        prefixes, word_start = what
        return regex_matches(pattern, text, lowered, prefixes, word_start, limit=_PLACES_TRIED_MAX)
    if how == "sentence":
        return matches_at(pattern, text, [0, *[m.end() for m in _AFTER_SENTENCE_MARK.finditer(text)]])
    if how == "core" and len(lowered) == len(text) and what.search(lowered) is None:
        return []
    return list(pattern.finditer(text))
# "Lisa, 19, uit Utrecht", "Chloe hier, 20,", "ik ben Mila. 20 en", title "Den Haag: Chloe 20": a bare
# number right after a capitalised word, closed by punctuation, the line end or a linking word.
_AFTER_NAME = re.compile(
    r"\b(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)(?:\s+(?:hier|here))?(?:[,.]\s*|\s+)(?P<num>\d{2})"
    r"(?=\s*(?:[,.!)&]|$)|\s*\((?!\s*(?:[€$£]|\d+\s*(?:min|euro|eur|€|,-|hr|uur|u\b)|\d{3}))|\s+/|\s+(?:en|and|uit|from|in|nu|now|-|–|available|beschikbaar|here|hier|new|nieuw|with|met)\b"
    r"|\s*-\s)",
    re.MULTILINE,
)
# _AFTER_NAME without its \b and closing lookahead: a case-sensitive pattern that opens with a character
# class, which the engine skips to at C speed. It holds no capital after its first character, so a
# match of _AFTER_NAME starts where one of it does (``_after_name``).
_AFTER_NAME_PLACES = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+(?:hier|here))?(?:[,.]\s*|\s+)\d{2}")
_NEXT_PAIR = re.compile(
    r"[ \t]*(?:&|\+|and|en|,|/)[ \t]*(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)[ \t]+(?P<num>\d{2})(?![\d%/]|[.,:]\d)"
    + _NOT_AFTER_NUMBER
)
# "Hi guys! 24, Kansas City": a number that opens a sentence, set off by a comma before a capital.
_SENTENCE_START_AGE = re.compile(r"(?:^|(?<=[.!?])[ \t]+)(?P<num>\d{2}),[ \t]+(?=[A-ZÀ-Ý][a-zà-ÿ])", re.MULTILINE)
# What every match of it holds (few ads do): a search that opens with a digit, which the engine skips to
# ("\d\d", not "\d{2}": the engine skips ahead only to a pattern's first character class, not a repeat).
_SENTENCE_START_CORE = re.compile(r"\d\d,[ \t]+[A-ZÀ-Ý][a-zà-ÿ]")
# A number set off by commas after a word, "smile, 31, Glasgow", "Mandy, twenty-nine, Dallas",
# "Ik ben Mirjam, negenendertig." (13 to 69 in words end in -teen, -tien, -tig or -ty, or -ty and a
# unit: only such words are checked in Python; an alternation of every number word costs more).
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# The comma first and the letter before it looked back at from behind it ("(?<=[^\W\d_],)", the same test
# as "(?<=[^\W\d_])" in front of it): a pattern that opens with a literal, which the engine skips to.
_BETWEEN_COMMAS = re.compile(
    rf",(?<=[^\W\d_],)\s*(?P<num>\d{{2}}|[^\W\d_]*(?:teen|tien|tig|ty)(?:-?[^\W\d_]+|\s{_UNIT_WORD})?)"
    r"(?=\s*,\s*[^\W\d_]|\s*[.!](?:\s|$)|\s*$)",
    re.MULTILINE,
)
_PERSON_NOUN = with_start_class(re.compile(
    r"(?:lady|girl|woman|babe|mom|mum|milf|mature|blonde|brunette|redhead|latina|asian|ebony|student|model|"
    r"dame|meid|vrouw|meisje|moeder|studente|dametje)s?",
    re.IGNORECASE,
))
# Capitalised words that a number follows without being an age: "Room 25", "Suite 12", "Top 10".
_NOT_A_NAME = with_start_class(re.compile(
    r"(?:room|rooms|suite|kamer|apt|apartment|appartement|unit|floor|verdieping|nr|no|number|nummer|huisnummer|bus|"
    r"tram|line|lijn|exit|afrit|highway|hwy|route|top|open|call|bel|text|rates?|prijs|price|only|alleen|specials?|"
    r"incall|outcall|min|hr|hour|hours|(?:half|anderhalf)?uur|kwartier|halfhour|overnight|quickie|page|pagina|chapter|week|day|dag|year|jaar|size|maat|cup|bh|bra|"
    r"block|blok|gate|pier|box|postbus|po|flat|house|huis|level|vol|episode|season|tel|phone|studio|club|salon|"
    r"hotel|villa|bar|lounge|spa|sauna|clubhuis|privehuis|privéhuis|terminal|station|deposit|fee|cost|parking|"
    r"donation|tip|minimum|maximum|total|totaal|aanbetaling|booking|ext|extension|toestel)",
    re.IGNORECASE,
))
# A number glued to a "+" ("Dame 30+ in Hilversum") is a lower limit, not her age (round 10).
# A title that ends in a number: "Mature lady 45", "Gina 40 & fabulous", "Mia 24 & Zoe 27" (first line).
# It closes like the rest of a title: the line end, "&", "and", a mark ("-", "|", "/", "~"), a bracket
# that holds no price or duration ("Sweet 20 (just turned)"; not "Lisa 30 (€100)"), or a capital.
_TITLE_AGE = with_start_class(re.compile(
    r"(?<=[^\W\d_])\s+(?P<num>\d{2})(?=\s*(?:$|&|(?<=\s)\+\s|and\s|en\s|[-–—|!,~]|/(?!\s*\d)|"
    r"\((?!\s*(?:[\d€$£]|min|uur|hour|hr|h\b|euro|eur|roses)))|\s+[A-ZÀ-Ý])", re.MULTILINE
))
# The same with a number word that ends the title or a part of it: "Leah seventeen", "Mia twenty four |".
_TITLE_AGE_WORD = re.compile(
    # a dash glued to a letter after it goes on with the word: "thirty-six" is not "thirty" and a mark (round 10)
    rf"(?<=[^\W\d_])\s+(?P<num>[^\W\d_]*(?:teen|tien|tig|ty)(?:-?[^\W\d_]+|\s{_UNIT_WORD})?)"
    r"(?=\s*(?:$|&|[-–—](?![^\W\d_])|[|!,~]))",
    re.MULTILINE | re.IGNORECASE,
)
# A title number that opens a range is no one's age: "Girls 20-30 available", "Dames 25 - 35".
_RANGE_AFTER = re.compile(r"[ \t]*(?:-|–|to|tot|t/m)[ \t]*\d{2}(?!\d)")
_NOT_BEFORE_TITLE_AGE = with_start_class(re.compile(
    r"\b(?:at|till|until|from|for|to|tot|om|van|voor|room|kamer|suite|nr|no|number|top|open|since|sinds|over|under|"
    r"vanaf|boven|onder|specials?|only|incall|outcall|hh|hr|hrs|(?:half|anderhalf)?uur|kwartier|min|mins|per|euro|eur|roses?|usd|gbp|price|"
    r"prijs|rates?|tarief|heren|men|clients|klanten|gents|aged?|ages|postcode|zip|street|straat|weg|laan|"
    # an age felt or looked, not hers: "Feel 30", "Looks 25" (round 13)
    r"feel|feels|feeling|look|looks|looking|voel|voelt|lijk|lijkt|"
    r"[a-z]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk))$",
    re.IGNORECASE,
))
# An age felt or looked, not hers: "Feel 30", "looks 25" (round 13).
_FELT = re.compile(r"feel|feels|feeling|look|looks|looking|voel|voelt|lijk|lijkt", re.IGNORECASE)
# The title-suffix convention: "Sweet and new in town - 25", "Latina | 23 | new": a two-digit number
# set off by a dash or bar at the end of a line (or between two such marks), after a word.
_LINE_SUFFIX = re.compile(
    r"[-–—|~]+\s*(?P<num>\d{2}|[^\W\d_]+(?:[\s-][^\W\d_]+)?)(?=\s*[!.*]*\s*$|\s*[-–—|~](?:\s|[A-ZÀ-Ý]))",  # "Kayla~26~Memphis"
    re.MULTILINE
)
_LINE_SUFFIX_GATE = _telling_gate(_LINE_SUFFIX)
# In a title the site's "<title> - 25" is often followed by what the poster added: a bracketed place, a run
# of stars or emoji, a new phrase in capitals ("Sexy Latina - 23 ** New in town **", "Ready now!!! - 24
# (Eastside)", "Jessica - 25 Available now"). First line only; not a range, a time, a rate or "24/7" (round 13).
_TITLE_DASH_AGE = re.compile(
    r"(?<=\S)[ \t]+[-–—]{1,2}[ \t]*(?P<num>\d{2})(?=[ \t]*(?:\((?![ \t]*[\d€$£])|[^\w\s(/:.,%+-]|[A-ZÀ-Ý]))")
_TITLE_DASH_NOT_AFTER = re.compile(
    r"[ \t]*(?:\(?[ \t]*(?:min|mins|minutes?|hours?|hrs?|hr|uur|roses?|euro|eur|dollars?|usd|pounds?|per|x|years?|yrs?|jaar)\b|[-–—][ \t]*\d)",
    re.IGNORECASE)
# The gates of _PATTERNS and _LINE_SUFFIX read at once from the text's chunks (gates.GateBits, cached per
# chunk), not each literal looked for in the whole text: which are open, as ``gate_open`` tells of each.
_GATE_BITS = GateBits([*_PATTERN_GATES, _LINE_SUFFIX_GATE])
# What may stand before the mark of a title suffix: a word, "!", ")", a symbol such as a heart; not a
# digit ("18 - 25"), a currency sign ("€ - 25") or an operator.
_NOT_BEFORE_SUFFIX = frozenset("0123456789+%/:=,<>#@$€£¥")
# Number words of 13 to 69 end in one of these (or are a tens word and a unit): a cheap test before
# number_word_value.
_AGE_WORD_HINT = re.compile(r"(?:teen|tien|tig|ty)(?:[\s-]?[^\W\d_]+)?$", re.IGNORECASE)
_PRICE_LINE = with_start_class(re.compile(
    r"[$€£]|\b(?:roses?|donations?|hh|hr|hrs|hours?|half|min|mins|minutes|uur|euro|eur|usd|price|prijs|rates?|"
    r"specials?|tarief|tarieven|qv|incall|outcall|\d+\s*(?:min|hr|h)\b)",
    re.IGNORECASE,
))
# Street names end in one of these; the number after them is a house number.
_STREET = with_start_class(re.compile(
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|park|hof|markt|steeg|pad|dreef|ring|baan|kwartier|"
    r"street|road|avenue|lane|square)$",
    re.IGNORECASE,
))
# Where a capitalised word is a street, not a name: after "op de", "aan de", "at the", "in de" (a place
# to be received at), or an address label. Only a number right after the word (no comma) is its house
# number: "woon in de Jordaan, 25" may still be her age.
_PLACE_BEFORE_NAME = with_start_class(re.compile(
    r"\b(?:(?:op|aan|in|at|on)\s+(?:de|het|the)|adres|address|ontvangst\s+op|ontvang\s+op|gelegen\s+aan)\s*:?\s*$",
    re.IGNORECASE,
))


def _house_number(text: str, word_start: int, word_end: int, num_start: int) -> bool:
    """Whether the number at `num_start`, right after the capitalised word, is the house number of a
    street named by the word (``_PLACE_BEFORE_NAME`` before it)."""
    return text[word_end:num_start].isspace() and \
        _PLACE_BEFORE_NAME.search(text, max(0, word_start - 25), word_start) is not None


LOOSE_MIN_AGE, LOOSE_MAX_AGE = 13, 69
# Lisa (19), Ivy (twenty one), "Velvet queen (forty)": the bracket right after a name or a word; a
# number word is read where the digits are (only words of 13 to 69, see _AGE_WORD_HINT).
_PAREN_AGE = re.compile(r"\(\s*(?P<num>\d{2}|[^\W\d_]+(?:[\s-][^\W\d_]+)?)\s*\)")
_NAME_BEFORE = re.compile(r"[A-Za-zÀ-ÿ],?\s?\Z")  # "Nina (26)", "Blonde Nina, (26)"
_LIMIT_BEFORE = with_start_class(re.compile(
    r"\b(?:vanaf|v\.a\.|from|over|boven|above|under|onder|below|al|sinds|since|for|ruim|than|dan|tot|till|until|"
    r"min\.?|minimum|max\.?|maximum|minstens|least|klanten|clients|heren|mannen|men|gents|tussen|between|en|and)"
    r"\s*$",
    re.IGNORECASE,
))
_NOT_PERSON_AFTER = re.compile(
    r"\s*(?:['’]\s*)?(?:(?:of\s+|aan\s+|werk)?(?:ervaring|experience)|geleden|ago|later|earlier|eerder|in\s+(?:the\s+)?(?:business|industry|branche)|"
    r"werkzaam|(?:en|of|and|or)\s+(?:ouder|older|up|over|above|boven))",
    re.IGNORECASE,
)
# After a number of years only: "2 years in NL", "3 jaar in het vak" (but "Britt 20 in the area").
_YEARS_IN_AFTER = re.compile(r"\s*in\s+(?:nl|nederland|the|this|het\s+vak)\b", re.IGNORECASE)
# The same with a place or "here" after it ("10 years in Den Haag", "thirteen years here"), when no name
# or "I'm" is just before the number ("Lisa 25 years in Amsterdam" is her age and where she is).
_YEARS_WHERE_AFTER = re.compile(
    r"\s*(?:in\s+(?-i:[A-ZÀ-Ý])|here\b|hier\b|al\b|now\s+in\b)", re.IGNORECASE)
_OLD = re.compile(r"old|oud|jarig", re.IGNORECASE)
# A number asked and denied, or summed: "Net 18? Nee, 32", "Ben ik 18? No way", "achttien plus tien, dus 28".
_DENIED_OR_SUMMED_AFTER = re.compile(
    r"\s*(?:\?+[\s\W]*(?:nee|no|nope|niet|not|haha\w*|lol|ha)\b|(?:plus|\+|min|minus|keer|times)\s*(?:\d{1,2}\b|(?:tien|ten|twee|two|drie|three|vijf|five|een|one|elf|eleven|twaalf|twelve)\b))",
    re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"(?:[A-ZÀ-Ý][a-zà-ÿ]+|I'?m|I\s+am|ik\s+ben|aged?|leeftijd)[\s,:()-]*$")
# Before a number of years only: "been here 12 yrs", "for 20 years", "al 8 jaar", "sinds 3 jaar".
_YEARS_FOR_BEFORE = with_start_class(re.compile(
    r"\b(?:for|since|al|already|sinds|ruim|over|been\s+(?:here|there|around)|woon\s+(?:hier|er))\s+(?:ruim\s+|over\s+)?$",
    re.IGNORECASE))
# Someone else's age: "my daughter (12)", "two kids aged 12 and 14".
_OTHER_PERSON_BEFORE = with_start_class(re.compile(
    r"\b(?:kids?|children|child|son|sons|daughters?|brother|sister|kinderen|kind|zoon|dochter|broer|zus|zusje)\b"
    r"[^.!?\n]{0,12}\Z",  # \Z: "$" would match before a line break that ends the window
    re.IGNORECASE,
))

# A parent speaks of a child: "mother of a 14-year-old", "moeder van een zoon van 15", "mom to two
# teens (13 and 15)"; and the child's age before its noun: "my 14-year-old son", "haar 12-jarige dochter".
_PARENT_OF_BEFORE = with_start_class(re.compile(
    r"\b(?:mother|mom|mum|mommy|mummy|moeder|mama|mam|father|dad|vader|papa|parent|ouder)\s+(?:of|to|van)\b"
    r"[^.!?\n)]{0,20}\Z",  # not past a closed bracket or a line break: "Mum of two (8 and 11), 41" - the 41 is hers
    re.IGNORECASE,
))
_CHILD_AFTER = re.compile(
    r"[\s-]*(?:(?:year|yr|jaar)s?[\s-]*(?:old|oud)?|jarige?|y/?o)?[\s-]*"
    r"(?:sons?|daughters?|kids?|child|children|toddlers?|zoon|zoontje|dochter|dochtertje|kindje|kinderen|"
    r"grandson|granddaughter|kleinzoon|kleindochter)\b",  # not "baby", "boys", "kind": "I'm 19 baby", "25 kind"
    re.IGNORECASE,
)
# A number that is denied is not her age: "Not 18, not 19, I'm 20", "niet 16 maar 26", "no 17-year-old
# here" ("not yet 18", "nog geen 18", are left to the minor rules: they say she is under it).
_NEGATED_BEFORE = with_start_class(re.compile(
    r"(?<![\w'])(?:(?<!yet\s)(?<!nog\s)(?:not|niet|never|nooit|no|geen))\s+(?!yet\b)(?:(?:the|a|an|de|het|een)\s+)?$",
    re.IGNORECASE,
))
# A house number: a name and a number followed by a postcode ("Meent 42, 3011 AB", "Dam 7 1012 JS";
# 4 digits and 2 capitals is a Dutch postcode) or a street word ("at 42 Baker Street" reads 42 before).
_ADDRESS_AFTER = re.compile(r"[a-z]?\s*,?\s*(?:[1-9]\d{3}\s?[A-Z]{2}(?![\w])|[A-Z][a-z]+\s+(?:street|st|road|rd|avenue|lane)\b)")

# The lookahead after a bare number that an age closes: punctuation, the line end or a linking word.
_AGE_CLOSE = (
    r"(?=\s*(?:[,.!)&;|—]|$)|\s+(?:en|and|uit|from|in|nu|now|-|–|available|beschikbaar|here|hier|new|nieuw|with|met|"
    r"y/?o|yrs?|years?|jaar|jr)\b|\s*-\s)"
)
# A phrase in which the advertiser speaks of herself ("and I'm 25", "en ik ben 25"; "Ella is 25" is
# marked where it is found): the words before it ("and", "en", "from") are no client limit, as they
# are before a bare number.
_SELF_CUE = re.compile(
    r"(?:ik\b|ben\b|i\b|i['’]m|im\b|zij\b|ze\b|she\b|she['’]s|my\b|mijn\b|m'n\b|her\b|haar\b|this\b|it['’]?s\b)",
    re.IGNORECASE,
)
# Phrases read backwards from a bare two-digit number that closes like an age (_AGE_CLOSE), in a window
# before it; a pattern that starts with a cue word would be tried at every character of every ad.
# "hi im jess 19 from wigan", "I'm Chloe, 24.", "ik heet Sanne 22 en": an introduction, a name, a number.
_INTRO_BEFORE = with_start_class(re.compile(
    r"\b(?:i['’]?m|i\s+am|ik\s+ben|this\s+is|it['’]?s|my\s+name\s+is|mijn\s+naam\s+is|ik\s+heet|call\s+me|ask\s+for)"
    r"\s+(?:(?:a|an|een)\s+)?(?P<word>[^\W\d_]{2,})\s*,?\s+$",  # "I'm a mature 44": an article and a word
    re.IGNORECASE,
))
_NOT_INTRO_NAME = frozenset(
    "in at on here hier available beschikbaar open free vrij only alleen from van back terug a an the een de het "
    "now nu just net pas also ook your je jouw staying visiting located based new nieuw about around approx "
    "ongeveer over under onder boven above below till tot until since sinds for voor room kamer suite apartment "
    "appartement nr number nummer age leeftijd aged only still nog not niet no geen bijna almost nearly ruim amper "
    "barely over under maybe misschien like zoals size maat cup bra dress jurk shoe schoen uk eu us".split()
)
# "Mia is 23 and Ella is 25": a capitalised name, "is", a number.
# "ask for Bella, who is 25" too.
_NAME_IS_BEFORE = with_start_class(re.compile(rf"\b(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)(?:,?\s+who)?\s+is\s+{_ADVERB}$"))
_NOT_NAME_IS = frozenset(
    "she he it this that what age leeftijd price prijs rate tarief time tijd quickie overnight dinner session "
    "visit hour uur outcall incall everything anything alles extra extras special".split()
)
# Two names and two ages: "Maya & Leah, 24 and 26", "Fleur en Roos: 21 & 24".
# Or a word for two or more women ("Two ladies: 23 and 27", "Hot duo: 19 & 21", "Zusjes - 20 en 22"):
# the ages that follow are theirs, one each.
_GROUP_NOUN = (
    r"(?i:duo|trio|couple|pair|girls|ladies|sisters|friends|besties|babes|women|koppel|stel|meiden|dames|"
    r"vriendinnen|zussen|zusjes|meisjes|vrouwen)"
)
_DUO_BEFORE = with_start_class(re.compile(
    rf"(?:\b[A-ZÀ-Ý][a-zà-ÿ]+\s*(?:&|\+|and|en)\s*[A-ZÀ-Ý][a-zà-ÿ]+|\b{_GROUP_NOUN})\s*[,(:\-–|]\s*$"
))
_DUO_SECOND = re.compile(
    r"\s*(?:&|\+|and|en|,)\s*(?P<b>\d{2})(?=\s*(?:[,.!);]|$|y/?o\b|yrs?\b|years?\b|jaar\b))", re.MULTILINE
)
# A group's two ages in one phrase, in words or digits: "twee vriendinnen van twintig en eenentwintig
# jaar", "two sisters of 22 and 24 years old" (round 9). The group noun before them says they are
# ages of the women, not a client range ("heren tussen twintig en dertig jaar").
_GROUP_AGES = re.compile(
    rf"\b{_GROUP_NOUN}\b[^.!?\n\d]{{0,20}}?\b(?i:van|of|aged|zijn|are|,|:)?\s*"
    rf"(?P<a>\d{{2}}|{NUMBER_WORD})\s+(?i:en|and|&)\s+(?P<b>\d{{2}}|{NUMBER_WORD})\s*(?i:jaar|years?|jr|yrs?)\b"
)
_GROUP_WORDS = tuple(_GROUP_NOUN[len("(?i:") : -1].split("|"))
_GROUP_AGES_STARTS = (regex_prefixes(_GROUP_AGES.pattern), regex_word_start(_GROUP_AGES.pattern))
_YEAR_WORDS = ("jaar", "year", "jr", "yr")
# A duo's two ages in words after their names or a group noun: "Wij zijn Anouk en Demi, zevenentwintig en
# negenentwintig", "Two friends: twenty-two and twenty-five." (round 10). The comma or colon opens the
# pattern (a literal the engine skips to); _DUO_BEFORE is checked on what stands before it.
_AGE_WORDISH = rf"[^\W\d_]*(?:teen|tien|tig|ty)(?:-?[^\W\d_]+|\s{_UNIT_WORD})?"
_DUO_WORDS = re.compile(
    rf"[,:](?<=[^\W\d_][,:])[ \t]*(?P<a>{_AGE_WORDISH})[ \t]+(?i:en|and|&)[ \t]+(?P<b>{_AGE_WORDISH})"
    r"(?=[ \t]*(?:[,.!;)]|$|(?i:jaar|years?)\b))",
    re.MULTILINE | re.IGNORECASE,
)
# A duo speaks of both: "Wij zijn 24 en 26", "We are twenty-three and twenty-five" (round 10); not years
# of something ("we zijn 10 en 12 jaar samen", "we are 5 and 7 years in business").
_WE_ARE = with_start_class(re.compile(
    rf"\b(?i:we\s+are|we['’]re|wij\s+zijn|we\s+zijn)\s+(?:(?i:both|allebei|samen|respectively|resp\.)\s+)?"
    rf"(?P<a>\d{{2}}|{NUMBER_WORD})\s*(?i:en|and|&)\s*(?P<b>\d{{2}}|{NUMBER_WORD})\b{_NOT_AFTER_NUMBER}"
    r"(?!\s*(?i:jaar|years?|yrs?)?\s*(?i:ervaring|experience|in|of|samen|together|geleden|ago|oud\s+samen)\b)"
))
_WE_ARE_HINTS = ("we are", "we're", "we’re", "wij zijn", "we zijn")
# A couple's two ages, one for each: "she's 27 and he's 33", "hij is 40 en zij is 35" (round 12).
_SHE_ = r"(?:she['’]s|she\s+is|zij\s+is|ze\s+is)"
_HE_ = r"(?:he['’]s|he\s+is|hij\s+is)"
_SHE_AND_HE = with_start_class(re.compile(
    rf"(?<![\w'’])(?i:{_SHE_}\s+(?P<a>\d{{2}}|{NUMBER_WORD})\s*,?\s*(?:and|en|&)\s+{_HE_}\s+(?P<b>\d{{2}}|{NUMBER_WORD})"
    rf"|{_HE_}\s+(?P<c>\d{{2}}|{NUMBER_WORD})\s*,?\s*(?:and|en|&)\s+{_SHE_}\s+(?P<d>\d{{2}}|{NUMBER_WORD}))"
    rf"\b{_NOT_AFTER_NUMBER}"))
_SHE_AND_HE_HINTS = ("he's", "he’s", "he is", "hij is")
# What every match of _DUO_WORDS holds: a number word of 13 to 69 ends in one of these, or has one inside.
_DUO_WORDS_HINTS = ("tig", "ty", "teen", "tien")
# A title in segments set off by marks ("25 - Fenna - Emmen", "Mum of one, 37", "Lotte | 29 | Zwolle"):
# a segment that is a bare number of 18 to 65 is her age, when it is the title's only bare number (not
# "20 - 30", "24/7") and the title names no price (round 10). A parent's words in another segment ("Mum
# of one, 37") do not make it a child's age.
_TITLE_SEGMENT_MARK = re.compile(
    r"[ \t]*(?:[|•·~/,]|(?:(?<=\s)|^)[-–—]+(?=\s)|[!?]+(?=\s)"
    # hearts, stars and other pictures set off a segment too: "Jess, 25 ❤ Eindhoven"
    r"|[\u2600-\u27bf\U0001f300-\U0001faff][\ufe0f\u200d\u2600-\u27bf\U0001f300-\U0001faff]*)[ \t]*"
)
_TITLE_SEGMENT_MIN, _TITLE_SEGMENT_MAX = 18, 65
_TITLE_MARKED = re.compile(r"(?P<pre>[^\w\s]+)[ \t]*(?P<num>\d{2})[ \t]*(?P<post>[^\w\s]+)(?![^\W_])")
_DISCOUNT = with_start_class(re.compile(r"\b(?:off|korting|discount|deal|sale|aanbieding|actie|promo)\b", re.IGNORECASE))
# A title that starts with the age: "19 and new in town", "Twentyfive & fun", "23, sweet and petite".
_TITLE_START = re.compile(
    r"[^\w\n]{0,4}(?P<num>\d{2}|[^\W\d_]+(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"\s*(?:&|\band\b|\ben\b|\bn\b|,|!+|(?<=\s)\+)\s*(?P<next>[^\W\d_]+)",  # "30+ lady": a limit (round 10)
    re.IGNORECASE,
)
# A stats run: height or weight, then a bare number closed by punctuation ("5'4, 120lbs and 23, Dallas",
# "1.68m, 58kg, 24."): the number after the body measurements is the age.
_STATS_BEFORE = re.compile(
    r"\d(?:\s?['’]\s?\d{1,2}(?!\d)[\"”]?|[.,]\d{2}\s?m\b|\d{1,2}\s?(?:lbs?|kg|pounds)\b)[^.\n\d]{0,20}?"
    r"(?:,|;|\||\band\b|\ben\b|&)\s*$",
    re.IGNORECASE,
)
# Cheap tests on the window before a number, before the patterns above are searched in it.
_INTRO_HINTS = ("m ", "ben ", "is ", "ts ", "heet ", "me ", "for ", "m, ")
_STATS_HINTS = ("'", "’", "lb", "kg", "pound", "m,", "m ", "m;", "m|", "m&")
# The numbers _backward starts from: two digits that close like an age, or with "j"/"y" glued to
# them, short for jaar/years ("Lisa 22j", "30y"). The first digit opens the pattern, and what may not
# stand before it is looked back at from behind it ("(?<![...]\d)"): a pattern that opens with a
# character class, which the engine skips to (one that opens with a lookbehind is tried everywhere).
_BARE_TWO_DIGITS = re.compile(
    r"\d(?<![\d.,:/'’$€£+\-]\d)\d(?:(?P<glued>[jyJY]\.?)(?!\w)|(?![\d%/]|[.,:]\d)" + _AGE_CLOSE + ")"
)
# "I have 10 years of experience", "ik werk al 5 jaar": a number of years after these is a duration.
_DURATION_BEFORE = with_start_class(re.compile(
    r"\b(?:have|has|had|heb|hebt|heeft|hebben|spent|worked|werk|werkte|been|already|al|bijna|almost|nearly|ruim|"
    r"within|binnen|past|last|afgelopen|laatste|over|for|voor|sinds|since|after|na|doing\s+this|"
    # a business that exists or celebrates its years: "Wij bestaan 25 jaar", "celebrating 20 years" (round 10)
    r"bestaan|bestaat|bestaan\s+al|bestaat\s+al|exist|exists|existed|existing|running|celebrating|celebrate|vieren|viert|"
    # what she has been doing for so long: "Been escorting 10 years", "I've been dancing 12 years" (round 12)
    r"been\s+[^\W\d_]{3,}ing)\s+"
    r"(?:been\s+)?(?:(?:about|around|ongeveer|zo'?n)\s+)?$"
    # a label for the years worked: "Experience: 15 yrs", "Ervaring - 6 jaar", "in the business: 8 years"
    r"|\b(?:experience|ervaring|werkervaring|in\s+the\s+(?:business|industry)|in\s+het\s+vak)\s*[:=\-–]?\s*$",
    re.IGNORECASE,
))
# "years of" + anything but "age" after the unit: "17 years of happy clients", "20 years of fun" count
# something other than her life ("a girl of 19 years of age" is her age); Dutch "jaar aan/vol ..." (round 10).
_YEARS_OF_SOMETHING = re.compile(
    r"\s+(?:of|aan|vol)\s+(?!age\b|leeftijd\b)"
    # "17 jaar tevreden klanten", "20 years happy customers": years counted in clients or service
    # (on one line: "Roos 25 jaar\nGeen klanten onder 21" is her age and then a rule, round 14)
    r"|[ \t]+(?:[^\W\d_]+[ \t]+)?(?:klanten|clients|customers|gasten|guests|service|dienstverlening|bookings|boekingen)\b",
    re.IGNORECASE)
_YEARS_UNIT = re.compile(r"(?:jaar|years?|yrs?|jr|" + _FOREIGN_YEARS + ")", re.IGNORECASE)

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
# The lookahead on the first characters of a month, a weekday or a number lets the engine fail at once
# at the other characters.
_DATES = re.compile(
    r"(?=[0-9adfjmnostvwz])(?:"
    rf"\b{_MONTH}\.?\s+\d{{1,2}}{_ORDINAL}?\b(?:,?\s+(?:19|20)?\d{{2}}\b)?"  # June 25, 2016
    rf"|\b\d{{1,2}}{_ORDINAL}?\s+(?:of\s+)?{_MONTH}\b"  # 25 juni, 25th of June
    rf"|\b{_WEEKDAY}\.?,?\s+(?:the\s+)?\d{{1,2}}{_ORDINAL}?\b"  # Saturday 21, zaterdag 21e
    r"|\b\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:birthday|bday|b-day))"  # the 21st
    r"|(?<![\d.,])\d{1,2}[/.\-]\d{1,2}(?:[/.\-](?:19|20)?\d{2})?(?![\d])"  # 12/06, 12-06-2016
    r")",
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
_BOUND_BEFORE = with_start_class(re.compile(
    r"\b(?P<neg>(?:no\s+one|nobody|no(?:\s+\w+)?|not|niemand|geen(?:\s+\w+)?)\s+)?"
    r"(?P<word>under|below|younger\s+than|up\s+to|onder|jonger\s+dan|max(?:imum)?\.?(?:\s+age)?|tot|"
    r"over|above|older\s+than|vanaf|boven(?:\s+de)?|ouder\s+dan|min(?:imum)?\.?(?:\s+age)?|at\s+least|minstens)"
    r"\s*:?\s*$",
    re.IGNORECASE,
))
_BOUND_WORDS = frozenset(
    "under below than to onder dan max maximum tot over above vanaf boven de min minimum least minstens age".split()
)
# "30+", "21 and up", "25 en ouder": a lower bound after the number.
_AFTER_BOUND = re.compile(
    r"(?P<plus>\s*\+|\s+(?:and|en|or|of)\s+(?:up|over|older|ouder|above|boven)\b)?(?P<unit>\s*(?:jaar|years?|yrs?|y/?o)\b)?",
    re.IGNORECASE,
)
_TWO_DIGITS = re.compile(r"\d(?<![\d.,$€£]\d)\d(?!\d|[.,:]\d|%)")  # the first digit first, as _BARE_TWO_DIGITS
_CLIENT_BEFORE = with_start_class(re.compile(rf"\b{_CLIENT_WORDS}\b[^.!?\n]{{0,25}}$", re.IGNORECASE))
_CLIENT_AFTER = re.compile(rf"^[^.!?\n]{{0,20}}\b{_CLIENT_WORDS}\b", re.IGNORECASE)
_UPPER_WORDS = re.compile(r"under|below|younger|up\s+to|onder|jonger|max|tot", re.IGNORECASE)

# --- past ages ---------------------------------------------------------------------------------
_NUM_ANY = rf"(\d{{1,2}}|{NUMBER_WORD})"  # unnamed: _PAST holds several
_PAST = with_start_class(re.compile(
    rf"\b(?=[wWsSaAbBuUtTfFiIoOzZ])(?:(?:when|since|after|before|until|till)\s+(?:i|she)\s+(?:was|turned|were)"
    rf"|(?:i|she)\s+was|at|from|since)\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?(?:only\s+|just\s+|about\s+)?"
    rf"{_NUM_ANY}\b(?:\s*(?:years?(?:\s+old)?|yrs?|yo)\b)?{_NOT_AFTER_NUMBER}"
    rf"|\btoen\s+(?:ik|zij|ze)\s+(?:pas\s+|nog\s+maar\s+|net\s+)?{_NUM_ANY}\s*(?:jaar\s+)?(?:oud\s+)?was\b"
    rf"|\b(?:sinds|vanaf|sedert|op)\s+(?:mijn|m'n|haar|ik)\s+{_NUM_ANY}(?:e|de|ste)?\b(?:\s*jaar)?"
    rf"|\b(?:ik|zij|ze)\s+was\s+{_NUM_ANY}\b(?:\s*jaar)?{_NOT_AFTER_NUMBER}",
    re.IGNORECASE,
))
_PAST_TRIGGERS = ("was ", "turned", "toen ", "sinds ", "sedert ", "since ", "age of", "vanaf mijn", "op mijn",
                  "op m'n", "vanaf m'n", "at ")
_PAST_STARTS = regex_prefixes(_PAST.pattern)  # its words ("when", "at", "toen" ...), each at a word's start
_PAST_AT = re.compile(r"^\s*(?:at|from|since)\b", re.IGNORECASE)
_PAST_VERB = with_start_class(re.compile(r"\b(?:was|were|turned)\b", re.IGNORECASE))
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
    return int(raw) if raw.isdecimal() else number_word_value(raw)


def _candidates(text: str) -> list[tuple[str, int, int]]:
    """(number as written, phrase start, phrase end) for every age-like phrase."""
    candidates = []
    lowered = gate_text(text)
    for unit in regex_matches(_AGE_UNIT, text, lowered, _AGE_UNIT_STARTS, limit=_PLACES_TRIED_MAX):
        if unit.start() and (text[unit.start() - 1].isalpha() and not text[unit.start() - 1].isdigit()):
            continue  # "jaar" inside a word such as "verjaardag"
        window_start = max(0, unit.start() - 30)
        # Digits are the common case; the number-word alternation is only tried when they fail.
        before = _DIGITS_BEFORE_UNIT.search(text, window_start, unit.start()) or \
            _NUMBER_BEFORE_UNIT.search(text, window_start, unit.start())
        if before and _RANGE_START.search(text, max(0, before.start() - 12), before.start()):
            continue  # "audities voor 12 t/m 17 jaar": the top of an age band, not someone's age
        if before:
            if _YEARS_UNIT.match(unit.group()) and \
                    _DURATION_BEFORE.search(text, max(0, before.start() - 30), before.start()):
                continue  # "I have 10 years of experience", "ik werk al 5 jaar"
            if _YEARS_UNIT.match(unit.group()) and _YEARS_OF_SOMETHING.match(text, unit.end()):
                continue  # "17 years of happy clients", "10 jaar aan ervaring": years of something, not her age
            candidates.append((before.group("num"), before.start(), unit.end()))
    opened = set(_GATE_BITS.open(lowered))
    for k, (pattern, where) in enumerate(zip(_PATTERNS, _PATTERN_WHERE, strict=True)):
        if k in opened:  # else a word every match needs is missing ("birthday", "just")
            candidates += [(m.group("num"), m.start(), m.end()) for m in _pattern_matches(pattern, where, text, lowered)]
    for m in matches_at(_AFTER_NAME, text, [m.start() for m in _AFTER_NAME_PLACES.finditer(text)]):
        if _STREET.search(m.group("word")) or _NOT_A_NAME.fullmatch(m.group("word")) or _FELT.fullmatch(m.group("word")):
            continue  # "Demolaan 16", "Room 25": a house or room number, not an age; "Feel 30": not hers
        if _house_number(text, m.start(), m.end("word"), m.start("num")):
            continue  # "ontvang op de Brink 22", "at the Strand 14": a street and its house number
        if LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
            # "Mandy 31 and Rosie 34 together": the next name and number in the list, however it closes
            end = m.end("num")
            while (pair := _NEXT_PAIR.match(text, end)) and not _NOT_A_NAME.fullmatch(pair.group("word")) and \
                    LOOSE_MIN_AGE <= int(pair.group("num")) <= LOOSE_MAX_AGE:
                candidates.append((pair.group("num"), pair.start("num"), pair.end("num")))
                end = pair.end()
    for m in _SENTENCE_START_AGE.finditer(text) if _SENTENCE_START_CORE.search(text) else ():
        if LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _PAREN_AGE.finditer(text):
        raw = m.group("num")
        if not raw.isdecimal() and not (_AGE_WORD_HINT.search(raw) and
                                        LOOSE_MIN_AGE <= (_age_value(raw) or 0) <= LOOSE_MAX_AGE):
            continue  # "(Leeds)", "(new)": only number words of 13 to 69 are read
        if _NAME_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            candidates.append((raw, m.start(), m.end()))
    first_line = text.find("\n")
    first_line = len(text) if first_line < 0 else first_line
    if first_line <= 80:
        for m in _TITLE_AGE.finditer(text, 0, first_line):
            word = re.search(r"[^\W\d_]+$", text[: m.start()])
            if word and (word.group()[0].isupper() or _PERSON_NOUN.fullmatch(word.group())) and \
                    not _NOT_BEFORE_TITLE_AGE.search(word.group()) and not _NOT_A_NAME.fullmatch(word.group()) and \
                    LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE and \
                    not _PRICE_LINE.search(text, 0, m.start()) and not _RANGE_AFTER.match(text, m.end("num")) and \
                    not _house_number(text, word.start(), word.end(), m.start("num")):
                candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _TITLE_AGE_WORD.finditer(text, 0, first_line) if first_line <= 80 else ():
        word = re.search(r"[^\W\d_]+$", text[: m.start()])
        age = _age_value(m.group("num"))
        if word and word.group()[0].isupper() and not _NOT_BEFORE_TITLE_AGE.search(word.group()) and \
                not _NOT_A_NAME.fullmatch(word.group()) and age is not None and LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _BETWEEN_COMMAS.finditer(text):
        age = _age_value(m.group("num"))
        if age is not None and LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE:
            candidates.append((m.group("num"), m.start("num"), m.end("num")))
    for m in _LINE_SUFFIX.finditer(text) if len(_PATTERNS) in opened else ():
        before = text[max(0, m.start() - 3) : m.start()].rstrip()
        if not before or before[-1] in _NOT_BEFORE_SUFFIX:
            continue  # after a word or a symbol: "Sweet and new - 25", "♥ -- 24"; not "18 - 25" or "€ - 25"
        raw = m.group("num")
        if not raw.isdecimal() and not _AGE_WORD_HINT.search(raw):
            continue  # "| Leeds |": only number words of 13 to 69 are read
        age = _age_value(raw)
        line_start = text.rfind("\n", 0, m.start()) + 1
        if age is not None and LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE and \
                not _PRICE_LINE.search(text, line_start, m.start()):
            candidates.append((raw, m.start("num"), m.end("num")))
    if first_line <= 80:
        candidates += _title_start(text, first_line) + _title_marked(text, first_line)
        for m in _TITLE_DASH_AGE.finditer(text, 0, first_line) if "-" in text[:first_line] else ():
            before = text[max(0, m.start() - 3): m.start()].rstrip()
            if before and before[-1] not in _NOT_BEFORE_SUFFIX and \
                    LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE and \
                    not _PRICE_LINE.search(text, 0, m.start()) and not _TITLE_DASH_NOT_AFTER.match(text, m.end("num")):
                candidates.append((m.group("num"), m.start("num"), m.end("num")))
    candidates += _field_marked(text)
    candidates += _round11(text, lowered)
    return candidates


def _backward(text: str, covered: set[int]) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Ages found from a bare two-digit number backwards (numbers at `covered` are read already):
    "Mia is 23", "im jess 19", "22j" as ordinary candidates; a duo's two ages ("Maya & Leah, 24 and
    26") and the age after height and weight ("5'4, 120lbs and 23") as framed ones, which the
    "and" before them does not make a client range."""
    spoken, framed = [], []
    for m in _BARE_TWO_DIGITS.finditer(text):
        start, end = m.start(), m.start() + 2
        if m.group("glued"):
            if start not in covered:
                spoken.append((text[start:end], start, m.end("glued")))
            continue
        if not LOOSE_MIN_AGE <= int(text[start:end]) <= LOOSE_MAX_AGE:
            continue
        window = max(0, start - 40)
        near = text[window:start]
        if near.rstrip()[-1:] in (",", "(", ":", "-", "–", "|"):
            second = _DUO_SECOND.match(text, end)
            if second and _DUO_BEFORE.search(text, window, start) and \
                    LOOSE_MIN_AGE <= int(second.group("b")) <= LOOSE_MAX_AGE:
                framed += [(text[start:end], start, end), (second.group("b"), second.start("b"), second.end("b"))]
                covered.add(second.start("b"))
                continue
        lowered = near.lower()
        if start in covered:
            # "5'4, 55kg and 26 years old": read with its unit already, but the "and" before it is
            # no client range when it closes a stats run
            if any(w in lowered for w in _STATS_HINTS) and _STATS_BEFORE.search(text, window, start):
                framed.append((text[start:end], start, end))
            continue
        before = _INTRO_BEFORE.search(text, window, start) if any(w in lowered for w in _INTRO_HINTS) else None
        if before and before.group("word").lower() not in _NOT_INTRO_NAME and \
                not _NOT_A_NAME.fullmatch(before.group("word")):
            spoken.append((text[start:end], before.start(), end))
            continue
        before = _NAME_IS_BEFORE.search(text, window, start) if " is " in near else None
        if before and before.group("word").lower() not in _NOT_NAME_IS and not _NOT_A_NAME.fullmatch(before.group("word")):
            spoken.append((text[start:end], before.start(), end))
            continue
        if any(w in lowered for w in _STATS_HINTS) and _STATS_BEFORE.search(text, window, start):
            framed.append((text[start:end], start, end))
    return spoken, framed


_NUMBER_OR_UNIT = re.compile(
    r"(?:\d|min|mins|minutes?|hours?|hrs?|uur|roses?|euro|eur|dollars?|pounds?|per|x\b)", re.IGNORECASE
)


def _is_marker(run: str) -> bool:
    """A run of symbols that sets off a title's age: emoji, hearts, stars ("💕 22 💕", "*** 23 ***");
    not a currency sign, an operator or other punctuation ("$ 80", "+ 25", "(18) 25")."""
    return all(c in "*~|•·" or unicodedata.category(c) == "So" or c in "\ufe0f\u200d" for c in run)


def _title_marked(text: str, first_line: int) -> list[tuple[str, int, int]]:
    """A bare number set off by symbols on both sides in a title: "Petite & Sweet 💕 22 💕"."""
    found = []
    for m in _TITLE_MARKED.finditer(text, 0, first_line):
        if _is_marker(m.group("pre")) and _is_marker(m.group("post")) and \
                LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE and not _PRICE_LINE.search(text, 0, first_line) \
                and not _DISCOUNT.search(text, 0, first_line):
            found.append((m.group("num"), m.start("num"), m.end("num")))
    return found


def _duo_words(text: str) -> list[tuple[str, int, int]]:
    """A duo's two ages in words after their names or a group noun (``_DUO_WORDS``), each with its span."""
    found: list[tuple[str, int, int]] = []
    lower = text.lower()
    if not any(w in lower for w in _DUO_WORDS_HINTS) or ("," not in text and ":" not in text):
        return found  # most ads hold no number word of 13 to 69
    for m in _DUO_WORDS.finditer(text):
        if not _DUO_BEFORE.search(text, max(0, m.start() - 40), m.start() + 1):
            continue
        if all(LOOSE_MIN_AGE <= (_age_value(m.group(g)) or 0) <= LOOSE_MAX_AGE for g in ("a", "b")):
            found += [(m.group(g), m.start(g), m.end(g)) for g in ("a", "b")]
    return found


# A duo's two ages as the value of one age field: "Age: 22 / 25", "Leeftijd: 23 en 27", "Ages: 21 & 24" (round 13).
# Not a range ("25 - 35", "25 tot 35": a client limit) and not "24/7"; the pair is the field's whole value.
_AGE_FIELD_PAIR = re.compile(
    r"\b(?i:ages?|leeftijd(?:en)?|alter)[ \t]*[:=][ \t]*(?P<a>1[89]|[2-6]\d)[ \t]*(?:/|&|\+|,|(?i:and|en|und)\b)[ \t]*"
    r"(?P<b>1[89]|[2-6]\d)(?![\d/])(?=[ \t]*(?:(?i:jaar|years?|yrs?|j)\b[ \t]*)?(?:$|[\n.,;!|)]))",
    re.MULTILINE)


def _age_field_pair(text: str, lowered: str) -> list[tuple[str, int, int]]:
    """A duo's two ages as one age field's value (``_AGE_FIELD_PAIR``), each with its span."""
    if "age" not in lowered and "leeftijd" not in lowered and "alter" not in lowered:
        return []
    return [(m.group(g), m.start(g), m.end(g)) for m in _AGE_FIELD_PAIR.finditer(text) for g in ("a", "b")]


def _we_are(text: str, lowered: str) -> list[tuple[str, int, int]]:
    """A duo's two ages after "we are" / "wij zijn" (``_WE_ARE``), each with its span."""
    found: list[tuple[str, int, int]] = []
    if any(w in lowered for w in _SHE_AND_HE_HINTS):  # a couple: "she's 27 and he's 33" (round 12)
        for m in _SHE_AND_HE.finditer(text):
            groups = ("a", "b") if m.group("a") else ("c", "d")
            if all(LOOSE_MIN_AGE <= (_age_value(m.group(g)) or 0) <= LOOSE_MAX_AGE for g in groups):
                found += [(m.group(g), m.start(g), m.end(g)) for g in groups]
    if not any(w in lowered for w in _WE_ARE_HINTS):
        return found
    for m in _WE_ARE.finditer(text):
        if all(LOOSE_MIN_AGE <= (_age_value(m.group(g)) or 0) <= LOOSE_MAX_AGE for g in ("a", "b")):
            found += [(m.group(g), m.start(g), m.end(g)) for g in ("a", "b")]
    return found


def _title_segments(text: str, first_line: int) -> list[tuple[str, int, int]]:
    """A bare number that is a whole segment of the title (``_TITLE_SEGMENT_MARK``)."""
    if first_line > 80 or not _has_digit(text[:first_line]):
        return []
    title = text[:first_line]
    bounds = [0]
    for m in _TITLE_SEGMENT_MARK.finditer(title):
        bounds += [m.start(), m.end()]
    bounds.append(len(title))
    if len(bounds) < 4:
        return []  # one segment: no marks
    segments = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    numeric = [(a, b) for a, b in segments if title[a:b].strip().isdecimal()]
    if len(numeric) != 1 or _PRICE_LINE.search(title) or _DISCOUNT.search(title) or "%" in title:
        return []
    a, b = numeric[0]
    if title[:a].rstrip(" \t|•·~/,-–—")[-1:].isdigit() or title[b:].lstrip(" \t|•·~/,-–—")[:1].isdigit():
        return []  # "Girls 20 - 30": the end of a range
    raw = title[a:b].strip()
    start = a + title[a:b].index(raw)
    if len(raw) != 2 or not _TITLE_SEGMENT_MIN <= int(raw) <= _TITLE_SEGMENT_MAX:
        return []
    return [(raw, start, start + 2)]


def _group_ages(text: str, lowered: str) -> list[tuple[str, int, int]]:
    """The two ages of a duo said in one phrase (``_GROUP_AGES``), each with its own span."""
    found: list[tuple[str, int, int]] = []
    if not any(w in lowered for w in _YEAR_WORDS) or not any(w in lowered for w in _GROUP_WORDS):
        return found  # every match names the group and the years: most ads lack one
    # tried only where a group noun starts a word (every match opens with one), not at every character
    for m in regex_matches(_GROUP_AGES, text, gate_text(text), *_GROUP_AGES_STARTS, limit=_PLACES_TRIED_MAX):
        if all(LOOSE_MIN_AGE <= (_age_value(m.group(g)) or 0) <= LOOSE_MAX_AGE for g in ("a", "b")):
            found += [(m.group(g), m.start(g), m.end(g)) for g in ("a", "b")]
    return found


# A line of fields that names a price: its bare number may be one ("⭐ incall 80 ⭐ 50 ⭐ outcall ⭐").
_FIELD_PRICES = re.compile(r"[€$£]|\b(?:euro|eur|roses?|prijs|price|rates?|tarief|donation)\b", re.IGNORECASE)
_FIELD_MARKS_MIN = 3  # "✨ 23 ✨ Rotterdam ✨": three marks make a line of fields
# _TITLE_MARKED with the closing mark looked at, not taken: it opens the next field ("💕 30 💕 60 💕")
_FIELD_MARKED = re.compile(r"(?P<pre>[^\w\s]+)[ \t]*(?P<num>\d{2,3})[ \t]*(?=(?P<post>[^\w\s]+)(?![^\W_]))")


def _field_marked(text: str) -> list[tuple[str, int, int]]:
    """A bare number as one field of a line of fields set off by the same symbols, anywhere in the text:
    "✨ 23 ✨ Rotterdam ✨ incall ✨". Not where two numbers are such fields ("💕 30 💕 60 💕": prices or
    minutes) or the line speaks of a discount."""
    if text.isascii():
        return []  # a line of fields is set off by emoji or symbols; in ASCII "|" and "*" lists are prices
    found: list[tuple[str, int, int]] = []
    starts = {text.rfind("\n", 0, m.start()) + 1 for m in _FIELD_MARKED.finditer(text)}
    for line_start in sorted(starts):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        fields = [m for m in _FIELD_MARKED.finditer(line)
                  if _is_marker(m.group("pre")) and _is_marker(m.group("post"))
                  and line.count(m.group("post").strip()) >= _FIELD_MARKS_MIN]
        if len(fields) != 1 or _DISCOUNT.search(line) or _FIELD_PRICES.search(line):
            continue
        m = fields[0]
        if len(m.group("num")) == 2 and LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE:
            offset = line_start
            found.append((m.group("num"), offset + m.start("num"), offset + m.end("num")))
    return found


def _title_start(text: str, first_line: int) -> list[tuple[str, int, int]]:
    """The age that opens a title: "19 and new in town", "Twentyfive & fun" (not "30 & 60 min specials")."""
    m = _TITLE_START.match(text, 0, first_line)
    if not m:
        return []
    raw = m.group("num")
    if not raw.isdecimal() and not _AGE_WORD_HINT.search(raw):
        return []
    age = _age_value(raw)
    if age is None or not LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE or _NUMBER_OR_UNIT.match(m.group("next")) or \
            number_word_value(m.group("next")) is not None:
        return []
    return [(raw, m.start("num"), m.end("num"))]


# --- round 11 ----------------------------------------------------------------------------------
# A price, a duration or a count near a number: then it is no age for the looser shapes below.
_PRICE_OR_UNIT_NEAR = with_start_class(re.compile(
    r"[$€£]|\b(?:roses?|donations?|hh|hr|hrs|hours?|half|min|mins|minutes?|uur|kwartier|euro|eur|usd|gbp|price|prijs|"
    r"rates?|tarief|tarieven|specials?|deal|korting|discount|off|per|pp|p/?h|cm|kg|lbs?|km|miles?|meter|procent|percent|"
    r"times|keer|x|nr|no|number|nummer|room|kamer|suite|pages?)\b",
    re.IGNORECASE,
))
# Capitalised words a number follows as a place in a series, not an age (besides _NOT_A_NAME's).
_NOT_A_NAME_MORE = re.compile(
    r"(?i:junction|platform|track|spoor|channel|kanaal|zone|area|sector|district|ward|wijk|postcode|zip|section|"
    r"row|rij|seat|stoel|hall|hal|door|deur|stand|stall|lot|plot|bay|dock|car|auto|coach|year|class|klas|groep|group)"
)
# The word before a sentence that is a bare number, when it makes the number a time, a price or a phone part:
# "Open late. 22.", "Tel. 16.", "Pay. 25."
_BARE_AFTER_WORD = re.compile(
    r"(?i:late|open|till|until|tot|from|vanaf|after|na|at|om|tonight|vanavond|close|closing|tel|phone|nr|no|number|"
    r"nummer|pay|betaal|price|prijs|rates?|tarief|cost|kost|total|totaal|room|kamer|deposit|aanbetaling|tip)"
)
_UP_WORDS = frozenset("up over older ouder above boven under younger jonger onder below plus more meer".split())


def _price_or_unit_near(text: str, start: int, end: int, width: int = 25) -> bool:
    """Whether a price, duration, measure or count word stands within `width` characters of text[start:end],
    on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return _PRICE_OR_UNIT_NEAR.search(text, max(line_start, start - width), min(line_end, end + width)) is not None


# "Jo is thirty-one and Ally is twenty-nine", "Fay is vijfentwintig": a name, "is" and a number word
# (_NAME_IS_BEFORE reads the digits). Words of 13 to 69 only, not a distance or a time after it.
_NAME_IS_WORD = re.compile(
    rf"\b(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)\s+is\s+{_ADVERB}(?P<num>{_AGE_WORDISH})(?![\w-])"
    r"(?!\s+(?i:min\w*|minutes?|hours?|uur|km|miles?|meter\w*|euro\w*|roses?|percent|procent|keer|times|jaar\s+(?:ervaring|in)|"
    r"years?\s+(?:of|in)|ago|geleden)\b)",
)
# What the patterns below need, searched first by a pattern that opens with a literal or a class (fast)
_STILL_CORE = re.compile(r"(?:still|nog)(?:\s+even)?\s+\d\d\s+(?:for|voor|nog)")
_OFFICIALLY_CORE = re.compile(r"(?:officially|officieel|today|vandaag)[ \t]*\d\d")
_LIST_NUMBER_CORE = re.compile(r"\n[ \t]*[-•*·][ \t]*\d\d[ \t]*(?:\n|$)")
_NEWLINE = re.compile("\n")
# What follows two digits in the shapes below, found in one pass over the text (``_digit_shapes``).
_DIGIT_SHAPES = re.compile(
    r"\d\d(?:[ \t]*(?P<bare>[.!])|[ \t]+(?:(?P<but>(?i:but|maar))|(?P<and>(?i:and|en|&|n)))[ \t]|[ \t]+(?P<cap>[A-ZÀ-Ý][a-zà-ÿ]))")
_last_shapes: tuple[str | None, dict[str, list[int]]] = (None, {})


def _digit_shapes(text: str) -> dict[str, list[int]]:
    """Where the text holds each shape of _DIGIT_SHAPES ("bare", "but", "and", "cap"): the starts of its two
    digits; the last text's kept (read by _round11 and _fallback_ages)."""
    global _last_shapes
    last = _last_shapes
    if last[0] is text:
        return last[1]
    shapes: dict[str, list[int]] = {}
    for m in _DIGIT_SHAPES.finditer(text):
        shapes.setdefault(m.lastgroup or "", []).append(m.start())
    _last_shapes = (text, shapes)
    return shapes


_NAME_BEFORE_NUMBER = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+[ \t]+\Z")


def _sentence_start(text: str, pos: int) -> int | None:
    """The start of the sentence (after its mark, before its spaces) when `pos` is its first word, else None."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k if k == 0 or text[k - 1] in ".!?\n" else None


def _at_sentence_starts(pattern: re.Pattern[str], text: str, numbers: list[int], named: bool = False) -> list[re.Match[str]]:
    """`pattern` matched at the start of each sentence that opens with one of `numbers` (or with a capitalised
    word and one of them, `named`)."""
    found = []
    for pos in numbers:
        if named:
            word = _NAME_BEFORE_NUMBER.search(text, max(0, pos - 30), pos)
            if word is None:
                continue
            pos = word.start()
        start = _sentence_start(text, pos)
        if start is not None and (m := pattern.match(text, start)) is not None:
            found.append(m)
    return found
_NAME_IS_WORD_CORE = re.compile(r"is\s+(?:[^\W\d_]+\s+)?[^\W\d_]*(?:teen|tien|tig|ty)")
# "still 39 for now", "nog even 29 voor nu": the age before a coming birthday.
_STILL_FOR_NOW = re.compile(
    r"\b(?i:still|nog(?:\s+even)?)\s+(?P<num>[1-6]\d)\s+(?i:for\s+now|voor\s+nu|nog\s+even|for\s+a\s+(?:bit|while|few\s+\w+))\b"
)
# "47 but feel 30", "52 maar voel me 35": the first number is her age, the second a feeling.
_BUT_FEEL = re.compile(
    r"(?:^|(?<=[.!?\n,])[ \t]*|(?<=\A))(?P<num>[1-6]\d)[ \t]+(?i:but|maar)[ \t]+(?:(?i:i|ik)[ \t]+)?"
    r"(?i:feel|feels|look|looks|act|voel(?:\s+me)?|lijk|zie\s+eruit\s+als)[ \t]+(?i:like[ \t]+|als[ \t]+)?"
    r"(?:\d\d\b|(?i:younger|jonger|young|jong|(?:ten|tien|\d+)\s+(?:years|jaar)\s+(?:younger|jonger))\b)",
    re.MULTILINE,
)
# "officially 31!", "as of today 25", "sinds vandaag 40": a birthday's new age, closing its phrase.
_OFFICIALLY = re.compile(
    r"\b(?i:officially|officieel|as\s+of\s+today|since\s+today|sinds\s+vandaag|vanaf\s+vandaag)[ \t]*(?P<num>[1-6]\d)\b"
    + _NOT_AFTER_NUMBER + r"(?=[ \t]*(?:[.!,;)]|$|(?i:jaar|years?)\b))",
    re.MULTILINE,
)
# A teen number word opening the text or a line, closed by a mark: "sixteen, Stoke, after school" (words of
# twenty up are read by _PATTERNS).
_TEEN_WORD = (r"(?i:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dertien|veertien|vijftien|zestien|"
              r"zeventien|achttien|negentien)")
_TEEN_LINE_START = re.compile(
    rf"(?:^|(?<=\n))[ \t]*(?P<num>{_TEEN_WORD})(?=[ \t]*[,!.;](?![ \t]*(?:{NUMBER_WORD}|\d))|[ \t]+(?i:and|en|&)[ \t]+(?!{NUMBER_WORD}|\d))",
    re.MULTILINE | re.IGNORECASE,
)
# "Tweeëntwintigjarige Zoë", "een twintigjarige": a number word glued to "jarige".
_GLUED_WORD_JARIG = re.compile(r"(?<![^\W\d_])(?P<num>[^\W\d_]{4,}?)jarige?\b", re.IGNORECASE)
_JARIG = re.compile(r"jarige?\b")
# "Den Haag / 32 / ontvangst", "Swindon | 30 | incall": a bare number between two marks of a line of fields,
# the line's only digits.
_FIELD_BETWEEN = re.compile(r"(?P<pre>[/|•·])[ \t]*(?P<num>\d{2})[ \t]*(?P<post>[/|•·])")
_FIELD_PRICE_WORDS = re.compile(
    r"[$€£%]|\b(?:euro|eur|roses?|prijs|price|rates?|tarief|donation|min|mins|minutes|hr|hrs|hours?|uur|kwartier|"
    r"off|korting|discount|deal)\b", re.IGNORECASE)
# A profile list with a bare number as one item: "Over mij:\n- 28\n- 1.68\n- Nederlands".
_LIST_NUMBER = re.compile(r"^[ \t]*[-•*·][ \t]*(?P<num>\d{2})[ \t]*$", re.MULTILINE)
_LIST_ITEM = re.compile(r"^[ \t]*[-•*·][ \t]*\S", re.MULTILINE)
_PROFILE_HEADER = re.compile(
    r"\b(?:about(?:\s+me)?|over\s+mij|profiel|profile|stats|details|info|facts|feiten|me|mij)\s*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE)
_STATS_ITEM = re.compile(r"^[ \t]*[-•*·][ \t]*(?:\d[.,]\d{2}\s*m?|\d['’]\s?\d{1,2}[\"”]?|\d{2,3}\s*(?:kg|lbs?|cm))\b",
                         re.MULTILINE | re.IGNORECASE)
# "Mia 15 Portsmouth": a name opening a line or sentence, a number, a capitalised place.
_NAME_NUM_PLACE = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*)[ \t]*(?P<word>[A-ZÀ-Ý][a-zà-ÿ]+)[ \t]+(?P<num>\d{2})[ \t]+(?P<place>[A-ZÀ-Ý][a-zà-ÿ]+)\b",
    re.MULTILINE,
)
# "16 and new here", "19 en nieuw" opening a sentence or a line past the title (_title_start reads the title).
_SENTENCE_NUM_AND = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*)[ \t]*(?P<num>\d{2})[ \t]+(?i:and|en|&|n)[ \t]+(?P<next>[^\W\d_]+)", re.MULTILINE)


def _round11(text: str, lowered: str) -> list[tuple[str, int, int]]:
    """Shapes of a stated age added in round 11 (see the patterns above)."""
    found: list[tuple[str, int, int]] = []
    # the sentence and line starts, where the patterns that open a sentence are tried (not at every character)
    digits = _has_digit(text)
    shapes = _digit_shapes(text) if digits else {}

    def add(raw: str, start: int, end: int) -> None:
        age = _age_value(raw)
        if age is not None and LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE:
            found.append((raw, start, end))

    if " is " in text and _NAME_IS_WORD_CORE.search(lowered):
        for m in _NAME_IS_WORD.finditer(text):
            if m.group("word").lower() not in _NOT_NAME_IS and not _NOT_A_NAME.fullmatch(m.group("word")) and \
                    _AGE_WORD_HINT.search(m.group("num")):
                add(m.group("num"), m.start("num"), m.end("num"))
    if digits and ("still" in lowered or "nog " in lowered) and _STILL_CORE.search(lowered):
        for m in _STILL_FOR_NOW.finditer(text):
            if not _price_or_unit_near(text, m.start("num"), m.end("num"), 15):
                add(m.group("num"), m.start("num"), m.end("num"))
    if "but" in shapes:
        for m in _BUT_FEEL.finditer(text):
            add(m.group("num"), m.start("num"), m.end("num"))
    if digits and ("offici" in lowered or "today" in lowered or "vandaag" in lowered) and \
            _OFFICIALLY_CORE.search(lowered):
        for m in _OFFICIALLY.finditer(text):
            add(m.group("num"), m.start("num"), m.end("num"))
    if "tien" in lowered or "teen" in lowered:
        for m in matches_at(_TEEN_LINE_START, text, [0, *[m.end() for m in _NEWLINE.finditer(text)]]):
            add(m.group("num"), m.start("num"), m.end("num"))
    for unit in _JARIG.finditer(lowered) if "jarig" in lowered and len(lowered) == len(text) else ():
        if not unit.start() or not lowered[unit.start() - 1].isalpha():
            continue  # "16-jarige", "16 jarige": read with the units
        m = _GLUED_WORD_JARIG.search(text, max(0, unit.start() - 30), unit.end())
        if m and m.end() == unit.end() and _AGE_WORD_HINT.search(m.group("num")):
            add(m.group("num"), m.start("num"), m.end())  # the unit in the span: "…jarige ervaring" is dropped
    for m in _FIELD_BETWEEN.finditer(text) if digits else ():
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start: len(text) if line_end < 0 else line_end]
        if len(line) <= 100 and sum(c.isdigit() for c in line) == 2 and not _FIELD_PRICE_WORDS.search(line) and \
                _TITLE_SEGMENT_MIN <= int(m.group("num")) <= _TITLE_SEGMENT_MAX and \
                re.search(r"[^\W\d_]", text[line_start: m.start()]) and re.search(r"[^\W\d_]", line[m.end() - line_start:]):
            add(m.group("num"), m.start("num"), m.end("num"))
    numbers = list(_LIST_NUMBER.finditer(text)) if "\n" in text and _LIST_NUMBER_CORE.search(text) else []
    if len(numbers) == 1:
        m = numbers[0]
        block_start = text.rfind("\n\n", 0, m.start()) + 1
        block_end = text.find("\n\n", m.end())
        block = text[block_start: len(text) if block_end < 0 else block_end]
        if len(_LIST_ITEM.findall(block)) >= 2 and not _FIELD_PRICE_WORDS.search(block) and \
                (_PROFILE_HEADER.search(text, max(0, block_start), m.start()) or _STATS_ITEM.search(block)) and \
                _TITLE_SEGMENT_MIN <= int(m.group("num")) <= _TITLE_SEGMENT_MAX:
            add(m.group("num"), m.start("num"), m.end("num"))
    for m in _at_sentence_starts(_NAME_NUM_PLACE, text, shapes.get("cap", []), named=True):
        word = m.group("word")
        if _STREET.search(word) or _NOT_A_NAME.fullmatch(word) or _NOT_BEFORE_TITLE_AGE.search(word) or \
                _NOT_A_NAME_MORE.fullmatch(word) or \
                _STREET.search(m.group("place")) or _NOT_A_NAME.fullmatch(m.group("place")) or \
                re.fullmatch(_WEEKDAY + "|" + _MONTH, word, re.IGNORECASE) or \
                re.fullmatch(_MONTH, m.group("place"), re.IGNORECASE) or \
                _price_or_unit_near(text, m.start("num"), m.end("num"), 30):
            continue
        add(m.group("num"), m.start("num"), m.end("num"))
    for m in _at_sentence_starts(_SENTENCE_NUM_AND, text, shapes.get("and", [])):
        nxt = m.group("next")
        if m.start() == 0 or nxt.lower() in _UP_WORDS or _NUMBER_OR_UNIT.match(nxt) or \
                number_word_value(nxt) is not None or _price_or_unit_near(text, m.start("num"), m.end("num"), 20):
            continue
        add(m.group("num"), m.start("num"), m.end("num"))
    return found


# A number that is a sentence of its own, "16.", "Derby. 16.", "17. my first time here": her age only where
# the ad states no other, nothing near it is a price, a time or a count, and no line opens a numbered list.
_BARE_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?\n])|(?<=[.!?][ \t]))[ \t]*(?P<num>\d{2})[ \t]*[.!]+(?!\d)(?=[ \t]*(?:$|[^\W\d_]|[^\w\s]))",
    re.MULTILINE,
)
_NUMBERED_LINE = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]*\S", re.MULTILINE)
# A birth year in the bracket where a name's age stands: "Lieke (2011)", "Mia (2009), Utrecht". "Born in 1994" and
# "geboren in 2010" are not read as ages (the youth rules read young birth years; nlp/indicators).
_BIRTH_YEAR = re.compile(r"(?<=[^\W\d_])[ \t]*\((?P<year>(?:19|20)\d\d)\)")
_NOT_BIRTH_BEFORE = with_start_class(re.compile(
    r"\b(?:since|sinds|est|established|opgericht|founded|anno|sind|vanaf|from|in|model|bouwjaar|built|copyright|season|"
    r"seizoen|class|editie|edition)\.?[ \t]*$", re.IGNORECASE))
# The year a birth year is counted to; None: the current year (ads are read when they are live).
REFERENCE_YEAR: int | None = None


def reference_year() -> int:
    """The year ads are read in: birth years count to it (tests pin REFERENCE_YEAR)."""
    if REFERENCE_YEAR is not None:
        return REFERENCE_YEAR
    import datetime
    return datetime.date.today().year


# "Born 1994", "geboren in 1990", "bouwjaar '88" is no stated age (the ages' gold says so), but an adult one
# outweighs a loose youth reading as a stated adult age does (nlp.extract, round 12).
_BORN_IN = re.compile(r"\b(?:born|geboren|geb\.|bouwjaar|yob|year of birth|geboortejaar|bj\.?)[ \t]*:?[ \t]*(?:in[ \t]+)?"
                      r"(?P<year>19[3-9]\d|20[0-2]\d)\b", re.IGNORECASE)


def birth_year_ages(text: str) -> list[int]:
    """The ages that the birth years an ad names make now ("Born 1994, Delft" -> 32 in 2026)."""
    if "19" not in text and "20" not in text:
        return []
    return [reference_year() - int(m.group("year")) for m in _BORN_IN.finditer(text)]


def _fallback_ages(text: str) -> list[tuple[str, int, int]]:
    """Ages read only when the ad states none in another way: a bare number as a sentence, a birth year."""
    found: list[tuple[str, int, int]] = []
    if "(19" in text or "(20" in text:
        for m in _BIRTH_YEAR.finditer(text):
            word = re.search(r"[^\W\d_]+[ \t]*\Z", text[max(0, m.start() - 30): m.start()])
            if not word or not word.group()[0].isupper() or _NOT_A_NAME.fullmatch(word.group().strip()) or \
                    _NOT_BIRTH_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue
            age = reference_year() - int(m.group("year"))
            if LOOSE_MIN_AGE <= age <= LOOSE_MAX_AGE:
                found.append((str(age), m.start("year"), m.end("year")))
    bare = _at_sentence_starts(_BARE_SENTENCE, text, _digit_shapes(text).get("bare", []))
    if len(bare) == 1 and len(_NUMBERED_LINE.findall(text)) <= 1:
        m = bare[0]
        if LOOSE_MIN_AGE <= int(m.group("num")) <= LOOSE_MAX_AGE and \
                not _price_or_unit_near(text, m.start("num"), m.end("num"), 30) and \
                not re.search(r"\d", text[max(0, m.start() - 12): m.start()]) and \
                not _BARE_AFTER_WORD.fullmatch(_word_before(text, m.start("num"))) and \
                not _LIMIT_BEFORE.search(text, max(0, m.start() - 25), m.start()):
            found.append((m.group("num"), m.start("num"), m.end("num")))
    return found


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
            # both ends under 18 is no client limit ("meiden van 16-17"): clients are adults
            if 16 <= lo < hi <= 99 and hi >= 18 and (ranged.group("unit") or context(start, ranged.end())):
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
    for m in regex_matches(_PAST, text, gate_text(text), _PAST_STARTS, word_start=True, limit=_PLACES_TRIED_MAX):
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


_ASCII_DIGIT = re.compile("[0-9]")


def _has_digit(text: str) -> bool:
    """``any(c.isdigit() for c in text)``; in ASCII text only 0-9 are digits, found by a regex at
    a fraction of the cost."""
    return _ASCII_DIGIT.search(text) is not None if text.isascii() else any(c.isdigit() for c in text)


# A keycap digit, "2️⃣": the digit, an optional emoji variation selector and the enclosing keycap.
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")


def read_ages(text: str) -> AgeReading:
    """Stated ages, client age limits and past ages, each in order of appearance. Keycap digits ("2️⃣9️⃣
    jaar", round 11) are read as the digits they hold; the spans are those of the text as given."""
    if "\u20e3" not in text:
        return _read_ages(text)
    plain, source = [], []  # source[i]: where the i-th character of the plain text stands in `text`
    last = 0
    for m in _KEYCAP.finditer(text):
        plain.append(text[last : m.start()])
        source += range(last, m.start())
        plain.append(m.group(1))
        source.append(m.start())
        last = m.end()
    plain.append(text[last:])
    source += range(last, len(text) + 1)  # and the end of the text

    reading = _read_ages("".join(plain))
    return AgeReading(
        [AgeFound(f.age, source[f.start], source[f.end]) for f in reading.stated],
        [AgeLimit(x.low, x.high, source[x.start], source[x.end]) for x in reading.client_limits],
        [AgeFound(f.age, source[f.start], source[f.end]) for f in reading.past],
    )


def _read_ages(text: str) -> AgeReading:
    """``read_ages`` on a text without keycap digits."""
    candidates = _candidates(text)
    has_digits = _has_digit(text)
    limits = _client_limits(text) if has_digits else []
    lowered = text.lower()
    framed: list[tuple[str, int, int]] = []
    spoken: list[tuple[str, int, int]] = []
    if has_digits:
        spoken, framed = _backward(text, {text.find(raw, start, end) for raw, start, end in candidates})
        candidates += spoken + framed
    pairs = _group_ages(text, lowered) + _duo_words(text) + _we_are(text, lowered) + _age_field_pair(text, lowered)
    first_line = text.find("\n")
    segments = _title_segments(text, len(text) if first_line < 0 else first_line) if has_digits else []
    candidates += segments
    segment_spans = {(start, end) for _, start, end in segments}
    framed += pairs
    candidates += pairs
    if framed:  # "Maya & Leah, 24 and 26 years old" is two ages, not a client range
        spans = [(start, end) for _, start, end in framed]
        limits = [x for x in limits if not _overlaps(x.start, x.end, spans)]
    past = _past_ages(text) if candidates or any(w in lowered for w in _PAST_TRIGGERS) else []
    others = [(x.start, x.end) for x in limits] + [(p.start, p.end) for p in past]
    framed_spans = {(start, end) for _, start, end in framed + spoken}
    found = _kept(text, candidates, others, framed_spans, segment_spans) if candidates else []
    # a bare number or a birth year: read only when the ad states no age otherwise
    fallback = _fallback_ages(text) if not found and has_digits else []
    if fallback:
        if not candidates and not past:
            past = _past_ages(text)  # not read above: no candidate and no trigger word
            others += [(p.start, p.end) for p in past]
        found = _kept(text, fallback, others, framed_spans, segment_spans)
    future = _future_ages(text, lowered)
    if future:  # "I turn 40 next month": 39 now, unless the ad states her age otherwise (round 12)
        found = [f for f in found if not any(f.start < e and s < f.end for _, s, e in future)]
        if not found:
            found = [AgeFound(age - 1, s, e) for age, s, e in future[:1]]
    # A child's age beside an adult's is not the advertiser's: "Tien jaar! ... inmiddels ben ik 42" counts the
    # years since, "mum of a 9 year old, 38" names her child (round 12). An ad no adult age stands in keeps it.
    if any(f.age >= ADULT_AGE for f in found):
        found = [f for f in found if f.age >= CHILD_AGE_BELOW]
    found.sort(key=lambda f: f.start)
    return AgeReading(found, limits, past)


# A number in a range of ages is no age stated: "I'm between 25 and 30", "tussen de 25 en 30" (round 12).
_BETWEEN_BEFORE = with_start_class(re.compile(r"\b(?:between|tussen)\s+(?:(?:de|the)\s+)?\Z", re.IGNORECASE))
_RANGE_END_AFTER = re.compile(r"\s*(?:and|en|-|–|to|tot|&)\s*(?:\d{1,2}|[^\W\d_]+)", re.IGNORECASE)
# A number after a measurement's label is a size, not an age: "Schoenmaat 39", "shoe size 40", "maat 38",
# "dress size: 12", "cup 75" (round 12).
_MEASURE_BEFORE = with_start_class(re.compile(
    r"(?<![\w])(?:schoen\s?maat|shoe\s?size|shoes|schoenen|maat|size|kledingmaat|confectiemaat|jurkmaat|dress\s+size|"
    r"cup|bh|bra|taille|waist|heupen|hips|borst|bust|chest|lengte|height|gewicht|weight|voeten|feet)"
    r"\s*(?:[:=\-–]\s*)?(?:(?:is|van|eu|uk)\s+)?\Z",
    re.IGNORECASE))
# A number after a word for "number" is a house, room or flat number: "at my house at no. 57", "kamer nr. 21",
# "huisnummer 33", "flat #24" (round 14). Not a hashtag ("#26 #Utrecht") or "age is just a number: 50".
_NUMBERED_BEFORE = with_start_class(re.compile(
    r"(?<![\w])(?:no|nr|huisnummer|house\s+number|kamer|room|flat|apt|apartment|unit|suite|appartement|deur|box|bus)"
    r"\.?\s*[:#]?\s*\Z", re.IGNORECASE))


# A birthday to come: "I turn 40 next month", "ik word volgende maand 30", "vanaf volgend jaar ben ik 25, nu
# nog 24" (round 12). The number is the age she will be, not the one she is: it is no stated age, and when the
# ad states none otherwise she is one year younger now. A verb of becoming (or "be"), up to three words, the
# number; a time to come in the same sentence says it is not yet.
_FUTURE_VERB = with_start_class(re.compile(
    r"(?<![\w'’])(?:turn|turns|turning|will\s+be|['’]ll\s+be|word|wordt|worden|ben\s+ik|is\s+ze|be|become|becomes|"
    rf"becoming)(?:\s+[^\W\d_]+){{0,3}}?\s+(?P<num>\d{{1,2}}|{NUMBER_WORD})(?![\w/+%.,]\d|[\w+%/])",
    re.IGNORECASE))
_FUTURE_WHEN = re.compile(
    r"(?<![\w])(?:next\s+(?:month|week|year|weekend|spring|summer|autumn|winter|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|volgende?\s+(?:maand|week|jaar|weekend|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag)|soon|binnenkort|morgen|tomorrow|over\s+(?:een|twee|drie|\d+)\s+(?:dagen|dag|weken|week|"
    r"maanden|maand)|in\s+(?:a|two|three|\d+)\s+(?:days?|weeks?|months?)|this\s+(?:month|week|weekend)|"
    r"deze\s+(?:maand|week)|later\s+this\s+(?:month|year)|"
    # a day or a date (round 14): "I'll be 40 on Saturday!", "Zaterdag word ik 40", "op de 12e word ik 30"; not a
    # month ("ik word 30 in juli" is a birthday some authors count as no age stated)
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag)|(?:on|op)\s+(?:the\s+|de\s+)?\d{1,2}(?:st|nd|rd|th|e|ste|de)\b)(?![\w])",
    re.IGNORECASE)
_FUTURE_HINTS = ("turn", "be ", "word", "ben ik", "is ze", "become")
_SENTENCE_END = re.compile(r"[.!?\n;]")


def _future_ages(text: str, lowered: str) -> list[tuple[int, int, int]]:
    """(age, start, end) of each age she will be soon: the number's span."""
    if not any(h in lowered for h in _FUTURE_HINTS):
        return []
    found = []
    for m in _FUTURE_VERB.finditer(text):
        age = _age_value(m.group("num"))
        if age is None or not MIN_AGE < age <= MAX_AGE:
            continue
        begin = max((x.end() for x in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        stop = _SENTENCE_END.search(text, m.end())
        clause_end = text.find(",", m.end())
        end = min(e for e in (stop.start() if stop else len(text), clause_end if clause_end >= 0 else len(text)))
        if _FUTURE_WHEN.search(text, begin, end):
            found.append((age, m.start("num"), m.end("num")))
    return found


def _kept(text: str, candidates: list[tuple[str, int, int]], others: list[tuple[int, int]],
          framed_spans: set[tuple[int, int]], segment_spans: set[tuple[int, int]]) -> list[AgeFound]:
    """The candidates that are her age: not a limit, a past age, a duration, someone else's, a date ..."""
    found: list[AgeFound] = []
    for raw, start, end in candidates:
        if any(f.start < end and start < f.end for f in found):
            continue  # read already, by an earlier phrase
        age = _age_value(raw)
        if age is None or not MIN_AGE <= age <= MAX_AGE:
            continue
        if _LIMIT_BEFORE.search(text, max(0, start - 25), start) and (start, end) not in framed_spans and \
                not _SELF_CUE.match(text, start):
            continue
        if _NOT_PERSON_AFTER.match(text, end) or (text[end - 1].isalpha() and (
                _YEARS_IN_AFTER.match(text, end) or _YEARS_FOR_BEFORE.search(text, max(0, start - 20), start)
                or _YEARS_WHERE_AFTER.match(text, end) and not _NAMED_BEFORE.search(text, max(0, start - 15), start)
                and not _OLD.search(text, start, end))):
            continue  # how long she has been somewhere, not how old she is
        if _OTHER_PERSON_BEFORE.search(text, max(0, start - 40), start) or (start, end) not in segment_spans and \
                _PARENT_OF_BEFORE.search(text, max(0, start - 40), start) or _CHILD_AFTER.match(text, end) or \
                _CHILD_AFTER.match(text, start + len(raw)) and raw.isdecimal() and text.startswith(raw, start):
            continue  # a child's age, or a parent's: not hers
        if _DENIED_OR_SUMMED_AFTER.match(text, end):
            continue  # a joke about her age, not her age
        if _NEGATED_BEFORE.search(text, max(0, start - 12), start) or _ADDRESS_AFTER.match(text, end):
            continue  # "not 18, I'm 20"; "Meent 42, 3011 AB"
        at = text.find(raw, start, end)
        num_start = at if at >= 0 else start
        if _overlaps(num_start, num_start + len(raw), others):
            continue
        if _in_date(text, num_start, num_start + len(raw)):
            continue
        if _BETWEEN_BEFORE.search(text, max(0, num_start - 16), num_start) and \
                _RANGE_END_AFTER.match(text, num_start + len(raw)):
            continue  # "between 25 and 30": a range, no age stated
        if _MEASURE_BEFORE.search(text, max(0, num_start - 20), num_start):
            continue  # "Schoenmaat 39": a size
        if _NUMBERED_BEFORE.search(text, max(0, num_start - 16), num_start):
            continue  # "at no. 57": a house number
        found.append(AgeFound(age, start, end))
    return found


def find_ages(text: str) -> list[AgeFound]:
    """Stated ages with the span of the age phrase, in order of appearance, overlapping phrases once."""
    return read_ages(text).stated
