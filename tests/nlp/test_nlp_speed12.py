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
