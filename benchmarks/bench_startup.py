"""Start-up of the command line: `signalstack --version` and `--help`, against a bare Python.

Target (issue "one composition root"): both answer in ≤ 0.6 s. The baseline is `python -c pass`
measured in the same run, so the ratio shows what the command line itself costs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 7
TARGET_S = 0.6


def _median_s(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    base = _median_s([sys.executable, "-c", "pass"])
    failed = False
    print(f"bare python -c pass: {base:.3f} s (median of {RUNS})")
    for flag in ("--version", "--help"):
        took = _median_s([sys.executable, "-m", "signalstack.cli", flag])
        ok = took <= TARGET_S
        failed |= not ok
        print(f"signalstack {flag}: {took:.3f} s (median of {RUNS}), {took / base:.1f}x bare python; "
              f"target <= {TARGET_S} s: {'met' if ok else 'NOT met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
