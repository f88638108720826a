"""A demo world read back as one record per ad (its newest version) with the truth's labels.

What the evaluation (``benchmarks.worldeval``) and the risk model's world training
(``models.risktrain.world_examples``) both start from:

- ``truth_text``: every ad an actor posts uses that actor's one template, so the true text
  cluster is the actor; noise listings (job ads, things for sale) come from a small pool of texts
  with a city filled in, so their true cluster is that text with the city, digits and punctuation
  taken out;
- ``truth_network``: the actor (``network_id``): one person, agency or operation with its phones,
  e-mails, handles and photos;
- ``truth_risk``: a minor is advertised, or an exploitative operation posts.

Identifiers come from the truth (``identifiers="truth"``: what perfect extraction would give) or
are left for ``nlp.extract`` (``"nlp"``). Photos are rendered from ``images.csv`` exactly as the
demo server serves them and hashed as the crawler does (pHash and mirrored pHash).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from crawlers.demosite.truth import read_truth


class WorldReadError(ValueError):
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
    if not (folder / "truth.jsonl").is_file():
        raise WorldReadError(f"{folder} is not a demo world folder (no truth.jsonl)")
    seed = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["seed"]
    newest: dict[tuple[str, str], dict[str, Any]] = {}
    sightings: dict[tuple[str, str], list[dict[str, str]]] = {}
    for version in read_truth(folder):
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
            raise WorldReadError("identifiers must be 'truth' or 'nlp'")
        records.append(record)
    return records
