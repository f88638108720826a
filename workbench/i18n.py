"""The interface in Dutch and English: one flat YAML table of texts per language.

Texts are data (``workbench/i18n/<lang>.yaml``); ``t(key)`` looks one up in the
language the signed-in user chose (stored in ``User.lang``). A missing key shows
the key itself rather than failing; the data check (``CatalogueInStep``) and
``missing_keys()`` insist the tables stay in step.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, RootModel, ValidationInfo, model_validator

from core.datafiles import DataFiles, file_path, files_problems, load_model, read_yaml

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_FOLDER = Path(__file__).with_name("i18n")


def _key(key: str) -> str:
    if not re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", key):
        raise ValueError(f"{key!r} must be a dotted lower-case key such as page.home")
    return key


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields ``translate`` fills in; ValueError when `text` is no format string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _format_string(text: str) -> str:
    placeholders(text)  # a stray brace fails here, not on screen
    return text


class Catalogue(RootModel[dict[Annotated[str, AfterValidator(_key)], Annotated[str, AfterValidator(_format_string)]]]):
    """``i18n/<lang>.yaml``: a flat table of dotted key -> text (a ``str.format`` string)."""


class CatalogueInStep(Catalogue):
    """A catalogue with the same keys as the other languages' files beside it, and per text the same
    ``{placeholders}``. The data check insists on it; the workbench loads a plain ``Catalogue``, so
    a key one language lacks shows as the key rather than stopping the interface."""

    @model_validator(mode="after")
    def _in_step_with_other_languages(self, info: ValidationInfo) -> CatalogueInStep:
        path = file_path(info)
        siblings = [path.with_name(f"{lang}.yaml") for lang in LANGUAGES] if path else []
        problems = [p for other in siblings if other != path and other.is_file()
                    for p in _out_of_step(self.root, read_yaml(other), other.name)]
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _out_of_step(mine: dict[str, str], theirs: object, their_name: str) -> list[str]:
    if not isinstance(theirs, dict):
        return []  # that file's own check reports it
    problems = []
    if missing := sorted(set(map(str, theirs)) - set(mine)):
        problems.append(f"keys in {their_name} missing here: {', '.join(missing)}")
    for key, text in mine.items():
        other = theirs.get(key)
        if isinstance(other, str) and _fields_or_none(other) not in (None, placeholders(text)):
            problems.append(f"{key}: placeholders differ from {their_name}")
    return problems


def _fields_or_none(text: str) -> set[str] | None:
    try:
        return placeholders(text)
    except ValueError:
        return None  # that file's own check reports it


class Sources(RootModel[dict[str, str]]):
    """``i18n/sources.<lang>.yaml``: the lexicon's and the points scheme's cited sources (English) -> their
    wording in that language."""


def data_files() -> DataFiles:
    sources = [(path, Sources) for lang in LANGUAGES if (path := _FOLDER / f"sources.{lang}.yaml").is_file()]
    return [(_FOLDER / f"{lang}.yaml", CatalogueInStep) for lang in LANGUAGES] + sources


def validate_all() -> list[str]:
    return files_problems(data_files())


@cache
def texts(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return dict(load_model(_FOLDER / f"{lang}.yaml", Catalogue).root)


def translate(lang: str, key: str, /, **values: object) -> str:
    text = texts(lang if lang in LANGUAGES else DEFAULT_LANGUAGE).get(key, key)
    return text.format(**values) if values else text


def current_language() -> str:
    import streamlit as st

    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, /, **values: object) -> str:
    """The text for `key` in the current user's language."""
    return translate(current_language(), key, **values)


def missing_keys() -> dict[str, set[str]]:
    """Per language, the keys some other language has and it lacks."""
    every = set().union(*(texts(lang) for lang in LANGUAGES))
    return {lang: every - set(texts(lang)) for lang in LANGUAGES}


def plural(key: str, n: int, /, **values: object) -> str:
    """``{key}.one`` for exactly 1, ``{key}.other`` otherwise, with ``{n}`` filled in ("1 advertentie", "2 advertenties")."""
    return t(f"{key}.one" if n == 1 else f"{key}.other", n=n, **values)


def category_label(category: str) -> str:
    """An indicator category in the viewer's language (the category itself when the catalogue lacks it)."""
    key = "category." + category
    text = t(key)
    return category if text == key else text


def indicator_explanation(hit: object) -> str:
    """The lexicon's explanation of an indicator in the viewer's language; else what was stored with the hit."""
    from nlp.lexicon import load_entries

    code = str(getattr(hit, "code", ""))
    stored = str(getattr(hit, "explanation", ""))
    # A text-model hit ends its stored explanation with its reading: "[p = 0.91; 'her', 'runs', 'fone']".
    mark = stored.rfind(" [p = ")
    reading = stored[mark:] if mark >= 0 and stored.endswith("]") else ""
    lang = current_language()
    for entry in load_entries():
        if entry.code == code:
            text = str(getattr(entry, f"explanation_{lang}", "") or "")
            return text + reading if text else stored
    return stored


def action_label(action: str) -> str:
    """A permission (``review.decide``) in words in the viewer's language; the code when the catalogue lacks it."""
    key = "action." + action.replace(".", "_")
    text = t(key)
    return action if text == key else text


def source_label(source: str) -> str:
    """Where an indicator's or a points weight's evidence comes from, in the viewer's language.

    The sources are citations in English in the lexicon and the points scheme; ``i18n/sources.<lang>.yaml``
    gives them per language (English text -> text). A source it lacks is shown as it is.
    """
    return _sources(current_language()).get(str(source).strip(), str(source))


@cache
def _sources(lang: str) -> dict[str, str]:
    path = _FOLDER / f"sources.{lang}.yaml"
    if not path.is_file():
        return {}
    return {k.strip(): v for k, v in load_model(path, Sources).root.items()}


def scheme_explanation(code: str, stored: str = "") -> str:
    """Why a points-scheme weight is what it is, in the viewer's language: the catalogue's text for a
    dossier-wide signal (``scheme.explanation.<code>``), else the lexicon's for an indicator, else `stored`."""
    from types import SimpleNamespace

    key = "scheme.explanation." + code
    text = t(key)
    return text if text != key else indicator_explanation(SimpleNamespace(code=code, explanation=stored))


def code_label(prefix: str, code: str) -> str:
    """A code (a cluster kind, a node kind) in the viewer's language: the text of ``prefix + code``, else the code."""
    key = prefix + code
    text = t(key)
    return code if text == key else text
