"""Every page, as the role that uses it, in Dutch: no visible English (issue 18, point 5).

Each page is rendered with AppTest for a Dutch account and every visible string is collected:
titles, headings, text, captions, alerts, metric, button, field and expander labels, widget
placeholders. A string fails when it holds an English catalogue text that Dutch words differently
(a text that leaked from ``en.yaml``), Streamlit's own English defaults, or English function words
that Dutch does not use (a hard-coded English string). Ad text, names and codes are data and
may be anything; the test world's data is Dutch or made of codes.
"""

from __future__ import annotations

import re

import pytest

from workbench.i18n import texts

# English words that are not Dutch words as well ("is", "of", "in", "door" are both).
ENGLISH_ONLY = {"the", "and", "with", "not", "from", "your", "this", "that", "there", "choose", "options",
                "select", "loading", "found", "allowed", "please", "yet", "ads", "flagged", "reviewed", "by",
                "for", "no", "none", "page", "decided", "meanwhile", "reason", "case", "cases", "search"}
STREAMLIT_DEFAULTS = ("Choose an option", "Choose options", "No results", "Press Enter", "yyyy/mm/dd", "YYYY/MM/DD")
# Data the test world stores in English on purpose (a source label), not interface text.
DATA = re.compile(r"lexicon nl\.yaml \(test\)|[a-z_]+ explained|always_available|age_under_18|model test-1")

# Not words: units, codes, technical names that stay as they are in Dutch.
ALLOWED = {"signalstack", "utc", "sha", "url", "warc", "csv", "xlsx", "pdf", "json", "bag", "phash", "yaml", "http"}

PAGES = [  # (user, page, query)
    ("anna", "home", {}), ("anna", "triage", {}), ("anna", "search", {}), ("anna", "trends", {}),
    ("anna", "dossiers", {}), ("anna", "cases", {}), ("carl", "home", {}), ("carl", "triage", {}),
    ("audrey", "audit", {}), ("adam", "users", {}), ("anna", "network", {}),
    # The ad page lists the scorer's reasons (Score.reasons: English strings from the rule scorer) as they
    # are stored; they need message keys in nlp/models first. Known, and the page is being reworked.
    pytest.param("anna", "ad", {"ad": "high"}, id="anna-ad",
                 marks=pytest.mark.xfail(strict=True, reason="ad page shows Score.reasons in English")),
]


def visible_strings(at) -> list[str]:
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        out += [str(e.value) for e in getattr(at, kind)]
    out += [str(m.label) for m in at.metric]
    for kind in ("button", "text_input", "selectbox", "multiselect", "checkbox", "number_input", "date_input",
                 "slider", "text_area", "radio", "toggle"):
        for widget in getattr(at, kind):
            out.append(str(getattr(widget, "label", "") or ""))
            placeholder = getattr(widget, "placeholder", None)
            if placeholder:
                out.append(str(placeholder))
    out += [str(e.label) for e in at.expander]
    return [s for s in out if s]


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text.replace("\\", " "))}


def dutch_vocabulary(settings) -> set[str]:
    """Every word the Dutch interface may show: the Dutch catalogue, the lexicons' Dutch explanations,
    and the test world's data (ad texts, names, places, sites, accounts, teams)."""
    from sqlalchemy import select

    from core.db import session_scope
    from core.schema import AdVersion, Site, User
    from nlp.lexicon import load_entries

    vocabulary = set().union(*(words(text) for text in texts("nl").values()))
    vocabulary |= set().union(*(words(e.explanation_nl) for e in load_entries()))
    with session_scope(settings) as s:
        for row in s.execute(select(AdVersion.title, AdVersion.body, AdVersion.city, AdVersion.name)):
            vocabulary |= words(" ".join(str(v or "") for v in row))
        vocabulary |= words(" ".join(s.execute(select(Site.name)).scalars()))
        for name, team in s.execute(select(User.username, User.team)):
            vocabulary |= words(f"{name} {team}")
    return vocabulary


MARKDOWN_SYNTAX = re.compile(r":[a-z]+-badge\[|:material/[a-z_]+:|:[a-z]+\[")


def english_in(text: str, leaked: set[str], vocabulary: set[str]) -> list[str]:
    cleaned = MARKDOWN_SYNTAX.sub(" ", DATA.sub(" ", text))
    problems = [f"Streamlit default {d!r}" for d in STREAMLIT_DEFAULTS if d in cleaned]
    problems += [f"English text {e!r}" for e in leaked if e in cleaned]
    found = words(cleaned)
    problems += [f"English word {w!r}" for w in sorted(found) if w in ENGLISH_ONLY and w != "no"]
    problems += [f"word not in the Dutch catalogue or the data {w!r}" for w in sorted(found - vocabulary - ENGLISH_ONLY)
                 if len(w) > 2 and w not in ALLOWED]
    return problems


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("user", "page", "query"), [p if hasattr(p, "marks") else
                                                      pytest.param(*p, id=f"{p[0]}-{p[1]}") for p in PAGES])
def test_no_english_on_a_dutch_page(world, app, settings, user, page, query):
    nl, en = texts("nl"), texts("en")
    # English catalogue texts of three words or more that Dutch words differently.
    leaked = {text.split("{")[0].strip() for key, text in en.items()
              if text != nl.get(key) and len(text.split("{")[0].split()) >= 3}
    vocabulary = dutch_vocabulary(settings)
    query = {k: str(getattr(world, v)) if v == "high" else v for k, v in query.items()}
    at = app(world, user, page, **query)
    found = {s: english_in(s, leaked, vocabulary) for s in visible_strings(at)}
    found = {s: p for s, p in found.items() if p}
    assert found == {}, f"{page} as {user}: English on a Dutch page: {found}"
