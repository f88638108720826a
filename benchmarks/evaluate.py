"""`make eval`: measure extraction, clusters and networks against the synthetic world's truth.

Runs each stage's evaluation (`nlp.evaluate`, `models.evaluate`) on a freshly generated
world and writes docs/EVALUATION.md.
"""

from __future__ import annotations

import importlib
import sys

EVALUATIONS = ("nlp.evaluate", "models.evaluate")


def main() -> int:
    failed = 0
    for name in EVALUATIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                print(f"{name}: not available")
                continue
            raise
        print(f"\n== {name}", flush=True)
        failed += module.main([]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
