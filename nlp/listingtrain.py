"""Fit the listing classifier on the written corpus and ship it as coefficients (``nlp.listing``).

    python -m nlp.listingtrain            # writes nlp/data/listing_model.json

TF-IDF over the features of ``nlp.listing.analyse`` (words, word pairs, character 3-5-grams in
words), an L2 logistic regression, then the ``KEEP`` strongest features are kept and the model is
refitted on them alone so that the shipped file is small and its scores are exact. Platt scaling
(``a``, ``b``) is fitted on out-of-fold decision values, as CalibratedClassifierCV(method="sigmoid")
does, with folds that hold out whole topics.

Beside the written corpus, the listings of the development sets (``tests/data/dev*``, never
``tests/data/blind``): adult ads (positives and hard negatives) and ordinary listings written by
authors who did not write the corpus. The corpus alone read a shop that moves, a travel buddy or a
pupil of the week as adult ads; text by other hands is what teaches the model that (round 6,
leave-one-set-out figures in docs/EVALUATION.md). Their topic is their set and kind, so the
scaling's folds hold each author out. Deterministic: same corpus seed, same file. Figures: ``python -m benchmarks.listingeval``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlp.listing import MODEL_PATH, ListingModel, analyse
from nlp.listingcorpus import ADULT, NON_ADULT, Listing, generate

SEED = 14
PER_KIND = 3000
KEEP = 6000
C = 4.0


def development_listings(exclude: Sequence[str] = ()) -> list[Listing]:
    """The development sets' adult ads (positives, hard negatives) and ordinary listings, minus the
    excluded sets; ``clean`` texts are neither (site rules, notices)."""
    from nlp.textmodeltrain import development_items

    return [Listing(text=x["text"], lang=x["lang"], kind=NON_ADULT if x["kind"] == "non_adult" else ADULT,
                    topic=f"{x['set']}:{x['kind']}", template="development set")
            for x in development_items(exclude) if x["kind"] in ("positive", "hard_negative", "non_adult")]


def _vectorizer(vocabulary: Sequence[str] | None = None):  # scikit-learn imported lazily
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=1 if vocabulary else 2,
                           vocabulary=vocabulary)


def _regression():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def fit(listings: Sequence[Listing], keep: int = KEEP) -> ListingModel:
    """A fitted ``ListingModel`` (plain numbers) from labelled listings."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    texts = [x.text for x in listings]
    y = np.array([x.kind == ADULT for x in listings], dtype=int)
    wide = _vectorizer()
    first = _regression().fit(wide.fit_transform(texts), y)
    names = wide.get_feature_names_out()
    strongest = np.argsort(-np.abs(first.coef_[0]), kind="stable")[:keep]
    vocabulary = sorted(str(names[i]) for i in strongest)

    vectorizer = _vectorizer(vocabulary)
    x = vectorizer.fit_transform(texts)
    model = _regression().fit(x, y)
    # Out-of-fold by topic: the scaling then reflects listings about things the corpus did not cover,
    # not the near-certainty a model has on templates it has seen.
    topics = [f"{item.kind}:{item.topic}" for item in listings]
    out_of_fold = cross_val_predict(_regression(), x, y, cv=GroupKFold(n_splits=5), groups=topics,
                                    method="decision_function")
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(out_of_fold.reshape(-1, 1), y)
    return ListingModel({
        "version": "listing-v1",
        "trained_on": f"nlp.listingcorpus.generate(per_kind={PER_KIND}, seed={SEED}) or a split of it, "
                      f"and {sum(x.template == 'development set' for x in listings)} development-set listings",
        "features": vocabulary,
        "idf": [round(float(v), 6) for v in vectorizer.idf_],
        "coef": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "platt": [round(float(platt.coef_[0][0]), 6), round(float(platt.intercept_[0]), 6)],
    })


def write(model: ListingModel, path: Path = MODEL_PATH) -> None:
    data: dict[str, Any] = model.data
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> None:
    model = fit(generate(PER_KIND, SEED) + development_listings())
    write(model)
    print(f"wrote {MODEL_PATH} ({len(model.terms_)} features, {MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
