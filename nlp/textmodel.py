"""The indicator text model: a linear reader of whole sentences, for what the lexicon's patterns miss.

Patterns name the words they look for; people who write ads find other words ("the guy who runs her
fone", "mum checks my room at 11"). This model reads the same features as the listing classifier
(``nlp.listing.token_features``: words, character 3-5-grams inside words, word pairs), with one logistic
regression per category (minor, coercion, movement) over a shared vocabulary, Platt-calibrated. It is
trained by ``nlp.textmodeltrain`` on the development sets (``tests/data/dev*``: sentences written by
authors outside the lexicons) and shipped as numbers in ``nlp/data/indicator_model.json``: no pickle,
no scikit-learn at run time, loaded on first use.

Before any feature is made (``model_tokens``), place names become the word "stad" (a city is a city),
numbers become age and year bands, words a negation governs are marked "neg_", and the words of
``nlp/data/protected_words.yaml`` (origin, country, ethnicity, religion) are taken out: no score rests
on who a person is. ``nlp.extract`` asks the model only for the categories no pattern found, in text
that reads as an ad, and the computed rules ``text_model_<category>`` (``nlp/indicators/computed.yaml``:
weight, threshold, explanation) turn a probability over its threshold into a hit on the sentence that
reads most strongly, with the words that weighed most, so an analyst sees why.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter as _itemgetter
from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import Field

from core.datafiles import DataFiles, Said, Strict, load_model
from nlp.listing import token_features
from nlp.places import find_places

MODEL_PATH = Path(__file__).parent / "data" / "indicator_model.json"
PROTECTED_FILE = Path(__file__).parent / "data" / "protected_words.yaml"
CATEGORIES = ("minor", "coercion", "movement")
TERMS_SHOWN = 5

_TOKEN_OR_STOP = re.compile(r"\w+(?:'t)?|[€$£@+/&]|[.,;:!?\n]")  # "n't", "don't" stay one negation word
_STOPS = frozenset(".,;:!?\n")
NEGATION_SCOPE = 3
_DIGIT = re.compile(r"\d")
# Sentences for the hit's place: the model reads the whole text, the hit shows the part that reads most strongly.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_NO_PAIRS: dict[str, int] = {}  # a token that starts no known word pair (never written to)
_NO_COLUMNS, _NO_COUNTS = np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float64)
# per model token: digit-normal form, own known columns, the word pairs it starts, the columns as an array
_TokenColumns = tuple[str, tuple[int, ...], dict[str, int], np.ndarray]


class ProtectedWords(Strict):
    """``data/protected_words.yaml``: words taken out of the text before the model sees it."""

    source: Said
    groups: dict[str, Annotated[list[Said], Field(min_length=1)]]


def data_files() -> DataFiles:
    return [(PROTECTED_FILE, ProtectedWords)]


@lru_cache(maxsize=1)
def _protected() -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w.lower() for group in load_model(PROTECTED_FILE, ProtectedWords).groups.values() for w in group]
    return (frozenset(w for w in words if not w.endswith("*")),
            tuple(w[:-1] for w in words if w.endswith("*")))


@lru_cache(maxsize=1 << 16)
def is_protected(token: str) -> bool:
    exact, prefixes = _protected()
    return token in exact or token.startswith(prefixes)


@lru_cache(maxsize=1 << 12)
def number_word(token: str) -> str:
    """A number as the model reads it: an age or year band, not its digits ("16" and "17" are one
    word, "25" and "31" another), so an age the training sets never held still reads as young or adult."""
    if not (token.isascii() and token.isdigit()) or len(token) > 4:
        return token
    n = int(token)
    if len(token) == 4:
        return "jaartal_recent" if 2006 <= n <= 2030 else "jaartal_oud" if 1940 <= n < 2006 else token
    return "getal_kind" if n < 13 else "getal_tiener" if n < 18 else "getal_18" if n < 20 else "getal_volwassen"


# It opens with a look-ahead at a digit, which the engine skips to, before the look-behind it would
# otherwise try at every character.
_DATE = re.compile(r"(?=\d)(?<![\w/.:-])(\d{1,2})([/.-])(\d{1,2})(?:[/.-]\d{2,4})?(?![\w/.:-]|[.,]\d)")


def _date_word(m: re.Match[str]) -> str:
    """A date, a time or a day range reads as "datum"; a range of teen ages ("16-17", "13-15") stays numbers."""
    first, separator, second = int(m.group(1)), m.group(2), int(m.group(3))
    teen_range = separator == "-" and 13 <= first < second <= 17
    return m.group(0) if teen_range else " datum "


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    from nlp.indicators.compiled import compiled_lexicon

    return frozenset(w.lower() for w in compiled_lexicon().context["negation"]["words"])


@lru_cache(maxsize=1 << 16)
def _model_word(token: str) -> str | None:
    """A lower-cased token as the model reads it outside a negation: None when protected, a number as its band."""
    return None if is_protected(token) else number_word(token)


_STOP_WORD = ""  # what a punctuation mark reads as in ``_token_word``: no word, and the end of a negation's scope


@lru_cache(maxsize=1 << 16)
def _token_word(token: str) -> str | None:
    """A token as ``model_tokens`` reads it before negation scopes: _STOP_WORD for a punctuation mark,
    a negation word as itself, else ``_model_word``."""
    if token in _STOPS:
        return _STOP_WORD
    return token if token in _negations() else _model_word(token)


def model_tokens(text: str) -> list[str]:
    """The lower-cased tokens the model reads: place names as "stad", numbers as bands, protected
    words left out, and the words a negation governs marked "neg_" ("geen manager", "no driver"):
    a bag of words cannot tell "my manager books" from "no manager, I book myself" otherwise. The
    scope is the next NEGATION_SCOPE words, up to a punctuation mark (as the context rules read it)."""
    # A numeric date or a day range ("12/04", "1-7 Groningen", "10.30") is no age: its numbers would read as
    # young bands ("getal_kind") and make a tour schedule look like a minor (round 9).
    text = _DATE.sub(_date_word, text)
    places = find_places(text)
    if places:
        parts, last = [], 0
        for place in places:
            parts += [text[last : place.start], " stad "]
            last = place.end
        parts.append(text[last:])
        text = "".join(parts)
    toks = _tokens(text.lower())
    words = list(map(_token_word, toks))  # cached per token; only the negation scopes are read in Python
    negations = _negations()
    if not negations.isdisjoint(toks):
        for i in [i for i, token in enumerate(toks) if token in negations]:
            _mark_negated(toks, words, i + 1, negations)
    return list(filter(None, words))  # neither protected words (None) nor punctuation (_STOP_WORD)


_CHUNKS_CACHED_MAX = 100_000
_chunk_tokens: dict[str, list[str]] = {}


def _tokens(lowered: str) -> list[str]:
    """``_TOKEN_OR_STOP.findall(lowered)``, chunk by chunk. No token holds white space but the line
    break, so the tokens of the text are those of its lines' whitespace-delimited chunks, with a
    line break between lines; ads repeat their words, and a chunk seen before costs a look-up."""
    out: list[str] = []
    cached = _chunk_tokens.get
    for k, line in enumerate(lowered.split("\n")):
        if k:
            out.append("\n")
        chunks = line.split()
        found = list(map(cached, chunks))
        if None in found:
            found = [tokens if tokens is not None else _chunk(chunk) for tokens, chunk in zip(found, chunks, strict=True)]
        for tokens in found:
            out += tokens
    return out


def _chunk(chunk: str) -> list[str]:
    tokens = _TOKEN_OR_STOP.findall(chunk)
    if len(_chunk_tokens) < _CHUNKS_CACHED_MAX:
        _chunk_tokens[chunk] = tokens
    return tokens


def _mark_negated(toks: list[str], words: list[str | None], start: int, negations: frozenset[str]) -> None:
    """Mark "neg_" the next NEGATION_SCOPE words from `start`: up to a punctuation mark, or up to the
    next negation word, whose own scope starts there. Protected words do not count."""
    scope = NEGATION_SCOPE
    for j in range(start, len(toks)):
        word = words[j]
        if word == _STOP_WORD or toks[j] in negations:
            return
        if word is not None:
            words[j] = "neg_" + word
            scope -= 1
            if not scope:
                return


def features(text: str) -> list[str]:
    """Every feature occurrence of a text (the analyzer given to scikit-learn when training)."""
    toks = model_tokens(text)
    out = [f for t in toks for f in token_features(t)]
    normal = [_DIGIT.sub("0", t) for t in toks]
    out += [f"b:{a} {b}" for a, b in zip(normal, normal[1:], strict=False)]
    return out


@dataclass(frozen=True)
class Reading:
    category: str
    probability: float
    start: int  # the sentence that reads most strongly
    end: int
    terms: list[tuple[str, float]]  # the features that weighed most, with their share of the log-odds


class TextModel:
    """Per category a coefficient vector over one shared vocabulary, an intercept and Platt scaling."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.categories = tuple(data["categories"])
        self.row = {f: i for i, f in enumerate(data["features"])}
        self.idf = [float(v) for v in data["idf"]]
        self.coef = {c: [float(v) for v in data["coef"][c]] for c in self.categories}
        self.intercept = {c: float(data["intercept"][c]) for c in self.categories}
        self.platt = {c: (float(a), float(b)) for c, (a, b) in data["platt"].items()}
        # The same numbers as arrays for ``_decisions``: one row per category, one column per feature.
        self._idf = np.array(self.idf, dtype=np.float64)
        self._coef = np.array([self.coef[c] for c in self.categories], dtype=np.float64)
        self._intercept = np.array([self.intercept[c] for c in self.categories], dtype=np.float64)
        self._pairs: dict[str, dict[str, int]] = {}  # word pair "b:a b" as a -> b -> column
        for feature, column in self.row.items():
            if feature.startswith("b:"):
                first, second = feature[2:].split(" ", 1)
                self._pairs.setdefault(first, {})[second] = column
        # per model token: its digit-normal form, its own known columns, the word pairs it starts
        self._token_columns: dict[str, _TokenColumns] = {}

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TextModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _columns(self, token: str) -> _TokenColumns:
        """A model token's digit-normal form (for word pairs), the columns of its own known features,
        and the columns of the known word pairs it starts (by the second word's normal form); cached,
        since ads repeat their words."""
        known = self._token_columns.get(token)
        if known is None:
            if len(self._token_columns) > 200_000:
                self._token_columns.clear()
            normal = _DIGIT.sub("0", token)
            # Features see digits as "0" only (token_features): a phone number new to this process is its
            # digit-normal form, seen before, and costs a look-up.
            known = self._token_columns.get(normal)
            if known is None:
                row = self.row.get
                columns = tuple(c for c in map(row, token_features(normal)) if c is not None)
                known = self._token_columns[normal] = (normal, columns, self._pairs.get(normal, _NO_PAIRS),
                                                       np.array(columns, dtype=np.intp))
            self._token_columns[token] = known
        return known

    def _counts(self, text: str) -> dict[int, int]:
        """How often each known feature occurs in the text: the counts ``features(text)`` gives."""
        columns, tf = self._count_arrays(text)
        return dict(zip(columns.tolist(), tf.astype(np.int64).tolist(), strict=True))

    def _count_arrays(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """``_counts`` as two arrays, the columns (ascending) and their counts (as floats).

        Every token's columns (an array cached per token) and the known word pairs, joined and counted
        by ``np.bincount`` over the vocabulary: a few NumPy calls an ad, where counting the same five
        hundred or so feature occurrences one by one (a ``Counter``, then two ``np.fromiter``) cost
        about a third of the model's time. The columns come in another order than ``features(text)``
        gives them, which moves the sums in ``_decisions`` by a rounding error at most (BLAS sums in an
        order of its own anyway)."""
        toks = model_tokens(text)
        known = self._token_columns.get
        infos = list(map(known, toks))
        if None in infos:
            infos = [info or self._columns(t) for info, t in zip(infos, toks, strict=True)]
        every = list(map(_itemgetter(3), infos))
        pairs = [c for c in map(dict.get, map(_itemgetter(2), infos), map(_itemgetter(0), infos[1:])) if c is not None]
        if pairs:
            every.append(np.array(pairs, dtype=np.intp))
        occurrences = np.concatenate(every) if every else _NO_COLUMNS
        if not len(occurrences):
            return _NO_COLUMNS, _NO_COUNTS
        tf = np.bincount(occurrences, minlength=len(self._idf))
        columns = np.flatnonzero(tf > 0)  # on booleans: several times faster than on the counts
        return columns, tf[columns].astype(np.float64)

    def _vector(self, text: str) -> dict[int, float]:
        """Sublinear tf times idf, L2-normalised, over the known features (as when training)."""
        counts = self._counts(text)
        values = {row: (1.0 + math.log(n)) * self.idf[row] for row, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return {row: v / norm for row, v in values.items()}

    def _decisions(self, text: str) -> np.ndarray:
        """Every category's log-odds before calibration, in NumPy (``_vector`` dotted with each row)."""
        columns, tf = self._count_arrays(text)
        if not len(columns):
            return self._intercept.copy()
        values = (1.0 + np.log(tf)) * self._idf[columns]
        norm = math.sqrt(float(values @ values)) or 1.0
        return self._coef[:, columns] @ (values / norm) + self._intercept

    def probabilities(self, text: str, categories: tuple[str, ...] = CATEGORIES) -> dict[str, float]:
        decisions = self._decisions(text)
        return {c: self._calibrated(c, float(decisions[self.categories.index(c)])) for c in categories}

    def _calibrated(self, category: str, decision: float) -> float:
        a, b = self.platt[category]
        z = a * decision + b
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def terms(self, text: str, category: str, shown: int = TERMS_SHOWN) -> list[tuple[str, float]]:
        """The words and word pairs that pushed most towards the category, strongest first: each
        feature's share of the log-odds, split evenly over its occurrences and summed per word."""
        vector, coef = self._vector(text), self.coef[category]
        counts = Counter(features(text))
        unit = {f: vector[self.row[f]] * coef[self.row[f]] / n for f, n in counts.items() if f in self.row}
        toks = model_tokens(text)
        per_term: dict[str, float] = {}
        for token in toks:
            per_term[token] = per_term.get(token, 0.0) + sum(unit.get(f, 0.0) for f in token_features(token))
        normal = [_DIGIT.sub("0", t) for t in toks]
        for a, b in zip(normal, normal[1:], strict=False):
            pair = f"b:{a} {b}"
            if pair in unit:
                per_term[f"{a} {b}"] = per_term.get(f"{a} {b}", 0.0) + unit[pair]
        ranked = sorted(((t, s) for t, s in per_term.items() if s > 0), key=lambda ts: -ts[1])
        return [(term, round(share, 3)) for term, share in ranked[:shown]]

    def readings(self, text: str, thresholds: dict[str, float]) -> list[Reading]:
        """The categories whose probability for the whole text reaches its threshold, each placed on
        the sentence with the highest probability of that category."""
        whole = self.probabilities(text, tuple(thresholds))
        found = [c for c, p in whole.items() if p >= thresholds[c]]
        if not found:
            return []
        sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
        scored = [(start, end, self.probabilities(text[start:end], tuple(found))) for start, end in sentences]
        out = []
        for category in found:
            start, end, _ = max(scored, key=lambda s: s[2][category]) if scored else (0, len(text), None)
            while end > start and text[end - 1].isspace():
                end -= 1
            while start < end and text[start].isspace():
                start += 1
            out.append(Reading(category, round(whole[category], 4), start, end,
                               self.terms(text[start:end], category)))
        return out


@lru_cache(maxsize=1)
def shipped_model() -> TextModel | None:
    """The shipped model, or None when the file is missing (a checkout that has not trained one)."""
    return TextModel.load() if MODEL_PATH.exists() else None
