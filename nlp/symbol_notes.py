"""Numbers written with a stand-in symbol and a note that says what it stands for.

"06-1X-83-X7-29 (vervang X door 6)", "06 3# 9# 27 #5 (every # is a 4)", "0612**5678, * = 3": the ad hides a
digit behind a symbol or a letter and tells the reader how to put it back. ``substituted`` reads such notes
and writes the digit where the symbol stands among digits. The text keeps its length, so every span still
points at what the ad wrote; the phone reader then reads the number as if it were written plainly.
"""

from __future__ import annotations

import re

from nlp.normalise import number_word_value
from nlp.regex_start import with_start_class

_QUOTE = "\"'‘’“”`"
_SYMBOL = rf"[{_QUOTE}]?(?P<{{name}}>[^\w\s{_QUOTE}]|[A-Za-z])[{_QUOTE}]?"
_DIGIT_WORD = (r"\d|zero|one|two|three|four|five|six|seven|eight|nine|"
               r"nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen")
# "vervang X door 6", "replace the X with a 6", "every # is a 4", "elke * staat voor een 3", "lees @ als 0"
_SAID = with_start_class(re.compile(
    r"(?<!\w)(?:vervang|replace|swap|substitute|change|lees|read|elke|iedere|ieder|every|each|all|alle)\s+"
    r"(?:(?:de|het|the|een|an?|each|every|all)\s+)?(?:(?:letters?|symbols?|signs?|tekens?|symbolen)\s+)?"
    + _SYMBOL.format(name="symbol")
    + r"(?:'?s)?\s+(?:door|with|by|for|as|als|is|are|=|means|betekent|staat\s+voor|stands\s+for|met|in|into)\s+"
    r"(?:(?:een|an?|the|de|het)\s+)?(?:(?:digit|cijfer|number|nummer)\s+)?(?P<digit>" + _DIGIT_WORD + r")(?!\w)",
    re.IGNORECASE))
# "(X=6)", "* = 3": a symbol set equal to a digit
_EQUATED = re.compile(r"(?<![\w=])" + _SYMBOL.format(name="symbol") + r"[ \t]*=[ \t]*(?P<digit>\d)(?![\d=])")


def _notes(text: str) -> dict[str, str]:
    """The symbols the ad's notes name, each with the digit it stands for."""
    found: dict[str, str] = {}
    for regex in (_SAID, _EQUATED) if "=" in text else (_SAID,):
        for m in regex.finditer(text):
            word = m.group("digit")
            value = int(word) if word.isdigit() else number_word_value(word)
            if value is not None and 0 <= value <= 9:
                found.setdefault(m.group("symbol"), str(value))
    return found


# "0a6b4c1d8e... (alleen de cijfers tellen)", "ignore the letters": letters put between the digits to hide them
_LETTERS_IGNORED = re.compile(
    r"(?:alleen|only|just)\s+(?:de\s+|the\s+)?(?:cijfers|digits|numbers|nummers)\s+(?:tellen|count|matter)|"
    r"(?:negeer|ignore|skip|sla)\s+(?:de\s+|the\s+|alle\s+|all\s+)?letters|"
    r"letters\s+(?:tellen\s+niet|don'?t\s+count|do\s+not\s+count|weglaten|niet\s+meetellen)", re.IGNORECASE)
# The words a note opens with: a text that has none of them (and no "=") is left as it is, unread.
_NOTE_WORDS = ("vervang", "replace", "swap", "substitute", "change", "lees", "read", "elke", "ieder", "every", "each",
               "all")
_LETTERED_DIGITS = re.compile(r"\d(?:[A-Za-z]{1,2}\d){5,}[A-Za-z]{0,2}")


def substituted(text: str) -> str:
    """`text` with each noted symbol that stands among digits written as its digit, and letters a note says
    do not count blanked between digits (same length)."""
    lowered = text.lower()
    if "letter" in lowered or "cijfers" in lowered or "digits" in lowered:
        if _LETTERS_IGNORED.search(text):
            text = _LETTERED_DIGITS.sub(lambda m: re.sub(r"[A-Za-z]", " ", m.group()), text)
    if "=" not in text and not any(word in lowered for word in _NOTE_WORDS):
        return text
    notes = _notes(text)
    for symbol, digit in notes.items():
        forms = re.escape(symbol.lower()) + re.escape(symbol.upper()) if symbol.isalpha() else re.escape(symbol)
        # the symbol next to a digit or to itself, inside a group of digits: "1X", "X7", "3#", "**"
        among = re.compile(rf"(?<=[\d{forms}])[{forms}]|[{forms}](?=[\d{forms}])")
        groups = [m for m in re.finditer(rf"[\d{forms}](?:[\d{forms} .\-/]*[\d{forms}])?", text)
                  if sum(c.isdigit() for c in m.group()) >= 2]
        for group in groups:
            part = among.sub(digit, group.group())
            text = text[: group.start()] + part + text[group.end():]
    return text
