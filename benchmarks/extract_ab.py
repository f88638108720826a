"""Extraction throughput of several source trees, measured in turns: steadier than runs one after another.

On a machine shared with other work, two runs of one tree with ``extract_compare.py`` differ by 15-20 %,
because the load changes between them. Here every tree has two long-lived worker processes (hash seeds
1 and 2, so no single memory layout decides), each warmed up once; then the workers take turns on the
same fresh batches (250 short ads, 35 real-length ads; the order reversed every round), so each tree
sees the same load. CPU seconds are summed per tree over all rounds:

    .venv/bin/python benchmarks/extract_ab.py [--rounds 10] /tmp/old .

The first tree is the base of the ratios. The texts come from this tree's ``bench_extract.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve()
SHORT, LONG = 250, 35
HASH_SEEDS = ("1", "2")


def worker(tree: str) -> None:
    """Warm up in `tree`, then read "kind seed n" lines and answer [cpu seconds, ads, chars]."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ab_texts", HERE.with_name("bench_extract.py"))
    assert spec is not None and spec.loader is not None
    texts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(texts)
    root = str(Path(tree).resolve())
    sys.path.insert(0, root)
    from nlp.extract import extract

    if not extract.__code__.co_filename.startswith(root):
        raise SystemExit(f"imported {extract.__code__.co_filename}, not the tree at {root}")
    for text in texts.synthetic_ads(200, seed=99) + texts.synthetic_long_ads(30, seed=98):
        extract(text)
    print("ready", flush=True)
    for line in sys.stdin:
        kind, seed, n = line.split()
        batch = (texts.synthetic_ads if kind == "short" else texts.synthetic_long_ads)(int(n), seed=int(seed))
        started = time.process_time()
        for text in batch:
            extract(text)
        print(json.dumps([time.process_time() - started, len(batch), sum(map(len, batch))]), flush=True)


def _pipes(process: subprocess.Popen[str]) -> tuple[IO[str], IO[str]]:
    assert process.stdin is not None and process.stdout is not None
    return process.stdin, process.stdout


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("trees", nargs="+")
    args = parser.parse_args(argv)
    workers = []
    for seed in HASH_SEEDS:
        for tree in args.trees:
            process = subprocess.Popen([sys.executable, str(HERE), "--worker", tree], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONHASHSEED=seed))
            workers.append((tree, process))
    for _, process in workers:
        if _pipes(process)[1].readline().strip() != "ready":
            raise SystemExit("a worker did not start")
    spent = {tree: {"short": [0.0, 0, 0], "long": [0.0, 0, 0]} for tree in args.trees}
    for n in range(args.rounds):
        for kind, size in (("short", SHORT), ("long", LONG)):
            for tree, process in workers if n % 2 == 0 else workers[::-1]:
                ask, answer = _pipes(process)
                ask.write(f"{kind} {1000 + n} {size}\n")
                ask.flush()
                cpu, ads, chars = json.loads(answer.readline())
                for i, value in enumerate((cpu, ads, chars)):
                    spent[tree][kind][i] += value
    for _, process in workers:
        _pipes(process)[0].close()
        process.wait()
    result = {}
    for tree in args.trees:
        short, long_ = spent[tree]["short"], spent[tree]["long"]
        result[tree] = {"short_ads_per_cpu_s": short[1] / short[0], "long_ads_per_cpu_s": long_[1] / long_[0],
                        "long_chars_per_cpu_s": long_[2] / long_[0]}
    base = result[args.trees[0]]
    for tree, rates in result.items():
        print(json.dumps({"tree": tree, **{k: round(v) for k, v in rates.items()},
                          "ratio_short": round(rates["short_ads_per_cpu_s"] / base["short_ads_per_cpu_s"], 3),
                          "ratio_long": round(rates["long_ads_per_cpu_s"] / base["long_ads_per_cpu_s"], 3)}))
    return result


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
    else:
        main()
