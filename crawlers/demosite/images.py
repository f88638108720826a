"""Abstract pictures for the demo ads, rendered on request from (seed, base image, transform).

A base image is a seeded gradient with a few bold shapes (never a person). Ads reuse a
person's base images under transforms the way re-uploads change photos:

- ``o``      original, JPEG quality 90
- ``qNN``    re-encoded at JPEG quality NN
- ``sNN``    resized to NN % of the original size
- ``cNN``    NN % cropped from every side
- ``m``      mirrored left-right
- ``mqNN``   mirrored and re-encoded at quality NN

Nothing is pre-generated: a world of 100 000 ads names its images, the server draws
the few that are requested.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from random import Random

from PIL import Image, ImageDraw, ImageOps

WIDTH, HEIGHT = 320, 400
_TRANSFORM = re.compile(r"^(o|m|q\d{2}|s\d{2}|c\d{1,2}|mq\d{2})$")


class ImageTransformError(ValueError):
    pass


def _colour(rng: Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def base_image(seed: int, base: str) -> Image.Image:
    rng = Random(f"demosite-image/{seed}/{base}")
    gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT)).rotate(rng.choice((0, 90, 180, 270)))
    image = ImageOps.colorize(gradient, _colour(rng), _colour(rng)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(9, 14)):
        x0, y0 = rng.randrange(-40, WIDTH), rng.randrange(-40, HEIGHT)
        w, h = rng.randrange(50, 200), rng.randrange(50, 240)
        box = (x0, y0, x0 + w, y0 + h)
        shape = rng.randrange(3)
        if shape == 0:
            draw.ellipse(box, fill=_colour(rng))
        elif shape == 1:
            draw.rectangle(box, fill=_colour(rng))
        else:
            points = [(rng.randrange(x0, x0 + w), rng.randrange(y0, y0 + h)) for _ in range(3)]
            draw.polygon(points, fill=_colour(rng))
    return image


def transformed(image: Image.Image, transform: str) -> tuple[Image.Image, int]:
    """(image, JPEG quality) after `transform`."""
    if not _TRANSFORM.match(transform):
        raise ImageTransformError(f"unknown image transform {transform!r}")
    quality = 90
    if transform.startswith("m"):
        image = ImageOps.mirror(image)
        transform = transform[1:] or "o"
    if transform.startswith("q"):
        quality = int(transform[1:])
    elif transform.startswith("s"):
        factor = int(transform[1:]) / 100
        image = image.resize((max(8, round(WIDTH * factor)), max(8, round(HEIGHT * factor))), Image.LANCZOS)
        quality = 85
    elif transform.startswith("c"):
        dx, dy = WIDTH * int(transform[1:]) // 100, HEIGHT * int(transform[1:]) // 100
        image = image.crop((dx, dy, WIDTH - dx, HEIGHT - dy))
        quality = 85
    return image, quality


@lru_cache(maxsize=256)
def image_bytes(seed: int, base: str, transform: str) -> bytes:
    image, quality = transformed(base_image(seed, base), transform)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=False)
    return out.getvalue()
