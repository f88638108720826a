"""The indicator lexicon as data: loading and checking ``nlp/indicators/*.yaml``.

Each entry names an indicator code from the shared vocabulary, its category, a weight, the
explanation an analyst reads, its source, how it is found (``patterns`` for words, ``computed``
for rules over extracted entities) and example sentences: every positive must raise the code and
no negative may. ``validate_all`` runs those examples through the real extractor, so CI proves
the data and the engine agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

INDICATOR_DIR = Path(__file__).parent / "indicators"
LEXICON_FILES = ("nl.yaml", "en.yaml", "computed.yaml")
CONTEXT_FILE = "context.yaml"
CATEGORIES = ("minor", "coercion", "movement", "obfuscation", "trust", "licensing")
PATTERN_KINDS = ("phrase", "lemma", "tokens")
COMPUTED_RULES = ("stated_age_under_18", "stated_age_18", "phone_disguised", "email_disguised", "very_low_price",
                  "licence_unknown")
REQUIRED = ("code", "category", "weight", "explanation", "source", "positives", "negatives")


@dataclass(frozen=True)
class Pattern:
    kind: str  # phrase | lemma | tokens
    value: Any
    loose: bool = False
    weight: float | None = None


@dataclass(frozen=True)
class Entry:
    code: str
    category: str
    weight: float
    explanation: str
    source: str
    file: str
    patterns: tuple[Pattern, ...] = ()
    computed: str = ""
    positives: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)


class LexiconError(ValueError):
    pass


def _read_yaml(name: str) -> Any:
    try:
        return yaml.safe_load((INDICATOR_DIR / name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{name}: cannot read: {exc}") from None


def _pattern(raw: dict[str, Any]) -> Pattern:
    kinds = [k for k in PATTERN_KINDS if k in raw]
    if len(kinds) != 1:
        raise LexiconError(f"pattern {raw!r} needs exactly one of {PATTERN_KINDS}")
    return Pattern(kinds[0], raw[kinds[0]], bool(raw.get("loose", False)), raw.get("weight"))


def _entry(raw: dict[str, Any], file: str) -> Entry:
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise LexiconError(f"{file}: entry {raw.get('code', '?')!r} lacks {missing}")
    known = set(REQUIRED) | {"patterns", "computed"}
    return Entry(
        code=str(raw["code"]),
        category=str(raw["category"]),
        weight=float(raw["weight"]),
        explanation=str(raw["explanation"]),
        source=str(raw["source"]),
        file=file,
        patterns=tuple(_pattern(p) for p in raw.get("patterns") or ()),
        computed=str(raw.get("computed", "")),
        positives=tuple(raw["positives"] or ()),
        negatives=tuple(raw["negatives"] or ()),
        options={k: v for k, v in raw.items() if k not in known},
    )


@lru_cache(maxsize=1)
def load_entries() -> tuple[Entry, ...]:
    entries = []
    for name in LEXICON_FILES:
        data = _read_yaml(name)
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise LexiconError(f"{name}: needs a top-level `entries` list")
        entries += [_entry(raw, name) for raw in data["entries"]]
    return tuple(entries)


@lru_cache(maxsize=1)
def load_context() -> dict[str, Any]:
    data = _read_yaml(CONTEXT_FILE)
    if not isinstance(data, dict):
        raise LexiconError(f"{CONTEXT_FILE}: needs a mapping")
    return data


def computed_entry(rule: str) -> Entry:
    for entry in load_entries():
        if entry.computed == rule:
            return entry
    raise LexiconError(f"no computed entry for rule {rule!r}")


def _entry_problems(entry: Entry) -> list[str]:
    where = f"{entry.file}: {entry.code}"
    problems = []
    if entry.category not in CATEGORIES:
        problems.append(f"{where}: category {entry.category!r} not one of {CATEGORIES}")
    if not 0 < entry.weight <= 1:
        problems.append(f"{where}: weight {entry.weight} not in (0, 1]")
    if not entry.patterns and not entry.computed:
        problems.append(f"{where}: needs patterns or a computed rule")
    if entry.computed and entry.computed not in COMPUTED_RULES:
        problems.append(f"{where}: unknown computed rule {entry.computed!r}")
    if not entry.positives or not entry.negatives:
        problems.append(f"{where}: needs at least one positive and one negative sentence")
    for p in entry.patterns:
        if p.weight is not None and not 0 < float(p.weight) <= 1:
            problems.append(f"{where}: pattern {p.value!r} weight not in (0, 1]")
    if not entry.explanation.strip() or not entry.source.strip():
        problems.append(f"{where}: explanation and source must not be empty")
    return problems


def _example_problems(entry: Entry) -> list[str]:
    from nlp.extract import extract

    where = f"{entry.file}: {entry.code}"
    problems = []
    register = frozenset(entry.options.get("example_register") or ()) or None

    def codes_of(sentence: str) -> set[str]:
        return {hit["code"] for hit in extract(sentence, licence_register=register).indicators}

    for sentence in entry.positives:
        codes = codes_of(sentence)
        if entry.code not in codes:
            problems.append(f"{where}: positive sentence not matched: {sentence!r}")
    for sentence in entry.negatives:
        codes = codes_of(sentence)
        if entry.code in codes:
            problems.append(f"{where}: negative sentence matched: {sentence!r}")
    return problems


def validate_all() -> list[str]:
    """Every problem in the lexicon files; an empty list means CI may load them."""
    try:
        entries = load_entries()
        load_context()
    except LexiconError as exc:
        return [str(exc)]
    problems = []
    first_seen: dict[str, Entry] = {}
    for entry in entries:
        problems += _entry_problems(entry)
        seen = first_seen.setdefault(entry.code, entry)
        if (seen.category, seen.weight) != (entry.category, entry.weight):
            problems.append(f"{entry.file}: {entry.code}: category/weight differ from {seen.file}")
    if problems:
        return problems
    try:
        from nlp.indicators.engine import build_matchers
        from nlp.pipeline import PIPELINE_LANGS

        for lang in PIPELINE_LANGS:
            build_matchers(lang)
    except (LexiconError, ValueError) as exc:
        return [f"patterns do not compile: {exc}"]
    try:
        from nlp.indicators.context import rules

        rules.cache_clear()
        rules()
    except (KeyError, TypeError, ValueError) as exc:  # re.error is a ValueError
        return [f"{CONTEXT_FILE}: {exc.__class__.__name__}: {exc}"]
    for entry in entries:
        problems += _example_problems(entry)
    return problems
