"""Extraction throughput of one source tree per CPU second, on fresh texts each pass (no cache sees a text twice).

Compares trees, e.g. this one against an older commit checked out with ``git worktree add /tmp/old SHA``;
run the two alternately and compare the medians:

    .venv/bin/python benchmarks/extract_compare.py /tmp/old
    .venv/bin/python benchmarks/extract_compare.py .

The texts come from this tree's ``benchmarks/bench_extract.py`` generators, so both trees see the same ads.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

PASSES, SHORT, LONG = 3, 2000, 300


def _generators():
    spec = importlib.util.spec_from_file_location("compare_texts", Path(__file__).with_name("bench_extract.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(tree: str) -> dict[str, object]:
    root = str(Path(tree).resolve())
    sys.path.insert(0, root)  # the tree's own nlp package, not the installed one
    texts = _generators()
    from nlp.extract import extract

    if not extract.__code__.co_filename.startswith(root):
        raise SystemExit(f"imported {extract.__code__.co_filename}, not the tree at {root}")
    for text in texts.synthetic_ads(200, seed=99) + texts.synthetic_long_ads(30, seed=98):
        extract(text)  # warm-up: models, lexicon cache
    short_rates, long_rates, char_rates = [], [], []
    for n in range(PASSES):
        short, long_ = texts.synthetic_ads(SHORT, seed=10 + n), texts.synthetic_long_ads(LONG, seed=20 + n)
        started = time.process_time()
        for text in short:
            extract(text)
        short_rates.append(len(short) / (time.process_time() - started))
        started = time.process_time()
        for text in long_:
            extract(text)
        spent = time.process_time() - started
        long_rates.append(len(long_) / spent)
        char_rates.append(sum(map(len, long_)) / spent)
    return {"tree": root, "short_ads_per_cpu_s": round(statistics.median(short_rates)),
            "long_ads_per_cpu_s": round(statistics.median(long_rates)),
            "long_chars_per_cpu_s": round(statistics.median(char_rates))}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1] if len(sys.argv) > 1 else ".")))
