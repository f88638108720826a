"""Model commands: `cluster` (JSON Lines in and out), `clusters rebuild` (stored ads), `risk train|score`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from core.commandline import AS_USER, acting_user, fail

app = typer.Typer(add_completion=False)


@app.command("cluster")
def cluster(
    source: str = typer.Argument(
        "-",
        help="JSON Lines file with id, text (+ title, phones, emails, handles, images); '-' reads stdin.",
    ),
    by: str = typer.Option(
        "all",
        "--by",
        help="text: near-duplicate texts only; all: also shared "
        "phones, e-mails, handles and photo hashes.",
    ),
    output: str = typer.Option("", "--output", "-o", help="Write here instead of stdout."),
    threshold: float | None = typer.Option(
        None,
        min=0.05,
        max=1.0,
        help="Similarity threshold of the text engine (default: the engine's own, 0.4 for centre and 0.6 "
        "for text; see docs/CLUSTERING.md).",
    ),
    engine: str | None = typer.Option(
        None, "--engine", help="Text engine: centre or text (default: the setting text_clusterer)."),
) -> None:
    """Group ads: writes {"id", "cluster"} per input line, in order; cluster is null for an ad alone."""
    if by not in ("text", "all"):
        fail(f"--by must be 'text' or 'all', not {by!r}", 2)
    from models.jobs import cluster_lines

    try:
        stream = sys.stdin if source == "-" else open(source, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {source}: {exc.strerror}", 2)
    with stream:
        try:
            lines = stream.read().splitlines()
        except UnicodeDecodeError as exc:
            fail(f"{source} is not UTF-8 text: {exc.reason} at byte {exc.start}", 2)
    if engine is not None and engine not in ("centre", "text"):
        fail(f"--engine must be 'centre' or 'text', not {engine!r}", 2)
    results = cluster_lines(lines, by=by, threshold=threshold, engine=engine)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
    if not output:
        sys.stdout.write(text)
    else:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}", 2)



risk_app = typer.Typer(help="The risk model: train it, score stored ads with it.", no_args_is_help=True)
app.add_typer(risk_app, name="risk")
clusters_app = typer.Typer(help="Text clusters and networks of the stored ads.", no_args_is_help=True)
app.add_typer(clusters_app, name="clusters")


@clusters_app.command("rebuild")
def clusters_rebuild(
    threshold: float | None = typer.Option(
        None, min=0.05, max=1.0, help="Similarity threshold of the text engine (default: the engine's own)."),
    engine: str | None = typer.Option(
        None, "--engine", help="Text engine: centre or text (default: the setting text_clusterer)."),
    as_user: str = AS_USER,
) -> None:
    """Cluster the stored ads and save text clusters and networks in the database."""
    from core.db import session_scope
    from core.migrate import upgrade
    from models.store import cluster_stored_ads

    actor = acting_user(as_user)
    upgrade()
    with session_scope() as session:
        if engine is not None and engine not in ("centre", "text"):
            fail(f"--engine must be 'centre' or 'text', not {engine!r}", 2)
        report = cluster_stored_ads(session, actor=actor, threshold=threshold, engine=engine)
    typer.echo(json.dumps(report))


def _register_train(app: typer.Typer) -> None:
    @app.command("train")
    def train(
        world: str = typer.Option("", help="Demo world folder to learn from (its truth labels)."),
        reviews: bool = typer.Option(
            False, "--reviews", help="Also learn from analysts' review decisions stored in the database."
        ),
        seed: int = typer.Option(0, help="Seed of the held-out split and the classifier."),
    ) -> None:
        """Train the risk model; writes <data_dir>/models/<version>/ with model, metrics and model card."""
        from core.settings import get_settings
        from models.risktrain import TrainingError, review_examples, world_examples
        from models.risktrain import train as train_model

        if not world and not reviews:
            fail("give --world DIR and/or --reviews", 2)
        examples, sources = [], []
        if world:
            try:
                examples += world_examples(world)
            except (ValueError, OSError, KeyError) as exc:
                fail(f"cannot read the demo world {world}: {exc}", 2)
            sources.append(f"demo world {world}")
        if reviews:
            from core.db import session_scope
            from core.migrate import upgrade

            upgrade()
            with session_scope() as session:
                found = review_examples(session)
            examples += found
            sources.append(f"{len(found)} review decisions")
        try:
            folder = train_model(examples, get_settings().data_path / "models", "; ".join(sources), seed)
        except TrainingError as exc:
            fail(str(exc), 2)
        typer.echo((folder / "metrics.json").read_text(encoding="utf-8"))
        typer.echo(f"model card: {folder / 'card.md'}")

    @app.command("score")
    def risk_score(
        model: str = typer.Option(
            "", help="Model version (folder under <data_dir>/models); default the newest."
        ),
        as_user: str = AS_USER,
    ) -> None:
        """Score the current version of every stored ad with a trained risk model (reasons kept per score)."""
        from core.db import session_scope
        from core.migrate import upgrade
        from core.settings import get_settings
        from models.riskstore import ModelNotFound, model_folder, score_stored_ads

        actor = acting_user(as_user)
        settings = get_settings()
        try:
            folder = model_folder(settings.data_path / "models", model)
        except ModelNotFound as exc:
            fail(str(exc), 2)
        upgrade()
        with session_scope() as session:
            report = score_stored_ads(session, folder, float(settings.flag_threshold), actor)
        typer.echo(json.dumps(report))


_register_train(risk_app)
