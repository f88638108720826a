"""nlp.regex_start: a lookahead for the start class changes no match, and is left out when unsure."""

from __future__ import annotations

import re

import pytest

from nlp import ages, phones, prices
from nlp.regex_start import start_class, with_start_class

TEXTS = [
    "Hoi, ik ben Lisa, 19 jaar, en ik ontvang in Utrecht. Bel 06-12345678!",
    "Hi gentlemen, I'm Jade (23), new in town. Rates: 150/hr, 250 for 2 hrs. Clients 25-60 only.",
    "Sweet Lily - 25\nAbout me 29 ... age: 24; since I was 16; zaterdag 21 juni, 12/06/2026 10am-6pm",
    "JAAR YEARS Y/O yo ſ K İ ı straat 16, Room 25, £80, €100, $ 60, twenty-five, drieëntwintig",
    "",
]


def _matches(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in regex.finditer(text)]


def _module_patterns() -> list[re.Pattern[str]]:
    found = []
    for module in (ages, phones, prices):
        for value in vars(module).values():
            candidates = value if isinstance(value, list) else [value]
            found += [v for v in candidates if isinstance(v, re.Pattern)]
    return found


@pytest.mark.parametrize("regex", _module_patterns(), ids=lambda r: r.pattern[:40])
def test_same_matches_with_and_without_the_lookahead(regex):
    fast = with_start_class(regex)
    for text in TEXTS:
        assert _matches(fast, text) == _matches(regex, text)
        for start in range(0, len(text), 7):
            a, b = regex.search(text, start, start + 30), fast.search(text, start, start + 30)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    (r"(?:jaar|years?|y/o)\b", re.IGNORECASE, "[jy]"),
    (r"\b(?:ik\s+ben|age)\s*\d", 0, "[ia]"),
    (r"(?<![\d.])\d{1,2}[/.]\d", 0, r"[\d]"),
    (r"(?:a|b)?c", 0, "[abc]"),
    (r"x", 0, None),  # a literal start: the engine already skips to it
    (r"[xy]z", 0, None),
    (r"^\s*at\b", 0, None),  # anchored: tried at one place only
    (r"a*", 0, None),  # may match the empty string
    (r".b", 0, None),
    (r"[^a]b", 0, None),
    (r"\w+@", 0, None),
    (r"(?i:a)b", 0, None),  # the inline flag would change what the class matches
    (r"(?i)ab|cd", 0, None),  # global flags stay at the start
])
def test_start_class(pattern, flags, expected):
    assert start_class(re.compile(pattern, flags)) == expected


def test_alternation_and_verbose_patterns_keep_their_meaning():
    fast = with_start_class(re.compile(r"\bab|\bcd"))
    assert [m.group() for m in fast.finditer("ab cd xcd")] == ["ab", "cd"]
    verbose = with_start_class(re.compile(r"\b(?:ab|cd)  # a comment", re.VERBOSE))
    assert [m.group() for m in verbose.finditer("ab cd")] == ["ab", "cd"]
