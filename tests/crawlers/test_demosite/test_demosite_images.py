"""Photo reuse: one base image under re-encoding, resizing, cropping and mirroring stays close in
pHash (mirror-aware, as the models compare), while different base images are far apart."""

from __future__ import annotations

import io
import itertools
from functools import cache

import imagehash
import pytest
from PIL import Image, ImageOps

from crawlers.demosite.images import ImageTransformError, image_bytes
from crawlers.demosite.timeline import IMAGE_TRANSFORMS

BASES = [f"b{i:06d}" for i in range(1, 13)]


@cache
def phashes(seed: int, base: str, transform: str) -> tuple[imagehash.ImageHash, imagehash.ImageHash]:
    image = Image.open(io.BytesIO(image_bytes(seed, base, transform)))
    return imagehash.phash(image), imagehash.phash(ImageOps.mirror(image))


def distance(a: tuple[str, str], b: tuple[str, str]) -> int:
    """Mirror-aware pHash distance between two (base, transform) images of world seed 7."""
    ha, _ = phashes(7, *a)
    hb, hb_mirror = phashes(7, *b)
    return min(ha - hb, ha - hb_mirror)


def test_same_base_under_every_transform_stays_close_and_bases_stay_apart():
    same = [distance((b, "o"), (b, t)) for b in BASES[:6] for t in IMAGE_TRANSFORMS]
    different = [distance((a, "o"), (b, "o")) for a, b in itertools.combinations(BASES, 2)]
    assert max(same) <= 12
    assert min(different) > max(same)


def test_transforms_change_the_bytes_and_rendering_is_deterministic():
    files = {t: image_bytes(3, "b000001", t) for t in ("o", *IMAGE_TRANSFORMS)}
    assert len(set(files.values())) == len(files)
    image_bytes.cache_clear()
    assert image_bytes(3, "b000001", "m") == files["m"]
    assert image_bytes(4, "b000001", "o") != files["o"]  # another world seed, other pictures
    assert Image.open(io.BytesIO(files["s50"])).size == (160, 200)


def test_unknown_transform_is_refused():
    with pytest.raises(ImageTransformError):
        image_bytes(3, "b000001", "rotate")
