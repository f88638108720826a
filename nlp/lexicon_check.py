"""`validate_all`: the indicator lexicon checked end to end (``python -m signalstack.check_data`` runs it).

Apart from ``nlp.lexicon`` because it needs the extractor: each file must fit its pydantic model,
the entries must agree across files, the patterns must compile, and every example sentence must
come out of ``nlp.extract`` as the entry says (each positive raises the code, no negative does).
"""

from __future__ import annotations

from core.datafiles import DataFiles, files_problems
from nlp import lexicon
from nlp.extract import SUPPORTING_ONLY, extract
from nlp.indicators import compiled


def data_files() -> DataFiles:
    return lexicon.data_files()


def _example_problems(entry: lexicon.Entry) -> list[str]:
    where = f"{entry.file}: {entry.code}"
    problems = []
    register = frozenset(entry.options.get("example_register") or ()) or None

    def codes_of(sentence: str) -> set[str]:
        found = extract(sentence, licence_register=register)
        # A supporting entry's example may stand alone: then it is raised but kept back, which is its point.
        held = [h for h in found.suppressed if h["suppressed"] == SUPPORTING_ONLY] if entry.supporting else []
        return {hit["code"] for hit in found.indicators + held}

    for sentence in entry.positives:
        if entry.code not in codes_of(sentence):
            problems.append(f"{where}: positive sentence not matched: {sentence!r}")
    for sentence in entry.negatives:
        if entry.code in codes_of(sentence):
            problems.append(f"{where}: negative sentence matched: {sentence!r}")
    return problems


def entry_problems(entries: tuple[lexicon.Entry, ...]) -> list[str]:
    """Problems the models cannot see, in the entries given (the loaded ones by default)."""
    return lexicon.entry_problems(entries, lexicon.load_words())


def validate_all() -> list[str]:
    """Every problem in the lexicon files; an empty list means CI may load them."""
    problems = files_problems(data_files())
    if problems:
        return problems
    try:
        entries = lexicon.load_entries()
    except lexicon.LexiconError as exc:
        return [str(exc)]
    problems = entry_problems(entries)
    if problems:
        return problems
    try:
        compiled.compiled_lexicon()  # compiles unless the same files were compiled before
    except (lexicon.LexiconError, ValueError) as exc:
        return [f"patterns do not compile: {exc}"]
    for entry in entries:
        problems += _example_problems(entry)
    return problems
