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
                    items.append({"text": item["text"], "labels": item.get("labels") or [], "set": folder.name,
                                  "kind": item.get("kind"), "lang": item.get("lang")})
    return items


def plain_ads(count: int = PLAIN_ADS) -> list[dict[str, Any]]:
    from nlp.listingcorpus import ADULT, generate

    # "dag en nacht" / "24/7" is a (weak) coercion indicator: such ads are no negatives
    always = re.compile(r"dag en nacht|day and night|24/7|24 ?uur|24 ?h", re.IGNORECASE)
    plain = [x for x in generate(count * 12, PLAIN_SEED)
             if x.kind == ADULT and x.topic == "plain" and not always.search(x.text)]
    return [{"text": x.text, "labels": [], "set": "listingcorpus-plain"} for x in plain[:count]]


# A first-person introduction with nothing else in it ("Hallo, ik ben Eva uit Zwolle.", "Hi, I'm Kim from
# Leiden, text me") is how most ads open, young or not. The development sets' authors wrote many young
# advertisers in that voice and few plain adult ones, so without these negatives the model learns the
# voice ("ik ben ... uit") as youth. Round 7: a bare introduction read 0.70 minor without them.
_INTRODUCTIONS = {
    "nl": ["[Hallo|Hoi|Hey|Hee|Goedemiddag], ik ben {name}[| en ik woon in {city}| uit {city}| uit de buurt van {city}].",
           "[Ik ben|Mijn naam is|Hier is] {name}[|, {age}|, {age} jaar][| uit {city}|, {city}].",
           "[Hoi!|Hallo!|] Ik ben {name}[| uit {city}]. [Bel of app voor een afspraak.|Stuur gerust een berichtje.|"
           "Ik reageer snel.|Ik ben vrolijk en spontaan.|Ik hou van muziek en lekker eten.|]"],
    "en": ["[Hi|Hello|Hey|Good afternoon], I'm {name}[| from {city}| and I live in {city}| near {city}].",
           "[I'm|My name is|This is] {name}[|, {age}|, {age} years old][| from {city}|, {city}].",
           "[Hi!|Hello!|] I'm {name}[| from {city}]. [Text me for an appointment.|Feel free to message me.|"
           "I reply quickly.|I'm cheerful and easygoing.|I love music and good food.|]"],
}
# Where and how she receives, and her name with her town, are in nearly every ad, moving or not: without
# these the model read an arrangement line ("ontvangst in een privé appartement of escort naar hotel")
# or a bare "Laura, Breda" as movement (round 8, once dev9 was in training).
_ARRANGEMENTS = {
    "nl": ["[Ontvangst|Privé ontvangst|Ik ontvang] in [mijn|een] [privé appartement|eigen appartement|studio|"
           "rustige woning|appartement][| in {city}][| of escort naar [hotel|je huis|hotel of thuis]].",
           "{name}[, | in | uit ]{city}[|. Bel of app.|, {age}]"],
    "en": ["[Incall|Private incall|I receive] [at|in] [my|a] [private apartment|own flat|studio|quiet apartment]"
           "[| in {city}][| or outcall to [hotels|your place|hotels and homes]].",
           "{name}[, | in | from ]{city}[|. Call or text.|, {age}]"],
}
INTRODUCTIONS, INTRODUCTION_SEED = 400, 22


