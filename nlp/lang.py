"""Language of an ad: "nl", "en" or "other", plus whether it mixes Dutch and English.

``py3langid`` decides first. Ads are short and full of names, numbers and borrowed words, so
when it names a third language, function words decide between Dutch and English; with too few
of those the ad is "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter as _itemgetter

from py3langid.langid import MODEL_FILE, LanguageIdentifier

_FUNCTION_WORDS = {
    "nl": frozenset(
        "de het een en ik je jij zij ze is ben bent van voor met op in niet geen maar ook bij naar "
        "mijn jouw wij onze dit dat deze die er nu hier alleen altijd nieuw stad bel mij".split()
    ),
    "en": frozenset(
        "the a an and i you she he is am are of for with on in not no but also at to my your we our "
        "this that these here only always new town call me".split()
    ),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
MIN_FUNCTION_WORDS = 2
MIXED_SHARE = 0.25
# When one language has this many function words and this many times the other's, py3langid
# would not disagree; skipping it saves most of the time language detection costs.
DECISIVE_WORDS, DECISIVE_RATIO = 4, 4
LANGID_CHARS = 600


@dataclass(frozen=True)
class LanguageGuess:
    lang: str  # nl | en | other
    mixed: bool


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE)


_CHUNKS_CACHED_MAX = 100_000
_chunk_counts: dict[str, tuple[int, int]] = {}


def _chunk_count(chunk: str) -> tuple[int, int]:
    """The Dutch and English function words of a whitespace-delimited chunk; cached."""
    words = [w.lower() for w in _WORD_RE.findall(chunk)]
    counts = (sum(map(_FUNCTION_WORDS["nl"].__contains__, words)), sum(map(_FUNCTION_WORDS["en"].__contains__, words)))
    if len(_chunk_counts) < _CHUNKS_CACHED_MAX:
        _chunk_counts[chunk] = counts
    return counts


def _function_word_counts(text: str) -> dict[str, int]:
    # Words never hold white space, so the text's words are those of its chunks, each lower-cased
    # (lower-casing a whole text first may split a word: "İ"). Ads repeat their words: a chunk seen
    # before costs a look-up.
    chunks = text.split()
    counts = list(map(_chunk_counts.get, chunks))
    if None in counts:
        counts = [known or _chunk_count(chunk) for known, chunk in zip(counts, chunks, strict=True)]
    return {"nl": sum(map(_itemgetter(0), counts)), "en": sum(map(_itemgetter(1), counts))}


def _decided_by_function_words(counts: dict[str, int]) -> str | None:
    nl, en = counts["nl"], counts["en"]
    if nl >= DECISIVE_WORDS and nl >= DECISIVE_RATIO * en:
        return "nl"
    if en >= DECISIVE_WORDS and en >= DECISIVE_RATIO * nl:
        return "en"
    return None


def detect_language(text: str) -> LanguageGuess:
    counts = _function_word_counts(text)
    top = _decided_by_function_words(counts)
    if top is None:
        top = _identifier().classify(text[:LANGID_CHARS])[0] if text.strip() else "other"
    if top not in ("nl", "en"):
        best = max(counts, key=counts.__getitem__)
        top = best if counts[best] >= MIN_FUNCTION_WORDS and counts[best] > min(counts.values()) else "other"
    total = sum(counts.values())
    mixed = total >= 4 and min(counts.values()) / total >= MIXED_SHARE
    return LanguageGuess(top, mixed)
