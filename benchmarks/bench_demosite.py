"""World generation time: `generate_world` for 100,000 ads over 30 days (median of 3 runs).

The baseline, measured in the same run, writes the same number of JSON lines of the same
size (one random draw and one orjson.dumps per line, no text composition), so the ratio
says how much the composition itself costs and can be compared across machines.
Target: well under a minute of wall-clock time for 100,000 ads.

    python -m benchmarks.bench_demosite [--ads N] [--days D] [--repeat R]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import orjson

from crawlers.demosite.generate import generate_world


def folder_megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def baseline_seconds(lines: int, line_bytes: int, folder: Path) -> float:
    rng = random.Random(1)
    filler = "x" * line_bytes
    start = time.perf_counter()
    with (folder / "baseline.jsonl").open("wb") as fh:
        for i in range(lines):
            fh.write(orjson.dumps({"i": i, "r": rng.random(), "text": filler}) + b"\n")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    walls, cpus, bases = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="bench-demosite-") as tmp:
            wall, cpu = time.perf_counter(), time.process_time()
            summary = generate_world(args.ads, args.days, args.seed, Path(tmp) / "world")
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            size = folder_megabytes(Path(tmp) / "world")
            lines = summary.versions + summary.ads
            bases.append(baseline_seconds(lines, int(size * 1e6 / lines), Path(tmp)))
    wall, base = statistics.median(walls), statistics.median(bases)
    print(f"generate_world: {summary.ads} ads, {summary.versions} versions, {size:.0f} MB written")
    print(f"median of {args.repeat}: {wall:.1f} s wall, {statistics.median(cpus):.1f} s CPU, "
          f"{wall / summary.ads * 1e6:.0f} µs per ad; baseline (same lines, no composition) {base:.1f} s, "
          f"ratio {wall / base:.1f}")


if __name__ == "__main__":
    main()
