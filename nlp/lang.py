"""Language of an ad: "nl", "en" or "other", plus whether it mixes Dutch and English.

``py3langid`` decides first. Ads are short and full of names, numbers and borrowed words, so
when it names a third language, function words decide between Dutch and English; with too few
of those the ad is "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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


def _function_word_counts(text: str) -> dict[str, int]:
    # Lower-casing an ASCII text first gives the same words (elsewhere it may split one: "İ").
    words = _WORD_RE.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD_RE.findall(text)]
    return {lang: sum(map(vocab.__contains__, words)) for lang, vocab in _FUNCTION_WORDS.items()}


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
