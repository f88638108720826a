"""The `signalstack` command line.

The kernel owns the root command and a few kernel commands; every stage adds
its own commands from its own ``cli`` module (``register(app)``), imported
lazily here so that ``signalstack --help`` stays fast and lists only what works.
"""

from __future__ import annotations

import importlib
import sys

import typer

from signalstack import __version__

app = typer.Typer(
    name="signalstack",
    help="Crawl ads as evidence, flag signs of minors and coercion, link networks, review, export cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

STAGE_CLI_MODULES = (
    "signalstack.kernel_cli",
    "crawlers.demosite.cli",
    "crawlers.cli",
    "nlp.cli",
    "models.cli",
    "casefiles.cli",
    "workbench.cli",
    "signalstack.demo_cli",
    "signalstack.trust_cli",
    "signalstack.worker_cli",
)


def fail(message: str, code: int = 1) -> None:
    """Print a clear message (no traceback) and exit with `code`."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def _register_all() -> None:
    for name in STAGE_CLI_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # stage not built yet
                continue
            raise
        module.register(app)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit()


def main() -> None:
    _register_all()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
