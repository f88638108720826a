"""`signalstack demosite generate | serve`: the synthetic ad world and its local web server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from core.commandline import fail

app = typer.Typer(add_completion=False)


demosite = typer.Typer(help="Synthetic ad world and the local demo site (demos and tests).",
                       no_args_is_help=True)
app.add_typer(demosite, name="demosite")

@demosite.command("generate")
def generate(
    out: Annotated[Path, typer.Option("--out", help="World folder to write (created if missing).")],
    ads: int = typer.Option(0, help="Number of ads (0: setting demo_ads)."),
    days: int = typer.Option(14, help="Number of days the world spans."),
    seed: int = typer.Option(-1, help="Seed (-1: setting demo_seed); same seed, same bytes."),
    disguise_rate: float = typer.Option(0.25, help="Base rate of disguised phone numbers and e-mails."),
    minor_rate: float = typer.Option(0.15, help="Share of persons behind exploitative operations who are minors."),
) -> None:
    """Write a world folder: world.jsonl, images.csv, truth.jsonl and truth/*.csv."""
    from core.settings import get_settings
    from crawlers.demosite.generate import WorldError, generate_world

    settings = get_settings()
    try:
        summary = generate_world(
            ads=ads or settings.demo_ads, days=days, seed=settings.demo_seed if seed < 0 else seed, out=out,
            disguise_rate=disguise_rate, minor_rate=minor_rate,
        )
    except WorldError as exc:
        fail(str(exc), 2)
    except OSError as exc:
        fail(f"cannot write the world to {out}: {exc}")
    for line in summary.lines():
        typer.echo(line)

@demosite.command("serve")
def serve(
    world: Annotated[Path, typer.Option("--world", help="World folder made by `demosite generate`.")],
    day: int = typer.Option(0, help="Day to show (0: the last day)."),
    host: str = typer.Option("", help="Host to bind (empty: setting demosite_host)."),
    port: int = typer.Option(-1, help="Port (-1: setting demosite_port; 0: any free port)."),
    slow_seconds: float = typer.Option(3.0, help="Delay of the hostile slow pages."),
) -> None:
    """Serve the three demo sites until interrupted (Ctrl-C)."""
    from core.settings import get_settings
    from crawlers.demosite.server import make_server
    from crawlers.demosite.world import WorldFolderError

    settings = get_settings()
    try:
        server = make_server(world, day or None, host or settings.demosite_host,
                             settings.demosite_port if port < 0 else port, slow_seconds)
    except WorldFolderError as exc:
        fail(str(exc), 2)
    except OSError as exc:
        fail(f"cannot listen: {exc}")
    typer.echo(f"demo sites on day {server.view.day} of {server.view.world.days}: {server.url}/ "
               f"(classic, profiles, search); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
