"""Speed work of round 8 (branch speed9): each shortcut gives the answers of the plain computation."""

from __future__ import annotations

import re

from nlp.indicators import schedule
from nlp.indicators.engine import build_matchers
from nlp.indicators.gates import GateBits, gate_open, gate_text, regex_matches, regex_prefixes
from nlp.pipeline import get_pipeline

TEXTS = [
    "Hoi, ik ben Lisa, 19 jaar. Bel 06-12345678! Afspraken via mijn manager, morgen in Utrecht.",
    "New in town from Monday 12 June till 18 June. Booking through my driver; ask for Mike.",
    "Born 2009, turning seventeen; english: no. ₖ K İstanbul\tTAB\u00a0nbsp  end",
    "A week in Leiden, een weekje te Breda, 2 weeks in Hull; for now 150 euro, call Anna for Mia.",
    "Vr 12/04 - zo 14/04 Zwolle, 15/04-17/04 Assen. Tot en met 3 juni, 2026 03 12, 0612345678, 100 eur",
    "",
    "   ",
]


def test_gate_bits_open_the_gates_gate_open_opens():
    gates = [(("ab", "a b"), ("\t",)), (("cd", ""),), (("xyz",),), ()]
    bits = GateBits(gates)
    for text in ["ab cd", "a b\txyz", "xy z", "abcdxyz", "", *TEXTS]:
        lowered = gate_text(text)
        expected = [k for k, gate in enumerate(gates) if gate_open(gate, lowered)]
        assert bits.open(lowered) == expected
        assert bits.open(lowered) == expected  # cached chunks


def test_engine_gate_bits_as_gate_open():
    for lang in ("nl", "en"):
        matchers = build_matchers(lang)
        gates = [matchers.patterns[index].gate for index in matchers.regexes]
        for text in TEXTS:
            lowered = gate_text(text)
            assert matchers.gate_bits.open(lowered) == [
                k for k, gate in enumerate(gates) if gate_open(tuple(map(tuple, gate)), lowered)]


def test_prefixes_run_on_through_literal_alternatives():
    assert set(regex_prefixes(r"\b(?:een|a|1)[ \t]+week")) == {"een ", "een\t", "a ", "a\t", "1 ", "1\t"}
    assert set(regex_prefixes(r"n(?:ow|u)\d")) == {"now", "nu"}  # a class of many characters ends them
    assert regex_prefixes(r"(?:a|)b") == ("ab", "b")
    assert regex_prefixes(r"(?:a|b*)c") == ()  # an optional start: no prefix


def test_regex_matches_with_longer_prefixes_are_finditer_matches():
    for pattern in (r"\b(?:een|a|one|1|two|2)[ \t]+(?:weeks?|weekje|maand|month)[ \t]+(?:in|te|bij)[ \t]",
                    r"\b(?:text|call|app|bel)[ \t]+(?-i:[A-Z][a-z]+)[ \t]+(?:for|voor)\b"):
        regex = re.compile(pattern, re.IGNORECASE)
        for text in TEXTS:
            found = regex_matches(regex, text, gate_text(text), regex_prefixes(pattern), word_start=True)
            assert [m.span() for m in found] == [m.span() for m in regex.finditer(text)]


def test_time_places_skip_only_numbers_no_time_marker_starts():
    for text in [*TEXTS, "123 juni, 12 juni, 1234/05, 12/05, 2026-03-04, week 12, 100 t/m 200 mei"]:
        places = {m.start() for m in schedule._TIME_PLACES.finditer(gate_text(text))}
        markers = [m for m in schedule._TIME_START.finditer(text) if schedule.TIME.match(text, m.start())]
        assert all(m.start() in places for m in markers)


def test_blank_pipeline_names_no_pipes_and_reads_the_attributes_used():
    nlp = get_pipeline("nl")
    assert nlp.pipe_names == [] and list(nlp.pipeline) == []
    doc = nlp.make_doc("Hoi, ik ben NIEUW!! 06-12345678 ...")
    assert [t.lower_ for t in doc] == ["hoi", ",", "ik", "ben", "nieuw", "!", "!", "06-12345678", "..."]
    assert [t.is_alpha for t in doc][:3] == [True, False, True]
    assert [t.is_punct for t in doc][1] and not doc[0].is_space
