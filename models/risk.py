"""The learned risk model: which ads look like a minor or a controlled person is advertised.

A scikit-learn pipeline over three kinds of features, each explainable in words:

- **text**: character 3–5-grams (TF-IDF) of the ad text *after* masking names, places and
  numbers (``models.shingles``) and removing every word that names a nationality, ethnicity,
  religion or language (``data/protected_terms.yaml``);
- **indicators**: the nlp lexicon's indicator codes found in the ad, with their weights;
- **links**: the size of the ad's network and text cluster, its number of cities and phones.

A logistic regression, calibrated (sigmoid, 3 folds) so that the output reads as a
probability. ``explain`` gives each score's strongest contributions (coefficient times
value). The model supports review; it never decides about a person (docs/DOMAIN.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import numpy as np
from pydantic import AfterValidator, Field, model_validator
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from core.datafiles import DataFiles, Said, Strict, files_problems, load_model
from models.shingles import matching_words, plain_word

LINK_FEATURES = ("network_ads_log", "network_cities", "network_phones", "text_cluster_ads_log")
PROTECTED_TERMS_FILE = Path(__file__).parent / "data" / "protected_terms.yaml"


def _stem(value: str) -> str:
    if len(value) < 3 or not value.isalpha() or value != plain_word(value):
        raise ValueError(f"{value!r} must be a lower-case stem of 3+ letters without accents")
    return value


class ProtectedTerms(Strict):
    """``data/protected_terms.yaml``: word stems that name who a person is, kept out of the model's text."""

    source: Said
    """Why these words are removed (the rule in DOMAIN.md)."""
    stems: Annotated[dict[str, list[Annotated[str, AfterValidator(_stem)]]], Field(min_length=1)]
    """Group name -> stems; a word is removed when it starts with a stem (after lower-casing, no accents)."""

    @model_validator(mode="after")
    def _each_stem_once(self) -> ProtectedTerms:
        seen: dict[str, str] = {}
        twice = []
        for group, stems in self.stems.items():
            for stem in stems:
                if stem in seen:
                    twice.append(f"{stem!r} ({seen[stem]}, {group})")
                seen.setdefault(stem, group)
        if twice:
            raise ValueError(f"stems: listed twice: {', '.join(twice)}")
        if not seen:
            raise ValueError("stems: no stems")
        return self


def data_files() -> DataFiles:
    return [(PROTECTED_TERMS_FILE, ProtectedTerms)]


def validate_protected_terms() -> list[str]:
    """Problems in ``data/protected_terms.yaml`` (empty when it is well formed)."""
    return files_problems(data_files())


validate_all = validate_protected_terms


@lru_cache(maxsize=1)
def protected_stems() -> tuple[str, ...]:
    terms = load_model(PROTECTED_TERMS_FILE, ProtectedTerms)
    return tuple(sorted({stem for stems in terms.stems.values() for stem in stems}))


def is_protected(word: str) -> bool:
    return word.startswith(protected_stems())


def model_text(text: str) -> str:
    """The text the model may read: masked words, protected terms removed."""
    return " ".join(w for w in matching_words(text) if not is_protected(w))


def _texts(X: Sequence[Mapping[str, Any]]) -> list[str]:
    return [model_text(x["text"]) for x in X]


def _facts(X: Sequence[Mapping[str, Any]]) -> list[dict[str, float]]:
    rows = []
    for x in X:
        row = {f"indicator={code}": float(weight) for code, weight in (x.get("indicators") or {}).items()}
        row.update({f"link:{k}": float(v) for k, v in (x.get("links") or {}).items() if k in LINK_FEATURES})
        rows.append(row)
    return rows


def link_features(network_ads: int, network_cities: int, network_phones: int, text_cluster_ads: int) -> dict:
    return {"network_ads_log": math.log1p(network_ads), "network_cities": network_cities,
            "network_phones": network_phones, "text_cluster_ads_log": math.log1p(text_cluster_ads)}


def make_pipeline(random_state: int = 0) -> Pipeline:
    text = Pipeline([
        ("select", FunctionTransformer(_texts)),
        ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, max_features=20000,
                                  sublinear_tf=True)),
    ])
    facts = Pipeline([("select", FunctionTransformer(_facts)), ("dict", DictVectorizer())])
    classifier = CalibratedClassifierCV(
        LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced", random_state=random_state),
        method="sigmoid", cv=3,
    )
    return Pipeline([("features", FeatureUnion([("text", text), ("facts", facts)])), ("classifier", classifier)])


def feature_names(pipeline: Pipeline) -> list[str]:
    union = pipeline.named_steps["features"]
    parts = dict(union.transformer_list)
    text_names = [f"text '{n}'" for n in parts["text"].named_steps["tfidf"].get_feature_names_out()]
    return text_names + list(parts["facts"].named_steps["dict"].get_feature_names_out())


def coefficients(pipeline: Pipeline) -> np.ndarray:
    """The logistic coefficients, averaged over the calibration folds."""
    folds = pipeline.named_steps["classifier"].calibrated_classifiers_
    return np.mean([fold.estimator.coef_[0] for fold in folds], axis=0)


def feature_means(pipeline: Pipeline, X: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """Mean of each feature over the training ads: the baseline contributions are measured from."""
    return np.asarray(pipeline.named_steps["features"].transform(X).mean(axis=0)).ravel()


def explain(pipeline: Pipeline, X: Sequence[Mapping[str, Any]], top: int = 5) -> list[dict[str, Any]]:
    """Per ad: ``risk`` (calibrated probability) and its strongest contributions in words.

    A contribution is coefficient x (value - training mean), so a feature every ad has
    (one city, no network) is not given as a reason; with no stored means it is coefficient x value.
    """
    features = pipeline.named_steps["features"].transform(X).tocsr()
    risks = pipeline.named_steps["classifier"].predict_proba(features)[:, 1]
    coef, names = coefficients(pipeline), feature_names(pipeline)
    means = getattr(pipeline, "feature_means_", None)
    out = []
    for i, risk in enumerate(risks):
        row = features[i]
        if means is None:
            values = dict(zip(row.indices.tolist(), (coef[row.indices] * row.data).tolist(), strict=True))
        else:
            dense = row.toarray().ravel()
            values = dict(enumerate((coef * (dense - means)).tolist()))
        strongest = sorted(((v, j) for j, v in values.items() if v > 0.005), reverse=True)[:top]
        out.append({
            "risk": round(float(risk), 4),
            "reasons": [f"{names[j]} ({v:+.2f})" for v, j in strongest],
        })
    return out
