"""How well clusters match the truth: B-cubed precision, recall and F1, and adjusted Rand index.

Labels are per item; ``None`` or a negative number means "stands alone" and is
scored as a cluster of one (in both truth and prediction), which is what an
analyst sees. B-cubed (Bagga and Baldwin 1998) averages over items: precision is
the share of an item's predicted cluster that truly belongs with it, recall the
share of its true cluster that was found with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

from sklearn.metrics import adjusted_rand_score


def _with_singletons(labels: Sequence[Any]) -> list[Hashable]:
    out: list[Hashable] = []
    for i, label in enumerate(labels):
        alone = label is None or (isinstance(label, int | float) and not isinstance(label, bool) and label < 0)
        out.append(("alone", i) if alone else ("in", label))
    return out


def bcubed(truth: Sequence[Any], predicted: Sequence[Any]) -> dict[str, float]:
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} true labels but {len(predicted)} predicted")
    if not truth:
        raise ValueError("nothing to score")
    t, p = _with_singletons(truth), _with_singletons(predicted)
    pair_counts = Counter(zip(t, p, strict=True))
    t_sizes, p_sizes = Counter(t), Counter(p)
    precision = sum(n * n / p_sizes[pl] for (tl, pl), n in pair_counts.items()) / len(t)
    recall = sum(n * n / t_sizes[tl] for (tl, pl), n in pair_counts.items()) / len(t)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def cluster_scores(truth: Sequence[Any], predicted: Sequence[Any]) -> dict[str, float]:
    """B-cubed precision/recall/F1 plus adjusted Rand index, rounded for reports."""
    scores = bcubed(truth, predicted)
    t, p = _with_singletons(truth), _with_singletons(predicted)
    codes_t = {label: i for i, label in enumerate(dict.fromkeys(t))}
    codes_p = {label: i for i, label in enumerate(dict.fromkeys(p))}
    scores["ari"] = float(adjusted_rand_score([codes_t[x] for x in t], [codes_p[x] for x in p]))
    return {k: round(v, 4) for k, v in scores.items()}
