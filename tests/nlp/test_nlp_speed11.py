"""Speed work of round 10 (branch speed11): each shortcut gives the answers of the plain computation."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nlp.indicators.cueindex import cue_indexes
from nlp.indicators.gates import GateBits, gate_open, gate_text
from nlp.textmodel import features, shipped_model

TEXTS = [
    "Hoi, ik ben Lisa, 19 jaar. Bel 06-12345678! Afspraken via mijn manager, morgen in Utrecht.",
    "New in town from Monday 12 June till 18 June. Booking through my driver; ask for Mike.",
    "abcd abc ab a bcd cd",
    "xabcx",
    "ab",
    "",
]


def test_chunk_bits_find_every_literal_of_every_length_inside_a_chunk():
    # literals that share a first letter, one inside another, and one with white space
    gates = [(("ab",),), (("abc", "zz"),), (("abcd",),), (("bcd",), ("c",)), (("a b",),), (("x",), ("ab",))]
    bits = GateBits(gates)
    for text in TEXTS:
        lowered = gate_text(text)
        expected = [k for k, gate in enumerate(gates) if gate_open(gate, lowered)]
        assert bits.open(lowered) == expected
        bits._last = (None, 0)  # again from the cached chunks and the cached answer per bits
        assert bits.open(lowered) == expected


def test_cues_left_per_text_bits_find_what_the_whole_list_finds():
    cues = [r"\bniet toegestaan\b", r"\bnot allowed\b", r"\bno (?:drugs|alcohol)\b", r"\bverboden\b"]

    def build(kept: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(kept), re.IGNORECASE)

    [index] = cue_indexes([(cues, build(cues))], build)
    texts = [
        "Drugs niet toegestaan.",
        "Roken is niet toegestaan",
        "No drugs, not allowed",
        "Niets",
        "no alcohol",
        "verboden",
        "Drugs niet toegestaan.",
    ]
    for text in texts:
        narrowed = index.narrowed(gate_text(text))
        whole = build(cues).search(text)
        found = narrowed[0].search(text) if narrowed is not None else None
        assert (found and found.group()) == (whole and whole.group()), text


@pytest.mark.parametrize(
    "text",
    [
        "Nieuw in Utrecht! Bel voor een afspraak, afspraak, afspraak. 06-12345678",
        "My manager takes the money, I don't keep it. New in Leeds 12/04 - 14/04.",
        "",
    ],
)
def test_text_model_counts_are_the_features_training_saw(text):
    model = shipped_model()
    if model is None:
        pytest.skip("no shipped text model")
    columns, counts = model._count_arrays(text)
    assert list(columns) == sorted(columns)
    expected = Counter(model.row[f] for f in features(text) if f in model.row)
    assert dict(zip(columns.tolist(), counts.astype(int).tolist(), strict=True)) == expected


def test_spelled_hint_opening_at_the_separator_finds_what_the_look_behind_form_finds():
    import random

    from nlp.phones import _SPELLED_HINT

    plain = re.compile(r"(?<![^\W\d_])[^\W\d_][ .\-_*][^\W\d_][ .\-_*][^\W\d_](?![^\W\d_])")
    rng = random.Random(11)
    texts = ["z e r o s i x", "N.U.L", "bel z-e-s", "ik ben a b", "a b c", "ab c d", "é-k-s", *TEXTS]
    texts += ["".join(rng.choice("ab zé.-_*1\n") for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    for text in texts:
        assert (_SPELLED_HINT.search(text) is None) == (plain.search(text) is None), text
