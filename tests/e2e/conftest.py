"""Fixtures for the real-browser tests: a small crawled and analysed demo world, the workbench
served from it as a subprocess, and a headless Debian chromium driven by Playwright."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package: Playwright cannot download browsers here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
STARTUP_TIMEOUT_S = 90


@dataclass(frozen=True)
class DemoDatabase:
    settings: Settings
    accounts: dict[str, str]  # username -> password, fresh per run


@pytest.fixture
def demo_database(settings) -> DemoDatabase:
    """The demo pipeline on a tiny world (two of the three sites, to keep the test short).

    The world plants at least two injection lines (a ``<script>`` and an ``<img onerror>``)
    in normal ads, so crawled ad text carries markup the workbench must show inert.
    """
    from signalstack.demo import run_demo

    summary = run_demo(ads=40, days=3, seed=5, settings=settings, sites=("classic", "profiles"),
                       progress=lambda _message: None)
    assert summary.complete, f"demo crawl missed ads: {summary.missing}"
    return DemoDatabase(settings, dict(summary.accounts))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@contextmanager
def running_workbench(tmp_path: Path) -> Iterator[str]:
    """`signalstack workbench` on a free port with this process's environment; yields its URL.

    It runs in its own process group: the CLI starts Streamlit as a child of its own, and
    stopping only the CLI would leave that child serving.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "workbench.log"
    command = [sys.executable, "-m", "signalstack.cli", "workbench", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the workbench did not come up on {url}:\n"
                            + log_path.read_text(encoding="utf-8", errors="replace")[-3000:])
            time.sleep(0.3)
        yield url
    finally:
        _stop_group(process)


@pytest.fixture
def workbench_url(demo_database, tmp_path) -> Iterator[str]:
    """The workbench over the demo database (see ``running_workbench``)."""
    with running_workbench(tmp_path) as url:
        yield url


def _stop_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture
def browser_page():
    """A fresh headless chromium page; every `alert`/`confirm` call is recorded in `window.__xss`."""
    if not CHROMIUM.exists():
        pytest.skip(f"no browser at {CHROMIUM} (install Debian's chromium package)")
    from playwright.sync_api import expect, sync_playwright

    # Each click reruns the Streamlit script on a shared 2-core machine: allow it time.
    expect.set_options(timeout=30_000)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
        # An ad that manages to run script would most likely call alert(); remember any such call
        # even if the dialog itself is dismissed before anyone looks.
        context.add_init_script("""
            for (const name of ['alert', 'confirm', 'prompt']) {
              const original = window[name].bind(window);
              window[name] = (...args) => { window.__xss = (window.__xss || []).concat([String(args[0])]);
                                            return original(...args); };
            }
        """)
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
