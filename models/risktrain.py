"""Train the risk model and write a versioned artefact with its model card.

Training examples come from a demo world (label: a minor is advertised, or an
exploitative operation posts the ad) and from analysts' review decisions in the
database (latest decision per ad: confirm or urgent = positive, dismiss = negative).
Indicators and identifiers come from ``nlp.extract`` for world ads, as they will for
the ads the model scores; stored ads use their stored indicator hits.

Held-out metrics use a split by network (actor), so one template never sits on both
sides. The artefact goes to ``<data_dir>/models/<version>/``: ``model.joblib``,
``metrics.json`` and ``card.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from models.jobs import network_keys, text_cluster_keys, text_clusterer
from models.linking import NetworkLinker
from models.risk import (
    LINK_FEATURES,
    feature_means,
    feature_names,
    is_protected,
    link_features,
    make_pipeline,
    protected_stems,
)


class TrainingError(ValueError):
    pass


def _attach_links(records: list[dict[str, Any]]) -> None:
    text_keys = text_cluster_keys(records, text_clusterer())
    for record in records:
        record["text_cluster"] = None  # networks here are identifier links only; text size is its own feature
    net_keys, _ = network_keys(records, NetworkLinker(link_on=("phone", "email", "handle", "image")))
    members: dict[str, list[dict]] = defaultdict(list)
    for record, key in zip(records, net_keys, strict=True):
        if key:
            members[key].append(record)
    text_sizes = Counter(k for k in text_keys if k)
    for record, net, text in zip(records, net_keys, text_keys, strict=True):
        group = members[net] if net else [record]
        cities = {s["city"] for r in group for s in r.get("sightings") or ()}
        phones = {p for r in group for p in r.get("phones") or ()}
        record["links"] = link_features(len(group), len(cities), len(phones), text_sizes[text] if text else 1)


def world_examples(folder: Path | str) -> list[dict[str, Any]]:
    from crawlers.demosite.records import world_records
    from nlp.extract import extract

    records = world_records(folder, identifiers="nlp")
    for record in records:
        found = extract(record["body"], title=record["title"] or None, country="NL")
        record["phones"], record["emails"], record["handles"] = found.phones, found.emails, found.handles
        best: dict[str, float] = {}
        for hit in found.indicators:
            best[hit["code"]] = max(best.get(hit["code"], 0.0), float(hit["weight"]))
        record["indicators"] = best
        record["rule_risk"] = found.risk
        record["label"] = int(record["truth_risk"])
        record["group"] = record["truth_network"]
    _attach_links(records)
    return records


def review_examples(session) -> list[dict[str, Any]]:
    """Examples from the latest final review decision per ad, with stored indicators and clusters.

    A proposal (an analyst's dismissal of an escalated ad, awaiting a coordinator) is not a label."""
    from sqlalchemy import func, select

    from core.schema import AdVersion, ReviewDecision
    from models.riskstore import stored_example

    latest = (select(func.max(ReviewDecision.id)).where(ReviewDecision.status == "final")
              .group_by(ReviewDecision.ad_id))
    decisions = session.execute(
        select(ReviewDecision).where(ReviewDecision.id.in_(latest)).order_by(ReviewDecision.id)
    ).scalars().all()
    examples = []
    for decision in decisions:
        if decision.decision not in ("confirm", "urgent", "dismiss"):
            continue
        example = stored_example(session, session.get(AdVersion, decision.ad_version_id))
        example.update(label=int(decision.decision != "dismiss"), group=f"review:{decision.ad_id}")
        examples.append(example)
    return examples


def _metrics(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    if len(set(y.tolist())) < 2:
        return {"n": int(len(y))}
    return {"n": int(len(y)), "positives": int(y.sum()), "roc_auc": round(float(roc_auc_score(y, p)), 4),
            "average_precision": round(float(average_precision_score(y, p)), 4),
            "brier": round(float(brier_score_loss(y, p)), 4)}


def calibration_table(y: np.ndarray, p: np.ndarray, bins: int = 5) -> list[dict[str, float]]:
    """Per band of predicted probability: how many ads, the mean prediction and the share that
    were truly positive. A calibrated model has the two close in every band that holds ads."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    band = np.minimum(np.searchsorted(edges, p, side="right") - 1, bins - 1)
    rows = []
    for b in range(bins):
        inside = band == b
        if inside.any():
            rows.append({"from": round(float(edges[b]), 2), "to": round(float(edges[b + 1]), 2),
                         "ads": int(inside.sum()), "mean_predicted": round(float(p[inside].mean()), 3),
                         "observed": round(float(y[inside].mean()), 3)})
    return rows


def train(examples: list[dict[str, Any]], out_root: Path, source: str, seed: int = 0) -> Path:
    """Fit on all examples after measuring on a held-out split; returns the artefact folder."""
    labels = np.array([e["label"] for e in examples])
    if len(examples) < 30 or labels.sum() < 6 or (1 - labels).sum() < 6:
        raise TrainingError(f"too few examples to train ({len(examples)}, {int(labels.sum())} positive); "
                            "need at least 30 with 6 of each label")
    groups = [e["group"] for e in examples]
    train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=seed)
                               .split(examples, labels, groups))
    held_out = make_pipeline(seed).fit([examples[i] for i in train_idx], labels[train_idx])
    p_test = held_out.predict_proba([examples[i] for i in test_idx])[:, 1]
    metrics = {"held_out": _metrics(labels[test_idx], p_test)}
    metrics["calibration"] = calibration_table(labels[test_idx], p_test)
    rule = [examples[i].get("rule_risk") for i in test_idx]
    if all(r is not None for r in rule):
        metrics["held_out_rules_baseline"] = _metrics(labels[test_idx], np.array(rule, dtype=float))

    model = make_pipeline(seed).fit(examples, labels)
    model.feature_means_ = feature_means(model, examples)
    digest = hashlib.sha256(json.dumps([[e["text"], e["label"]] for e in examples]).encode()).hexdigest()[:8]
    version = f"risk-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}-{digest}"
    folder = out_root / version
    folder.mkdir(parents=True, exist_ok=False)
    joblib.dump(model, folder / "model.joblib")
    names = feature_names(model)
    leaked = [n for n in names if n.startswith("text ") and any(is_protected(w) for w in n[6:-1].split())]
    info = {"version": version, "source": source, "examples": len(examples), "positives": int(labels.sum()),
            "metrics": metrics, "features": len(names), "protected_terms_in_features": len(leaked)}
    (folder / "metrics.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    (folder / "card.md").write_text(model_card(info, names), encoding="utf-8")
    return folder


def model_card(info: dict[str, Any], names: list[str]) -> str:
    indicators = sorted(n.split("=", 1)[1] for n in names if n.startswith("indicator="))
    text_count = sum(n.startswith("text ") for n in names)
    held, rules = info["metrics"]["held_out"], info["metrics"].get("held_out_rules_baseline")
    lines = [
        f"# Model card: {info['version']}",
        "",
        "## Purpose",
        "Ranks ads for human review: how much an ad looks like a minor or a person under third-party",
        "control is advertised. It never decides about a person; every hit is reviewed by an analyst.",
        "",
        "## Training data",
        f"- Source: {info['source']}",
        f"- Examples: {info['examples']} ads, {info['positives']} positive.",
        "- Label: a minor is advertised, or an exploitative operation posts the ad (demo truth);",
        "  analysts' latest review decision (confirm/urgent = positive, dismiss = negative).",
        "",
        "## Metrics (held out by network, 25%)",
        f"- This model: {json.dumps(held)}",
        f"- Rule-based nlp score on the same ads: {json.dumps(rules)}" if rules else "",
        "",
        "Calibration on the held-out ads (predicted probability band: ads, mean predicted, observed):",
        "",
        "| band | ads | mean predicted | observed |",
        "|---|---:|---:|---:|",
        *(f"| {r['from']:.1f}-{r['to']:.1f} | {r['ads']} | {r['mean_predicted']:.3f} | {r['observed']:.3f} |"
          for r in info["metrics"].get("calibration", [])),
        "",
        "## Features",
        f"- Text: {text_count} character 3-5-grams (TF-IDF) of the masked ad text (names, places and",
        "  numbers masked); words naming a nationality, ethnicity, religion or language are removed first",
        f"  ({len(protected_stems())} stems in `models/data/protected_terms.yaml`). Text features that",
        f"  contain such a term: {info['protected_terms_in_features']}.",
        f"- Indicators ({len(indicators)}): {', '.join(indicators)}.",
        f"- Links: {', '.join(LINK_FEATURES)}.",
        "- Not used: nationality, ethnicity, religion, language names, photos, names, phone numbers.",
        "",
        "## Limits",
        "- Trained on synthetic demo ads unless review decisions were added; real ads differ.",
        "- Calibrated probabilities (sigmoid, 3 folds) hold for data like the training data only.",
        "- Text n-grams can pick up a template's wording: read the listed reasons, not only the score.",
        "",
    ]
    return "\n".join(lines)