def plain_introductions(count: int = INTRODUCTIONS) -> list[dict[str, Any]]:
    import random

    from nlp.listingcorpus import _expand, _slots

    rng = random.Random(INTRODUCTION_SEED)
    out = []
    for i in range(count):
        lang = ("nl", "en")[i % 2]
        text = _expand(rng.choice(_INTRODUCTIONS[lang]), rng, _slots(rng, lang))
        out.append({"text": text, "labels": [], "set": "introductions"})
    for i in range(count // 2):
        lang = ("nl", "en")[i % 2]
        text = _expand(rng.choice(_ARRANGEMENTS[lang]), rng, _slots(rng, lang))
        out.append({"text": text, "labels": [], "set": "introductions"})
    return out


def training_items(exclude: Sequence[str] = ()) -> list[dict[str, Any]]:
    """What the shipped model is fitted on: the development sets (minus `exclude`) and the plain negatives."""
    return development_items(exclude) + plain_ads() + plain_introductions()


def lexicon_examples() -> dict[str, list[dict[str, Any]]]:
    """Per category, the example sentences of the lexicon's entries of that category: positives
    labelled with it, negatives (near misses the patterns must not raise) without it. Used only for
    that category's model: an example says nothing about the other categories."""
    from nlp.lexicon import load_entries

    out: dict[str, list[dict[str, Any]]] = {c: [] for c in CATEGORIES}
    for entry in load_entries():
        if entry.category in out:
            out[entry.category] += [{"text": t, "labels": [entry.category], "set": "lexicon"} for t in entry.positives]
            out[entry.category] += [{"text": t, "labels": [], "set": "lexicon"} for t in entry.negatives]
    return out


def _vectorizer(vocabulary: Sequence[str] | None = None):  # scikit-learn imported lazily
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=1 if vocabulary else 2,
                           vocabulary=vocabulary)


def _regression():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def fit(items: Sequence[dict[str, Any]], per_category: dict[str, list[dict[str, Any]]] | None = None,
        keep: int = KEEP) -> TextModel:
    """One model per category over a shared vocabulary: `items` train every category, the lists of
    `per_category` (``lexicon_examples``) only their own."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    per_category = per_category or {}
    rows = {c: list(items) + per_category.get(c, []) for c in CATEGORIES}
    every = list(items) + [x for c in CATEGORIES for x in per_category.get(c, [])]
    wide = _vectorizer()
    wide.fit([x["text"] for x in every])
    strength = np.zeros(len(wide.vocabulary_))
    for c in CATEGORIES:
        y = np.array([c in x["labels"] for x in rows[c]], dtype=int)
        coef = _regression().fit(wide.transform([x["text"] for x in rows[c]]), y).coef_[0]
        strength = np.maximum(strength, np.abs(coef))
    names = wide.get_feature_names_out()
    vocabulary = sorted(str(names[i]) for i in np.argsort(-strength, kind="stable")[:keep])

    vectorizer = _vectorizer(vocabulary)
    vectorizer.fit([x["text"] for x in every])
    coef_out, intercept, platt = {}, {}, {}
    for c in CATEGORIES:
        x = vectorizer.transform([x_["text"] for x_ in rows[c]])
        y = np.array([c in x_["labels"] for x_ in rows[c]], dtype=int)
        groups = [x_["set"] for x_ in rows[c]]
        model = _regression().fit(x, y)
        coef_out[c] = [round(float(v), 6) for v in model.coef_[0]]
        intercept[c] = round(float(model.intercept_[0]), 6)
        # Out-of-fold by set (one author each): probabilities for text by an author the model has not read.
        folds = GroupKFold(n_splits=min(5, len(set(groups))))
        out_of_fold = cross_val_predict(_regression(), x, y, cv=folds, groups=groups, method="decision_function")
        scaling = LogisticRegression(C=1e6, max_iter=1000).fit(out_of_fold.reshape(-1, 1), y)
        platt[c] = [round(float(scaling.coef_[0][0]), 6), round(float(scaling.intercept_[0]), 6)]
    return TextModel({
        "version": "indicator-text-v1",
        "trained_on": sorted({x["set"] for x in every}),
        "categories": list(CATEGORIES),
        "features": vocabulary,
        "idf": [round(float(v), 6) for v in vectorizer.idf_],
        "coef": coef_out,
        "intercept": intercept,
        "platt": platt,
    })


def write(model: TextModel, path: Path = MODEL_PATH) -> None:
    path.write_text(json.dumps(model.data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main() -> None:
    model = fit(training_items(), lexicon_examples())
    write(model)
    print(f"wrote {MODEL_PATH} ({len(model.row)} features, {MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
