"""Proof that a speed change leaves extraction output unchanged, byte for byte.

Runs ``nlp.extract.extract`` over a fixed mixed corpus - every text of ``tests/data/dev*/*.jsonl``
(title and body joined as ``AdVersion.text`` joins them), the throughput benchmark's short and
real-length ads, the listing corpus (ordinary listings exercise the non-adult veto) and, when
given, the versions of a demo world (``signalstack demo-world``) - on an adult site, and the dev
texts also on a mixed site and with the phone region inferred, and writes one JSON line per call
(sorted keys). Dump before a change, dump after, and compare:

    .venv/bin/python -m benchmarks.extract_identity dump /tmp/before.jsonl [WORLD_DIR]
    .venv/bin/python -m benchmarks.extract_identity dump /tmp/after.jsonl [WORLD_DIR]
    cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHORT, LONG, LISTINGS_PER_KIND = 3000, 600, 400


def _dev_texts() -> list[str]:
    texts = []
    for path in sorted(ROOT.glob("tests/data/dev*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                title, body = row.get("title") or "", row.get("text") or ""
                texts.append(f"{title}\n{body}" if title else body)  # core.schema.analysis_text
    return texts


def _world_texts(world: Path) -> list[str]:
    texts = []
    for line in (world / "world.jsonl").read_text(encoding="utf-8").splitlines():
        for version in json.loads(line)["versions"]:
            title, body = version["title"], version["body"]
            texts.append(f"{title}\n{body}" if title else body)
    return texts


def corpus(world: Path | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(text, extract keyword arguments) pairs, always in the same order."""
    from benchmarks.bench_extract import synthetic_ads, synthetic_long_ads
    from nlp.listingcorpus import generate

    dev = _dev_texts()
    calls = [(t, {}) for t in dev]
    calls += [(t, {"site_content": "mixed"}) for t in dev]
    calls += [(t, {"country": "auto"}) for t in dev]
    calls += [(t, {}) for t in synthetic_ads(SHORT, seed=4242) + synthetic_long_ads(LONG, seed=4343)]
    calls += [(listing.text, {}) for listing in generate(LISTINGS_PER_KIND, seed=77)]
    if world is not None:
        calls += [(t, {}) for t in _world_texts(world)]
    return calls


def dump(out: Path, world: Path | None = None) -> int:
    from nlp.extract import extract

    calls = corpus(world)
    with out.open("w", encoding="utf-8") as fh:
        for text, kwargs in calls:
            fh.write(json.dumps(asdict(extract(text, **kwargs)), sort_keys=True, ensure_ascii=False) + "\n")
    return len(calls)


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or sys.argv[1] != "dump":
        raise SystemExit(__doc__)
    print(f"{dump(Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) == 4 else None)} extractions written to {sys.argv[2]}")
