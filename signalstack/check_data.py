"""`python -m signalstack.check_data`: validate every data file the engines load (``make lint`` runs it).

Each module that keeps data as YAML offers ``data_files()``, the (path, model) pairs of
``core.datafiles``, and may offer ``validate_all() -> list[str]`` when it checks more than
its models do (then that is what runs). It lives in the composition root because it knows
every stage. A YAML file in a package that no module claims is a problem too: a new data
file must come with its model.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from core.datafiles import files_problems

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "crawlers", "nlp", "models", "casefiles", "workbench")
DATA_MODULES = (
    "nlp.lexicon_check",
    "nlp.places",
    "nlp.textmodel",
    "nlp.regions",
    "models.risk",
    "crawlers.adapters",
    "casefiles.scheme",
    "core.permissions",
    "workbench.i18n",
)
# Data files checked otherwise than through a module's data_files(), with the reason.
CHECKED_ELSEWHERE = {
    "crawlers/demosite/phrases.yaml": "the demo world's phrase bank; tests/crawlers/test_demosite checks it",
}


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:  # the module exists but something it imports does not
            raise
        return None


def module_problems(name: str) -> list[str]:
    """The problems one data module reports, each prefixed with the module's name."""
    module = _module(name)
    if module is None:  # a moved module must not silently drop out of the check
        return [f"{name}: module not found (listed in signalstack.check_data.DATA_MODULES)"]
    if hasattr(module, "validate_all"):  # its own check, over and above the models
        problems = module.validate_all()
    elif hasattr(module, "data_files"):
        problems = files_problems(module.data_files())
    else:
        problems = ["offers neither validate_all() nor data_files()"]
    return [f"{name}: {p}" for p in problems]


def unclaimed_files(root: Path = ROOT) -> list[Path]:
    """YAML files in the packages that no module's ``data_files()`` lists and no reason exempts."""
    claimed = set()
    for module in filter(None, map(_module, DATA_MODULES)):
        if hasattr(module, "data_files"):
            claimed |= {path.resolve() for path, _ in module.data_files()}
    found = [p for package in PACKAGES for p in sorted((root / package).rglob("*.yaml"))]
    return [p for p in found if p.resolve() not in claimed
            and not any(p.relative_to(root).match(pattern) for pattern in CHECKED_ELSEWHERE)]


def main() -> int:
    problems = [p for name in DATA_MODULES for p in module_problems(name)]
    problems += [f"{p.relative_to(ROOT)}: no module checks it (add it to a module's data_files())"
                 for p in unclaimed_files()]
    for p in problems:
        print(p, file=sys.stderr)
    print(f"data check: {len(DATA_MODULES)} modules, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
