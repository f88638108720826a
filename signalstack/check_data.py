"""`python -m signalstack.check_data`: validate every data file the engines load (CI runs it).

Each stage that keeps data as YAML offers a ``validate_all() -> list[str]`` returning problems;
they are listed here so one command checks them all.
"""

from __future__ import annotations

import importlib
import sys

VALIDATORS = (
    "nlp.lexicon",
    "crawlers.adapters",
    "casefiles.scheme",
    "signalstack.permissions",
)


def main() -> int:
    problems: list[str] = []
    checked = 0
    for name in VALIDATORS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        checked += 1
        problems += [f"{name}: {p}" for p in module.validate_all()]
    for p in problems:
        print(p, file=sys.stderr)
    print(f"data check: {checked} validators, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
