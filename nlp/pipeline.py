"""spaCy blank pipelines for Dutch and English, built once per process.

Only the tokenizer and a small lemmatizer run: no statistical model exists (or is needed) for the
indicator lexicons, and every extra component costs throughput. The lemmatizer is backed by
``simplemma``; it looks words up in the pipeline's own language first and the other one second,
because Dutch ads borrow English phrases ("new in town") and the lexicons of both languages run
over every ad.
"""

from __future__ import annotations

from functools import cache

import numpy
import simplemma
import spacy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

PIPELINE_LANGS = ("nl", "en")


class SimplemmaLemmatizer:
    """Sets ``token.lemma_`` to the lower-case simplemma lemma; caches per word form."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        self._cache: dict[str, str] = {}
        self._hashes: dict[int, int] = {}  # lower-case form -> lemma, as hashes of this vocab

    def lemma(self, lower: str) -> str:
        lemma = self._cache.get(lower)
        if lemma is None:
            lemma = simplemma.lemmatize(lower, lang=self.langs).lower() if lower.isalpha() else lower
            if len(self._cache) < 200_000:
                self._cache[lower] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        # Work on string hashes in bulk: setting token.lemma_ one by one costs more than the lookup.
        strings = doc.vocab.strings
        lemmas = []
        for lower in doc.to_array([LOWER]).tolist():
            lemma = self._hashes.get(lower)
            if lemma is None:
                lemma = strings.add(self.lemma(strings[lower]))
                self._hashes[lower] = lemma
            lemmas.append(lemma)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
        return doc


@Language.factory("simplemma_lemmatizer", default_config={"langs": ["nl", "en"]})
def make_simplemma_lemmatizer(nlp: Language, name: str, langs: list[str]) -> SimplemmaLemmatizer:
    return SimplemmaLemmatizer(tuple(langs))


@cache
def get_pipeline(lang: str) -> Language:
    """The pipeline for "nl" or "en"; any other language is tokenized the Dutch way."""
    lang = lang if lang in PIPELINE_LANGS else "nl"
    nlp = spacy.blank(lang)
    other = [x for x in PIPELINE_LANGS if x != lang]
    nlp.add_pipe("simplemma_lemmatizer", config={"langs": [lang, *other]})
    return nlp
