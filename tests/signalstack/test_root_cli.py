"""The root command line: version, the generated CLI document, deprecated names, the acting user."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalstack import clidoc
from signalstack.cli import build_app, translate_deprecated

ROOT = Path(__file__).resolve().parents[2]


def test_version_answers_with_exit_code_zero():
    for args in (["--version"], ["--version", "db"]):
        proc = subprocess.run([sys.executable, "-m", "signalstack.cli", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == "0.1.0"


def test_docs_cli_md_is_generated_from_the_app():
    assert clidoc.main(["--check"]) == 0, "docs/CLI.md is stale: run python -m signalstack.clidoc"
    text = clidoc.render()
    for command in ("signalstack queue crawl", "signalstack workers start", "signalstack clusters rebuild",
                    "signalstack crawls list", "signalstack risk train", "signalstack db backup"):
        assert command in text


@pytest.mark.parametrize(("old", "new"), [
    (["worker", "-c", "2"], ["workers", "start", "-c", "2"]),
    (["scheduler"], ["workers", "schedule"]),
    (["workers", "crawl", "classic", "--actor", "ann"], ["queue", "crawl", "classic", "--as", "ann"]),
    (["workers", "analyse"], ["queue", "analyse"]),
    (["crawl", "--list", "--json"], ["crawls", "list", "--json"]),
    (["cluster", "--db", "--actor=bob"], ["clusters", "rebuild", "--as=bob"]),
    (["risk-score"], ["risk", "score"]),
    (["purge", "--dry-run"], ["retention", "purge", "--dry-run"]),
    (["backup", "x.bak"], ["db", "backup", "x.bak"]),
])
def test_old_names_are_translated_with_a_note(old, new):
    translated, note = translate_deprecated(old)
    assert translated == new
    assert note and "deprecated" in note and " ".join(new[:2]) in note


def test_current_names_pass_unchanged():
    for argv in (["crawl", "classic", "--purpose", "p"], ["cluster", "ads.jsonl"], ["workers", "status"]):
        assert translate_deprecated(argv) == (argv, None)


def test_a_deprecated_name_still_runs(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "signalstack.cli", "workers", "crawl", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Queue a crawl" in proc.stdout
    assert "deprecated" in proc.stderr and "signalstack queue crawl" in proc.stderr


def test_writing_commands_refuse_without_an_acting_user(settings, monkeypatch):
    monkeypatch.delenv("SIGNALSTACK_USER", raising=False)
    result = CliRunner().invoke(build_app(), ["clusters", "rebuild"])
    assert result.exit_code == 2
    assert "no acting user" in result.output
    result = CliRunner().invoke(build_app(), ["retention", "purge", "--dry-run"])
    assert result.exit_code == 2 and "no acting user" in result.output
