from __future__ import annotations

import json

import pytest

from benchmarks.nlpeval import evaluate_world, render, write_doc
from core.schema import analysis_text
from nlp.extract import extract
from nlp.licences import RegisterError, find_licences, load_register


def test_licence_numbers_are_read_and_checked_against_the_register(tmp_path):
    register_file = tmp_path / "licences.csv"
    register_file.write_text("licence,holder\nZWO-ESC-2025-0275,Ella\n", encoding="utf-8")
    register = load_register(str(register_file))
    assert register == frozenset({"ZWO-ESC-2025-0275"})
    text = "Escort in Zwolle. Vergunning: ZWO-ESC-2025-0275. Ook: licence number UTR-ESC-2025-0001"
    assert [lic.number for lic in find_licences(text)] == ["ZWO-ESC-2025-0275", "UTR-ESC-2025-0001"]
    result = extract(text, licence_register=register)
    unknown = [h for h in result.indicators if h["code"] == "licence_unknown"]
    assert [h["text"] for h in unknown] == ["UTR-ESC-2025-0001"] and unknown[0]["category"] == "licensing"
    assert not any(h["code"] == "licence_unknown" for h in extract(text).indicators)  # no register: not judged
    assert {e.value for e in result.entities if e.kind == "licence"} == {"ZWO-ESC-2025-0275", "UTR-ESC-2025-0001"}
    assert find_licences("Vergunning aangevraagd, volgt snel.") == []


def test_register_errors_are_clear(tmp_path):
    with pytest.raises(RegisterError, match="cannot read licence register"):
        load_register(str(tmp_path / "missing.csv"))
    plain = tmp_path / "plain.txt"
    plain.write_text("# one per line\nams-esc-2025-0001\n", encoding="utf-8")
    assert load_register(str(plain)) == frozenset({"AMS-ESC-2025-0001"})


def _truth(title, body, phones=(), indicators=(), kind="ad", stated_age=None):
    text = analysis_text(title, body)

    def span(piece, **extra):
        start = text.index(piece)
        return {"start": start, "end": start + len(piece), **extra}

    return {
        "site": "classic", "site_ad_id": title, "version": 1, "kind": kind, "title": title, "body": body,
        "text": text, "stated_age": stated_age,
        "phones": [{"e164": e164, "disguise": d, **span(w)} for e164, w, d in phones],
        "emails": [], "handles": [],
        "indicators": [{"code": c, "category": cat, **span(w)} for c, cat, w in indicators],
    }


def test_evaluation_scores_a_small_world(tmp_path):
    records = [
        _truth("Lisa (17)", "Bel 06*12*34*56*78. 24/7 beschikbaar.", stated_age=17,
               phones=[("+31612345678", "06*12*34*56*78", ["separators"])],
               indicators=[("age_under_18", "minor", "(17)"), ("phone_disguised", "obfuscation", "06*12*34*56*78"),
                           ("always_available", "coercion", "24/7")]),
        _truth("Eva (25)", "Bel 0201234567. Op tour!", stated_age=25,
               phones=[("+31201234567", "0201234567", []), ("+31699999999", "0201234567", [])]),
        _truth("Bijles in Delft", "Docent geeft bijles aan tieners, ook na school. Bel 0612345670",
               kind="noise", phones=[("+31612345670", "0612345670", [])]),
    ]
    (tmp_path / "truth.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = evaluate_world(tmp_path)
    assert report.versions == 3
    assert (report.phones.tp, report.phones.fp, report.phones.fn) == (3, 0, 1)
    assert report.phone_by_disguise["separators"].recall == 1.0
    # "(17)" may raise more than one minor code (the stated age, and the age in brackets by a name);
    # each overlaps the planted span, so each counts as right, and nothing else is minor.
    minor = report.categories["minor"]
    assert minor.tp >= 1 and minor.fp == 0 and minor.fn == 0
    assert report.categories["coercion"].recall == 1.0
    assert report.categories["movement"].fp == 1  # "Op tour" was not planted
    assert report.noise_versions == 1 and report.noise_minor_flags == 0
    assert report.ages[True] == 2

    doc = tmp_path / "EVALUATION.md"
    doc.write_text("# Evaluation\n\nmodels section stays\n", encoding="utf-8")
    write_doc(render(report, "test world"), doc)
    write_doc(render(report, "test world"), doc)  # rewriting replaces the section, not appends
    content = doc.read_text(encoding="utf-8")
    assert "models section stays" in content and content.count("## NLP extraction") == 1
    assert "| phones (version, E.164) | 1.000 | 0.750 |" in content
