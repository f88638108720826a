"""The interface in Dutch and English: one flat YAML table of texts per language.

Texts are data (``workbench/i18n/<lang>.yaml``); ``t(key)`` looks one up in the
language the signed-in user chose (stored in ``User.lang``). A missing key shows
the key itself rather than failing, and ``missing_keys()`` lets a test insist the
tables stay in step.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_FOLDER = Path(__file__).with_name("i18n")


@cache
def texts(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    data = yaml.safe_load((_FOLDER / f"{lang}.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


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
