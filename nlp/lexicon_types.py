"""The lexicon's plain types and file names, for the engine's warm start.

``nlp.lexicon`` validates the files with pydantic models and builds these; the compiled lexicon
(``nlp.indicators.compiled``) rebuilds them from its JSON cache without loading the models, whose
class construction alone costs a third of a second. Imports nothing from the rest of ``nlp``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

INDICATOR_DIR = Path(__file__).parent / "indicators"
LEXICON_FILES = ("nl.yaml", "en.yaml", "computed.yaml")
WORDS_FILE = "words.yaml"
CONTEXT_FILE = "context.yaml"
ALL_FILES = (*LEXICON_FILES, WORDS_FILE, CONTEXT_FILE)


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Pattern:
    kind: str  # phrase | lemma | seq | near | regex
    value: Any
    loose: bool = False
    weight: float | None = None
    window: int = 6
    ordered: bool = False
    negatable: bool = True
    unless: tuple[str, ...] = ()
    unless_window: int = 8
    requires: tuple[str, ...] = ()
    unless_next: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    code: str
    category: str
    weight: float
    explanation_en: str
    explanation_nl: str
    source: str
    file: str
    patterns: tuple[Pattern, ...] = ()
    computed: str = ""
    positives: tuple[str, ...] = ()
    negatives: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    supporting: bool = False

    @property
    def explanation(self) -> str:
        """The English explanation: what the hit dicts and stored hits carry as ``explanation``."""
        return self.explanation_en


def fingerprint(folder: Path = INDICATOR_DIR) -> str:
    """A digest of every indicator data file: compiled patterns cached under it stay valid until one changes."""
    digest = hashlib.sha256()
    for name in ALL_FILES:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return digest.hexdigest()[:20]
