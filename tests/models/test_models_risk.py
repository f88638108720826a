from __future__ import annotations

import json
import random

import joblib
import pytest

from models.risk import (
    explain,
    feature_names,
    is_protected,
    link_features,
    model_text,
    protected_stems,
    validate_protected_terms,
)
from models.risktrain import TrainingError, calibration_table, review_examples, train

SAFE = ["Hoi, ik ben {n}, {a} jaar. Ontvang in {c}. Alleen op afspraak, graag een dag van tevoren. Prijs {p} euro.",
        "Welkom bij {n} in {c}. Rustige dame, {a} jaar, escort naar hotel. Tarief {p} per uur. Kusjes."]
RISKY = ["Nieuw in {c}! {n} is {a} en altijd beschikbaar, bel mijn manager. Alleen deze week. Roemeense meid.",
         "Onze meiden: {n} ({a}), nieuw in {c}, 24/7, zonder bescherming. Elke week nieuwe meiden. Latina."]


def _examples(n: int = 80, links: bool = True) -> list[dict]:
    rng = random.Random(4)
    out = []
    for i in range(n):
        risky = i % 3 == 0
        text = rng.choice(RISKY if risky else SAFE).format(
            n=rng.choice(["Lisa", "Eva", "Noor"]), a=rng.randint(18, 30), c=rng.choice(["Breda", "Delft"]),
            p=rng.randint(80, 250))
        indicators = {"always_available": 0.3, "booking_via_third_party": 0.4} if risky else {}
        out.append({"text": text, "indicators": indicators, "label": int(risky), "group": f"g{i // 2}",
                    "links": link_features(rng.randint(4, 9) if risky and links else 1,
                                           2 if risky and links else 1, 1, 1)})
    return out


def test_protected_terms_file_is_well_formed():
    assert validate_protected_terms() == []


def test_protected_terms_never_reach_the_model_text():
    assert "nederland" in protected_stems() and "islam" in protected_stems()
    text = model_text("Roemeense meid, spreekt geen Nederlands. latina, moslima, 100% echt. Nieuw in Breda.")
    assert not any(is_protected(w) for w in text.split())
    assert "spreekt geen" in text and "echt" in text and "breda" not in text


def test_train_writes_a_versioned_artefact_with_card_and_explains_scores(tmp_path):
    examples = _examples()
    folder = train(examples, tmp_path, "synthetic test ads", seed=1)
    assert folder.parent == tmp_path and folder.name.startswith("risk-")
    info = json.loads((folder / "metrics.json").read_text())
    assert info["examples"] == 80 and info["protected_terms_in_features"] == 0
    assert info["metrics"]["held_out"]["roc_auc"] >= 0.9
    card = (folder / "card.md").read_text()
    assert "booking_via_third_party" in card and "Not used: nationality, ethnicity, religion" in card
    calibration = info["metrics"]["calibration"]
    assert sum(row["ads"] for row in calibration) == info["metrics"]["held_out"]["n"]
    assert f"| {calibration[0]['ads']} | {calibration[0]['mean_predicted']:.3f} |" in card
    model = joblib.load(folder / "model.joblib")
    names = feature_names(model)
    assert not any(is_protected(w) for n in names if n.startswith("text ") for w in n[6:-1].split())
    risky, safe = explain(model, [examples[0], examples[1]])
    assert 0 <= safe["risk"] < risky["risk"] <= 1
    assert risky["reasons"] and all("(+" in r for r in risky["reasons"])
    assert any(r.startswith(("indicator=", "link:")) for r in risky["reasons"])


def test_calibration_table_puts_each_prediction_in_one_band():
    import numpy as np

    y = np.array([0, 0, 1, 1, 1])
    p = np.array([0.05, 0.15, 0.5, 0.95, 1.0])
    rows = calibration_table(y, p, bins=5)
    assert [(r["from"], r["to"], r["ads"]) for r in rows] == [(0.0, 0.2, 2), (0.4, 0.6, 1), (0.8, 1.0, 2)]
    assert [r["observed"] for r in rows] == [0.0, 1.0, 1.0]
    assert rows[0]["mean_predicted"] == 0.1 and rows[2]["mean_predicted"] == 0.975


