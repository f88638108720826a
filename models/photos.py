"""Near-duplicate photo search: stored photos within a pHash Hamming distance, mirror-aware.

Reads the banded index ``photo_hashes`` (``core.photos``): candidates come from indexed band
lookups, and only they are compared bit by bit, so a search stays fast at a million photos.
Each stored photo has two rows, its own pHash and its mirror image's, so a mirrored copy is
found from either side.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.photos import candidate_condition, hamming, parse_hash
from core.schema import AdVersion, PhotoHash

DEFAULT_DISTANCE = 6  # bits of 64; docs/EVALUATION.md gives the recall on the demo world's re-used photos


@dataclass(frozen=True)
class PhotoMatch:
    ad_id: int
    ad_version_id: int
    position: int
    phash: str
    mirrored: bool
    distance: int


def similar_photos(session: Session, phash: str | int, distance: int = DEFAULT_DISTANCE,
                   limit: int = 1000) -> list[PhotoMatch]:
    """Stored photos within `distance` bits of `phash` (or of its mirror image), nearest first.

    One match per ad version and photo position (the nearer of the photo and its mirror).
    """
    wanted = phash if isinstance(phash, int) else parse_hash(phash)
    if wanted is None:
        raise ValueError(f"{phash!r} is not a pHash (16 hex digits)")
    rows = session.execute(
        select(PhotoHash.ad_version_id, PhotoHash.position, PhotoHash.phash, PhotoHash.mirrored, AdVersion.ad_id)
        .join(AdVersion, AdVersion.id == PhotoHash.ad_version_id)
        .where(candidate_condition(wanted, distance))
    ).all()
    best: dict[tuple[int, int], PhotoMatch] = {}
    for vid, position, value, mirrored, ad_id in rows:
        d = hamming(wanted, int(value, 16))
        if d > distance:
            continue
        key = (vid, position)
        if key not in best or d < best[key].distance:
            best[key] = PhotoMatch(ad_id, vid, position, value, mirrored, d)
    return sorted(best.values(), key=lambda m: (m.distance, -m.ad_version_id))[:limit]
