"""`signalstack demo`: the whole path on the embedded default (see ``signalstack.demo``)."""

from __future__ import annotations

import signal
import subprocess

import typer

from core.commandline import fail

app = typer.Typer(add_completion=False)


@app.command("demo")
def demo(
    workbench: bool = typer.Option(True, "--workbench/--no-workbench",
                                   help="Start the workbench at the end (default), or exit with a summary."),
    ads: int = typer.Option(0, help="Ads in the world (0: setting demo_ads)."),
    days: int = typer.Option(14, help="Days the world's timeline spans."),
    seed: int = typer.Option(-1, help="World seed (-1: setting demo_seed)."),
) -> None:
    """Generate the synthetic world, serve it, crawl, analyse, cluster, then open the workbench.

    Exits non-zero unless every generated ad was crawled."""
    from core.settings import SettingsError, get_settings
    from signalstack.demo import DemoError, run_demo

    try:
        settings = get_settings()
        summary = run_demo(ads=ads or None, days=days, seed=None if seed < 0 else seed,
                           keep_serving=workbench, settings=settings,
                           progress=lambda m: typer.echo(f"· {m}"))
    except (DemoError, SettingsError) as exc:
        fail(str(exc))
    for line in summary.lines():
        typer.echo(line)
    if not summary.complete:
        fail(f"{len(summary.missing)} generated ads were not crawled: {', '.join(summary.missing[:10])}")
    if workbench:
        from workbench.cli import streamlit_command

        host, port = settings.workbench_host, settings.workbench_port
        typer.echo(f"workbench: http://{host}:{port}/  (sign in with an account above; Ctrl-C stops)")
        # Streamlit runs as a child so the demo site keeps serving from this process; a SIGTERM
        # to the demo is passed on, so stopping the demo never leaves the workbench running.
        proc = subprocess.Popen(streamlit_command(host, port))
        signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            code = proc.wait()
        raise typer.Exit(code if code > 0 else 0)
