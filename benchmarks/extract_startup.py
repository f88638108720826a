"""Start-up of `signalstack extract` on one ad, against a bare `python -c "import spacy"`.

Both run as new processes, interleaved so that they see the same machine load; the figure is the
ratio of the medians (issue 16: <= 1.5). The compiled lexicon is cached on disk
(``nlp.indicators.compiled``); the first run after a lexicon change compiles it, which is reported
once as "cold". Run by ``benchmarks.bench_extract`` (``--startup-only`` for this part alone).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5
AD = '{"id": "1", "text": "Hoi, ik ben Lisa, 24, nieuw in Utrecht. Bel 06-12345678."}\n'


def _seconds(args: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def measure(runs: int) -> tuple[float, float, float]:
    """(median s of bare `import spacy`, median s of `signalstack extract` on one ad, cold-cache s)."""
    with tempfile.TemporaryDirectory() as tmp:
        ad = Path(tmp) / "one.jsonl"
        ad.write_text(AD, encoding="utf-8")
        extract = [sys.executable, "-m", "signalstack.cli", "extract", str(ad)]
        cold = _seconds(extract, {**os.environ, "SIGNALSTACK_CACHE_DIR": str(Path(tmp) / "cache")})
        _seconds(extract)  # fill the ordinary cache, as any earlier run would have
        bare, ours = [], []
        for _ in range(runs):
            bare.append(_seconds([sys.executable, "-c", "import spacy"]))
            ours.append(_seconds(extract))
    return statistics.median(bare), statistics.median(ours), cold


def report(runs: int = 7) -> bool:
    runs = max(5, runs)
    bare, ours, cold = measure(runs)
    ratio = ours / bare
    met = ratio <= TARGET
    print(f"start-up, median of {runs} (load average {os.getloadavg()[0]:.1f}): bare `import spacy` {bare:.2f} s; "
          f"`signalstack extract` on one ad {ours:.2f} s = {ratio:.2f}x (target <= {TARGET}x: "
          f"{'met' if met else 'NOT met'}); first run after a lexicon change {cold:.2f} s")
    return met


if __name__ == "__main__":
    raise SystemExit(0 if report(int(sys.argv[1]) if len(sys.argv) > 1 else 7) else 1)
