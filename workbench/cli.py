"""`signalstack workbench`: serve the Streamlit workbench."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

# server.py: app.py as an st.App, plus the one-time download route (workbench.downloads).
APP = Path(__file__).with_name("server.py")


def streamlit_command(host: str, port: int) -> list[str]:
    """The `streamlit run` command line: headless, no usage statistics, no file watcher."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.address", host,
        "--server.port", str(port),
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
        "--client.showErrorDetails", "none",
    ]


app = typer.Typer(add_completion=False)


@app.command("workbench")
def workbench(
    host: str = typer.Option(None, help="Address to bind (default: setting workbench_host)."),
    port: int = typer.Option(None, help="Port to bind (default: setting workbench_port)."),
) -> None:
    """Serve the review workbench in the browser (health check: /_stcore/health)."""
    from core.commandline import fail
    from core.migrate import upgrade
    from core.settings import SettingsError, get_settings

    try:
        settings = get_settings()
    except SettingsError as exc:
        fail(str(exc), 2)
    port = settings.workbench_port if port is None else port
    if not 0 < port < 65536:
        fail(f"port {port} is not a valid TCP port", 2)
    upgrade(settings)
    command = streamlit_command(host or settings.workbench_host, port)
    typer.echo(f"workbench on http://{host or settings.workbench_host}:{port}/")
    sys.stdout.flush()
    # Become Streamlit (no child process): a service manager's SIGTERM then stops the server itself
    # instead of leaving an orphan that keeps serving.
    os.execv(command[0], command)
