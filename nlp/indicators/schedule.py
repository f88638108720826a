"""A city schedule: two or more places, each tied to a day, a date or a week, in one list; and a stay
window: dates that bound a stay ("12/04 - 15/04", "from Friday 5th until Monday 8th", "t/m 14-6").

"Week 12 Nijmegen, week 13 Arnhem", "Hull Mon, York Tue", "3 t/m 5 april Enschede / 6 t/m 8 april
Hengelo", "Amsterdam vandaag, Utrecht morgen". An itinerary is a shape, not a phrase: a time marker
next to a capitalised place name is one stop, and two stops joined only by a list separator make a
schedule. Whether a capitalised word is a place is not looked up (no gazetteer covers every town an
ad names); a day-and-name roster ("Friday Lisa, Saturday Emma") therefore also reads as one.

The search starts from the time markers, which are few, and looks around each for a place name:
trying the whole shape at every capitalised word costs a hundred microseconds an ad.
"""

from __future__ import annotations

import re

from nlp.indicators.gates import gate_open, gate_text, regex_gate
from nlp.regex_start import with_start_class

_WEEKDAY = (r"(?:ma(?:andag)?|di(?:nsdag)?|wo(?:ensdag)?|do(?:nderdag)?|vr(?:ijdag)?|za(?:terdag)?|zo(?:ndag)?|"
            r"mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)")
_MONTH = (r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:ch)?|maart|mrt|apr(?:il)?|mei|may|june?|juni|july?|"
          r"juli|aug(?:ustus|ust)?|sept?(?:ember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DAY = r"\d{1,2}(?:st|nd|rd|th|e|de|ste)?"
_UP_TO = r"[ \t]*(?:-|–|t/m|tot|to|till|until|through)[ \t]*"
# A numeric date is a real day and month, day first or (with a slash) month first: "21.00" and "14.30" after
# "tot" are times ("alleen 's avonds tot 21.00"), not a stay that ends (round 14).
_NUMERIC_DATE = (r"(?:(?:[12]\d|3[01]|0?[1-9])[/.](?:1[0-2]|0?[1-9])|(?:1[0-2]|0?[1-9])/(?:[12]\d|3[01]|0?[1-9]))"
                 r"(?!\d)")
_DATE = (rf"(?:{_DAY}(?:{_UP_TO}{_DAY})?[ \t]+{_MONTH}\.?|{_MONTH}\.?[ \t]+{_DAY}(?:{_UP_TO}{_DAY})?"
         rf"|{_NUMERIC_DATE}(?:{_UP_TO}{_NUMERIC_DATE})?)")
# A weekday with a day number: "Friday 5th", "vrijdag de 12e" (a date, also without a month).
_WEEKDAY_DATE = rf"{_WEEKDAY}\.?,?[ \t]+(?:the[ \t]+|de[ \t]+)?\d{{1,2}}(?:st|nd|rd|th|e|de|ste)"
# Relative periods too since round 10: "nu in Arnhem, na het weekend in Nijmegen", "this week Bath, next
# week Wells".
_RELATIVE = (r"(?:today|tomorrow|tonight|vandaag|morgen|overmorgen|vanavond|nu|now"
             r"|(?:deze|this|volgende|next|komende|coming|dit)[ \t]+(?:week|weekend)|(?:na|after)[ \t]+(?:het|the)[ \t]+weekend)")
# One time marker: a day or a day range, a date or a date range, a week number, today or tomorrow.
TIME = re.compile(
    rf"(?<![\w/.])(?:(?:{_WEEKDAY}\.?,?[ \t]+)?{_DATE}|{_WEEKDAY_DATE}|{_WEEKDAY}\.?(?:{_UP_TO}{_WEEKDAY}\.?)?"
    rf"|(?:week|wk)[ \t]*\d{{1,2}}|{_RELATIVE})(?![\w/])",
    re.IGNORECASE,
)
# A capitalised name of one to three words ("Bergen op Zoom", "Stoke-on-Trent", "Den Haag"), not a
# day, a month or the word "Week" (checked by the caller: the name is whatever TIME does not match).
_NAME = r"[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:[ \t-](?:op|aan|upon|on|am|en|de|sur)[ \t-][A-Z][a-zà-ÿ]+|[ \t][A-Z][a-zà-ÿ]{2,})?"
_NAME_AFTER = re.compile(rf"[ \t]*:?[ \t]*(?:in[ \t]+|te[ \t]+)?(?P<name>{_NAME})(?![\w])")
_NAME_BEFORE = re.compile(rf"(?<![\w])(?P<name>{_NAME})[ \t]*[:,(]?[ \t]*$")
# What may stand between two stops: list punctuation, "and", "then", a line break.
_BETWEEN = re.compile(r"[ \t]*\)?[ \t]*(?:[,;/|•>→–-]+|&|and|en|then|daarna|dan)?[ \t]*(?:\n[ \t]*)?$", re.IGNORECASE)
_NOT_A_PLACE = re.compile(rf"(?:{_WEEKDAY}|{_MONTH}|week|wk|{_RELATIVE}|from|vanaf|tot|till|until|and|en)\b",
                          re.IGNORECASE)
