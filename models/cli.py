"""`signalstack cluster`: near-duplicate texts and networks, from JSON Lines or the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from signalstack.cli import fail


def register(app: typer.Typer) -> None:
    _register_evaluate(app)
    _register_train(app)

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
        threshold: float = typer.Option(
            0.6,
            min=0.05,
            max=1.0,
            help="Estimated Jaccard similarity of the shingles from which two short texts join "
            "(texts of 4+ sentences join on shared sentences; see docs/CLUSTERING.md).",
        ),
        db: bool = typer.Option(
            False,
            "--db",
            help="Cluster the stored ads and save text clusters and "
            "networks in the database (ignores SOURCE and --by).",
        ),
        actor: str = typer.Option("cli", help="Who runs this (for the audit log) with --db."),
    ) -> None:
        """Group ads: writes {"id", "cluster"} per input line, in order; cluster is null for an ad alone."""
        if db:
            _cluster_database(threshold, actor)
            return
        if by not in ("text", "all"):
            fail(f"--by must be 'text' or 'all', not {by!r}", 2)
        from models.jobs import cluster_lines

        try:
            stream = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            fail(f"cannot read {source}: {exc.strerror}", 2)
        with stream:
            try:
                lines = stream.read().splitlines()
            except UnicodeDecodeError as exc:
                fail(f"{source} is not UTF-8 text: {exc.reason} at byte {exc.start}", 2)
        results = cluster_lines(lines, by=by, threshold=threshold)
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        if not output:
            sys.stdout.write(text)
        else:
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as exc:
                fail(f"cannot write {output}: {exc.strerror}", 2)


def _register_evaluate(app: typer.Typer) -> None:
    @app.command("cluster-evaluate")
    def cluster_evaluate(
        world: str = typer.Argument(..., help="A demo world folder (made by the demo site generator)."),
        identifiers: str = typer.Option(
            "truth",
            help="truth: identifiers from the ground truth; nlp: "
            "extracted from the ad text with nlp.extract.",
        ),
        threshold: float = typer.Option(0.6, min=0.05, max=1.0, help="Text similarity threshold."),
    ) -> None:
        """Score text clusters and networks against a demo world's truth (B-cubed P/R/F1, adjusted Rand)."""
        from models.worldeval import WorldEvalError, evaluate_world

        if identifiers not in ("truth", "nlp"):
            fail("--identifiers must be 'truth' or 'nlp'", 2)
        try:
            typer.echo(json.dumps(evaluate_world(world, identifiers, threshold), indent=2))
        except (WorldEvalError, OSError, KeyError, json.JSONDecodeError) as exc:
            fail(f"cannot evaluate {world}: {exc}", 2)


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
        from models.risktrain import TrainingError, review_examples, world_examples
        from models.risktrain import train as train_model
        from signalstack.settings import get_settings

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
            from signalstack.db import session_scope
            from signalstack.migrate import upgrade

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

    @app.command("risk-score")
    def risk_score(
        model: str = typer.Option(
            "", help="Model version (folder under <data_dir>/models); default the newest."
        ),
        actor: str = typer.Option("cli", help="Who runs this (for the audit log)."),
    ) -> None:
        """Score the current version of every stored ad with a trained risk model (reasons kept per score)."""
        from models.riskstore import ModelNotFound, model_folder, score_stored_ads
        from signalstack.db import session_scope
        from signalstack.migrate import upgrade
        from signalstack.settings import get_settings

        settings = get_settings()
        try:
            folder = model_folder(settings.data_path / "models", model)
        except ModelNotFound as exc:
            fail(str(exc), 2)
        upgrade()
        with session_scope() as session:
            report = score_stored_ads(session, folder, float(settings.flag_threshold), actor)
        typer.echo(json.dumps(report))


def _cluster_database(threshold: float, actor: str) -> None:
    from models.store import cluster_stored_ads
    from signalstack.db import session_scope
    from signalstack.migrate import upgrade

    upgrade()
    with session_scope() as session:
        report = cluster_stored_ads(session, actor=actor, threshold=threshold)
    typer.echo(json.dumps(report))
