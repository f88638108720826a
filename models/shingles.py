"""Word tokens for near-duplicate matching, with the slots of an ad template masked.

Ads from one template differ in name, age, city, price and phone number. For
matching, numbers and number-like runs become ``<n>``, e-mail addresses
``<email>``, links ``<url>``, and capitalised words inside a sentence (names,
cities) ``<cap>``; other words are lower-cased with accents stripped. Each token
keeps its character span, so templates and slots can be cut from the original text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

TOKEN_RE = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>https?://\S+|www\.\S+)"
    r"|(?P<number>[€$]?\d(?:[\d.,:/ -]*\d)?)"
    r"|(?P<word>\w+)"
)
SENTENCE_END_RE = re.compile(r"[.!?\n]")
NUMBER, EMAIL, URL, NAME = "<n>", "<email>", "<url>", "<cap>"


@dataclass(frozen=True, slots=True)
class Token:
    masked: str  # what matching sees
    plain: str  # lower-cased, accents stripped, not masked: what templates compare
    start: int
    end: int


@lru_cache(maxsize=200_000)
def plain_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Digits written as words (disguised phone numbers) and the units that ride along with an
# age or a price: "19 jaar", "18 jr", "150 euro". They belong to the slot, not the template.
DIGIT_WORDS = frozenset("nul twee drie vier vijf zes zeven acht negen zero two three four five six seven eight "
                        "nine".split())
AMBIGUOUS_DIGIT_WORDS = frozenset({"een", "one"})  # also "a": a digit only next to other digits
UNIT_WORDS = frozenset({"jaar", "jr", "j", "years", "year", "yrs", "yo", "euro", "eur", "eu"})


def tokens(text: str) -> list[Token]:
    raw: list[tuple[str, str, str, int, int, bool]] = []  # kind, surface, plain, start, end, sentence start
    previous_end = 0
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        sentence_start = not raw or SENTENCE_END_RE.search(text, previous_end, start) is not None
        raw.append((match.lastgroup or "word", match.group(), plain_word(match.group()), start, end,
                    sentence_start))
        previous_end = end
    # A capitalised word inside a sentence is a name or place; the same word opening a
    # sentence or the title ("Luna (19) - Zwolle") is then a name too.
    names = {surface for kind, surface, _p, _s, _e, first in raw
             if kind == "word" and not first and _name_like(surface)}
    out: list[Token] = []
    for i, (kind, surface, plain, start, end, first) in enumerate(raw):
        if kind == "email":
            masked = EMAIL
        elif kind == "url":
            masked = URL
        elif kind == "number" or any(ch.isdigit() for ch in surface) or plain in DIGIT_WORDS:
            masked = NUMBER
        elif plain in AMBIGUOUS_DIGIT_WORDS and i + 1 < len(raw) and raw[i + 1][2] in DIGIT_WORDS:
            masked = NUMBER
        elif plain in UNIT_WORDS | AMBIGUOUS_DIGIT_WORDS and out and out[-1].masked == NUMBER:
            masked = NUMBER
        elif _name_like(surface) and (not first or surface in names):
            masked = NAME
        else:
            masked = plain
        out.append(Token(masked, plain, start, end))
    return out


def _name_like(surface: str) -> bool:
    return surface[0].isupper() and not surface.isupper()


def matching_words(toks: list[Token]) -> list[str]:
    """The masked words shingles are made of; a run of number tokens counts once, so
    "06 12 34 56 78", "nul zes een twee" and "0612345678" look the same."""
    out: list[str] = []
    for token in toks:
        if token.masked == NUMBER and out and out[-1] == NUMBER:
            continue
        out.append(token.masked)
    return out


@lru_cache(maxsize=500_000)
def token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                dtype=np.uint64)


def shingle_hashes(masked: list[str], size: int) -> np.ndarray:
    """Distinct 64-bit hashes of the word `size`-grams (the whole text when it is shorter)."""
    if not masked:
        return np.empty(0, dtype=np.uint64)
    values = np.fromiter((token_hash(t) for t in masked), dtype=np.uint64, count=len(masked))
    if len(values) < size:
        size = len(values)
    count = len(values) - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(size):  # position-dependent mix so "a b c" and "c b a" differ
        combined = (combined ^ values[offset:offset + count]) * _MIX[offset % len(_MIX)]
    return np.unique(combined)
