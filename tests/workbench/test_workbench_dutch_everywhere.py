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
    # Pages with something on them: the ad page (reasons, indicators, claims, history), a network around an
    # ad, a dossier with its points table, a case. "high" and friends are filled in from the test world.
    ("anna", "ad", {"ad": "high"}), ("carl", "ad", {"ad": "mid"}), ("anna", "network", {"seed": "ad:high"}),
    ("anna", "dossiers", {"dossier": "dossier"}), ("anna", "cases", {"case": "case"}),
    ("anna", "search", {"kind": "phone", "q": "0612345678"}), ("anna", "capture", {"capture": "capture"}),
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
    # Table headers and chart axes, legends and tooltips are interface text too (their cells are data).
    out += [str(column) for frame in at.dataframe for column in frame.value.columns]
    out += [title for chart in at.get("vega_lite_chart") + at.get("arrow_vega_lite_chart") for title in chart_titles(chart)]
    return [s for s in out if s]


UNTITLED_OK = {"x2", "y2", "detail", "text", "key", "order", "href"}  # channels that show no title of their own


def chart_titles(chart) -> list[str]:
    """Every title an Altair chart's spec shows (axes, legends, tooltips). A channel without a title of its
    own is titled by Vega with its field name (an English column name), so that name counts as shown."""
    import json

    def untitled(encoding):
        for channel, value in encoding.items():
            for enc in value if isinstance(value, list) else [value]:
                if not isinstance(enc, dict) or "field" not in enc or "title" in enc or channel in UNTITLED_OK:
                    continue
                if enc.get("axis", {}) is None or enc.get("legend", {}) is None:
                    continue
                yield str(enc["field"])

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "title" and isinstance(value, str):
                    yield value
                elif key == "encoding" and isinstance(value, dict):
                    yield from untitled(value)
                    yield from walk(value)
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    spec = getattr(chart, "proto", None)
    return list(walk(json.loads(spec.spec))) if spec is not None and spec.spec else []


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
@pytest.mark.parametrize(("user", "page", "query"), [
    pytest.param(*p, id=f"{p[0]}-{p[1]}" + (f"-{next(iter(p[2]))}" if p[2] else "")) for p in PAGES])
def test_no_english_on_a_dutch_page(world, app, settings, user, page, query):
    nl, en = texts("nl"), texts("en")
    # English catalogue texts of three words or more that Dutch words differently.
    leaked = {text.split("{")[0].strip() for key, text in en.items()
              if text != nl.get(key) and len(text.split("{")[0].split()) >= 3}
    vocabulary = dutch_vocabulary(settings)
    query = {k: filled(world, settings, v) for k, v in query.items()}
    at = app(world, user, page, **query)
    found = {s: english_in(s, leaked, vocabulary) for s in visible_strings(at)}
    found = {s: p for s, p in found.items() if p}
    assert found == {}, f"{page} as {user}: English on a Dutch page: {found}"


def filled(world, settings, value: str) -> str:
    """A query value: an ad of the test world by name, a dossier or case made for the test, or as given."""
    from sqlalchemy import select

    from casefiles.cases import add_ad, create_case
    from casefiles.dossiers import create_dossier
    from casefiles.review import decide
    from core.db import session_scope
    from core.schema import Capture, User

    if value in ("high", "mid", "low"):
        return str(getattr(world, value))
    if value.startswith("ad:"):
        return "ad:" + str(getattr(world, value[3:]))
    with session_scope(settings) as s:
        if value == "dossier":
            return str(create_dossier(s, "anna", "phone", "0612345678", title="Lisa/Nina").id)
        if value == "case":
            decide(s, s.get(User, world.users["anna"]), world.high, "confirm", "bel mijn manager")
            case = create_case(s, "Lisa en Nina", "zuid", "anna")
            add_ad(s, case, world.high, "anna")
            return case.number
        if value == "capture":
            return str(s.execute(select(Capture.id)).scalars().first())
    return value
