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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np

_PIECES = (
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>https?://\S+|www\.\S+)"
    r"|(?P<number>[€$]?\d(?:[\d.,:/ -]*\d)?)"
    r"|(?P<word>\w+)"
)
TOKEN_RE = re.compile(_PIECES)
# The same pieces plus sentence ends, for the fast path that needs no offsets. Most ads
# hold no address or link; trying those patterns at every word would triple the cost.
SCAN_RE = re.compile(_PIECES + r"|(?P<end>[.!?\n])")
SCAN_PLAIN_RE = re.compile(r"[€$]?\d(?:[\d.,:/ -]*\d)?|\w+|[.!?\n]")  # no groups: findall gives strings
_NUMBER_START = frozenset("0123456789€$")
_SENTENCE_END = frozenset(".!?\n")
SENTENCE_END_RE = re.compile(r"[.!?\n]")
NUMBER, EMAIL, URL, NAME = "<n>", "<email>", "<url>", "<cap>"

# Digits written as words (disguised phone numbers) and the units that ride along with an
# age or a price: "19 jaar", "18 years old", "150 euro per uur", "€150 p/u". They belong to
# the slot, not the template: one advertiser writes the price one way today, another tomorrow.
DIGIT_WORDS = frozenset(
    "nul twee drie vier vijf zes zeven acht negen zero two three four five six seven eight nine".split()
)
AMBIGUOUS_DIGIT_WORDS = frozenset({"een", "one"})  # also "a": a digit only next to other digits
UNIT_WORDS = frozenset("jaar jr j oud years year yrs yo old euro eur eu per p u uur h hr hour ph".split())
_PLAIN, _DIGIT, _AMBIGUOUS, _UNIT, _NAME_LIKE = range(5)


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


@lru_cache(maxsize=200_000)
def _word_class(surface: str) -> tuple[str, int]:
    plain = plain_word(surface)
    if plain in DIGIT_WORDS or any(ch.isdigit() for ch in surface):
        return plain, _DIGIT
    if plain in AMBIGUOUS_DIGIT_WORDS:
        return plain, _AMBIGUOUS
    if plain in UNIT_WORDS:
        return plain, _UNIT
    if surface[0].isupper() and not surface.isupper():
        return plain, _NAME_LIKE
    return plain, _PLAIN


def _masked(items: list[tuple[str, str, bool]]) -> list[str]:
    """Masked form of scanned (kind, surface, opens a sentence) items, in order."""
    # A capitalised word inside a sentence is a name or place; the same word opening a
    # sentence or the title ("Luna (19) - Zwolle") is then a name too.
    names = {
        surface
        for kind, surface, first in items
        if kind == "word" and not first and _word_class(surface)[1] == _NAME_LIKE
    }
    out: list[str] = []
    last = len(items) - 1
    for i, (kind, surface, first) in enumerate(items):
        if kind != "word":
            out.append(EMAIL if kind == "email" else URL if kind == "url" else NUMBER)
            continue
        plain, cls = _word_class(surface)
        after_number = bool(out) and out[-1] == NUMBER
        if cls == _DIGIT:
            masked = NUMBER
        elif cls == _AMBIGUOUS:
            next_is_digit = (
                i < last and items[i + 1][0] == "word" and _word_class(items[i + 1][1])[1] == _DIGIT
            )
            masked = NUMBER if next_is_digit or after_number else plain
        elif cls == _UNIT:
            masked = NUMBER if after_number else plain
        elif cls == _NAME_LIKE and (not first or surface in names):
            masked = NAME
        else:
            masked = plain
        out.append(masked)
    return out


def tokens(text: str) -> list[Token]:
    """Tokens with their spans (for templates); masking as in ``matching_words``."""
    items: list[tuple[str, str, bool]] = []
    spans: list[tuple[int, int]] = []
    previous_end = 0
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        first = not items or SENTENCE_END_RE.search(text, previous_end, start) is not None
        items.append((match.lastgroup or "word", match.group(), first))
        spans.append((start, end))
        previous_end = end
    return [
        Token(masked, plain_word(surface), start, end)
        for masked, (_kind, surface, _first), (start, end) in zip(_masked(items), items, spans, strict=True)
    ]


def matching_words(text: str, sentence_starts: list[int] | None = None) -> list[str]:
    """The masked words shingles are made of; a run of number tokens counts once, so
    "06 12 34 56 78", "nul zes een twee" and "0612345678" look the same.

    With ``sentence_starts`` (a list), the position in the returned words where each
    sentence (or line) begins is appended to it, for ``batch_sentences``."""
    items: list[tuple[str, str, bool]] = []
    first = True
    if "@" in text or "://" in text or "www." in text:
        for email, url, number, word, end in SCAN_RE.findall(text):
            if end:
                first = True
                continue
            kind = "word" if word else "number" if number else "email" if email else "url"
            items.append((kind, word or number or email or url, first))
            first = False
    else:
        for piece in SCAN_PLAIN_RE.findall(text):
            head = piece[0]
            if head in _SENTENCE_END:
                first = True
                continue
            items.append(("number" if head in _NUMBER_START else "word", piece, first))
            first = False
    out: list[str] = []
    if sentence_starts is None:
        for masked in _masked(items):
            if masked == NUMBER and out and out[-1] == NUMBER:
                continue
            out.append(masked)
        return out
    for masked, (_kind, _surface, first) in zip(_masked(items), items, strict=True):
        if first:
            sentence_starts.append(len(out))
        if masked == NUMBER and out and out[-1] == NUMBER:
            continue
        out.append(masked)
    return out


TEXTS_PER_CHUNK = 20_000  # texts tokenised and hashed at once: bounds the word arrays, not the result


