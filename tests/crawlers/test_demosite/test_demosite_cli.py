"""`signalstack demosite generate | serve`: output and clear errors (in-process), and a real serve process."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import typer
from typer.testing import CliRunner

from crawlers.demosite.cli import app as demosite_app
from crawlers.demosite.generate import generate_world


def cli() -> typer.Typer:
    return demosite_app


def invoke(*args: str):
    return CliRunner().invoke(cli(), list(args))


def test_generate_writes_a_world_and_reports_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNALSTACK_DEMO_SEED", "7")
    result = invoke("demosite", "generate", "--ads", "40", "--days", "3", "--out", str(tmp_path / "w"))
    assert result.exit_code == 0, result.output
    assert "40 ads" in result.output
    assert (tmp_path / "w" / "truth.jsonl").is_file()


def test_bad_arguments_give_a_message_not_a_traceback(tmp_path):
    result = invoke("demosite", "generate", "--ads", "3", "--out", str(tmp_path / "w"))
    assert result.exit_code == 2 and "at least" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    result = invoke("demosite", "serve", "--world", str(tmp_path / "missing"), "--port", "0")
    assert result.exit_code == 2 and "not a demo world" in result.output
    generate_world(40, 3, 7, tmp_path / "ok")
    result = invoke("demosite", "serve", "--world", str(tmp_path / "ok"), "--day", "99", "--port", "0")
    assert result.exit_code == 2 and "day must be between 1 and 3" in result.output


def test_serve_prints_its_url_and_serves(tmp_path):
    world = tmp_path / "w"
    generate_world(40, 3, 7, world)
    proc = subprocess.Popen(
        [sys.executable, "-m", "signalstack.cli", "demosite", "serve", "--world", str(world), "--port", "0",
         "--day", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = proc.stdout.readline()
        assert "day 2 of 3" in line, proc.stderr.read() if proc.poll() is not None else line
        url = line.split(": ", 1)[1].split()[0]
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "classic/", timeout=10) as resp:
                    assert resp.status == 200 and b'class="ad-card"' in resp.read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
