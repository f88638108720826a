"""The layering rule of DESIGN.md, checked on the real import graph (imports inside functions too).

- ``core`` (the kernel) imports no stage, not the root and not ``benchmarks``;
- a stage imports ``core`` and earlier stages only (crawlers → nlp → models → casefiles → workbench),
  never the root (``signalstack``) nor ``benchmarks``;
- no modules import each other, directly or in a ring.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("crawlers", "nlp", "models", "casefiles", "workbench")
ABOVE = ("signalstack", "benchmarks")  # the composition root and the evaluation beside it
PACKAGES = ("core", *STAGES, *ABOVE)


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(target: str, modules: set[str]) -> str | None:
    """The project module an import names: itself, or its nearest enclosing package."""
    while target:
        if target in modules:
            return target
        target = target.rpartition(".")[0]
    return None


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module -> the project modules it imports anywhere in its body."""
    files = {module_name(p, root): p for pkg in PACKAGES for p in (root / pkg).rglob("*.py")
             if ".venv" not in p.parts}
    modules = set(files)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [f"{base}.{a.name}" for a in node.names]
            for target in targets:
                resolved = _resolve(target, modules)
                if resolved and resolved != name:
                    found.add(resolved)
        graph[name] = found
    return graph


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, imports in sorted(graph.items()):
        top = module.split(".")[0]
        for imported in sorted(imports):
            other = imported.split(".")[0]
            if top == other or other not in PACKAGES:
                continue
            if top == "core":
                problems.append(f"kernel module {module} imports {imported}")
            elif top in STAGES and (other in ABOVE or (other in STAGES and STAGES.index(other) > STAGES.index(top))):
                problems.append(f"stage module {module} imports later layer {imported}")
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_product_keeps_its_layers():
    assert layer_violations(import_graph()) == []


def test_no_modules_import_each_other_in_a_ring():
    assert cycles(import_graph()) == []


def test_a_backward_import_is_caught(tmp_path):
    for pkg in ("core", "nlp", "models", "crawlers", "casefiles", "workbench", "signalstack", "benchmarks"):
        (tmp_path / pkg).mkdir()
        (tmp_path / pkg / "__init__.py").write_text("")
    (tmp_path / "core" / "settings.py").write_text("def f():\n    import nlp.extract  # inside a function\n")
    (tmp_path / "nlp" / "extract.py").write_text("from ..models import risk\n")  # relative, into a later stage
    (tmp_path / "models" / "risk.py").write_text("from signalstack.cli import main\n")
    (tmp_path / "signalstack" / "cli.py").write_text("import core.settings\n")
    graph = import_graph(tmp_path)
    assert layer_violations(graph) == [
        "kernel module core.settings imports nlp.extract",
        "stage module models.risk imports later layer signalstack.cli",
        "stage module nlp.extract imports later layer models.risk",
    ]
    # core.settings -> nlp.extract -> models.risk -> signalstack.cli -> core.settings
    assert cycles(graph) == [["core.settings", "models.risk", "nlp.extract", "signalstack.cli"]]
