"""Replace fetched image bytes by SHA-256 and perceptual hashes (of the image and its mirror).

Photo reuse across ads is found by pHash; the mirror's pHash catches flipped copies. The
bytes themselves are kept (under ``<data_dir>/images/``) only with the setting
``store_images`` on: by default a photo of a person is not retained without a case.
"""

from __future__ import annotations

import hashlib
from io import BytesIO
from pathlib import Path
from typing import Any

import imagehash
import numpy as np
from PIL import Image, UnidentifiedImageError

from crawlers.pipelines import app_settings

# imagehash.phash: grey, 32x32 Lanczos, 2-D DCT-II, the 8x8 lowest frequencies against their median.
# The same steps with the DCT as one small matrix product (only the 8 rows the hash reads), and
# the mirror hash from the flipped 32x32 grid instead of flipping and shrinking the photo again:
# the results are bit-identical to imagehash.phash(img) and imagehash.phash(ImageOps.mirror(img))
# (tests/crawlers check it) at half the cost, which the crawl pays for every photo.
_SIDE, _LOW = 32, 8
_DCT_ROWS = 2.0 * np.cos(np.pi * np.arange(_LOW)[:, None] * (2 * np.arange(_SIDE)[None, :] + 1) / (2 * _SIDE))


def _phash_pair(img: Image.Image) -> tuple[str, str]:
    grid = np.asarray(img.convert("L").resize((_SIDE, _SIDE), Image.Resampling.LANCZOS), dtype=np.float64)
    hashes = []
    for pixels in (grid, grid[:, ::-1]):
        low = _DCT_ROWS @ pixels @ _DCT_ROWS.T
        hashes.append(str(imagehash.ImageHash(low > np.median(low))))
    return hashes[0], hashes[1]


def image_hashes(data: bytes) -> dict[str, str]:
    """{sha256, phash, phash_mirror} of an image; sha256 only when it cannot be decoded."""
    out = {"sha256": hashlib.sha256(data).hexdigest()}
    try:
        with Image.open(BytesIO(data)) as img:
            img.load()
            out["phash"], out["phash_mirror"] = _phash_pair(img)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        out["error"] = f"not a readable image: {exc.__class__.__name__}"
    return out


class ImageHashPipeline:
    def __init__(self, image_dir: Path | None, stats: Any):
        self.image_dir = image_dir
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> ImageHashPipeline:
        s = app_settings(crawler)
        return cls(s.data_path / "images" if s.store_images else None, crawler.stats)

    def process_item(self, item: dict[str, Any], spider: Any = None) -> dict[str, Any]:
        images = []
        for image in item.get("images", []):
            data = image.pop("data", None)
            if data is None:
                images.append(image)
                continue
            image.update(image_hashes(data))
            self.stats.inc_value("signalstack/images_hashed")
            if self.image_dir is not None:
                path = self.image_dir / image["sha256"][:2] / image["sha256"]
                if not path.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
                image["stored"] = str(path.relative_to(self.image_dir))
            images.append(image)
        item["images"] = images
        return item
