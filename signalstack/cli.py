"""The `signalstack` command line: the root that mounts every stage's own Typer app.

Stages define their commands in their own ``cli`` module (an ``app``) on the helpers of
``core.commandline`` and never import this module. Command names follow one rule: a group is a
noun and its subcommands are verbs (`db upgrade`, `queue crawl`, `risk train`); a top-level
command is a verb (`crawl`, `extract`, `demo`). Names used before that rule keep working for one
release through ``DEPRECATED`` and print a note saying what to type instead.
"""

from __future__ import annotations

import importlib
import sys

from core import __version__

STAGE_APPS = (
    "core.cli",
    "crawlers.demosite.cli",
    "crawlers.cli",
    "nlp.cli",
    "models.cli",
    "casefiles.cli",
    "workbench.cli",
    "signalstack.demo_cli",
    "signalstack.worker_cli",
)

# (old words, a flag the old form needed or None, the new words). Checked in order: first match wins.
DEPRECATED: tuple[tuple[tuple[str, ...], str | None, tuple[str, ...]], ...] = (
    (("crawl",), "--list", ("crawls", "list")),
    (("cluster",), "--db", ("clusters", "rebuild")),
    (("cluster-evaluate",), None, ("evaluate", "clusters")),
    (("risk-score",), None, ("risk", "score")),
    (("train",), None, ("risk", "train")),
    (("worker",), None, ("workers", "start")),
    (("scheduler",), None, ("workers", "schedule")),
    (("workers", "crawl"), None, ("queue", "crawl")),
    (("workers", "analyse"), None, ("queue", "analyse")),
    (("purge",), None, ("retention", "purge")),
    (("backup",), None, ("db", "backup")),
    (("restore",), None, ("db", "restore")),
)
# Options that only the old form had: dropped (with the note) when the old form is rewritten.
_OLD_ONLY_OPTIONS = {"--list", "--db", "--actor"}


def translate_deprecated(argv: list[str]) -> tuple[list[str], str | None]:
    """The new form of an old command line, and the note to print (None when nothing changed)."""
    for old, flag, new in DEPRECATED:
        if tuple(argv[: len(old)]) != old or (flag is not None and flag not in argv[len(old):]):
            continue
        rest = argv[len(old):]
        kept: list[str] = []
        skip = False
        for i, arg in enumerate(rest):
            if skip:
                skip = False
                continue
            name = arg.split("=", 1)[0]
            if name == "--actor":  # became --as
                if "=" in arg:
                    kept.append("--as=" + arg.split("=", 1)[1])
                elif i + 1 < len(rest):
                    kept += ["--as", rest[i + 1]]
                    skip = True
                continue
            if name in _OLD_ONLY_OPTIONS:
                continue
            kept.append(arg)
        if old == ("crawl",):  # `crawl --list [--json]` lists jobs; a site name has no meaning there
            kept = [a for a in kept if a == "--json"]
        note = (f"note: `signalstack {' '.join(old)}{' ' + flag if flag else ''}` is deprecated and goes "
                f"in the next release; use `signalstack {' '.join(new)}`")
        return [*new, *kept], note
    return argv, None


def build_app():
    """The root Typer app with every stage's commands mounted (imports stay lazy inside commands)."""
    import typer

    app = typer.Typer(
        name="signalstack",
        help="Crawl ads as evidence, flag signs of minors and coercion, link networks, review, export cases.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def _root(
        version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
    ) -> None:
        if version:
            typer.echo(__version__)
            raise typer.Exit()

    for name in STAGE_APPS:
        app.add_typer(importlib.import_module(name).app)
    app.add_typer(importlib.import_module("benchmarks.cli").app, name="evaluate",
                  help="Score the engines against demo worlds and the development and blind sets.")
    return app


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # answered before Typer and the stages load
        print(__version__)
        return
    args, note = translate_deprecated(args)
    if note:
        print(note, file=sys.stderr)
    try:
        build_app()(args=args, prog_name="signalstack")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
