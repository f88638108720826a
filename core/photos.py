"""The photo index: each stored photo's pHash (and its mirror's) split into four 16-bit bands.

Multi-index hashing: if two 64-bit hashes are within Hamming distance ``d``, then by pigeonhole
one of the four 16-bit bands differs in at most ``d // 4`` bits (exactly equal for ``d <= 3``).
A lookup therefore probes, per band, the band value and its neighbours within ``d // 4`` bits
(1 value for d <= 3, 17 for d <= 7, 137 for d <= 11) on an indexed column, and checks the full
distance only on the few candidates. The crawler's store writes these rows with each version;
``photo_rows`` is the one place that turns ``AdVersion.images`` into them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import or_

from core.schema import PhotoHash

BANDS = 4
BAND_BITS = 16
_MASK = (1 << BAND_BITS) - 1
MAX_DISTANCE = 11  # probes grow quickly beyond two flipped bits per band


def bands(phash: int) -> tuple[int, ...]:
    """The four 16-bit bands, most significant first."""
    return tuple((phash >> (BAND_BITS * (BANDS - 1 - i))) & _MASK for i in range(BANDS))


def parse_hash(value: Any) -> int | None:
    """A 64-bit pHash from its 16 hex digits; None when it is not one."""
    text = str(value or "").strip().lower()
    if len(text) != 16:
        return None
    try:
        return int(text, 16)
    except ValueError:
        return None


def neighbours(band: int, flips: int) -> list[int]:
    """The band value and every value within `flips` bits of it."""
    out = [band]
    for k in range(1, flips + 1):
        for bits in combinations(range(BAND_BITS), k):
            value = band
            for bit in bits:
                value ^= 1 << bit
            out.append(value)
    return out


def probes(phash: int, distance: int) -> list[list[int]]:
    """Per band, the values a photo within `distance` of `phash` may have in that band (one band must)."""
    if not 0 <= distance <= MAX_DISTANCE:
        raise ValueError(f"distance must be between 0 and {MAX_DISTANCE}")
    return [neighbours(b, distance // BANDS) for b in bands(phash)]


def candidate_condition(phash: int, distance: int) -> Any:
    """A WHERE clause on ``PhotoHash`` that every row within `distance` of `phash` satisfies."""
    columns = (PhotoHash.band0, PhotoHash.band1, PhotoHash.band2, PhotoHash.band3)
    return or_(*(col.in_(values) for col, values in zip(columns, probes(phash, distance), strict=True)))


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def photo_rows(ad_version_id: int, images: Sequence[Any] | None) -> list[dict[str, Any]]:
    """``PhotoHash`` rows (as dicts) for one version's images: the pHash and the mirror's, each banded."""
    rows = []
    for position, image in enumerate(images or ()):
        if not isinstance(image, dict):
            continue
        for key, mirrored in (("phash", False), ("phash_mirror", True)):
            value = parse_hash(image.get(key))
            if value is None:
                continue
            b = bands(value)
            rows.append({"ad_version_id": ad_version_id, "position": position, "phash": f"{value:016x}",
                         "mirrored": mirrored, "band0": b[0], "band1": b[1], "band2": b[2], "band3": b[3]})
    return rows


def version_photo_rows(versions: Iterable[tuple[int, Sequence[Any] | None]]) -> list[dict[str, Any]]:
    return [row for version_id, images in versions for row in photo_rows(version_id, images)]
