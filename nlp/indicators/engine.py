"""Match the word patterns of every lexicon entry over a spaCy doc.

Matchers are built once per pipeline language (both lexicons go into each, since Dutch ads
borrow English phrases). A raw hit keeps the pattern it came from, because context rules treat
`loose` patterns differently and a pattern may carry its own weight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
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


Step = tuple[int, frozenset[int], bool]  # (0 = LOWER / 1 = LEMMA, accepted hashes, optional)


def _longest_end(steps: tuple[Step, ...], k: int, pos: int, columns: list[list[int]]) -> int | None:
    if k == len(steps):
        return pos
    attr, accepted, optional = steps[k]
    best = None
    if pos < len(columns[0]) and columns[attr][pos] in accepted:
        best = _longest_end(steps, k + 1, pos + 1, columns)
    if optional:
        skipped = _longest_end(steps, k + 1, pos, columns)
        if skipped is not None and (best is None or skipped > best):
            best = skipped
    return best


@dataclass
class Matchers:
    """Phrase matchers, plus token patterns compiled to hash sets.

    spaCy's Matcher validates every token pattern, but running it over whole docs cost more than
    the rest of extraction together; the common pattern shape (LOWER/LEMMA with a value or IN
    list, optional tokens) is matched here on hash columns, from the tokens that can start a
    pattern. Any other shape runs through spaCy's Matcher (``fallback``).
    """

    lower: PhraseMatcher
    lemma: PhraseMatcher
    tokens: Matcher  # every token pattern, for validation
    fallback: Matcher  # token patterns of a shape the fast path does not cover
    keys: dict[int, tuple[Entry, Pattern]]
    by_first: dict[tuple[int, int], list[tuple[int, tuple[Step, ...]]]] = field(default_factory=dict)

    def add_token_pattern(self, nlp: Language, key: str, pattern: list[dict[str, Any]]) -> None:
        self.tokens.add(key, [pattern])
        steps = _compiled(nlp, pattern)
        if steps is None or steps[0][2]:
            self.fallback.add(key, [pattern])
            return
        attr, accepted, _ = steps[0]
        for value in accepted:
            self.by_first.setdefault((attr, value), []).append((nlp.vocab.strings[key], steps))

    def token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        found = list(self.fallback(doc)) if len(self.fallback) else []
        if not self.by_first:
            return found
        columns = doc.to_array([LOWER, LEMMA]).T.tolist() if len(doc) else [[], []]
        for i in range(len(doc)):
            for attr in (0, 1):
                for key, steps in self.by_first.get((attr, columns[attr][i]), ()):
                    end = _longest_end(steps, 0, i, columns)
                    if end is not None and end > i:
                        found.append((key, i, end))
        return found


def _compiled(nlp: Language, pattern: list[dict[str, Any]]) -> tuple[Step, ...] | None:
    steps = []
    for token in pattern:
        attrs = set(token) - {"OP"}
        if len(attrs) != 1 or not attrs <= {"LOWER", "LEMMA"} or token.get("OP", "?") != "?":
            return None
        attr = attrs.pop()
        value = token[attr]
        values = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
        if not all(isinstance(v, str) for v in values):
            return None
        accepted = frozenset(nlp.vocab.strings.add(v.lower()) for v in values)
        steps.append((0 if attr == "LOWER" else 1, accepted, token.get("OP") == "?"))
    return tuple(steps)


@cache
def build_matchers(lang: str) -> Matchers:
    nlp = get_pipeline(lang)
    matchers = Matchers(PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LEMMA"),
                        Matcher(nlp.vocab, validate=True), Matcher(nlp.vocab), {})
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
                    matchers.add_token_pattern(nlp, key, pattern.value)
            except (ValueError, TypeError, KeyError) as exc:
                raise LexiconError(f"{entry.file}: {entry.code}: pattern {pattern.value!r}: {exc}") from None
    return matchers


def match_patterns(doc: Doc, lang: str) -> list[RawHit]:
    matchers = build_matchers(lang)
    hits = []
    found = [*matchers.lower(doc), *matchers.lemma(doc), *matchers.token_matches(doc)]
    for match_id, start, end in found:
        entry, pattern = matchers.keys[match_id]
        span = doc[start:end]
        hits.append(RawHit(entry, pattern, span.start_char, span.end_char, start, end))
    return hits
