from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from casefiles import cli as case_cli
from casefiles.dossiers import create_dossier
from core.db import session_scope


@pytest.fixture
def run(settings, world, monkeypatch):
    app = case_cli.app
    runner = CliRunner()
    monkeypatch.delenv("SIGNALSTACK_USER", raising=False)

    def invoke(*args: str):
        result = runner.invoke(app, ["case", *args])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result

    return invoke


def test_case_lifecycle_through_the_cli(run, settings, world, tmp_path, monkeypatch):
    created = run("create", "--title", "Lisa", "--team", "vice", "--as", "ana")
    assert created.exit_code == 0, created.output
    number = created.output.split()[0]
    monkeypatch.setenv("SIGNALSTACK_USER", "ana")  # the default acting user
    assert run("add", number, "--ad", str(world.ads["a1"])).exit_code == 0
    with session_scope(settings) as s:
        dossier_id = create_dossier(s, "ana", "phone", "+31612345678").id
    assert run("add", number, "--dossier", str(dossier_id)).exit_code == 0
    both = run("add", number, "--ad", "1", "--dossier", "1")
    assert both.exit_code == 2 and "exactly one" in both.output
    listed = json.loads(run("list", "--json").output)
    assert [(c["number"], c["signals"]) for c in listed] == [(number, 2)]
    assert json.loads(run("list", "--json", "--as", "olga").output) == []  # another team sees nothing

    refused = run("export", number, "--out", str(tmp_path / "b.zip"))
    assert refused.exit_code == 2 and "may not case.export" in refused.output
    exported = run("export", number, "--out", str(tmp_path / "b.zip"), "--as", "coco")
    assert exported.exit_code == 0, exported.output
    ok = run("verify", str(tmp_path / "b.zip"))
    assert ok.exit_code == 0 and "OK" in ok.output

    folder = run("export", number, "--out", str(tmp_path / "b"), "--as", "coco")
    assert folder.exit_code == 0
    report = tmp_path / "b" / "data" / "report.html"
    report.write_text(report.read_text().replace("Lisa", "Lena"))
    bad = run("verify", str(tmp_path / "b"))
    assert bad.exit_code == 1 and "data/report.html" in bad.output

    other = run("create", "--title", "Ontvangst", "--team", "vice", "--as", "coco").output.split()[0]
    imported = run("import", other, str(tmp_path / "b.zip"), "--as", "coco")
    assert imported.exit_code == 0 and "enrichment notes" in imported.output
    refused_import = run("import", other, str(tmp_path / "b"), "--as", "coco")
    assert refused_import.exit_code == 2 and "data/report.html" in refused_import.output


def test_platform_request_letter(run, world, tmp_path):
    number = run("create", "--title", "Lisa", "--team", "vice", "--as", "ana").output.split()[0]
    run("add", number, "--ad", str(world.ads["a1"]), "--as", "ana")
    out = tmp_path / "verzoek.html"
    done = run("request", number, "--platform", "classic", "--out", str(out), "--as", "ana")
    assert done.exit_code == 0, done.output
    html = out.read_text()
    assert "http://127.0.0.1:8765/classic/ad/a1" in html and ">a1<" in html
    assert "2026-11-01 09:00:00 UTC" in html and "2026-11-02 09:00:00 UTC" in html  # both captures
    assert "HON" in html and "in te vullen" in html  # the officer states the legal basis
    assert (tmp_path / "verzoek.pdf").read_bytes().startswith(b"%PDF")
    wrong = run("request", number, "--platform", "nowhere", "--out", str(out), "--as", "ana")
    assert wrong.exit_code == 2 and "its platforms: classic" in wrong.output


def test_clear_errors_without_traceback(run, settings, tmp_path):
    missing = run("export", "SS-1999-0001", "--out", str(tmp_path / "x"), "--as", "coco")
    assert missing.exit_code == 2 and "case 'SS-1999-0001': not found or not allowed" in missing.output
    nobody = run("list")
    assert nobody.exit_code == 2 and "--as" in nobody.output
    ghost = run("list", "--as", "ghost")
    assert ghost.exit_code == 2 and "no user account 'ghost'" in ghost.output
    (tmp_path / "junk.zip").write_bytes(b"junk")
    junk = run("verify", str(tmp_path / "junk.zip"))
    assert junk.exit_code == 1 and "junk.zip" in junk.output
    # the real entry point, as an analyst would run it
    proc = subprocess.run([sys.executable, "-m", "signalstack.cli", "case", "verify", str(tmp_path / "nothing")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "no such file or folder" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
