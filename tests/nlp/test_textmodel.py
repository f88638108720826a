"""The indicator text model: what it reads, what it may never read, and when extraction asks it."""

from __future__ import annotations

import json

import pytest

from nlp.extract import extract
from nlp.textmodel import MODEL_PATH, features, is_protected, model_tokens, number_word, shipped_model
from nlp.textmodeltrain import fit, lexicon_examples, training_items


def test_places_numbers_and_protected_words_are_not_read_as_written():
    tokens = model_tokens("Roemeense meid, 17, nieuw in Zwolle, geboren 2009, 25 jaar ervaring")
    assert "roemeense" not in tokens and "zwolle" not in tokens
    assert tokens[:1] == ["meid"] and "stad" in tokens
    assert "getal_tiener" in tokens and "jaartal_recent" in tokens and "getal_volwassen" in tokens
    assert number_word("5") == "getal_kind" and number_word("18") == "getal_18" and number_word("1994") == "jaartal_oud"
    assert number_word("²") == "²"  # a digit that is no ASCII number stays a word


@pytest.mark.parametrize("text", [
    "Geen manager, geen chauffeur: ik boek zelf. Nora (19), Zwolle, 06-12345678.",
    "the guy who runs her fone answers, she is 17 and new in Leiden, 150 per hour",
    "Roemeense meid, nieuw in Zwolle, bel 0612345678 voor info!! born 2009",
])
def test_scoring_counts_the_features_training_saw(text):
    # _counts (run time, cached per token) must count exactly what features() (the training analyser) gives
    from collections import Counter

    model = shipped_model()
    expected = Counter(model.row[f] for f in features(text) if f in model.row)
    assert expected and Counter(model._counts(text)) == expected


def test_no_feature_of_the_shipped_model_names_origin_ethnicity_or_religion():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    words = [f[2:] for f in data["features"] if f.startswith("w:")]
    pairs = [w for f in data["features"] if f.startswith("b:") for w in f[2:].split(" ")]
    assert words and not [w for w in words + pairs if is_protected(w)]


def test_the_model_reads_what_no_pattern_names_and_shows_why():
    text = "I can meet between my last class and dinner, my mum checks when I get in. Nora, Zwolle."
    hits = [h for h in extract(text).indicators if h["category"] == "minor"]
    assert [h["code"] for h in hits] == ["read_as_minor"]
    hit = hits[0]
    assert text[hit["start"] : hit["end"]] == hit["text"] and hit["probability"] >= 0.8
    assert hit["terms"] and all(t["weight"] > 0 for t in hit["terms"])
    # what a stored hit keeps: the explanation ends with the reading, in both languages
    reading = f"[p = {hit['probability']:.2f}; '{hit['terms'][0]['term']}'"
    assert reading in hit["explanation"] and reading in hit["explanation_nl"] and hit["explanation"].endswith("]")


def test_the_workbench_shows_a_model_reading_in_the_viewers_language(monkeypatch):
    from types import SimpleNamespace

    import workbench.i18n as i18n

    monkeypatch.setattr(i18n, "current_language", lambda: "nl")
    stored = SimpleNamespace(code="read_as_coercion", explanation="The text model ... [p = 0.93; 'her', 'runs']")
    shown = i18n.indicator_explanation(stored)
    assert shown.startswith("Het tekstmodel") and shown.endswith(" [p = 0.93; 'her', 'runs']")
    plain = i18n.indicator_explanation(SimpleNamespace(code="tour", explanation="stored"))
    assert "[p =" not in plain and plain != "stored"


def test_the_model_is_asked_only_for_categories_no_pattern_found_and_only_in_an_ad():
    coerced = "Please be kind to the man at the wheel, he is the one who gets the envelope. Zwolle."
    assert "read_as_coercion" in {h["code"] for h in extract(coerced).indicators}
    patterned = "Call her manager for bookings, he arranges everything. Zwolle."
    codes = {h["code"] for h in extract(patterned).indicators}
    assert "booking_via_third_party" in codes and "read_as_coercion" not in codes
    assert shipped_model().probabilities("My boyfriend and I went to the cinema.")["coercion"] > 0.5
    assert extract("My boyfriend and I went to the cinema.").indicators == []  # no city, age, price or contact


def test_a_plain_adult_ad_gets_no_model_reading():
    assert not [h for h in extract("Nora, 31, incall Zwolle, weekdays from noon, 150 per hour. Text me.").indicators
                if h["code"].startswith("read_as_")]


@pytest.mark.slow
def test_the_shipped_model_is_what_training_writes():
    trained = fit(training_items(), lexicon_examples())
    assert trained.data == json.loads(MODEL_PATH.read_text(encoding="utf-8"))
