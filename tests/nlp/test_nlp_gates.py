"""nlp.indicators.gates: the literal look-ups per chunk give the answers of ``literal in text``."""

from __future__ import annotations

from nlp.indicators.engine import build_matchers
from nlp.indicators.gates import GateLiterals, gate_open, gate_open_in, gate_text

TEXTS = [
    "Hoi, ik ben Lisa, 19 jaar. Bel 06-12345678! Afspraken via mijn manager, morgen in Utrecht.",
    "New in town from Monday 12 June till 18 June. Booking through my driver; ask for Mike.",
    "Born 2009, turning seventeen; english: no. ₖ K İstanbul\tTAB\u00a0nbsp  end",
    "",
    "   ",
]


def test_present_literals_are_those_in_the_text():
    gates = [(("ab", "a b"), ("\t",)), (("cd", ""),), (("xyz",),)]
    index = GateLiterals(gates)
    for text in ["ab cd", "a b\txyz", "xy z", "abcdxyz", ""]:
        lowered = gate_text(text)
        literals = {lit for gate in gates for s in gate for lit in s}
        assert index.present(lowered) == {lit for lit in literals if lit in lowered}
        assert index.present(lowered) == {lit for lit in literals if lit in lowered}  # cached chunks


def test_engine_gates_open_as_before():
    for lang in ("nl", "en"):
        matchers = build_matchers(lang)
        gates = [matchers.patterns[index].gate for index in matchers.regexes]
        for text in TEXTS:
            lowered = gate_text(text)
            present = matchers.gate_literals.present(lowered)
            for gate in gates:
                assert gate_open_in(gate, present) == gate_open(tuple(map(tuple, gate)), lowered)
