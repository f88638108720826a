"""The shortcuts of ``nlp.normalise`` and ``nlp.regions`` read what the general path reads: ASCII
text through ``ASCII_TOKEN_RE`` on the lower-cased text, tokens built without the dataclass
``__init__``, and the ASCII-only gazetteer pattern."""

from __future__ import annotations

import random
from collections import Counter

from benchmarks.bench_extract import synthetic_ads, synthetic_long_ads
from nlp.normalise import ASCII_TOKEN_RE, TOKEN_RE, DigitToken, _new_token, _read_tokens, digit_tokens
from nlp.regions import _ascii_pattern, _gazetteer, region_hints

PIECES = ["zero", "Six", "TWO", "oh", "O", "o", "l", "I", "i", "for", "To", "too", "ate", "een", "Nul", "zes",
          "twentysix", "ThirtyFour", "twotwoeight", "nulzes", "4one", "561ateforfor70", "someone", "tonight",
          "_", "06", "12", "3", "Amsterdam", "london", "Den Haag", "new york", "the", "fore", "oo", "Ol2"]
SEPARATORS = ["", " ", "  ", "-", "*", "~", "|", "/", ".", ",", "\n", "$", " $ ", "'", "_", "(", ")"]
# Characters outside ASCII: those that only separate (read by the ASCII pattern too) and those that
# send a text to the general pattern.
NON_ASCII = ["€", "💋", "’", "“", "–", "\u00a0", "Ⓐ", "é", "É", "İ", "ſ", "\u212a", "٣", "①", "²", "\ufe0f", "\u20e3",
             "6\ufe0f\u20e3", "０", "Ⅵ"]


def _texts() -> list[str]:
    rng = random.Random(5)
    texts = synthetic_ads(300, seed=31) + synthetic_long_ads(30, seed=32)
    for _ in range(2000):
        texts.append("".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 12))))
    return texts


def test_ascii_tokens_read_like_the_general_pattern():
    for text in _texts():
        assert text.isascii()
        assert digit_tokens(text) == _read_tokens(text, TOKEN_RE.finditer(text)), text
        assert _read_tokens(text, ASCII_TOKEN_RE.finditer(text.lower())) == digit_tokens(text)


def test_text_with_other_characters_reads_like_the_general_pattern():
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) + rng.choice(SEPARATORS + NON_ASCII) for _ in range(rng.randint(1, 12)))
        assert digit_tokens(text) == _read_tokens(text, TOKEN_RE.finditer(text)), text


def test_new_token_is_the_dataclass():
    token = _new_token(3, 7, "06", "digits")
    assert token == DigitToken(3, 7, "06", "digits")
    assert hash(token) == hash(DigitToken(3, 7, "06", "digits"))
    assert repr(token) == repr(DigitToken(3, 7, "06", "digits"))


def test_ascii_gazetteer_pattern_matches_like_the_general_one():
    pattern = _gazetteer()[2]
    rng = random.Random(7)
    readable = ["€", "💋", "’", "“", "–", "\u00a0", "Ⓐ"]
    mixed = ["".join(rng.choice(PIECES) + rng.choice(SEPARATORS + readable) for _ in range(rng.randint(1, 12)))
             for _ in range(2000)]
    for text in _texts() + mixed:
        lowered = text.lower()
        assert [m.span() for m in _ascii_pattern().finditer(lowered)] == [m.span() for m in pattern.finditer(lowered)]


def test_region_hints_with_and_without_other_letters():
    assert region_hints("Nieuw in Zürich en Londen 💋") == Counter({"CH": 2, "GB": 2})  # general pattern
    assert region_hints("Nieuw in Londen 💋 ’s avonds") == Counter({"GB": 2})  # ASCII pattern


def test_chunks_read_like_the_whole_text():
    """``digit_tokens`` reads chunk by chunk; a look-alike group between digit groups beyond its chunk
    ("06 55 ol 92") is decided on the whole text, and a chunk read before reads the same elsewhere."""
    for text in ["06 55 ol 92 83", "ol 92 83", "06 55 ol", "bel o 6 too 3", "I 20", "06 55 O 92 83 en 06 55 O",
                 "zes een twee 6\ufe0f\u20e3 ol 12", "Tel: 06 12 I 34 56", "plustwoonetwo 55 ol 12"]:
        assert digit_tokens(text) == _read_tokens(text, TOKEN_RE.finditer(text)), text
        assert digit_tokens(text) == digit_tokens(text)
    assert [t.kind for t in digit_tokens("06 55 ol 92 83")] == ["digits", "digits", "letters", "digits", "digits"]
