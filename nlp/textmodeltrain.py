"""Fit the indicator text model (``nlp.textmodel``) on the development sets and ship it as numbers.

    python -m nlp.textmodeltrain            # writes nlp/data/indicator_model.json

Training text: every ``tests/data/dev*/indicators*.jsonl`` item (sentences and ads written by authors
who did not write the lexicons, with their labels), never ``tests/data/blind``. TF-IDF over
``nlp.textmodel.features``, one L2 logistic regression per category, then the ``KEEP`` features
strongest in any category are kept and the models are refitted on them alone, so the shipped file is
small and its scores exact. Platt scaling is fitted on out-of-fold decision values with folds that
hold out whole sets (one author each): the probabilities then reflect text by an author the model
has not read. Deterministic: same sets, same file. Leave-one-set-out figures of the whole extraction
with such a model: ``python -m benchmarks.textmodeleval``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlp.textmodel import CATEGORIES, MODEL_PATH, TextModel, features

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
KEEP = 8000
C = 4.0
# Plain adult ads of the listing corpus (name, age, city, price, contact; no indicator) as negatives
# of every category: the development sets hold few of them, and without them a bare introduction
# ("Hallo, ik ben Eva uit Zwolle.") read as young, because short first-person texts there often are.
PLAIN_ADS, PLAIN_SEED = 1500, 21


def development_items(exclude: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The labelled items of every development set (folder name in ``set``), minus the excluded sets."""
    items = []
    for folder in sorted(DATA.glob("dev*")):
        if folder.name in exclude:
            continue
        for file in sorted(folder.glob("indicators*.jsonl")):
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    items.append({"text": item["text"], "labels": item.get("labels") or [], "set": folder.name})
    return items


def plain_ads(count: int = PLAIN_ADS) -> list[dict[str, Any]]:
    from nlp.listingcorpus import ADULT, generate

    # "dag en nacht" / "24/7" is a (weak) coercion indicator: such ads are no negatives
    always = re.compile(r"dag en nacht|day and night|24/7|24 ?uur|24 ?h", re.IGNORECASE)
    plain = [x for x in generate(count * 12, PLAIN_SEED)
             if x.kind == ADULT and x.topic == "plain" and not always.search(x.text)]
    return [{"text": x.text, "labels": [], "set": "listingcorpus-plain"} for x in plain[:count]]


def _vectorizer(vocabulary: Sequence[str] | None = None):  # scikit-learn imported lazily
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=1 if vocabulary else 2,
                           vocabulary=vocabulary)


def _regression():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def fit(items: Sequence[dict[str, Any]], keep: int = KEEP) -> TextModel:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    texts = [x["text"] for x in items]
    labels = {c: np.array([c in x["labels"] for x in items], dtype=int) for c in CATEGORIES}
    wide = _vectorizer()
    x_wide = wide.fit_transform(texts)
    strength = np.zeros(x_wide.shape[1])
    for c in CATEGORIES:
        strength = np.maximum(strength, np.abs(_regression().fit(x_wide, labels[c]).coef_[0]))
    names = wide.get_feature_names_out()
    vocabulary = sorted(str(names[i]) for i in np.argsort(-strength, kind="stable")[:keep])

    vectorizer = _vectorizer(vocabulary)
    x = vectorizer.fit_transform(texts)
    groups = [x_["set"] for x_ in items]
    folds = GroupKFold(n_splits=min(5, len(set(groups))))
    coef, intercept, platt = {}, {}, {}
    for c in CATEGORIES:
        model = _regression().fit(x, labels[c])
        coef[c] = [round(float(v), 6) for v in model.coef_[0]]
        intercept[c] = round(float(model.intercept_[0]), 6)
        out_of_fold = cross_val_predict(_regression(), x, labels[c], cv=folds, groups=groups,
                                        method="decision_function")
        scaling = LogisticRegression(C=1e6, max_iter=1000).fit(out_of_fold.reshape(-1, 1), labels[c])
        platt[c] = [round(float(scaling.coef_[0][0]), 6), round(float(scaling.intercept_[0]), 6)]
    return TextModel({
        "version": "indicator-text-v1",
        "trained_on": sorted(set(groups)),
        "categories": list(CATEGORIES),
        "features": vocabulary,
        "idf": [round(float(v), 6) for v in vectorizer.idf_],
        "coef": coef,
        "intercept": intercept,
        "platt": platt,
    })


def write(model: TextModel, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model.data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> None:
    model = fit(development_items() + plain_ads())
    write(model)
    print(f"wrote {MODEL_PATH} ({len(model.row)} features, {MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
