"""Near-duplicate photo search against a demo world's truth: every photo file is an ad version of its
own in the photo index, and each pair of files drawn from the same base image (re-used: re-encoded,
resized, cropped or mirrored) should find each other through ``models.photos.similar_photos``.

Recall: the share of such pairs (a, b) for which a search with a's pHash returns b. Precision: the
share of returned files that really come from the same base image.
"""

from __future__ import annotations

import csv
import json
from itertools import permutations
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from core.photos import photo_rows
from core.schema import Ad, AdVersion, PhotoHash, Site
from models.photos import DEFAULT_DISTANCE, similar_photos


def world_photos(folder: Path) -> list[dict[str, Any]]:
    from crawlers.demosite.images import image_bytes
    from crawlers.pipelines.images import image_hashes

    seed = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["seed"]
    with (folder / "images.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        hashes = image_hashes(image_bytes(seed, row["base"], row["transform"]))
        if "phash" in hashes:
            out.append({**row, "phash": hashes["phash"], "phash_mirror": hashes["phash_mirror"]})
    return out


def evaluate_photos(session: Session, folder: Path | str, distance: int = DEFAULT_DISTANCE) -> dict[str, Any]:
    photos = world_photos(Path(folder))
    site = Site(name="photoeval", base_url="http://127.0.0.1/")
    session.add(site)
    session.flush()
    version_of: dict[int, dict[str, Any]] = {}
    for photo in photos:
        ad = Ad(site_id=site.id, site_ad_id=photo["file"], url=photo["file"])
        session.add(ad)
        session.flush()
        version = AdVersion(ad_id=ad.id, content_sha256=photo["file"],
                            images=[{"phash": photo["phash"], "phash_mirror": photo["phash_mirror"]}])
        session.add(version)
        session.flush()
        session.execute(insert(PhotoHash), photo_rows(version.id, version.images))
        version_of[version.id] = photo
    by_base: dict[str, list[dict[str, Any]]] = {}
    for photo in photos:
        by_base.setdefault(photo["base"], []).append(photo)
    pairs = found = returned = right = 0
    missed: dict[str, int] = {}
    for photo in photos:
        hits = {version_of[m.ad_version_id]["file"] for m in similar_photos(session, photo["phash"], distance)}
        hits.discard(photo["file"])
        returned += len(hits)
        right += sum(1 for h in hits if h in {p["file"] for p in by_base[photo["base"]]})
    for group in by_base.values():
        for a, b in permutations(group, 2):
            pairs += 1
            hits = {version_of[m.ad_version_id]["file"] for m in similar_photos(session, a["phash"], distance)}
            if b["file"] in hits:
                found += 1
            else:
                key = "/".join(sorted((a["transform"], b["transform"])))
                missed[key] = missed.get(key, 0) + 1
    return {"photos": len(photos), "distance": distance, "reused_pairs": pairs,
            "recall": found / pairs if pairs else 1.0, "precision": right / returned if returned else 1.0,
            "missed_by_transforms": missed}
