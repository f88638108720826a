"""`signalstack evaluate ...`: the engines scored against demo worlds (mounted by the root).

Evaluation sits above the stages: it generates worlds (crawlers.demosite), extracts (nlp) and
clusters (models), so no stage may hold it.
"""

from __future__ import annotations

import json

import typer

from core.commandline import fail

app = typer.Typer(help="Score the engines against demo worlds.", no_args_is_help=True)


@app.command("clusters")
def clusters(
    world: str = typer.Argument(..., help="A demo world folder (made by `signalstack demosite generate`)."),
    identifiers: str = typer.Option(
        "truth", help="truth: identifiers from the ground truth; nlp: extracted from the ad text."),
    threshold: float | None = typer.Option(
        None, min=0.05, max=1.0, help="Text similarity threshold (default: the engine's own)."),
    engine: str = typer.Option("centre", help="centre: the default, non-chaining CentreClusterer; text: the "
                               "earlier single-link TextClusterer (docs/CLUSTERING.md)."),
) -> None:
    """Score text clusters and networks against a demo world's truth (B-cubed P/R/F1, adjusted Rand)."""
    from benchmarks.worldeval import WorldEvalError, evaluate_world

    if identifiers not in ("truth", "nlp"):
        fail("--identifiers must be 'truth' or 'nlp'", 2)
    if engine not in ("centre", "text"):
        fail("--engine must be 'centre' or 'text'", 2)
    try:
        typer.echo(json.dumps(evaluate_world(world, identifiers, threshold, engine=engine), indent=2))
    except (WorldEvalError, OSError, KeyError, json.JSONDecodeError) as exc:
        fail(f"cannot evaluate {world}: {exc}", 2)