_LOOK_BACK = 40
# The words a time marker can start with: TIME is tried only where one of them (or a digit) starts a
# word, because trying it at every character costs several times the rest of this module. The words
# are grouped by first letter, so the search tries a handful of branches at each word start.
_STARTS = (
    "ma maandag di dinsdag wo woensdag do donderdag vr vrijdag za zaterdag zo zondag mon monday tue tues tuesday "
    "wed weds wednesday thu thur thurs thursday fri friday sat saturday sun sunday jan januari january feb februari "
    "february mar march maart mrt apr april mei may jun june juni jul july juli aug augustus august sep sept september "
    "okt oktober oct october nov november dec december week wk today tomorrow tonight vandaag morgen overmorgen "
    "vanavond nu now deze this volgende next komende coming dit na after"
).split()


def _by_first_letter(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items()))


_TIME_START = re.compile(rf"(?<![\w/.])(?:\d|(?:{_by_first_letter(_STARTS)})(?![^\W\d_]))", re.IGNORECASE)


def _places_pattern(words: list[str]) -> re.Pattern[str]:
    """_TIME_START's places in the gate text (nlp.indicators.gates.gate_text: lower case, the same word
    characters), case-sensitive: it consumes the first character, a class the engine skips to at C
    speed, then looks back at the character before (most such characters are inside a word) and at
    the rest of the word. _TIME_START, which
    opens with a lookbehind and ignores case, is tried at every character instead.

    A number is a place only where TIME can go on after it: every TIME alternative that starts with a
    digit reads one or two (``\\d{1,2}``) and then a day's suffix (st, nd, rd, th, e, de, ste), a blank
    before a month or a range ("-", "t/m", "tot", "to", "till", "until", "through"), or "/" or ".": so
    never a third digit, a colon or a comma. TIME costs microseconds a try, and prices, years, clock
    times and phone numbers are most of an ad's numbers."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    rests = "".join(rf"|(?<={re.escape(first)})(?=(?:{'|'.join(after)})(?![^\W\d_]))"
                    for first, after in sorted(groups.items()))
    return re.compile(rf"[\d{''.join(sorted(groups))}](?<![\w/.][\s\S])(?:(?<=\d)(?=\d?[sntrdeu/. \t\-–]){rests})")


_TIME_PLACES = _places_pattern(_STARTS)
_last: list = [None, ()]  # the last text's time markers: schedules and stays both read them


def _times(text: str) -> tuple[re.Match[str], ...]:
    if _last[0] is not text:
        lowered = gate_text(text)
        starts = _TIME_PLACES.finditer(lowered) if len(lowered) == len(text) else _TIME_START.finditer(text)
        _last[1] = tuple(m for start in starts if (m := TIME.match(text, start.start())))
        _last[0] = text
    return _last[1]


def _stops(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """(start, end, place) for every time marker with a place name right after it ("week 12 Nijmegen"),
    and for every one with a place name right before it ("Hull Mon"): a list is written one way."""
    after_stops, before_stops = [], []
    for time in _times(text):
        after = _NAME_AFTER.match(text, time.end())
        if after and not _NOT_A_PLACE.match(after.group("name")):
            after_stops.append((time.start(), after.end(), after.group("name")))
        before = _NAME_BEFORE.search(text[max(0, time.start() - _LOOK_BACK) : time.start()])
        if before and not _NOT_A_PLACE.match(before.group("name")):
            before_stops.append((time.start() - len(before.group()), time.end(), before.group("name")))
    return after_stops, before_stops


# A circuit: a verb of moving round, then "between" and a list of two or more names ("Our girls move between
# Birmingham, Coventry and Wolverhampton every week", "wisselen elke week tussen onze appartementen in
# Amsterdam, Utrecht en Eindhoven"). Round 10.
_CIRCUIT = with_start_class(re.compile(
    r"(?<!\w)(?:move|moves|moving|rotate|rotates|rotating|travel|travels|travelling|traveling|switch|switches|"
    r"alternate|alternates|wissel|wisselt|wisselen|reis|reist|reizen|pendel|pendelt|pendelen|toer|toert|toeren|tour|"
    r"tours|touring|rouleer|rouleert|rouleren)(?:[ \t]+\w+){0,3}?[ \t]+(?:between|tussen)[ \t]+"
    r"(?:(?:our|onze|ons|the|de|her|haar|their|hun)[ \t]+\w+[ \t]+(?:in|te)[ \t]+)?"
    rf"(?-i:{_NAME})(?:[ \t]*(?:,|and|en|&)[ \t]*(?-i:{_NAME}))+", re.IGNORECASE))


# The literals every circuit needs ("between" or "tussen", ...): most ads lack them, and are not searched.
_CIRCUIT_GATE = regex_gate(_CIRCUIT.pattern)


# A circuit's names that are no places: "between English and Dutch", "between Monday and Friday".
_LANGUAGE = re.compile(r"(?:english|engels|dutch|nederlands|vlaams|german|duits|deutsch|french|frans|spanish|spaans|"
                       r"italian|italiaans|polish|pools|russian|russisch|portuguese|portugees)\b", re.IGNORECASE)
_BETWEEN_WORD = re.compile(r"\b(?:between|tussen)\b", re.IGNORECASE)


def _names_places(circuit: str) -> bool:
    between = _BETWEEN_WORD.search(circuit)
    names = re.findall(_NAME, circuit[between.end():] if between else circuit)
    return not any(_NOT_A_PLACE.match(n) or _LANGUAGE.match(n) for n in names)


def schedule_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the schedules in `text`: runs of two or more stops at different places, each stop
    separated from the next by list punctuation or a linking word only; and circuits between places."""
    found = sorted([span for stops in _stops(text) for span in _runs(text, stops)]
                   + [m.span() for m in (_CIRCUIT.finditer(text) if gate_open(_CIRCUIT_GATE, gate_text(text)) else ())
                      if _names_places(m.group(0))])
    spans: list[tuple[int, int]] = []
    for start, end in found:  # both ways of reading a list may find it: one span
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _runs(text: str, stops: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    if len(stops) < 2:
        return []
    spans: list[tuple[int, int]] = []
    run = [stops[0]]
    for stop in [*stops[1:], None]:
        joined = stop is not None and stop[0] >= run[-1][1] and _BETWEEN.match(text[run[-1][1] : stop[0]]) is not None
        if joined:
            run.append(stop)
            continue
        if len({place for _, _, place in run}) >= 2:
            spans.append((run[0][0], run[-1][1]))
        if stop is not None:
            run = [stop]
    return spans


# Stay windows are read from the same time markers: a date range ("12/04 - 15/04", "3 t/m 5 april"),
# two dates joined by "until" ("Friday 5th until Monday 8th"), or "until" before a date ("t/m 14-6",
# "until the 9th"), and "tot het einde van de week". Weekday ranges alone ("Mon-Fri") are opening hours.
_UNTIL = r"(?:until|till|til|tot(?:[ \t]+en[ \t]+met)?|t/m|through)"
_UNTIL_BEFORE = re.compile(rf"(?<![\w/]){_UNTIL}[ \t]+(?:the[ \t]+|de[ \t]+)?$", re.IGNORECASE)
_JOINING = re.compile(rf"{_UP_TO}(?:the[ \t]+|de[ \t]+)?", re.IGNORECASE)
_RANGE_INSIDE = re.compile(rf"\d\S*{_UP_TO}\S*\d", re.IGNORECASE)
# "t/m 14-6", "until the 9th": a day-month with a dash or a bare ordinal, read only after "until"
_UNTIL_DATE = with_start_class(re.compile(rf"(?<![\w/]){_UNTIL}[ \t]+(?:the[ \t]+|de[ \t]+)?(?:\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th|e|de|ste))(?![\w/-])",
                         re.IGNORECASE))
_END_OF = with_start_class(re.compile(rf"(?<![\w/]){_UNTIL}[ \t]+(?:het[ \t]+|the[ \t]+)?(?:einde?|end)[ \t]+(?:van[ \t]+|of[ \t]+)?"
                     r"(?:de[ \t]+|the[ \t]+|deze[ \t]+|this[ \t]+)?(?:week|maand|month|weekend)\b", re.IGNORECASE))
# A stay window counts only where the sentence says someone is somewhere: a place after "in", "here",
# a limit word; closures, offers and events are left to the caller's exclusions.
_STAY_CONTEXT = re.compile(r"(?<!\w)(?:in[ \t]+(?-i:[A-Z])|here|hier|only|alleen|nog|visiting|staying|bezoek|te[ \t]+vinden)",
                           re.IGNORECASE)
_CLAUSE = re.compile(r"[.!?\n]")


def stay_spans(text: str) -> list[tuple[int, int]]:
    """Spans of date windows that bound a stay in the sentence around them."""
    found: list[tuple[int, int]] = []
    markers = [m for m in _times(text) if any(c.isdigit() for c in m.group())]  # dates, not bare weekdays
    for i, m in enumerate(markers):
        if _RANGE_INSIDE.search(m.group()):
            found.append((m.start(), m.end()))
            continue
        until = _UNTIL_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if until:
            found.append((until.start(), m.end()))
            continue
        nxt = markers[i + 1] if i + 1 < len(markers) else None
        if nxt is not None and _JOINING.fullmatch(text, m.end(), nxt.start()):
            found.append((m.start(), nxt.end()))
    lowered = None
    if "t/m" in text or "until" in text or "till" in text or "tot" in text:
        found += [(m.start(), m.end()) for m in _UNTIL_DATE.finditer(text)]
        lowered = text.lower()
    if lowered is not None and ("eind" in lowered or "end" in lowered):
        found += [(m.start(), m.end()) for m in _END_OF.finditer(text)]
    spans = []
    for start, end in sorted(set(found)):
        if spans and start < spans[-1][1]:
            continue
        before = [c.end() for c in _CLAUSE.finditer(text, max(0, start - 200), start)]
        after = _CLAUSE.search(text, end)
        if _STAY_CONTEXT.search(text, before[-1] if before else max(0, start - 200), after.start() if after else len(text)):
            spans.append((start, end))
    return spans
