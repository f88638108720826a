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


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    previous_end = 0
    for match in TOKEN_RE.finditer(text):
        kind, surface = match.lastgroup, match.group()
        start, end = match.span()
        plain = plain_word(surface)
        if kind == "email":
            masked = EMAIL
        elif kind == "url":
            masked = URL
        elif kind == "number" or any(ch.isdigit() for ch in surface):
            masked = NUMBER
        else:
            sentence_start = not out or SENTENCE_END_RE.search(text, previous_end, start) is not None
            name_like = surface[0].isupper() and not surface.isupper()
            masked = NAME if name_like and not sentence_start else plain
        out.append(Token(masked, plain, start, end))
        previous_end = end
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