def masked_words(texts: Sequence[str], with_sentences: bool) -> tuple[list[list[str]], list[list[int]],
                                                                      tuple[np.ndarray, np.ndarray]]:
    """``matching_words`` of each text, where its sentences start (empty lists unless
    ``with_sentences``), and the words' ``flat_hashes``: what shingles and sentences are made of."""
    starts: list[list[int]] = [[] for _ in texts]
    if with_sentences:
        words = [matching_words(t, s) for t, s in zip(texts, starts, strict=True)]
    else:
        words = [matching_words(t) for t in texts]
    return words, starts, flat_hashes(words)


_TOKEN_HASHES: dict[str, int] = {}


def token_hash(token: str) -> int:
    value = _TOKEN_HASHES.get(token)
    if value is None:
        value = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_TOKEN_HASHES) < 1_000_000:  # the vocabulary of masked words is small; bound it anyway
            _TOKEN_HASHES[token] = value
    return value


_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=np.uint64
)


def flat_hashes(word_lists: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter((len(w) for w in word_lists), dtype=np.int64, count=len(word_lists))
    flat = np.fromiter(
        (token_hash(t) for words in word_lists for t in words), dtype=np.uint64, count=int(lengths.sum())
    )
    return flat, lengths


def distinct_per_text(values: np.ndarray, docs: np.ndarray, texts: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((values, docs))
    values, docs = values[order], docs[order]
    keep = np.ones(len(values), dtype=bool)
    keep[1:] = (values[1:] != values[:-1]) | (docs[1:] != docs[:-1])
    values, docs = values[keep], docs[keep]
    offsets = np.zeros(texts + 1, dtype=np.int64)
    np.cumsum(np.bincount(docs, minlength=texts), out=offsets[1:])
    return values, offsets


def batch_shingles(
    word_lists: list[list[str]], size: int, flat: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct shingle hashes of many texts at once: (hashes, offsets), where text i owns
    ``hashes[offsets[i]:offsets[i + 1]]`` (sorted). Same values as ``shingle_hashes``.
    ``flat`` is ``flat_hashes(word_lists)`` when the caller has it already."""
    flat, lengths = flat if flat is not None else flat_hashes(word_lists)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    full = lengths >= size
    # start positions of full-length shingles: every token with size-1 tokens after it in its text
    doc_of = np.repeat(np.arange(len(word_lists)), lengths)
    position = np.arange(len(flat)) - starts[doc_of]
    valid = position <= (lengths[doc_of] - size)
    first = np.nonzero(valid)[0]
    combined = np.zeros(len(first), dtype=np.uint64)
    for offset in range(size):
        combined = (combined ^ flat[first + offset]) * _MIX[offset % len(_MIX)]
    docs = doc_of[first]
    short = np.nonzero(~full & (lengths > 0))[0]
    if len(short):  # texts shorter than one shingle: the whole text is the shingle
        extra = [shingle_hashes(word_lists[i], size) for i in short.tolist()]
        combined = np.concatenate([combined, *extra])
        docs = np.concatenate([docs, short])
    return distinct_per_text(combined, docs, len(word_lists))


_POSITION_MIX = np.random.default_rng(20261130).integers(1, 2**63, 64, dtype=np.uint64) | np.uint64(1)


def batch_sentences(
    word_lists: list[list[str]],
    starts: list[list[int]],
    flat: tuple[np.ndarray, np.ndarray] | None = None,
    in_order: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct hashes of the masked sentences (and lines) of many texts: (hashes, offsets)
    as in ``batch_shingles``; with ``in_order``, every sentence's hash in text order instead
    (sentence k of text i at ``hashes[offsets[i] + k]``, repeats kept). ``starts[i]`` holds
    where text i's sentences begin in ``word_lists[i]`` (from ``matching_words``); a sentence
    is its masked words in order,
    so "Tarief: €150 p/u." and "Tarief: €200 p/u." are the same sentence."""
    flat, lengths = flat if flat is not None else flat_hashes(word_lists)
    texts = len(word_lists)
    if not len(flat):
        return np.empty(0, dtype=np.uint64), np.zeros(texts + 1, dtype=np.int64)
    text_start = np.cumsum(lengths) - lengths
    # the global word position of every sentence start; a text's first word always starts one
    counts = np.fromiter((len(s) for s in starts), dtype=np.int64, count=texts)
    within = np.fromiter(chain.from_iterable(starts), dtype=np.int64, count=int(counts.sum()))
    at = within + np.repeat(text_start, counts)
    opens = np.zeros(len(flat) + 1, dtype=bool)  # one spare slot: a start at a text's very end
    opens[at[within < np.repeat(lengths, counts)]] = True
    opens[text_start[lengths > 0]] = True
    opens = opens[:-1]
    boundaries = np.flatnonzero(opens)
    sentence_of = np.cumsum(opens) - 1
    position = np.arange(len(flat)) - boundaries[sentence_of]
    mixed = flat * _POSITION_MIX[position % len(_POSITION_MIX)] + position.astype(np.uint64)
    hashes = np.add.reduceat(mixed, boundaries)
    doc_of_word = np.repeat(np.arange(texts), lengths)
    docs = doc_of_word[boundaries]
    if in_order:
        offsets = np.zeros(texts + 1, dtype=np.int64)
        np.cumsum(np.bincount(docs, minlength=texts), out=offsets[1:])
        return hashes, offsets
    return distinct_per_text(hashes, docs, texts)


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
        combined = (combined ^ values[offset : offset + count]) * _MIX[offset % len(_MIX)]
    return np.unique(combined)