def test_too_little_data_is_a_clear_error(tmp_path):
    with pytest.raises(TrainingError, match="too few examples"):
        train(_examples(12), tmp_path, "tiny")


def test_review_decisions_become_examples(session):
    from datetime import UTC, datetime

    from core.schema import Ad, AdVersion, IndicatorHit, ReviewDecision, Site, User

    site = Site(name="classic", base_url="https://example.invalid")
    user = User(username="ana", password_hash="x")
    session.add_all([site, user])
    session.flush()
    for n, decision in enumerate(["confirm", "dismiss"]):
        ad = Ad(site_id=site.id, site_ad_id=str(n), url="u")
        session.add(ad)
        session.flush()
        version = AdVersion(ad_id=ad.id, content_sha256=str(n), body=f"advertentie {n}",
                            captured_at=datetime(2026, 1, 1, tzinfo=UTC))
        session.add(version)
        session.flush()
        session.add(IndicatorHit(ad_version_id=version.id, code="always_available", category="coercion",
                                 start=0, end=4, text="24/7", weight=0.3))
        session.add(ReviewDecision(ad_id=ad.id, ad_version_id=version.id, user_id=user.id, decision="urgent"))
        session.flush()
        session.add(ReviewDecision(ad_id=ad.id, ad_version_id=version.id, user_id=user.id, decision=decision))
    session.flush()
    examples = sorted(review_examples(session), key=lambda e: e["text"])
    assert [e["label"] for e in examples] == [1, 0]  # the latest decision counts
    assert examples[0]["indicators"] == {"always_available": 0.3}


def test_stored_ads_are_scored_with_reasons_and_rescoring_replaces(settings, tmp_path):
    from datetime import UTC, datetime

    from sqlalchemy import select

    from core.db import session_scope
    from core.schema import Ad, AdVersion, IndicatorHit, Score, Site
    from models.riskstore import ModelNotFound, model_folder, score_stored_ads

    folder = train(_examples(links=False), tmp_path, "synthetic test ads", seed=2)
    assert model_folder(tmp_path) == folder
    with pytest.raises(ModelNotFound):
        model_folder(tmp_path, "risk-missing")
    texts = [RISKY[1].format(n="Eva", a=19, c="Breda"), SAFE[0].format(n="Noor", a=30, c="Delft", p=150)]
    with session_scope(settings) as session:
        site = Site(name="classic", base_url="https://example.invalid")
        session.add(site)
        session.flush()
        for n, text in enumerate(texts):
            ad = Ad(site_id=site.id, site_ad_id=str(n), url="u")
            session.add(ad)
            session.flush()
            version = AdVersion(ad_id=ad.id, content_sha256=str(n), body=text,
                                captured_at=datetime(2026, 1, 1, tzinfo=UTC))
            session.add(version)
            session.flush()
            if n == 0:
                for code, weight in (("always_available", 0.3), ("booking_via_third_party", 0.4)):
                    session.add(IndicatorHit(ad_version_id=version.id, code=code, category="coercion",
                                             start=0, end=4, text="24/7", weight=weight))
        report = score_stored_ads(session, folder, flag_threshold=0.5, actor="tester")
    assert report == {"model": folder.name, "scored": 2, "flagged": 1}
    with session_scope(settings) as session:
        score_stored_ads(session, folder, flag_threshold=0.5)
        scores = session.execute(select(Score).order_by(Score.ad_version_id)).scalars().all()
        assert len(scores) == 2 and scores[0].flagged and not scores[1].flagged
        assert scores[0].risk > scores[1].risk and scores[0].reasons
        assert all(s.model_version == folder.name for s in scores)
