"""Score text clusters and networks against a generated demo world's ground truth.

The world is read by ``crawlers.demosite.records`` (one record per ad, newest version, with the
truth's text cluster and network); this module clusters and links it as the pipeline does and
scores the result (B-cubed precision, recall and F1, adjusted Rand).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crawlers.demosite.records import WorldReadError, world_records
from models.evaluate import cluster_scores
from models.jobs import fill_identifiers, mark_non_adult, network_keys, text_cluster_keys, text_clusterer
from models.linking import NetworkLinker

ENGINES = ("centre", "text")

WorldEvalError = WorldReadError


def evaluate_world(folder: Path | str, identifiers: str = "truth", threshold: float | None = None,
                   engine: str = "centre") -> dict[str, Any]:
    """``engine``: "centre" is ``models.centrecluster.CentreClusterer`` (the pipeline's default), "text"
    the earlier ``TextClusterer``; each with its own threshold unless `threshold` is given."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    records = world_records(folder, identifiers)
    if identifiers == "nlp" and not fill_identifiers(records):
        raise WorldEvalError("nlp.extract is not available")
    clusterer = text_clusterer(engine, threshold)
    text_keys = text_cluster_keys(records, clusterer)
    mark_non_adult(records)  # from the ad text, as in the pipeline (not from the truth)
    for record, key in zip(records, text_keys, strict=True):
        record["text_cluster"] = key
    net_keys, _ = network_keys(records, NetworkLinker())
    # Identifiers only: what the linker finds without near-duplicate text as a link.
    id_keys, _ = network_keys(records, NetworkLinker(link_on=("phone", "email", "handle", "image")))
    ads = [i for i, r in enumerate(records) if not str(r["truth_text"]).startswith("noise:")]
    return {
        "ads": len(records),
        "engine": engine,
        "identifiers": identifiers,
        "text": cluster_scores([r["truth_text"] for r in records], text_keys),
        "network": cluster_scores([r["truth_network"] for r in records], net_keys),
        "network_identifiers_only": cluster_scores([r["truth_network"] for r in records], id_keys),
        # noise listings (job ads, things for sale) share texts across unrelated posters
        "network_escort_ads_only": cluster_scores([records[i]["truth_network"] for i in ads],
                                                  [net_keys[i] for i in ads]),
        "text_clusters": len({k for k in text_keys if k}),
        "networks": len({k for k in net_keys if k}),
        "true_networks": len({r["truth_network"] for r in records}),
    }
