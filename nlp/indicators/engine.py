"""Match the word patterns of every lexicon entry over a spaCy doc.

Matchers are built once per pipeline language (both lexicons go into each, since Dutch ads
borrow English phrases). A raw hit keeps the pattern it came from, because context rules treat
`loose` patterns differently and a pattern may carry its own weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from nlp.lexicon import Entry, LexiconError, Pattern, load_entries
from nlp.pipeline import get_pipeline


@dataclass(frozen=True)
class RawHit:
    entry: Entry
    pattern: Pattern
    start: int  # character offsets into doc.text
    end: int
    token_start: int
    token_end: int


@dataclass
class Matchers:
    lower: PhraseMatcher
    lemma: PhraseMatcher
    tokens: Matcher
    keys: dict[int, tuple[Entry, Pattern]]


@cache
def build_matchers(lang: str) -> Matchers:
    nlp = get_pipeline(lang)
    matchers = Matchers(PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LEMMA"),
                        Matcher(nlp.vocab, validate=True), {})
    for e_index, entry in enumerate(load_entries()):
        for p_index, pattern in enumerate(entry.patterns):
            key = f"{entry.file}:{e_index}:{p_index}:{entry.code}"
            matchers.keys[nlp.vocab.strings.add(key)] = (entry, pattern)
            try:
                if pattern.kind == "phrase":
                    matchers.lower.add(key, [nlp.make_doc(str(pattern.value))])
                elif pattern.kind == "lemma":
                    # simplemma is not always consistent between a base form and its inflections,
                    # so the written base form matches too.
                    matchers.lemma.add(key, [nlp(str(pattern.value))])
                    matchers.lower.add(key, [nlp.make_doc(str(pattern.value))])
                else:
                    matchers.tokens.add(key, [pattern.value])
            except (ValueError, TypeError, KeyError) as exc:
                raise LexiconError(f"{entry.file}: {entry.code}: pattern {pattern.value!r}: {exc}") from None
    return matchers


def match_patterns(doc: Doc, lang: str) -> list[RawHit]:
    matchers = build_matchers(lang)
    hits = []
    for matcher in (matchers.lower, matchers.lemma, matchers.tokens):
        for match_id, start, end in matcher(doc):
            entry, pattern = matchers.keys[match_id]
            span = doc[start:end]
            hits.append(RawHit(entry, pattern, span.start_char, span.end_char, start, end))
    return hits
