"""Lines written in capitals, read in ordinary case by the readers that go by a capital letter.

"EUROPE ROUTE: AMSTERDAM 10-13 / BRUSSELS 14-16" names its places in capitals, and the readers that know a place
or a name by its first capital ("in Zwolle", "Lotte - 25", a tour's stops) see none in it. ``unshouted`` writes
each such line in lower case, with a capital where a sentence starts and on the words the gazetteer knows as
places. Every character keeps its place (the result has the same length), so a span found in it points into the
text as written, and what is shown to the analyst is always the text as written (round 12).
"""

from __future__ import annotations

import re

from nlp.places import find_places

MIN_LETTERS = 8  # a shorter capital line is a heading or an acronym ("GFE", "NIEUW!"), kept as written
SHOUTING_SHARE = 0.9  # the share of a line's letters in capitals from which it is shouted
_CAPITAL_RUN = re.compile(r"[A-ZÀ-Ý]{4}")  # no four capitals in a row: nothing shouted (nearly every ad)
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)([^\W\d_])", re.MULTILINE)


def _lower(text: str) -> str:
    # str.lower() may lengthen a character ("İ"); such a character is kept as written
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def _capital(c: str) -> str:
    return up if len(up := c.upper()) == 1 else c


def _titled(text: str) -> str:
    """Each word with a capital first letter and the rest in lower case, at the same length."""
    return _WORD.sub(lambda m: _capital(m.group()[0]) + _lower(m.group()[1:]), text)


def _is_shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= SHOUTING_SHARE * len(letters)


def _unshout_line(line: str) -> str:
    chars = list(_lower(line))
    titled = _titled(line)
    for place in find_places(titled):
        chars[place.start:place.end] = titled[place.start:place.end]
    for m in _SENTENCE_START.finditer(line):
        chars[m.start(1)] = _capital(chars[m.start(1)])
    return "".join(chars)


def unshouted(text: str) -> str:
    """`text` with its lines in capitals written in ordinary case (same length); the text itself when none is."""
    if _CAPITAL_RUN.search(text) is None:
        return text
    lines = text.splitlines(keepends=True)
    if not any(map(_is_shouted, lines)):
        return text
    return "".join(_unshout_line(line) if _is_shouted(line) else line for line in lines)
