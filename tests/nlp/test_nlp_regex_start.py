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
    (r"(?i:a)b", 0, None),  # a class first (inside its flag group): the engine skips to it itself
    (r"(?-i:[A-Z])x", re.IGNORECASE, None),
    (r"(?a:\w)b", 0, None),  # a flag that changes what \w means
    # a start under its own case flag keeps it: tried at capitals only, not at every letter
    (r"(?!(?:Ma|Di)\b)(?-i:[A-Z][a-z]{2,})\s+\d", re.IGNORECASE, "(?-i:[A-Z])"),
    (r"\b(?i:ab|cd)", 0, "(?i:[ac])"),
    (r"(?:(?-i:A)|b)x", re.IGNORECASE, "(?i:[Ab])"),  # mixed: the class ignoring case holds both
    (r"\b(?:(?-i:A)|(?i:b))x", 0, "(?i:[Ab])"),
    (r"(?i)ab|cd", 0, None),  # global flags stay at the start
])
def test_start_class(pattern, flags, expected):
    assert start_class(re.compile(pattern, flags)) == expected


CASE_TEXTS = TEXTS + [
    "Ma 12-14 Amsterdam, Maandag 3-5, Lisa Utrecht 4 - 6 juni; Now here Lisa today, Breda tomorrow",
    "amsterdam 12-14 AMSTERDAM 12 - 14 Kelvin \u212a 1-2 \u0130stanbul 3-4 ab AB aB Ab bx Bx Ax ax",
]


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"(?!(?:Ma|Di|Maandag)\b)(?-i:[A-Z][a-z]{2,})(?:[ \t]+(?-i:[A-Z][a-z]+))?:?[ \t]+\d{1,2}[ \t]?[-–][ \t]?\d{1,2}",
     re.IGNORECASE),
    (r"\b(?-i:[A-Z][a-z]{2,})[ \t]+(?:now|today)\b[^.\n]{0,30}?(?-i:[A-Z][a-z]{2,})[ \t]+(?:tomorrow)", re.IGNORECASE),
    (r"\b(?i:ab|cd)", 0),
    (r"(?:(?-i:A)|b)x", re.IGNORECASE),
    (r"\b(?:(?-i:A)|(?i:b))x", 0),
    (r"(?:^|(?<=[.!?\n])[ \t]*)(?i:only|just|ab)[ \t]+(?P<num>1[3-9]|[2-6]\d)", re.MULTILINE),
])
def test_case_flag_groups_keep_their_matches(pattern, flags):
    regex = re.compile(pattern, flags)
    fast = with_start_class(regex)
    assert fast is not regex
    for text in CASE_TEXTS:
        assert _matches(fast, text) == _matches(regex, text)


def _lexicon_regexes() -> list[re.Pattern[str]]:
    from nlp.indicators.compiled import compiled_lexicon

    raws = {raw["regex"] for rows in compiled_lexicon().patterns.values() for raw in rows if raw["shape"] == "regex"}
    return [re.compile(pattern, re.IGNORECASE) for pattern in sorted(raws)]


def test_lexicon_regexes_keep_their_matches():
    texts = CASE_TEXTS + ["Lisa 12-14 juni, Breda 3 - 5 mei. Amsterdam now, Utrecht next week. Tel 06-12345678",
                          "ALLEEN MA T/M VR. Only Monday - Friday, a week in Zwolle, Rotterdam for now"]
    for regex in _lexicon_regexes():
        fast = with_start_class(regex)
        for text in texts:
            assert _matches(fast, text) == _matches(regex, text), regex.pattern


def test_alternation_and_verbose_patterns_keep_their_meaning():
    fast = with_start_class(re.compile(r"\bab|\bcd"))
    assert [m.group() for m in fast.finditer("ab cd xcd")] == ["ab", "cd"]
    verbose = with_start_class(re.compile(r"\b(?:ab|cd)  # a comment", re.VERBOSE))
    assert [m.group() for m in verbose.finditer("ab cd")] == ["ab", "cd"]
