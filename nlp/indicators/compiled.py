"""The lexicon compiled for matching, cached on disk so that a process starts without YAML or simplemma.

Compiling reads every indicator file through its pydantic model (``nlp.lexicon``), tokenizes the
phrases with each pipeline, expands every pattern word to the forms simplemma lemmatizes to it and
resolves the ``$sets`` of ``words.yaml``. The result is plain JSON (no pickle: the cache directory
may be writable by others, and JSON cannot run code) under a digest of the data files, the code
that compiles them and the library versions; any change gives a new file. Without a writable cache
directory the lexicon is compiled in memory each time, which costs about two seconds.

A compiled step is ``{"forms": [...], "prefixes": [...], "suffixes": [...], "fuzzy": [...], "capital": [...],
"any": bool, "optional": bool}``; ``suffixes`` are compound heads written ``*actie`` (a longer token ending so); ``capital`` lists the forms written ``=^name`` (a name that is also a word: "Dan",
"dan"), which match only a token written with a capital inside a sentence;
``fuzzy`` lists the forms of word-set members of at least ``FUZZY_MIN`` letters, which also match a
token one letter longer or shorter ("mannager", "boking", "apartmnt"): see ``nlp.indicators.engine``.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from nlp.lexicon_types import Entry, LexiconError, Pattern, fingerprint

CACHE_ENV = "SIGNALSTACK_CACHE_DIR"
FORMAT = 6  # 6: steps carry "suffixes"
FUZZY_MIN = 6  # word-set members this long also match a spelling one letter longer or shorter


@dataclass(frozen=True)
class Compiled:
    entries: tuple[Entry, ...]
    context: dict[str, Any]  # context.yaml as validated
    patterns: dict[str, list[dict[str, Any]]]  # pipeline lang -> compiled patterns, in entry order


def cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "signalstack"


def _key() -> str:
    import importlib.util

    import spacy

    nlp_dir = Path(__file__).parent.parent
    own = b"".join(p.read_bytes() for p in (Path(__file__), nlp_dir / "pipeline.py", nlp_dir / "lexicon.py",
                                             nlp_dir / "lexicon_types.py"))
    spec = importlib.util.find_spec("simplemma")  # its version without importing it (60 ms)
    simplemma_file = Path(spec.origin) if spec and spec.origin else None
    simplemma_stamp = f"{simplemma_file.stat().st_mtime_ns}" if simplemma_file else "none"

    code = hashlib.sha256(own + f"{simplemma_stamp}/{spacy.__version__}/{FORMAT}".encode()).hexdigest()[:12]
    return f"{fingerprint()}-{code}"


def _expand(alt: str, words: dict[str, tuple[str, ...]], seen: frozenset[str] = frozenset()) -> list[str]:
    if alt.startswith("$"):
        name = alt[1:]
        if name in seen or name not in words:
            raise LexiconError(f"word set {alt!r} is unknown or refers to itself")
        return [w for member in words[name] for w in _expand(member, words, seen | {name})]
    return [alt]


def _step(step: str, words: dict[str, tuple[str, ...]], forms: dict[str, list[str]]) -> dict[str, Any]:
    optional = step.startswith("?")
    alts = [(w, alt.startswith("$")) for alt in step.lstrip("?").split("|") for w in _expand(alt, words)]
    compiled: dict[str, Any] = {"forms": set(), "prefixes": set(), "suffixes": set(), "fuzzy": set(), "capital": set(),
                                "any": False, "optional": optional}
    for alt, from_set in alts:
        if alt == "*":
            compiled["any"] = True
            continue
        if alt.endswith("*"):
            compiled["prefixes"].add(alt[:-1].lower())
            continue
        if alt.startswith("*"):  # the head of a Dutch compound: "*actie" is "zomeractie", "kerstactie" (round 9)
            compiled["suffixes"].add(alt[1:].lower())
            continue
        if alt.startswith("=^"):  # a name that is also a word ("Ben"/"ik ben"): written with a capital only
            compiled["capital"].add(alt[2:].lower())
        found = [alt.lstrip("=^").lower()] if alt.startswith("=") else forms.get(alt.lower(), [alt.lower()])
        compiled["forms"].update(found)
        if from_set and not alt.startswith("=^"):  # a set member: also its misspellings (one letter more or less)
            compiled["fuzzy"].update(f for f in found if len(f) >= FUZZY_MIN and f.isalpha())
    for key in ("forms", "prefixes", "suffixes", "fuzzy", "capital"):
        compiled[key] = sorted(compiled[key])
    return compiled


def _word_alternatives(entries: tuple[Entry, ...], words: dict[str, tuple[str, ...]], lemma_words: set[str]) -> set[str]:
    """Every plain word that patterns use, for the inflection table."""
    found = set(lemma_words)
    steps = [s for e in entries for p in e.patterns if p.kind in ("seq", "near") for s in p.value]
    steps += [s for e in entries for p in e.patterns for s in (*p.unless, *p.unless_next)]
    for step in steps:
        for alt in step.lstrip("?").split("|"):
            for w in _expand(alt, words):
                if not w.startswith(("*", "=")) and not w.endswith("*"):
                    found.add(w.lower())
    return found


def _pattern_steps(pattern: Pattern, nlp: Any) -> tuple[list[str], str]:
    """(steps, shape) of a pattern: phrase and lemma patterns become sequences of their tokens."""
    if pattern.kind == "phrase":
        return [f"={t.lower_}" for t in nlp.make_doc(str(pattern.value))], "seq"
    if pattern.kind == "lemma":
        return [t.lower_ if t.is_alpha else f"={t.lower_}" for t in nlp.make_doc(str(pattern.value))], "seq"
    if pattern.kind == "regex":
        return [], "regex"
    return list(pattern.value), pattern.kind


def compile_lexicon() -> Compiled:
    """Compile from the data files (LexiconError names the file and place of a problem)."""
    from nlp.lexicon import load_context, load_entries, load_words
    from nlp.pipeline import PIPELINE_LANGS, get_pipeline, inflections

    entries, words, context = load_entries(), load_words(), load_context()
    lemma_words = {t.lower_ for e in entries for p in e.patterns if p.kind == "lemma"
                   for t in get_pipeline("nl").make_doc(str(p.value)) if t.is_alpha}
    forms = inflections(_word_alternatives(entries, words, lemma_words))
    patterns: dict[str, list[dict[str, Any]]] = {}
    for lang in PIPELINE_LANGS:
        nlp = get_pipeline(lang)
        compiled = []
        for e_index, entry in enumerate(entries):
            for p_index, pattern in enumerate(entry.patterns):
                steps, shape = _pattern_steps(pattern, nlp)
                if shape != "regex" and not steps:
                    raise LexiconError(f"{entry.file}: {entry.code}: pattern {pattern.value!r} has no tokens")
                compiled.append({
                    "entry": e_index, "pattern": p_index, "shape": shape, "regex": pattern.value if shape == "regex" else "",
                    "steps": [_step(s, words, forms) for s in steps],
                    "unless": [_step(s, words, forms) for s in pattern.unless],
                    "unless_next": [_step(s, words, forms) for s in pattern.unless_next],
                })
        patterns[lang] = compiled
    return Compiled(entries, context.model_dump(), patterns)


def _to_json(compiled: Compiled) -> dict[str, Any]:
    return {"entries": [asdict(e) for e in compiled.entries], "context": compiled.context,
            "patterns": compiled.patterns}


def _from_json(data: dict[str, Any]) -> Compiled:
    entries = []
    for raw in data["entries"]:
        patterns = tuple(Pattern(**{**p, "unless": tuple(p["unless"]), "requires": tuple(p["requires"]),
                                    "unless_next": tuple(p["unless_next"])})
                         for p in raw["patterns"])
        entries.append(Entry(**{**raw, "patterns": patterns, "positives": tuple(raw["positives"]),
                                "negatives": tuple(raw["negatives"])}))
    return Compiled(tuple(entries), data["context"], data["patterns"])


def _store(path: Path, compiled: Compiled) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as f:
            json.dump(_to_json(compiled), f, ensure_ascii=False)
        os.replace(f.name, path)
        for old in path.parent.glob("indicators-*.json"):
            if old != path:
                old.unlink(missing_ok=True)  # a lexicon that changed since
    except OSError:
        pass  # a read-only cache: compile in memory next time too


@contextmanager
def no_gc() -> Iterator[None]:
    """Build many long-lived objects without the cyclic garbage collector's passes.

    Parsing the cache makes tens of thousands of objects at once; with spaCy and the rest already
    loaded, each full collection that triggers walks the whole heap and costs ten times the parse.
    The collector is paused while building, and what exists afterwards (the lexicon, the modules)
    is moved out of its reach with ``gc.freeze``: it lives as long as the process anyway.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


