"""`signalstack demosite generate | serve` from the command line: output and clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SIGNALSTACK = [sys.executable, "-m", "signalstack.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*SIGNALSTACK, *args], capture_output=True, text=True, timeout=120,
                          env=os.environ | {"SIGNALSTACK_DEMO_SEED": "7"})


def test_generate_writes_a_world_and_reports_it(tmp_path):
    result = run("demosite", "generate", "--ads", "40", "--days", "3", "--out", str(tmp_path / "w"))
    assert result.returncode == 0, result.stderr
    assert "40 ads" in result.stdout
    assert (tmp_path / "w" / "truth.jsonl").is_file()


def test_bad_arguments_give_a_message_not_a_traceback(tmp_path):
    result = run("demosite", "generate", "--ads", "3", "--out", str(tmp_path / "w"))
    assert result.returncode == 2 and "at least" in result.stderr and "Traceback" not in result.stderr
    result = run("demosite", "serve", "--world", str(tmp_path / "missing"), "--port", "0")
    assert result.returncode == 2 and "not a demo world" in result.stderr and "Traceback" not in result.stderr


def test_serve_prints_its_url_and_serves(tmp_path):
    world = tmp_path / "w"
    assert run("demosite", "generate", "--ads", "40", "--days", "3", "--out", str(world)).returncode == 0
    proc = subprocess.Popen([*SIGNALSTACK, "demosite", "serve", "--world", str(world), "--port", "0", "--day", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "day 2 of 3" in line
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
    assert Path(world / "meta.json").is_file()
