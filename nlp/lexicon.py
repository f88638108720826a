"""The indicator lexicon as data: the pydantic models of ``nlp/indicators/*.yaml`` and their loader.

Each entry names an indicator code from the shared vocabulary, its category, a weight, the
explanation an analyst reads (in Dutch and English), its source, how it is found (``patterns``
for words, ``computed`` for rules over extracted entities) and example sentences: every positive
must raise the code and no negative may. Running those examples needs the extractor, so that
check lives in ``nlp.lexicon_check``; this module imports nothing from the rest of ``nlp``.

Pattern kinds (docs in ``nlp/indicators/nl.yaml``):

- ``phrase``: the exact lower-case words;
- ``lemma``: the words in any inflection (same simplemma lemma);
- ``seq``: a token sequence, one step per token (see ``Step`` below);
- ``near``: every step somewhere within ``window`` tokens of the others, in one sentence, in any
  order unless ``ordered`` (free Dutch word order: "haar vriend regelt de afspraken" and "de
  afspraken worden door haar vriend geregeld");
- ``regex``: a regular expression over the text (dates and ranges, which tokens split badly).

A step is a string: alternatives separated by ``|``, each a word (any inflection), ``=word`` (this
form only), ``word*`` (any word starting so: Dutch compounds), ``$set`` (a named word set from
``words.yaml``) or ``*`` (any one token); a leading ``?`` makes the step optional.
Pattern options: ``weight``, ``loose`` (a stated adult age cancels it), ``unless`` (steps that
cancel a hit in the same sentence within ``unless_window`` tokens: "jaren geleden", "supervision"),
``requires: [adult]`` (only in a text with an adult-service cue; for words common in ordinary life),
``requires: [women]`` (only in a text that names several women or another one).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from core.datafiles import DataFiles, Said, Strict, load_model
from nlp.lexicon_types import (
    CONTEXT_FILE,
    INDICATOR_DIR,
    LEXICON_FILES,
    WORDS_FILE,
    Entry,
    LexiconError,
    Pattern,
)

__all__ = ["CONTEXT_FILE", "INDICATOR_DIR", "LEXICON_FILES", "WORDS_FILE", "Entry", "LexiconError", "Pattern"]
CATEGORIES = ("minor", "coercion", "movement", "obfuscation", "trust", "licensing")
PATTERN_KINDS = ("phrase", "lemma", "seq", "near", "regex")
COMPUTED_RULES = ("stated_age_under_18", "stated_age_18", "phone_disguised", "email_disguised", "very_low_price",
                  "text_model_minor", "text_model_coercion", "text_model_movement",
                  "licence_unknown")
REQUIREMENTS = ("adult",)
_STEP_WORD = re.compile(r"^(?:=?[^\s|$*?=]+\*?|\*[^\s|$*?=]{3,}|\$[a-z_]+|\*)$")  # "*actie": a compound head

Category = Literal["minor", "coercion", "movement", "obfuscation", "trust", "licensing"]
Weight = Annotated[float, Field(gt=0, le=1)]


def step_problems(step: str) -> list[str]:
    """What is wrong with one step string (empty when it is well formed)."""
    body = step[1:] if step.startswith("?") else step
    return [f"step {step!r}: {alt!r} is not a word, =word, word*, *head, $set or *"
            for alt in body.split("|") if not _STEP_WORD.match(alt)]


class Explanation(Strict):
    en: Said
    """What the indicator means, for an analyst reading English."""
    nl: Said
    """Wat de indicator betekent, voor een analist die Nederlands leest."""


class PatternModel(Strict):
    phrase: str | None = None
    lemma: str | None = None
    seq: list[str] | None = None
    near: list[str] | None = None
    regex: str | None = None
    weight: Weight | None = None
    """Overrides the entry's weight for hits of this pattern."""
    loose: bool = False
    """A stated adult age (context.yaml: adult_age) cancels hits of this pattern."""
    window: Annotated[int, Field(ge=1, le=20)] = 6
    """near: the largest distance in tokens between the first and the last step."""
    ordered: bool = False
    """near: the steps must occur in the written order."""
    negatable: bool = True
    """near: a negation word just before one of the steps cancels the hit ("no agency, no driver");
    false where the negation belongs to the pattern ("parents must not know")."""
    unless: list[str] = []
    """Steps that cancel a hit when one occurs in the same sentence within `unless_window` tokens."""
    unless_window: Annotated[int, Field(ge=1, le=30)] = 8
    unless_next: list[str] = []
    """Steps that cancel a hit when the token right after it is one of them ("first time *in* Leeds")."""
    requires: list[Literal["adult", "women"]] = []
    """Context the whole text must have: `adult` = an adult-service cue of context.yaml, `women` = a cue of
    its ``several_women`` section (girls, ladies, someone else: "same number" then means one line for many)."""

    @model_validator(mode="after")
    def _one_kind(self) -> PatternModel:
        kinds = [k for k in PATTERN_KINDS if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"a pattern needs exactly one of {PATTERN_KINDS} (has {kinds or 'none'})")
        steps = (self.seq or []) + (self.near or []) + self.unless + self.unless_next
        problems = [p for step in steps for p in step_problems(step)]
        if self.seq is not None and (not self.seq or self.seq[0].startswith("?") or self.seq[0] == "*"):
            problems.append("seq: the first step must be required and not `*`")
        if self.near is not None and (len(self.near) < 2 or any(s.startswith("?") for s in self.near)):
            problems.append("near: needs at least two steps, none optional")
        if self.regex is not None:
            try:
                re.compile(self.regex)
            except re.error as exc:
                problems.append(f"regex does not compile: {exc}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def kind(self) -> str:
        return next(k for k in PATTERN_KINDS if getattr(self, k) is not None)


class EntryModel(Strict):
    code: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    category: Category
    weight: Weight
    explanation: Explanation
    source: Said
    """Where the indicator comes from: a document in the repository or a named public list."""
    patterns: list[PatternModel] = []
    computed: Literal["stated_age_under_18", "stated_age_18", "phone_disguised", "email_disguised",
                      "very_low_price", "licence_unknown", "city_schedule", "minor_arranged", "stay_window",
                      "text_model_minor", "text_model_coercion", "text_model_movement"] | None = None
    options: dict[str, Any] = {}
    """Parameters of a computed rule (a threshold, words to ignore, a register for the examples)."""
    supporting: bool = False
    """Weak evidence: it raises its category only beside another hit of that category. Alone it is kept
    back (``suppressed: "supporting_only"``), shown to the analyst but not counted (round 11)."""
    positives: Annotated[list[str], Field(min_length=1)]
    """Sentences that must raise the code (run by nlp.lexicon_check)."""
    negatives: Annotated[list[str], Field(min_length=1)]
    """Sentences that must not raise it."""

    @model_validator(mode="after")
    def _found_somehow(self) -> EntryModel:
        if not self.patterns and not self.computed:
            raise ValueError(f"{self.code}: needs patterns or a computed rule")
        return self


class LexiconFile(Strict):
    """``nl.yaml``, ``en.yaml``, ``computed.yaml``: the indicator entries."""

    lang: Literal["nl", "en", "any"]
    entries: Annotated[list[EntryModel], Field(min_length=1)]


class WordsFile(Strict):
    """``words.yaml``: named word sets that patterns use as ``$name`` (one vocabulary, many patterns)."""

    sets: dict[str, Annotated[list[str], Field(min_length=1)]]

    @field_validator("sets")
    @classmethod
    def _words_are_steps(cls, sets: dict[str, list[str]]) -> dict[str, list[str]]:
        problems = [f"{name}: {p}" for name, words in sets.items() for w in words
                    for p in step_problems(w) if not w.startswith("$")]
        if any(not re.match(r"^[a-z_]+$", name) for name in sets):
            problems.append("set names are lower-case letters and _")
        if problems:
            raise ValueError("; ".join(problems))
        return sets


class Negation(Strict):
    words: list[str]
    window: Annotated[int, Field(ge=1)]
    refusals: list[str]
    refusal_chars: Annotated[int, Field(ge=1)]
    source: Said


class Disclaimer(Strict):
    categories: list[Category]
    cues: list[str]
    source: Said


class CodeRule(Strict):
    codes: list[str]
    cues: list[str]
    source: Said
    unpriced_codes: list[str] = []
    """Codes the rule holds only in a text that asks no price (round 11: a parent's arranging)."""
    price_cues: list[str] = []
    """Rates written without a currency, which count as a price for `unpriced_codes`."""


class NonAdultListing(Strict):
    categories: list[Category]
    cues: list[str]
    adult_cues: list[str]
    weak_adult_cues: list[str]
    """Adult cues that ordinary commerce uses as well ("discreet", "massage"), each one of ``adult_cues`` as
    written there: alone, they name no service."""

    @model_validator(mode="after")
    def _weak_cues_are_adult_cues(self) -> NonAdultListing:
        strays = [cue for cue in self.weak_adult_cues if cue not in self.adult_cues]
        if strays:
            raise ValueError(f"weak_adult_cues not among adult_cues: {strays}")
        return self
    source: Said


class SiteNotice(Strict):
    categories: list[Category]
    min_kinds: Annotated[int, Field(ge=2)]
    min_kinds_with_age: Annotated[int, Field(ge=2)]
    kinds: dict[str, list[str]]
    source: Said


class AdultAge(Strict):
    loose_cancelled_from: Annotated[int, Field(ge=18)]
    model_cancelled_from: Annotated[int, Field(ge=18)]
    """A stated age from here on outweighs the text model's reading of the ad as young."""
    stays: list[str]
    """Youth a stated adult age does not outweigh (regexes): an age under 18, a word naming her young."""
    source: Said


class CueList(Strict):
    cues: Annotated[list[str], Field(min_length=1)]
    source: Said


class ContextFile(Strict):
    """``context.yaml``: negations, disclaimers, settled ads, the long past, her own voice, non-adult listings
    and adult ages."""

    negation: Negation
    disclaimer: Disclaimer
    impostor_warning: Disclaimer
    settled: Disclaimer
    long_past: Disclaimer
    client_sought: Disclaimer
    own_voice: CodeRule
    parent_voice: CodeRule
    local_language: CodeRule
    self_managed: CodeRule
    uninvolved_helper: CodeRule
    non_adult_listing: NonAdultListing
    site_notice: SiteNotice
    adult_age: AdultAge
    several_women: CueList

    @model_validator(mode="after")
    def _cues_compile(self) -> ContextFile:
        cues = (self.negation.refusals + self.disclaimer.cues + self.impostor_warning.cues + self.settled.cues + self.long_past.cues + self.client_sought.cues
                + self.own_voice.cues + self.parent_voice.cues + self.parent_voice.price_cues + self.self_managed.cues + self.uninvolved_helper.cues + self.local_language.cues
                + self.non_adult_listing.cues
                + self.non_adult_listing.adult_cues + self.non_adult_listing.weak_adult_cues + self.several_women.cues
                + [cue for kind in self.site_notice.kinds.values() for cue in kind])
        bad = []
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as exc:
                bad.append(f"{cue!r}: {exc}")
        if bad:
            raise ValueError("cues that do not compile: " + "; ".join(bad))
        return self


def _pattern(model: PatternModel) -> Pattern:
    return Pattern(model.kind, getattr(model, model.kind), model.loose, model.weight, model.window, model.ordered,
                   model.negatable, tuple(model.unless), model.unless_window, tuple(model.requires),
                   tuple(model.unless_next))


def _entry(model: EntryModel, file: str) -> Entry:
    return Entry(
        code=model.code, category=model.category, weight=model.weight, explanation_en=model.explanation.en,
        explanation_nl=model.explanation.nl, source=model.source, file=file,
        patterns=tuple(_pattern(p) for p in model.patterns), computed=model.computed or "",
        positives=tuple(model.positives), negatives=tuple(model.negatives), options=dict(model.options),
        supporting=model.supporting,
    )


# Read by nlp.indicators.engine (plain YAML there: the engine does not import pydantic); checked here.
TEXT_SPEAK_FILE = Path(__file__).parent / "data" / "text_speak.yaml"


class TextSpeakFile(Strict):
    """``data/text_speak.yaml``: text-speak spellings and the one word each stands for."""

    words: Annotated[dict[str, str], Field(min_length=1)]

    @field_validator("words")
    @classmethod
    def _single_lower_case_words(cls, words: dict[str, str]) -> dict[str, str]:
        bad = [f"{k}: {v}" for k, v in words.items() if k != k.lower() or v != v.lower() or " " in k + v or k == v]
        if bad:
            raise ValueError("each spelling and its word must be one lower-case word, and differ: " + ", ".join(bad))
        return words


def data_files() -> DataFiles:
    return [*((INDICATOR_DIR / name, LexiconFile) for name in LEXICON_FILES),
            (INDICATOR_DIR / WORDS_FILE, WordsFile), (INDICATOR_DIR / CONTEXT_FILE, ContextFile),
            (TEXT_SPEAK_FILE, TextSpeakFile)]


def _load(path: Path, model: type[Any]) -> Any:
    from core.datafiles import DataFileError

    try:
        return load_model(path, model)
    except DataFileError as exc:
        raise LexiconError(str(exc)) from None


@lru_cache(maxsize=1)
def load_entries() -> tuple[Entry, ...]:
    """Every entry of the three lexicon files, validated (LexiconError names file and place)."""
    return tuple(_entry(raw, name) for name in LEXICON_FILES
                 for raw in _load(INDICATOR_DIR / name, LexiconFile).entries)


@lru_cache(maxsize=1)
def load_words() -> dict[str, tuple[str, ...]]:
    return {name: tuple(words) for name, words in _load(INDICATOR_DIR / WORDS_FILE, WordsFile).sets.items()}


@lru_cache(maxsize=1)
def load_context() -> ContextFile:
    return _load(INDICATOR_DIR / CONTEXT_FILE, ContextFile)


def entry_problems(entries: tuple[Entry, ...], words: dict[str, tuple[str, ...]]) -> list[str]:
    """Rules across entries and files that the models cannot see: one category and weight per code,
    every ``$set`` a pattern names exists, and no pattern of a code is written twice. Every file's
    patterns apply to every language, so a pattern copied into en.yaml and nl.yaml only costs time."""
    problems = []
    first_seen: dict[str, Entry] = {}
    patterns_seen: dict[tuple[str, str], str] = {}
    for entry in entries:
        where = f"{entry.file}: {entry.code}"
        seen = first_seen.setdefault(entry.code, entry)
        if (seen.category, seen.weight) != (entry.category, entry.weight):
            problems.append(f"{where}: category/weight differ from {seen.file}")
        for p in entry.patterns:
            key = (entry.code, repr(p))
            if key in patterns_seen:
                problems.append(f"{where}: pattern {p.value!r} is written twice (also in {patterns_seen[key]})")
            patterns_seen.setdefault(key, entry.file)
            steps = list(p.value) if p.kind in ("seq", "near") else []
            for step in steps + list(p.unless) + list(p.unless_next):
                for alt in step.lstrip("?").split("|"):
                    if alt.startswith("$") and alt[1:] not in words:
                        problems.append(f"{where}: unknown word set {alt!r}")
    for name, members in words.items():
        problems += [f"{WORDS_FILE}: {name}: unknown word set {m!r}" for m in members
                     if m.startswith("$") and m[1:] not in words]
    return problems


def computed_entry(rule: str) -> Entry:
    """The entry of a computed rule (weight, explanations, options), as the files state it."""
    for entry in load_entries():
        if entry.computed == rule:
            return entry
    raise LexiconError(f"no computed entry for rule {rule!r}")
