"""spaCy blank pipelines for Dutch and English, built once per process, and simplemma's lemmas.

Only the tokenizer runs per ad. Lemmas come from ``simplemma``, looked up in the pipeline's own
language first and the other one second, because Dutch ads borrow English phrases ("new in town")
and the lexicons of both languages run over every ad. They are used when the lexicon is compiled
(``inflections``: every form simplemma knows for a pattern word), not per token: matching a token's
lower-case form against those forms is the same test as comparing lemmas, and it spares loading
simplemma's dictionaries (a second per process) at start-up.

The Dutch tokenizer has 4,500 abbreviation exceptions ("bijv.", "t.a.v."); building them costs
0.4 s per process, longer than everything else extraction needs. ``LazyAbbreviations`` adds an
abbreviation the first time a text contains it, which gives the same tokens.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import spacy
from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LOWER
from spacy.language import Language
from spacy.tokens import Doc

PIPELINE_LANGS = ("nl", "en")
_CLEAN_LIMIT = 100_000


def lemma_langs(lang: str) -> tuple[str, ...]:
    """The simplemma languages for a pipeline: its own first, then the other one."""
    return (lang, *[x for x in PIPELINE_LANGS if x != lang])


def lemmatize(word: str, lang: str) -> str:
    """simplemma's lower-case lemma of `word` in pipeline `lang` (words only; anything else as is)."""
    import simplemma

    lower = word.lower()
    return simplemma.lemmatize(lower, lang=lemma_langs(lang)).lower() if lower.isalpha() else lower


def inflections(words: Iterable[str]) -> dict[str, list[str]]:
    """For each word, the forms whose simplemma lemma is the word or the word's lemma, in either
    pipeline's language order ("boeken" -> boek, boekt, geboekt, ...; "drive" -> drives, drove)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    words = sorted(set(words))
    targets: dict[str, set[str]] = {}  # lemma -> words it stands for
    for word in words:
        for lang in PIPELINE_LANGS:
            for lemma in (word, lemmatize(word, lang)):
                targets.setdefault(lemma, set()).add(word)
    factory = DefaultDictionaryFactory()
    candidates: dict[str, set[str]] = {w: {w} for w in words}
    for lang in PIPELINE_LANGS:
        for form, lemma in factory.get_dictionary(lang).items():
            lemma = lemma.lower()
            if lemma in targets and form.isalpha():
                for word in targets[lemma]:
                    candidates[word].add(form.lower())
    result = {}
    for word in words:
        wanted = {word} | {lemmatize(word, lang) for lang in PIPELINE_LANGS}
        result[word] = sorted(f for f in candidates[word]
                              if f == word or any(lemmatize(f, lang) in wanted for lang in PIPELINE_LANGS))
    return result


class LazyAbbreviations:
    """The pipeline's tokenizer, with dotted abbreviation exceptions added when first seen.

    Without the exception "bijv." the tokenizer splits off the final period; so before a text is
    tokenized, every piece of it that ends in a period is looked up among the pending exceptions,
    and the ones found are added first.
    """

    def __init__(self, tokenizer: Any, pending: dict[str, Any]) -> None:
        self.tokenizer = tokenizer
        self.pending = pending
        self.longest = max(map(len, pending), default=0)
        # Chunks that held no pending exception: the pending ones only ever get fewer, so such a
        # chunk ("uur.", "weekend.") never holds one later either, and is not looked into again.
        self.clean: set[str] = set()

    def _found(self, text: str) -> dict[str, Any]:
        """Pending exceptions that occur in the text: every piece of a whitespace-delimited chunk
        that ends at one of its periods (on strings, which is cheaper than walking the tokens)."""
        found = {}
        clean = self.clean
        # every whitespace-delimited chunk that holds a period (str.split, not a regex: a third of the cost)
        for chunk in [c for c in text.split() if "." in c]:
            if chunk in clean:
                continue
            before = len(found)
            end = chunk.find(".")
            while end >= 0:
                for start in range(max(0, end + 1 - self.longest), end):
                    piece = chunk[start : end + 1]
                    if piece in self.pending:
                        found[piece] = self.pending.pop(piece)
                end = chunk.find(".", end + 1)
            if len(found) == before and len(clean) < _CLEAN_LIMIT:
                clean.add(chunk)
        return found

    def __call__(self, text: str) -> Doc:
        found = self._found(text) if self.pending and "." in text else None
        for string, substrings in (found or {}).items():
            self.tokenizer.add_special_case(string, substrings)
        return self.tokenizer(text)

    def __getattr__(self, name: str) -> Any:  # pipe(), to_bytes(), rules ... of the real tokenizer
        return getattr(self.tokenizer, name)


def _is_lazy(chunk: str, substrings: list[dict[int, str]]) -> bool:
    return chunk.endswith(".") and len(chunk) > 1 and len(substrings) == 1


@spacy.registry.tokenizers("signalstack.lazy_abbreviations.v1")
def make_lazy_tokenizer() -> Any:
    def create(nlp: Language) -> LazyAbbreviations:
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        exceptions = nlp.Defaults.tokenizer_exceptions
        eager = {k: v for k, v in exceptions.items() if not _is_lazy(k, v)}
        pending = {k: v for k, v in exceptions.items() if _is_lazy(k, v)}
        defaults = nlp.Defaults
        tokenizer = Tokenizer(
            nlp.vocab, rules=eager,
            prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
            token_match=defaults.token_match, url_match=defaults.url_match,
        )
        return LazyAbbreviations(tokenizer, pending)

    return create


def _language_class(lang: str) -> type[Language]:
    if lang == "en":
        from spacy.lang.en import English

        return _blank(English)
    from spacy.lang.nl import Dutch

    return _blank(Dutch)


@cache
def _blank(language: type[Language]) -> type[Language]:
    """`language` whose ``pipe_names`` costs nothing while it has no components. spaCy builds the list
    anew on every read, with an error message formatted for it (7 microseconds), and ``nlp.extract``
    reads it for every ad to tell whether only the tokenizer runs."""
    from spacy.util import SimpleFrozenList

    no_pipes = SimpleFrozenList([], error="this pipeline has no components to change here")

    class Blank(language):  # type: ignore[misc,valid-type]
        @property
        def pipe_names(self) -> list[str]:
            return super().pipe_names if self._components else no_pipes

    Blank.__name__ = Blank.__qualname__ = language.__name__
    return Blank


@cache
def get_pipeline(lang: str) -> Language:
    """The blank pipeline for "nl" or "en"; any other language is tokenized the Dutch way.

    Built from the language class directly rather than through ``spacy.blank``: the same pipeline
    without resolving a config through the registries, which costs a tenth of a second at start-up.
    """
    lang = lang if lang in PIPELINE_LANGS else "nl"
    nlp = _language_class(lang)(create_tokenizer=make_lazy_tokenizer())
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in nlp.vocab.lex_attr_getters.items() if attr in LEXEME_ATTRS}
    return nlp


# The lexeme attributes the project reads (``lower_``, ``is_alpha``, ``is_punct``, ``is_space``: the
# pattern engine, the lexicon compiler, the context rules). spaCy computes every attribute its language
# defines when it first meets a string (a new phone number, a handle, a misspelling): 23 functions,
# 15 microseconds a word, most of it for attributes nobody asks (shape, like_url, like_num, is_stop).
# The others stay at spaCy's default (0, False); ask for one here before reading it.
LEXEME_ATTRS = frozenset({LOWER, IS_ALPHA, IS_PUNCT, IS_SPACE})
