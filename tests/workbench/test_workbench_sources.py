"""The points table and the indicator table in Dutch: categories, sources and explanations (issue 18, point 5).

Sources are citations the lexicon (nlp/indicators) and the points scheme (casefiles/scheme.yaml) keep in
English; ``workbench/i18n/sources.nl.yaml`` words each in Dutch. A new source without a Dutch text fails here.
"""

from __future__ import annotations

import pytest

from casefiles.scheme import load_scheme
from nlp.lexicon import load_entries
from workbench import i18n


def every_source() -> set[str]:
    scheme = load_scheme()
    found = {e.source.strip() for e in load_entries()}
    found |= {e["source"].strip() for section in ("indicators", "signals") for e in scheme[section].values()}
    return found | {c["source"].strip() for c in scheme["colours"]}


def test_every_cited_source_has_a_dutch_text():
    assert every_source() - set(i18n._sources("nl")) == set()


def test_every_scheme_weight_is_explained_in_both_languages():
    lexicon = {e.code for e in load_entries()}
    scheme = load_scheme()
    codes = set(scheme["signals"]) | {c for c in scheme["indicators"] if c not in lexicon}
    for lang in i18n.LANGUAGES:
        assert {c for c in codes if f"scheme.explanation.{c}" not in i18n.texts(lang)} == set(), lang


def test_labels_follow_the_viewers_language(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "nl")
    assert i18n.source_label("HON protocol; proposed licensing law.") == "HON-protocol; voorgestelde vergunningswet."
    assert i18n.source_label("lexicon nl.yaml (test)") == "lexicon nl.yaml (test)"  # unknown: as it is
    assert i18n.scheme_explanation("many_ads").startswith("Vijf of meer")
    assert i18n.action_label("case.export") == "zaken exporteren"
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert i18n.source_label("HON protocol; proposed licensing law.") == "HON protocol; proposed licensing law."


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)
def test_the_points_table_is_dutch(world, app, settings):
    from casefiles.dossiers import create_dossier
    from core.db import session_scope

    with session_scope(settings) as s:
        dossier = create_dossier(s, "anna", "phone", "0612345678", title="Lisa/Nina").id
    at = app(world, "anna", "dossiers", dossier=str(dossier))
    table = next(d.value for d in at.dataframe if "Bron" in d.value.columns)
    assert set(table["Categorie"]) <= {"dwang", "verplaatsing", "minderjarigheid", "beoordeling", "veredeling"}
    assert all(" the " not in f" {text} " for text in table["Uitleg"]), list(table["Uitleg"])
