"""`make bench`: run every benchmarks/bench_*.py in its own process, one after the other.

Each script prints its own figures (median of several runs, as a ratio against a
baseline measured in the same run); docs/BENCHMARKS.md records them with the machine.
Pass script names to run a subset: `python -m benchmarks.run bench_extract`.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    if argv:
        scripts = [s for s in scripts if s.stem in argv]
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"Python {platform.python_version()}, {_cores()} cores")
    failed = 0
    for script in scripts:
        print(f"\n== {script.stem}", flush=True)
        rc = subprocess.call([sys.executable, "-m", f"benchmarks.{script.stem}"], cwd=HERE.parent)
        failed += rc != 0
    return 1 if failed else 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