@lru_cache(maxsize=1)
def compiled_lexicon() -> Compiled:
    """The compiled lexicon: from the cache when the data files and code are unchanged, else compiled now."""
    folder = cache_dir()
    path = folder / f"indicators-{_key()}.json" if folder else None
    if path is not None and path.exists():
        # Tens of thousands of small objects at once: with a large heap already loaded, the cyclic
        # garbage collector's passes cost ten times the parse itself, and none of them is garbage.
        try:
            with no_gc():
                return _from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged or foreign file: compile again
    compiled = compile_lexicon()
    if path is not None:
        _store(path, compiled)
    return compiled


def clear() -> None:
    """Forget the compiled lexicon of this process (after the data files changed, in tests)."""
    from nlp.lexicon import load_context, load_entries, load_words

    for fn in (compiled_lexicon, load_entries, load_words, load_context):
        getattr(fn, "cache_clear", lambda: None)()


_computed_index: tuple[Compiled, dict[str, Entry]] | None = None


def computed_entry(rule: str) -> Entry:
    """The first entry of computed rule `rule` (looked up by name: several calls per ad)."""
    global _computed_index
    lexicon = compiled_lexicon()
    if _computed_index is None or _computed_index[0] is not lexicon:
        index: dict[str, Entry] = {}
        for entry in lexicon.entries:
            index.setdefault(entry.computed, entry)
        _computed_index = (lexicon, index)
    entry = _computed_index[1].get(rule)
    if entry is None:
        raise LexiconError(f"no computed entry for rule {rule!r}")
    return entry
