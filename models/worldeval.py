"""Score text clusters and networks against a generated demo world's ground truth.

Truth (``truth.jsonl``, one line per ad version; the newest version of each ad is used):

- text clusters: every ad an actor posts uses that actor's one template, so the true
  text cluster is the actor; noise listings (job ads, things for sale) come from a
  small pool of texts with a city filled in, so their true cluster is that text
  with the city, digits and punctuation taken out;
- networks: the actor (``network_id``), i.e. one person or agency or operation with
  its phones, e-mails, handles and photos.

Identifiers come from the truth (``identifiers="truth"``: what perfect extraction
would give) or from ``nlp.extract`` on the ad text (``"nlp"``: what the pipeline
gives). Photos are rendered from ``images.csv`` exactly as the demo server serves
them and hashed as the crawler does (pHash and mirrored pHash).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from models.evaluate import cluster_scores
from models.jobs import fill_identifiers, mark_non_adult, network_keys, text_cluster_keys
from models.linking import NetworkLinker
from models.textcluster import TextClusterer


class WorldEvalError(ValueError):
    pass


def _photo_hashes(folder: Path, seed: int) -> dict[str, dict[str, str]]:
    from crawlers.demosite.images import image_bytes
    from crawlers.pipelines.images import image_hashes

    out: dict[str, dict[str, str]] = {}
    with (folder / "images.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            hashes = image_hashes(image_bytes(seed, row["base"], row["transform"]))
            if "phash" in hashes:
                out[row["file"]] = {"phash": hashes["phash"], "phash_mirror": hashes["phash_mirror"]}
    return out


def _noise_entry(version: dict[str, Any]) -> str:
    return "noise:" + re.sub(r"[\W\d_]+", "", version["text"].replace(version["city"], ""))


def world_records(folder: Path | str, identifiers: str = "truth") -> list[dict[str, Any]]:
    """One record per ad (its newest version) with truth labels under ``truth_text`` / ``truth_network``."""
    folder = Path(folder)
    truth_file = folder / "truth.jsonl"
    if not truth_file.is_file():
        raise WorldEvalError(f"{folder} is not a demo world folder (no truth.jsonl)")
    seed = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["seed"]
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    sightings: dict[tuple[str, str], list[dict[str, str]]] = {}
    with truth_file.open(encoding="utf-8") as fh:
        for line in fh:
            version = json.loads(line)
            key = (version["site"], version["site_ad_id"])
            sightings.setdefault(key, []).append({"city": version["city"], "at": version["at"]})
            if key not in newest or version["version"] > newest[key]["version"]:
                newest[key] = version
    photos = _photo_hashes(folder, seed)
    records = []
    for key, v in sorted(newest.items()):
        record = {
            "id": f"{key[0]}:{key[1]}",
            "text": v["text"], "body": v["body"], "title": v["title"], "lang": None, "country": "NL",
            "images": [photos[img["file"]] for img in v["images"] if img["file"] in photos],
            "sightings": sightings[key],
            "truth_text": _noise_entry(v) if v["kind"] == "noise" else v["actor_id"],
            "truth_network": v["network_id"],
            # what the risk model learns: a minor is advertised, or an exploitative operation posts
            "truth_risk": bool(v["is_minor"]) or v["actor_kind"] == "operation",
        }
        if identifiers == "truth":
            record["phones"] = [p["e164"] for p in v["phones"]]
            record["emails"] = [e["address"] for e in v["emails"]]
            record["handles"] = [{"platform": h["platform"], "handle": h["handle"]} for h in v["handles"]]
        elif identifiers == "nlp":
            record.update(phones=None, emails=None, handles=None)
        else:
            raise WorldEvalError("identifiers must be 'truth' or 'nlp'")
        records.append(record)
    return records


def evaluate_world(folder: Path | str, identifiers: str = "truth", threshold: float = 0.6) -> dict[str, Any]:
    records = world_records(folder, identifiers)
    if identifiers == "nlp" and not fill_identifiers(records):
        raise WorldEvalError("nlp.extract is not available")
    text_keys = text_cluster_keys(records, TextClusterer(threshold=threshold))
    mark_non_adult(records)  # from the ad text, as in the pipeline (not from the truth)
    for record, key in zip(records, text_keys, strict=True):
        record["text_cluster"] = key
    net_keys, _ = network_keys(records, NetworkLinker())
    # Identifiers only: what the linker finds without near-duplicate text as a link.
    id_keys, _ = network_keys(records, NetworkLinker(link_on=("phone", "email", "handle", "image")))
    ads = [i for i, r in enumerate(records) if not str(r["truth_text"]).startswith("noise:")]
    return {
        "ads": len(records),
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
