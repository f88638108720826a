"""Near-duplicate photo search at a million photos: the banded pHash index against a full scan.

One million random photos (two index rows each: the pHash and its mirror's) on the embedded SQLite
default, one ad version per photo. 200 queries, each a stored photo with 0-6 of its 64 bits flipped,
are searched with ``models.photos.similar_photos`` at the default distance (6 bits). The baseline,
measured in the same run, reads every index row and compares all 64 bits (what a search without
the bands would do), for 3 queries. Target: a search well under a second, so the photo search page
stays usable at 1M photos (the workbench's 2 s page budget).

    python -m benchmarks.bench_photos [--photos N] [--queries Q]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import Session

from core.photos import bands, hamming
from core.schema import Ad, AdVersion, Base, PhotoHash, Site
from models.photos import DEFAULT_DISTANCE, similar_photos

CHUNK = 50_000
TARGET_S = 0.5


def _mirror(value: int) -> int:
    """A stand-in for the mirror image's hash: another random-looking 64-bit value, fixed per photo."""
    return (value * 0x9E3779B97F4A7C15) & ((1 << 64) - 1)


def _rows(version_id: int, value: int) -> list[dict]:
    out = []
    for mirrored, h in ((False, value), (True, _mirror(value))):
        b = bands(h)
        out.append({"ad_version_id": version_id, "position": 0, "phash": f"{h:016x}", "mirrored": mirrored,
                    "band0": b[0], "band1": b[1], "band2": b[2], "band3": b[3]})
    return out


def build(session: Session, photos: int, rng: random.Random) -> list[int]:
    session.add(Site(name="bench", base_url="http://bench.invalid/", country="NL"))
    session.flush()
    values = [rng.getrandbits(64) for _ in range(photos)]
    for start in range(0, photos, CHUNK):
        ids = range(start + 1, min(photos, start + CHUNK) + 1)
        session.execute(insert(Ad), [{"id": i, "site_id": 1, "site_ad_id": str(i), "url": f"/a/{i}"} for i in ids])
        session.execute(insert(AdVersion), [{"id": i, "ad_id": i, "content_sha256": "0" * 64} for i in ids])
        session.execute(insert(PhotoHash), [r for i in ids for r in _rows(i, values[i - 1])])
    session.commit()
    return values


def _flip(value: int, bits: int, rng: random.Random) -> int:
    for position in rng.sample(range(64), bits):
        value ^= 1 << position
    return value


def _scan(session: Session, wanted: int, distance: int) -> int:
    return sum(1 for (h,) in session.execute(select(PhotoHash.phash)) if hamming(wanted, int(h, 16)) <= distance)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    rng = random.Random(19)
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'photos.db'}")
        Base.metadata.create_all(engine)
        with Session(engine) as session:
            started = time.perf_counter()
            values = build(session, args.photos, rng)
            print(f"index of {args.photos:,} photos ({2 * args.photos:,} rows) built in "
                  f"{time.perf_counter() - started:.0f} s")
            timings, found = [], 0
            for _ in range(args.queries):
                target = rng.randrange(args.photos)
                wanted = _flip(values[target], rng.randint(0, DEFAULT_DISTANCE), rng)
                started = time.perf_counter()
                matches = similar_photos(session, wanted)
                timings.append(time.perf_counter() - started)
                found += any(m.ad_version_id == target + 1 for m in matches)
            scans = []
            for _ in range(3):
                wanted = values[rng.randrange(args.photos)]
                started = time.perf_counter()
                _scan(session, wanted, DEFAULT_DISTANCE)
                scans.append(time.perf_counter() - started)
    search, scan = statistics.median(timings), statistics.median(scans)
    ok = search <= TARGET_S
    print(f"search within {DEFAULT_DISTANCE} bits: median {search * 1000:.1f} ms, "
          f"95th percentile {sorted(timings)[int(0.95 * len(timings)) - 1] * 1000:.1f} ms "
          f"({args.queries} queries); found the planted photo in {found}/{args.queries}")
    print(f"baseline full scan: median {scan:.2f} s (3 queries); ratio {scan / search:.0f}x; "
          f"target <= {TARGET_S} s: {'met' if ok else 'NOT met'}")
    return 0 if ok and found == args.queries else 1


if __name__ == "__main__":
    raise SystemExit(main())
