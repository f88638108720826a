"""`signalstack workbench` serves the app and answers on Streamlit's health endpoint."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from workbench.cli import APP, streamlit_command

SIGNALSTACK = Path(sys.executable).with_name("signalstack")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_streamlit_command_is_headless_and_bound():
    cmd = streamlit_command("127.0.0.1", 8599)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4] == str(APP)
    pairs = dict(zip(cmd[5::2], cmd[6::2], strict=True))
    assert pairs["--server.headless"] == "true" and pairs["--server.port"] == "8599"
    assert pairs["--server.address"] == "127.0.0.1" and pairs["--browser.gatherUsageStats"] == "false"


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, SIGNALSTACK_DATA_DIR=str(tmp_path))
    env.pop("SIGNALSTACK_DATABASE_URL", None)
    return env


def test_bad_port_is_a_clear_error(tmp_path):
    result = subprocess.run([str(SIGNALSTACK), "workbench", "--port", "70000"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "not a valid TCP port" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_served_workbench_answers_health_check(tmp_path):
    port = _free_port()
    proc = subprocess.Popen([str(SIGNALSTACK), "workbench", "--port", str(port)], env=_env(tmp_path),
                            stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        body = b""
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    body = r.read()
                    break
            except OSError:
                time.sleep(0.5)
        assert body == b"ok", proc.stdout.read().decode() if proc.poll() is not None else "no answer"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200
        assert (tmp_path / "signalstack.db").exists()  # the schema was migrated on start
        # A service manager's SIGTERM to the command itself stops the server (no orphan keeps serving).
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        time.sleep(0.5)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            still_serving = True
        except OSError:
            still_serving = False
        assert not still_serving
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)
