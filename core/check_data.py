"""`python -m core.check_data`: validate every data file the engines load (CI runs it).

Each stage that keeps data as YAML offers a ``validate_all() -> list[str]`` returning problems;
they are listed here so one command checks them all.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

VALIDATORS = (
    "nlp.lexicon",
    "crawlers.adapters",
    "casefiles.scheme",
    "signalstack.permissions",
)


def yaml_file_problems(path: Path, problems_in: Callable[[Any], list[str]]) -> list[str]:
    """Problems of one YAML data file, each prefixed with its name; an unreadable file is one."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"{path.name}: cannot read: {exc}"]
    return [f"{path.name}: {p}" for p in problems_in(data)]


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
