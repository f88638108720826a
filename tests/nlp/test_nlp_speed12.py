"""Round 12 speed changes give the same answers as the plain versions."""

from __future__ import annotations

from nlp.indicators.gates import GateBits


def _plain_chunk_bits(gates: GateBits, chunk: str) -> int:
    """``GateBits._chunk_bits`` as it was: every length of a literal starting with the character, even
    past the chunk's end (where the slice is the chunk's tail again)."""
    bits = 0
    for i, char in enumerate(chunk):
        for n in gates.lengths_by_first.get(char, ()):
            bits |= gates.bits_of.get(chunk[i : i + n], 0)
    return bits


def test_chunk_bits_stop_at_the_chunk_end_with_the_same_bits() -> None:
    gates = GateBits([[("escort", "esc")], [("a", "ab", "abcdefgh")], [("06",)], [("24/7", "7")], [("x",)]])
    for chunk in ("escort", "esc", "es", "a", "ab", "abc", "abcdefg", "abcdefgh", "xabcdefghx", "06-12345678",
                  "24/7", "lisa_24", "", "🆕", "escortabcdefgh06"):
        assert gates._chunk_bits(chunk) == _plain_chunk_bits(gates, chunk), chunk


def test_model_columns_of_a_number_are_those_of_its_digit_normal_form() -> None:
    import numpy as np

    from nlp.listing import token_features
    from nlp.textmodel import shipped_model

    model = shipped_model()
    if model is None:
        return
    for token in ("0612345678", "0698765432", "sara_79", "sara_12", "escort", "24", "2024", "x1y2z3"):
        normal, columns, pairs, array = model._columns(token)
        plain = tuple(c for c in map(model.row.get, token_features(token)) if c is not None)
        assert normal == token.translate(str.maketrans("0123456789", "0000000000"))
        assert columns == plain and array.tolist() == list(plain) and array.dtype == np.intp
        assert pairs == model._pairs.get(normal, {})
